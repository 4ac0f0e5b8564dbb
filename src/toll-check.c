/*
 * toll-check: validate report tables (toll(7): THE REPORTS TABLE, BAD INPUT AND LIMITS) and, with
 * --normalize, write them as canonical TSV.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "toll/out.h"
#include "toll/report.h"
#include "toll/series.h"
#include "toll/table.h"

static const char usage_head[] =
	"Usage: toll-check [OPTION]... [FILE]...\n"
	"Validate report tables: every rule of the toll format, every row.\n"
	"With no FILE, or when FILE is -, read standard input.  Several files are\n"
	"read as one table.\n"
	"\n";

static const cli_opt options[] = {
	{ 'n', "normalize", NULL, "write the table as canonical TSV: columns in the\n"
		"order of the format, figures completed (but a\n"
		"best no source stated: left empty), 'value'\n"
		"expanded to low, best, high and qualifier", NULL },
	{ 's', "summary", NULL, "write one row of counts: rows, series, events,\n"
		"warnings, first and last report date", NULL },
	{ 'a', "as-of", "T", "with -n or -s: only the rows reported by T\n"
		"(YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with Z or\n"
		"+HH:MM); every row is checked all the same", NULL },
	CLI_OPTS_THREADS,
	CLI_OPTS_PART,
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Problems are reported as 'toll-check: FILE:LINE:COL: message'; a table\n"
	"with problems gives no output rows.\n"
	"Exit status: 0 valid, 1 invalid data, 2 usage or I/O error.\n"
	"\n"
	"Example: toll-check --normalize reports.csv > reports.tsv\n";

struct state {
	cli_reader in;
	toll_as_of as_of;
	long rows;              /* rows reported by the as-of date, duplicates too */
	unsigned char *seen;    /* bit per series, then per event: met by the as-of date */
	size_t seencap;
	size_t series, events;  /* how many of each */
	int64_t first_t, last_t;
	char *first_text, *last_text;
	const toll_schema *schema;
	size_t *extra, nextra;  /* --normalize: the columns not of the format */
};

/*
 * Finds the columns that are not of the format (kept after the known ones,
 * in input order) and writes the canonical header.  Returns -1 when out
 * of memory.
 */
static int
write_normalized_header(struct state *st, toll_out *o, const toll_table *t)
{
	static const int canonical[] = { TOLL_CLAIM_COLUMNS, TOLL_COL_START, TOLL_COL_END };
	size_t i, n, k;
	const toll_field *cols = toll_table_columns(t, &n);

	if ((st->extra = malloc((n ? n : 1) * sizeof *st->extra)) == NULL)
		return -1;
	st->nextra = 0;
	for (i = 0; i < n; i++) {
		int known = 0;

		/* 'within' is kept where it stands, as the columns the format does not rewrite. */
		for (k = 0; k < TOLL_NCOLUMNS; k++)
			known |= k != TOLL_COL_WITHIN && k != TOLL_COL_CLAIMANT && k != TOLL_COL_KIND &&
			         st->schema->col[k] == (long)i;
		if (!known)
			st->extra[st->nextra++] = i;
	}
	toll_columns_write(o, canonical, sizeof canonical / sizeof canonical[0]);
	for (i = 0; i < st->nextra; i++) {
		toll_out_tab(o);
		toll_out_field(o, cols[st->extra[i]].s, cols[st->extra[i]].len);
	}
	toll_out_eol(o);
	return 0;
}

/* A column of the row as it is, or nothing when the table has no such column. */
static void
write_column(toll_out *o, const toll_schema *s, const toll_row *row, int col)
{
	if (s->col[col] >= 0)
		toll_out_field(o, row->f[s->col[col]].s, row->f[s->col[col]].len);
}

static void
write_normalized_row(const struct state *st, toll_out *o, const toll_row *row,
                     const toll_report *r)
{
	size_t i;

	toll_report_write(o, r, 0);
	toll_out_tab(o);
	write_column(o, st->schema, row, TOLL_COL_START);
	toll_out_tab(o);
	write_column(o, st->schema, row, TOLL_COL_END);
	for (i = 0; i < st->nextra; i++) {
		toll_out_tab(o);
		toll_out_field(o, row->f[st->extra[i]].s, row->f[st->extra[i]].len);
	}
	toll_out_eol(o);
}

/* Keeps a copy of f's text in *slot; -1 when out of memory. */
static int
keep_text(char **slot, const toll_field *f)
{
	free(*slot);
	*slot = strndup(f->s, f->len);
	return *slot ? 0 : -1;
}

/* Remembers the first and last report instants, as written. */
static int
track_dates(struct state *st, const toll_report *r)
{
	if (st->first_text == NULL || r->reported.t < st->first_t) {
		st->first_t = r->reported.t;
		if (keep_text(&st->first_text, &r->reported_text) != 0)
			return -1;
	}
	if (st->last_text == NULL || r->reported.t > st->last_t) {
		st->last_t = r->reported.t;
		if (keep_text(&st->last_text, &r->reported_text) != 0)
			return -1;
	}
	return 0;
}

