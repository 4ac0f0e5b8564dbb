/*
 * toll-split: split a reports table into K parts by event (toll(7), PARTS),
 * each a table of its own that remembers where its rows came from.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"
#include "toll/out.h"
#include "toll/report.h"
#include "toll/reports.h"
#include "toll/table.h"

static const char usage_head[] =
	"Usage: toll-split -k K [-o PREFIX] [OPTION]... [FILE]...\n"
	"Split a reports table into K parts by event: the rows of one event are\n"
	"always in one part, the part toll-agg --part I/K reads (toll(7), PARTS).\n"
	"Part I is written to PREFIXI.tsv (PREFIXI.csv for CSV), a table with the\n"
	"header, its rows as they were, and lines that say where each row came\n"
	"from: every message about a part names the original file and line.\n"
	"With no FILE, or when FILE is -, read standard input.  Several files are\n"
	"read as one table; they must have one header.\n"
	"\n";

static const cli_opt options[] = {
	{ 'k', "parts", "K", "how many parts, 1 to 1024", NULL },
	{ 'o', "prefix", "PREFIX", "the parts' names begin with PREFIX (default 'part':\n"
		"part1.tsv, part2.tsv, ...); a folder in it must exist", NULL },
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Rows are not checked: a row the reader cannot split (a wrong number of\n"
	"fields, a bad quote) goes to part 1, whose reader says what is wrong.\n"
	"A part appears whole or not at all, and none when the input is refused.\n"
	"The parts keep the header as it was: read them with the same --names,\n"
	"--no-header, --delimiter as the table.\n"
	"Exit status: 0 done, 1 a header refused, 2 usage or I/O error.\n"
	"\n"
	"Then toll-agg reads each part with --part I/K, and adds their outputs\n"
	"with its option merge (toll(7), PARTS).\n"
	"\n"
	"Example: toll-split -k 4 -o p claims.tsv &&\n"
	"         for i in 1 2 3 4; do toll-agg --part $i/4 p$i.tsv > agg$i; done\n";

struct part {
	char *name;
	toll_atomic *a;
	toll_out *o;
	const char *file;   /* the file its last row came from, and the line after it */
	long next_line;
};

struct split {
	struct part *p;
	long k;
	char *hdr;          /* the first header, as read */
	size_t hdr_len;
	int csv;            /* the parts are CSV */
	int no_header;      /* --no-header: the parts have none either */
	long event_col;
	int status;
	long errors, max_errors;
};

/* Whether a file named so is read as CSV (toll(7), THE REPORTS TABLE). */
static int
read_as_csv(const toll_dialect *dl, const char *name)
{
	size_t n = strlen(name);

	if (dl->delim != 0)
		return dl->delim != '\t';
	if (dl->fmt != TOLL_FORMAT_AUTO)
		return dl->fmt == TOLL_FORMAT_CSV;
	return n >= 4 && (strcmp(name + n - 4, ".csv") == 0 || strcmp(name + n - 4, ".CSV") == 0);
}

/* A name a part's "#@LINE FILE" line can hold: no line break, tab, backslash or quote. */
static int
nameable(const char *s)
{
	return strpbrk(s, "\n\r\t\\\"") == NULL;
}

/* Writes rec[0..len) of file at line to its part, after a line saying where it came from. */
static int
put(struct part *p, const char *rec, size_t len, const char *file, long line)
{
	char buf[32];
	size_t i;
	long lines = 1;

	if (p->file != file || p->next_line != line) {
		int n = snprintf(buf, sizeof buf, "#@%ld", line);

		toll_out_write(p->o, buf, (size_t)n);
		if (p->file != file) {
			if (!nameable(file)) {
				cli_error("cannot name '%s' in a part: a name with a line break, a tab, a "
				          "backslash or a quote; rename the file", file);
				return -1;
			}
			toll_out_write(p->o, " ", 1);
			toll_out_write(p->o, file, strlen(file));
		}
		toll_out_eol(p->o);
		p->file = file;
	}
	for (i = 0; i < len; i++)
		lines += rec[i] == '\n';
	toll_out_write(p->o, rec, len);
	toll_out_eol(p->o);
	p->next_line = line + lines;
	return 0;
}

