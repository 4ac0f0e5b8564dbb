/*
 * toll-stats: statistics of numeric columns of any TSV or CSV table with a
 * header, per group, with GSL.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "toll/report.h"
#include "toll/stats.h"
#include "toll/strmap.h"

static const char usage_head[] =
	"Usage: toll-stats [OPTION]... OP[:COLUMN]... [FILE]...\n"
	"Statistics of numeric columns of a TSV or CSV table with a header, per\n"
	"group, like GNU datamash but by column name and without sorting first.\n"
	"With no FILE, or when FILE is -, read standard input.\n"
	"\n"
	"Operations, each of a column (count also without: the rows):\n";

/* After the operations, from the library's table of them (intro()). */
static const char usage_quantiles[] =
	"Quantiles interpolate as R's type 7 (as GSL and datamash do).\n"
	"\n";

enum { OPT_SEED = CLI_OPT_PROGRAM, OPT_RESAMPLES, OPT_EVERY };

static const cli_opt options[] = {
	{ 'g', "group", "KEYS", "one row per group of these columns (comma-separated;\n"
		"COLUMN:UNIT groups a date column by day, week,\n"
		"month, quarter or year); may be repeated", NULL },
	{ OPT_EVERY, "every-revision", NULL, "of a reports table, every row; without it, the\n"
		"latest revision of each series, as toll-agg counts", NULL },
	{ OPT_SEED, "seed", "N", "seed of ci95's random resampling (default 1)", NULL },
	{ OPT_RESAMPLES, "resamples", "N", "ci95's bootstrap samples (default 10000)", NULL },
	CLI_OPTS_THREADS,
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Output columns: the keys, then OP_COLUMN for each operation\n"
	"(median_best, p90_best, count), one row per group, sorted by key.  Empty\n"
	"fields are skipped; a group with no values gets empty fields (count: 0);\n"
	"sd and var need two values.  A field that is not a number is an error.\n"
	"Numbers may have thousands separators (6,500).  In a table of claims\n"
	"(event, reported, source) or one toll-agg wrote (best_by), low, best and\n"
	"high are the figure's (or value's), completed as every toll program\n"
	"completes them; an open figure's high is unbounded, and so is what\n"
	"includes it (an empty field); a best outside [low, high] widens the\n"
	"interval, with a warning that counts them.  In any other table they are\n"
	"columns of numbers as any other (a raw UCDP GED export's).  When the\n"
	"figures can say they are approximate (a qualifier column, as toll-agg\n"
	"writes, or value's \"about N\"), a last column, approximate, counts each\n"
	"group's approximate or vague figures: a sum of them is no exact count.\n"
	"A reports table (event, reported, source, side, category and a figure)\n"
	"is read as one: every row checked as toll-check checks it, and only the\n"
	"latest revision of each series (event, side, status, category, source)\n"
	"counted, said on standard error when that leaves rows out: the revisions\n"
	"of a figure are one count, seen again, not more deaths.\n"
	"Exit status: 0 success, 1 invalid data, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-agg -g event,category datasets/*.tsv | toll-stats -g category count sum:best\n"
	"  toll-stats -g source,category count max:best datasets/*.tsv\n"
	"  toll-stats -g start:year poisson95:best ci95:best events.tsv\n";

/* Whether arg is a file that exists (or "-"): then it is not an operation. */
static int
is_file(const char *arg)
{
	struct stat sb;

	return strcmp(arg, "-") == 0 || stat(arg, &sb) == 0;
}

/* A series' latest revision, a copy of its row. */
struct kept {
	int64_t reported;
	toll_row row;
	char *text;
};

/* What reading the table works on. */
struct reading {
	toll_stats *st;
	toll_table *t;
	int threads;
	int every;                 /* --every-revision */
	int reports;               /* a reports table: each series' latest revision counts */
	toll_schema schema;
	toll_strmap *series;       /* event, side, status, category, source: to kept[] */
	struct kept *kept;
	size_t nkept, cap;
	long rows;
	long not_totals;           /* rows whose kind is not total: no toll counts them */
	char *key;
	size_t keycap;
};

/* Whether t's columns are a reports table's: its required columns and a figure. */
static int
is_reports(const toll_table *t)
{
	static const int need[] = {
		TOLL_COL_EVENT, TOLL_COL_REPORTED, TOLL_COL_SOURCE, TOLL_COL_SIDE, TOLL_COL_CATEGORY
	};
	size_t i;

	for (i = 0; i < sizeof need / sizeof need[0]; i++)
		if (toll_table_column(t, toll_column_names[need[i]]) < 0)
			return 0;
	return toll_table_column(t, "best") >= 0 || toll_table_column(t, "low") >= 0 ||
	       toll_table_column(t, "high") >= 0 || toll_table_column(t, "value") >= 0;
}

static int
stats_header(struct reading *r, const toll_table *t, toll_diag *d)
{
	int rc = toll_stats_header(r->st, t, d);

	if (rc == TOLL_OK && !r->every && is_reports(t)) {
		toll_row h;

		h.f = toll_table_columns(t, &h.n);
		h.file = NULL;
		h.fileno = 0;
		h.line = h.n > 0 ? h.f[0].line : 1;
		if ((rc = toll_schema_from_header(&r->schema, t, &h, d)) != TOLL_OK)
			return rc;
		r->schema.figure_flags = TOLL_FIGURE_WIDEN;   /* as toll_stats_add() reads it */
		r->reports = 1;
		if ((r->series = toll_strmap_new()) == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		/* Rows are split in threads; their values are read here, when counted. */
		if ((rc = toll_table_set_threads(r->t, r->threads, NULL, NULL, 0)) != TOLL_OK)
			return toll_diag_set(d, rc, NULL, 0, 0, "out of memory");
		return TOLL_OK;
	}
	if (rc == TOLL_OK && (rc = toll_stats_set_threads(r->st, r->t, r->threads)) != TOLL_OK)
		toll_diag_set(d, rc, NULL, 0, 0, "out of memory");
	return rc;
}

/* Keeps a copy of row as series id's latest revision. */
static int
keep(struct reading *r, size_t id, const toll_row *row, int64_t reported)
{
	struct kept *k;
	size_t i, len = 0;
	toll_field *f;
	char *p;

	if (id == r->nkept) {
		if (r->nkept == r->cap) {
			size_t cap = r->cap ? 2 * r->cap : 1024;
			struct kept *nk = realloc(r->kept, cap * sizeof *nk);

			if (nk == NULL)
				return TOLL_ENOMEM;
			r->kept = nk;
			r->cap = cap;
		}
		memset(&r->kept[r->nkept++], 0, sizeof *r->kept);
	}
	k = &r->kept[id];
	for (i = 0; i < row->n; i++)
		len += row->f[i].len;
	if ((p = malloc(len + 1 + row->n * sizeof *f)) == NULL)
		return TOLL_ENOMEM;
	f = (toll_field *)(void *)p;
	p += row->n * sizeof *f;
	for (i = 0; i < row->n; i++) {
		f[i] = row->f[i];
		f[i].s = p;
		memcpy(p, row->f[i].s, row->f[i].len);
		p += row->f[i].len;
	}
	free(k->text);
	k->text = (char *)f;
	k->row = *row;
	k->row.f = f;
	k->reported = reported;
	return TOLL_OK;
}

static int
stats_row(struct reading *r, const toll_row *row, toll_diag *d)
{
	toll_diag problems[TOLL_REPORT_MAX_PROBLEMS];
	toll_report rep;
	size_t n, id;
	int added;

	if (!r->reports)
		return toll_stats_add(r->st, row, d);
	/* A reports table: checked as every toll program checks it; the latest revision kept. */
	if (toll_report_parse(&r->schema, row, &rep, problems) > 0) {
		*d = problems[0];
		return TOLL_EDATA;
	}
	if (rep.kind != TOLL_KIND_TOTAL) {
		r->not_totals++;
		return TOLL_OK;
	}
	r->rows++;
	n = rep.event.len + rep.side.len + rep.source.len + 32;
	if (n > r->keycap) {
		char *nk = realloc(r->key, 2 * n);

		if (nk == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		r->key = nk;
		r->keycap = 2 * n;
	}
	n = (size_t)snprintf(r->key, n, "%.*s%c%.*s%c%d%c%d%c%.*s", (int)rep.event.len, rep.event.s, 0,
	                     (int)rep.side.len, rep.side.s, 0, rep.status, 0, rep.category, 0,
	                     (int)rep.source.len, rep.source.s);
	if (toll_strmap_intern(r->series, r->key, n, &id, &added) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	/* A later revision replaces it; of two of one instant, the first counts (as toll-agg). */
	if ((added || rep.reported.t > r->kept[id].reported) && keep(r, id, row, rep.reported.t) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	return TOLL_OK;
}

/* The kept revisions counted, in the order their series came; 0 or an exit status. */
static int
count_kept(struct reading *r, cli_reader *in)
{
	toll_diag d;
	size_t i;
	int code;

	for (i = 0; i < r->nkept; i++)
		if ((code = toll_stats_add(r->st, &r->kept[i].row, &d)) != TOLL_OK &&
		    !cli_reader_problem(in, &d, code))
			break;
	if (in->status == EXIT_OK && r->not_totals > 0)
		fprintf(stderr, "%s: warning: %ld row%s not a total (kind increment, previous, part or "
		        "other): no toll counts %s\n", cli_prog, r->not_totals,
		        r->not_totals == 1 ? " is" : "s are", r->not_totals == 1 ? "it" : "them");
	if (in->status == EXIT_OK && r->rows > (long)r->nkept)
		fprintf(stderr, "%s: a reports table: the latest revision of each series counted, %zu of "
		        "%ld rows (--every-revision: every row)\n", cli_prog, r->nkept, r->rows);
	return in->status;
}

/*
 * The help before the options: the operations from the library's table of
 * them, a line of the help each: side by side, or, alone on their line,
 * with their help in a column.
 */
static char *
intro(void)
{
	size_t n = toll_stats_count(), i, len = sizeof usage_head + sizeof usage_quantiles;
	const char *help;
	char *u, *o;
	int line, l, last = 0;

	for (i = 0; i < n; i++) {
		len += strlen(toll_stat_label(i, &help, &line)) + 20 + (help ? 2 * strlen(help) : 0);
		last = line > last ? line : last;
	}
	if ((u = malloc(len)) == NULL)
		return NULL;
	o = u + sprintf(u, "%s", usage_head);
	for (l = 0; l <= last; l++) {
		size_t on = 0, first = 0;

		for (i = 0; i < n; i++)
			if (toll_stat_label(i, &help, &line) != NULL && line == l && on++ == 0)
				first = i;
		if (on == 1) {
			const char *label = toll_stat_label(first, &help, &line);

			o += sprintf(o, "  %-9s", label);
			if (help != NULL) {
				o += sprintf(o, "  ");
				for (; *help != '\0'; help++) {
					*o++ = *help;
					if (*help == '\n')
						o += sprintf(o, "%13s", "");
				}
			}
		} else {
			for (i = 0; i < n; i++) {
				const char *label = toll_stat_label(i, &help, &line);

				if (line != l)
					continue;
				/* Two spaces before each: the indent, then between them. */
				o += sprintf(o, "  %s%s%s", label, help ? " " : "", help ? help : "");
			}
		}
		*o++ = '\n';
	}
	strcpy(o, usage_quantiles);
	return u;
}

/*
 * Reads the table into rd's statistics (a reports table: each series'
 * latest revision, counted at the end); *header says whether it had one.
 * Returns the exit status.
 */
static int
read_table(struct reading *rd, const cli_options *opt, int *header)
{
	cli_reader in;
	toll_row row;
	toll_diag d;
	int code, rc;

	memset(&in, 0, sizeof in);
	in.max_errors = opt->max_errors;
	*header = 0;
	while ((code = cli_table_next(&in, rd->t, &row)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			*header = 1;
			if ((rc = stats_header(rd, rd->t, &d)) != TOLL_OK) {
				in.status = cli_header_refused(rc, &d);
				break;
			}
		} else if ((rc = stats_row(rd, &row, &d)) != TOLL_OK && !cli_reader_problem(&in, &d, rc)) {
			break;
		}
	}
	cli_reader_close(&in);
	if (in.status == EXIT_OK && rd->reports)
		return count_kept(rd, &in);
	return in.status;
}

/* Writes the statistics, after the warning of intervals widened; the exit status. */
static int
write_result(toll_stats *st, toll_out *out)
{
	const char *file;
	long line;
	size_t w = toll_stats_widened(st, &file, &line);
	toll_diag d;

	if (w > 0)
		fprintf(stderr, "%s: warning: %s:%ld: %zu figure%s counted had a best outside [low, "
		        "high] or low above high: each interval widened to hold its numbers, the "
		        "best kept, as toll-import does for UCDP GED\n", cli_prog, file, line, w,
		        w == 1 ? "" : "s");
	return cli_output_done(out, toll_stats_write(st, out, &d), &d);
}

/*
 * The operations, from argv[optind] on (optind moves past them): they
 * come first, and the first argument that is none starts the files.
 * Returns the exit status.
 */
static int
parse_ops(int argc, char **argv, toll_stat_op **ops, size_t *nops)
{
	toll_diag ud;

	if ((*ops = calloc((size_t)argc, sizeof **ops)) == NULL) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	for (; optind < argc; optind++) {
		const char *a = argv[optind];

		if (!toll_stat_op_is(a) && (strchr(a, ':') == NULL || is_file(a)))
			break;
		if (toll_stat_op_parse(&(*ops)[*nops], a, &ud) != 0)
			return cli_usage_error("%s", ud.msg);
		++*nops;
	}
	if (*nops == 0)
		return cli_usage_error("no operation given (count, sum:COLUMN, median:COLUMN, ...)");
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	toll_keys keys = { NULL, 0 };
	toll_stat_op *ops = NULL;
	size_t nops = 0, i;
	long seed = 1, resamples = 10000;
	toll_stats *st = NULL;
	toll_table *t = NULL;
	toll_out *out = NULL;
	struct reading rd;
	toll_diag ud;              /* what is wrong with an argument */
	int c, status = EXIT_OK, header = 0;
	char *head = intro();
	cli_program prog = { NULL, NULL, NULL };

	cli_init("toll-stats");
	memset(&rd, 0, sizeof rd);
	if (head == NULL || cli_program_init(&prog, head, options, usage_tail) != 0) {
		if (head == NULL)
			cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		switch (c) {
		case 'g':
			if (toll_keys_parse(&keys, optarg, &ud) != 0) {
				status = cli_usage_error("%s", ud.msg);
				goto done;
			}
			break;
		case OPT_SEED:
			if (cli_parse_count(optarg, 4294967295L, &seed) != 0) {
				status = cli_usage_error("invalid --seed '%s': expected a whole number "
				                         "from 0 to 4294967295", optarg);
				goto done;
			}
			break;
		case OPT_EVERY:
			rd.every = 1;
			break;
		case OPT_RESAMPLES:
			if (cli_parse_count(optarg, 100000000L, &resamples) != 0 || resamples < 1) {
				status = cli_usage_error("invalid --resamples '%s': expected a whole number "
				                         "from 1 to 100000000", optarg);
				goto done;
			}
			break;
		default:
			if ((status = cli_option(c, argv, prog.usage, &opt)) != CLI_CONTINUE)
				goto done;
			status = EXIT_OK;
			break;
		}
	}
	if ((status = parse_ops(argc, argv, &ops, &nops)) != EXIT_OK)
		goto done;
	/* Held back until every result is known to be a number: none is written otherwise. */
	if ((st = toll_stats_new(ops, nops, &keys, (unsigned long)seed, (size_t)resamples)) == NULL ||
	    (out = toll_out_new(STDOUT_FILENO, 1)) == NULL ||
	    toll_table_new(&t, argv + optind, (size_t)(argc - optind), &opt.dl) != TOLL_OK) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	rd.st = st;
	rd.t = t;
	rd.threads = cli_threads(&opt);
	status = read_table(&rd, &opt, &header);
	if (status == EXIT_OK && header)
		status = write_result(st, out);
	status = cli_close_stdout(status);
done:
	cli_program_free(&prog);
	free(head);
	for (i = 0; i < rd.nkept; i++)
		free(rd.kept[i].text);
	free(rd.kept);
	free(rd.key);
	toll_strmap_free(rd.series);
	toll_table_free(t);
	toll_stats_free(st);
	toll_out_free(out);
	toll_keys_free(&keys);
	for (i = 0; i < nops; i++)
		toll_stat_op_free(&ops[i]);
	free(ops);
	return status;
}