/* Sets bit i of st->seen (grown as needed); returns 1 when it was clear, -1 when out of memory. */
static int
mark(struct state *st, size_t i)
{
	size_t need = i / 8 + 1;

	if (need > st->seencap) {
		size_t ncap = st->seencap ? st->seencap : 4096;
		unsigned char *n;

		while (ncap < need)
			ncap *= 2;
		if ((n = realloc(st->seen, ncap)) == NULL)
			return -1;
		memset(n + st->seencap, 0, ncap - st->seencap);
		st->seen = n;
		st->seencap = ncap;
	}
	if (st->seen[i / 8] & (1u << (i % 8)))
		return 0;
	st->seen[i / 8] |= (unsigned char)(1u << (i % 8));
	return 1;
}

/*
 * Counts a row reported by the as-of date: its series and event, the
 * first and last report.  Series use the even bits, events the odd ones.
 */
static int
count_row(struct state *st, const toll_entry *e)
{
	const toll_series_index *x = toll_reports_index(st->in.rd);
	int r;

	st->rows++;
	if ((r = mark(st, 2 * e->series)) < 0)
		return -1;
	st->series += (size_t)r;
	if ((r = mark(st, 2 * toll_series_index_event(x, e->series) + 1)) < 0)
		return -1;
	st->events += (size_t)r;
	return track_dates(st, &e->rep);
}

static void
write_summary(toll_out *o, const struct state *st)
{
	static const char header[] = "rows\tseries\tevents\twarnings\tfirst_reported\tlast_reported\n";

	toll_out_write(o, header, sizeof header - 1);
	toll_out_int(o, st->rows);
	toll_out_tab(o);
	toll_out_int(o, (int64_t)st->series);
	toll_out_tab(o);
	toll_out_int(o, (int64_t)st->events);
	toll_out_tab(o);
	toll_out_int(o, st->in.warnings);
	toll_out_tab(o);
	if (st->first_text)
		toll_out_str(o, st->first_text);
	toll_out_tab(o);
	if (st->last_text)
		toll_out_str(o, st->last_text);
	toll_out_eol(o);
}

static int
run(struct state *st, char *const *files, size_t nfiles, const cli_options *opt, toll_out *out,
    int normalize, int summary)
{
	toll_entry e;
	toll_diag d;
	int code;

	if (cli_reader_open(&st->in, files, nfiles, &opt->dl, TOLL_REPORTS_AUTO, opt->max_errors,
	                    cli_threads(opt)) != 0)
		return st->in.status;
	cli_reader_part(&st->in, opt);
	st->in.duplicates = 1;   /* they are rows of the table: normalized and counted */
	while ((code = cli_reader_next(&st->in, &e)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			st->schema = toll_reports_schema(st->in.rd);
			if (normalize && write_normalized_header(st, out, toll_reports_table(st->in.rd)) != 0)
				break;
			continue;
		}
		if (!toll_as_of_includes(&st->as_of, &e.rep.reported))
			continue;
		if (summary && count_row(st, &e) != 0)
			break;
		if (normalize && st->in.status == EXIT_OK)
			write_normalized_row(st, out, &e.row, &e.rep);
	}
	if (code != TOLL_END) {
		cli_error("out of memory");
		st->in.status = EXIT_TROUBLE;
	}
	if (st->in.status == EXIT_OK && summary)
		write_summary(out, st);
	if (st->in.status == EXIT_OK && (normalize || summary) &&
	    toll_out_commit(out, "standard output", &d) != TOLL_OK) {
		cli_diag(&d, 0);
		st->in.status = EXIT_TROUBLE;
	}
	return st->in.status;
}

int
main(int argc, char **argv)
{
	struct state st;
	cli_options opt = CLI_OPTIONS_INIT;
	int c, normalize = 0, summary = 0, status = EXIT_OK, as_of = 0;
	toll_out *out = NULL;
	cli_program prog = { NULL, NULL, NULL };

	cli_init("toll-check");
	memset(&st, 0, sizeof st);
	{
		static const toll_as_of all = TOLL_AS_OF_ALL;

		st.as_of = all;
	}
	if (cli_program_init(&prog, usage_head, options, usage_tail) != 0) {
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		switch (c) {
		case 'n': normalize = 1; break;
		case 's': summary = 1; break;
		case 'a':
			if (cli_parse_as_of(optarg, &st.as_of) != 0) {
				status = EXIT_TROUBLE;
				goto done;
			}
			as_of = 1;
			break;
		default:
			if ((status = cli_option(c, argv, prog.usage, &opt)) != CLI_CONTINUE)
				goto done;
			status = EXIT_OK;
			break;
		}
	}
	if (normalize && summary) {
		status = cli_usage_error("--normalize and --summary cannot be used together");
		goto done;
	}
	if (as_of && !normalize && !summary) {
		status = cli_usage_error("--as-of needs --normalize or --summary: every row is checked");
		goto done;
	}
	if ((out = toll_out_new(STDOUT_FILENO, 1)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	status = run(&st, argv + optind, (size_t)(argc - optind), &opt, out, normalize, summary);
	cli_reader_close(&st.in);
	status = cli_close_stdout(status);
done:
	cli_program_free(&prog);
	toll_out_free(out);
	free(st.first_text);
	free(st.last_text);
	free(st.extra);
	free(st.seen);
	return status;
}