/* A file's header: the first one is written to every part; a later one must be the same. */
static int
header(struct split *sp, toll_table *t, const toll_row *row, const toll_dialect *dl)
{
	size_t len;
	const char *file;
	long line, i;
	const char *raw = toll_table_raw(t, &len, &file, &line);

	if (sp->hdr == NULL) {
		toll_schema s;
		toll_diag d;

		if (toll_schema_from_header(&s, t, row, &d) != TOLL_OK) {
			cli_diag(&d, 0);
			sp->status = EXIT_DATA;
			return -1;
		}
		sp->event_col = s.col[TOLL_COL_EVENT];
		sp->no_header = dl->no_header;
		sp->csv = read_as_csv(dl, row->file);
		if ((sp->hdr = malloc(len ? len : 1)) == NULL) {
			cli_error("out of memory");
			sp->status = EXIT_TROUBLE;
			return -1;
		}
		memcpy(sp->hdr, raw, len);
		sp->hdr_len = len;
		for (i = 0; i < sp->k; i++) {
			char mark[64];
			int n = snprintf(mark, sizeof mark, "#toll split %ld/%ld", i + 1, sp->k);

			toll_out_write(sp->p[i].o, mark, (size_t)n);
			toll_out_eol(sp->p[i].o);
			/* Without a header line (--no-header), the record read is the first row, handed out next. */
			if (!sp->no_header && put(&sp->p[i], raw, len, file, line) != 0) {
				sp->status = EXIT_TROUBLE;
				return -1;
			}
		}
		return 0;
	}
	if (sp->no_header)
		return 0;
	if (len != sp->hdr_len || memcmp(raw, sp->hdr, len) != 0 ||
	    read_as_csv(dl, row->file) != sp->csv) {
		cli_error("%s:%ld: a header or format unlike the first file's: a part has one "
		          "header; split this file on its own (another -o)", file, line);
		sp->status = EXIT_DATA;
		return -1;
	}
	return 0;
}

static int
split_all(struct split *sp, char **files, size_t nfiles, const toll_dialect *dl)
{
	toll_table *t = NULL;
	toll_row row;
	toll_diag d;
	unsigned long seen = 0;
	int code;

	if (toll_table_new(&t, files, nfiles, dl) != TOLL_OK) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	toll_table_keep_raw(t);
	while ((code = toll_table_next(t, &row, &d)) != TOLL_END) {
		size_t len;
		const char *file, *raw;
		long line;

		if (code == TOLL_HEADER) {
			if (header(sp, t, &row, dl) != 0)
				break;
			continue;
		}
		raw = toll_table_raw(t, &len, &file, &line);
		if (code == TOLL_EDATA && sp->hdr != NULL && toll_table_reading_rows(t) &&
		    toll_table_records(t) != seen) {
			/* A record the reader cannot split: to part 1, whose reader says what is wrong. */
			seen = toll_table_records(t);
			if (put(&sp->p[0], raw, len, file, line) != 0) {
				sp->status = EXIT_TROUBLE;
				break;
			}
			continue;
		}
		if (code != TOLL_OK) {
			cli_diag(&d, 0);
			if (sp->status == EXIT_OK || cli_exit_status(code) == EXIT_TROUBLE)
				sp->status = cli_exit_status(code);
			if (code == TOLL_ENOMEM || code == TOLL_EIO || sp->hdr == NULL ||
			    (sp->max_errors > 0 && ++sp->errors >= sp->max_errors))
				break;
			continue;
		}
		seen = toll_table_records(t);
		if (!sp->csv || len < 2 || raw[0] != '#' || raw[1] != '@') {
			const toll_field *f = &row.f[sp->event_col];
			uint64_t h = toll_event_hash(f->s, f->len);

			if (put(&sp->p[h % (uint64_t)sp->k], raw, len, file, line) != 0) {
				sp->status = EXIT_TROUBLE;
				break;
			}
		} else {
			cli_error("%s:%ld:1: a CSV record that begins '#@' would be read as a line of "
			          "toll split's: quote its first field", file, line);
			sp->status = EXIT_DATA;
		}
	}
	if (sp->hdr == NULL && sp->status == EXIT_OK)
		sp->status = EXIT_DATA;   /* said: an empty input has no header */
	toll_table_free(t);
	return sp->status;
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	cli_program prog = { NULL, NULL, NULL };
	struct split sp;
	const char *prefix = "part";
	long i, k = 0;
	int c, status = EXIT_OK;
	toll_diag d;

	cli_init("toll-split");
	memset(&sp, 0, sizeof sp);
	if (cli_program_init(&prog, usage_head, options, usage_tail) != 0)
		return EXIT_TROUBLE;
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			if (cli_parse_count(optarg, TOLL_ATOMIC_MAX, &k) != 0 || k < 1) {
				status = cli_usage_error("invalid -k '%s': expected a whole number of parts "
				                         "from 1 to %d", optarg, TOLL_ATOMIC_MAX);
				goto done;
			}
			break;
		case 'o':
			if (optarg[0] == '\0' || optarg[0] == '-') {
				status = cli_usage_error("invalid -o '%s': a prefix of file names, not "
				                         "empty, not beginning with '-'", optarg);
				goto done;
			}
			prefix = optarg;
			break;
		default:
			if ((status = cli_option(c, argv, prog.usage, &opt)) != CLI_CONTINUE)
				goto done;
			status = EXIT_OK;
			break;
		}
	}
	if (k == 0) {
		status = cli_usage_error("how many parts? -k K (1 to %d)", TOLL_ATOMIC_MAX);
		goto done;
	}
	sp.k = k;
	sp.max_errors = opt.max_errors;
	if ((sp.p = calloc((size_t)k, sizeof *sp.p)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	cli_cleanup_on_signals();
	/* K parts open at once: as many descriptors as the system lets this process have, when fewer. */
	{
		struct rlimit rl;

		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
		    rl.rlim_cur < (rlim_t)k + 64) {
			rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > (rlim_t)k + 64 ?
			              (rlim_t)k + 64 : rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
	}
	{
		const char *first = optind < argc ? argv[optind] : "-";
		const char *ext = read_as_csv(&opt.dl, first) ? "csv" : "tsv";

		for (i = 0; i < k; i++) {
			size_t n = strlen(prefix) + 32;

			if ((sp.p[i].name = malloc(n)) == NULL) {
				cli_error("out of memory");
				status = EXIT_TROUBLE;
				goto done;
			}
			snprintf(sp.p[i].name, n, "%s%ld.%s", prefix, i + 1, ext);
			if ((c = toll_atomic_open(&sp.p[i].a, sp.p[i].name, &d)) != TOLL_OK) {
				cli_diag(&d, 0);
				status = cli_exit_status(c);
				goto done;
			}
			if ((sp.p[i].o = toll_out_new(toll_atomic_fd(sp.p[i].a), 0)) == NULL) {
				cli_error("out of memory");
				status = EXIT_TROUBLE;
				goto done;
			}
		}
	}
	status = split_all(&sp, argv + optind, (size_t)(argc - optind), &opt.dl);
	for (i = 0; i < k && status == EXIT_OK; i++) {
		if (toll_out_commit(sp.p[i].o, sp.p[i].name, &d) != TOLL_OK) {
			cli_diag(&d, 0);
			status = EXIT_TROUBLE;
		}
	}
	/* Every part written whole, then each put in place. */
	for (i = 0; i < k && status == EXIT_OK; i++) {
		if (toll_atomic_commit(sp.p[i].a, &d) != TOLL_OK) {
			cli_diag(&d, 0);
			status = EXIT_TROUBLE;
		}
		sp.p[i].a = NULL;
	}
done:
	for (i = 0; sp.p != NULL && i < k; i++) {
		toll_out_free(sp.p[i].o);
		toll_atomic_abort(sp.p[i].a);
		free(sp.p[i].name);
	}
	free(sp.p);
	free(sp.hdr);
	cli_program_free(&prog);
	return status;
}
