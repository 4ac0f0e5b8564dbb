/*
 * toll-import: real exports (ACLED, UCDP GED, any table) written as the
 * canonical reports table of toll(7), THE REPORTS TABLE, which every other program
 * reads.  The formats and their rules are libtoll's import module
 * (toll/import.h); this is its options, its help and a loop.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "toll/import.h"
#include "toll/out.h"

static const char usage_text[] =
	"Usage: toll-import FORMAT [OPTION]... [FILE]...\n"
	"Write an export as the reports table every toll program reads (TSV on\n"
	"standard output), with one line on standard error of what was decided.\n"
	"With no FILE, or when FILE is -, read standard input.  A row that cannot\n"
	"be read is reported FILE:LINE:COL and left out (exit status 1); every\n"
	"good row is still written.\n";

static const char usage_formats[] =
	"Any format reads TSV, CSV, or JSON (an array of records, or one record a\n"
	"line), found by its first bytes: a nested field is named by its dotted\n"
	"path (location.country); the columns are the first 1,000 records' keys\n"
	"(a key first seen later is not read, and said).\n"
	"ACLED and UCDP code their own estimates from many sources: their rows have\n"
	"no claimant, as an independent source's (counted for every side).  A table\n"
	"says who made each claim with --map claimant=COLUMN or --set claimant=SIDE.\n";

static const char usage_end[] =
	"\n"
	"-m's default is 0 here: every good row is written, however many are refused.\n"
	"\n"
	"Output columns: event, reported, source, side, category, status, low,\n"
	"best, high, start, end, then the columns kept.  Dates are written as\n"
	"YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ), numbers as plain digits.\n"
	"Exit status: 0 success, 1 rows refused, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-import acled export.csv | toll-agg -g country,start:month\n"
	"  toll-import ucdp-ged --split-sides ged231.csv >ged.tsv\n"
	"  toll-import table --map event=battle,side=country,best=numbers \\\n"
	"      --set reported=2018-11-11,source=Wikipedia,category=casualties \\\n"
	"      --date-format %m/%d/%Y wwi.csv\n"
	"  toll-import table --set event=invasion,side=Russia,category=killed \\\n"
	"      --map reported=date,source=source.name,best=personnel,qualifier=personnel* \\\n"
	"      losses.json\n";

/* getopt_long's value of import option i. */
#define OPT_IMPORT 512

/* A format's name and help, its lines after the first indented to its column. */
static void
indented(FILE *f, const char *name, const char *text)
{
	const char *p, *nl;

	fprintf(f, "  %-10s", name);
	for (p = text; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p) - 1;
		fprintf(f, "%*s%.*s", p == text ? 0 : 12, "", (int)(nl - p + 1), p);
	}
}

/*
 * The help before the options every program takes: the formats and their
 * options from the import module's table (NULL out of memory).
 */
static char *
intro(void)
{
	char *buf = NULL;
	size_t len = 0, i;
	int opt;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	fputs(usage_text, f);
	fputs("\nFormats:\n", f);
	for (i = 0; i < toll_import_formats(); i++)
		indented(f, toll_import_format_name(i), toll_import_format_help(i));
	fputs(usage_formats, f);
	fputc('\n', f);
	for (i = 0; i < toll_import_formats(); i++)
		if (toll_import_format_options_help(i) != NULL)
			fputs(toll_import_format_options_help(i), f);
	fputs("Any format:\n", f);
	for (opt = 0; opt < TOLL_IMPORT_NOPTS; opt++)
		if (toll_import_option_help(opt) != NULL)
			fputs(toll_import_option_help(opt), f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * The options: the import module's (their help is in its sections, above),
 * then those every reader takes.
 */
static cli_opt *
options(void)
{
	static const cli_opt common[] = { CLI_OPTS_COMMON, CLI_OPT_END };
	size_t n = sizeof common / sizeof common[0], i;
	cli_opt *o = calloc(TOLL_IMPORT_NOPTS + n, sizeof *o);
	int c;

	if (o == NULL)
		return NULL;
	for (c = 0; c < TOLL_IMPORT_NOPTS; c++) {
		o[c].key = OPT_IMPORT + c;
		o[c].name = toll_import_option_name(c);
		o[c].arg = toll_import_option_has_arg(c) ? "X" : NULL;
	}
	for (i = 0; i < n; i++)
		o[TOLL_IMPORT_NOPTS + i] = common[i];
	return o;
}

/* What the import says: printed, and counted in the reader's status. */
static int
say(void *ctx, const toll_diag *d, int code)
{
	cli_reader *cr = ctx;

	if (code == TOLL_OK) {
		cli_reader_warn(cr, d);
		return 1;
	}
	if (code == TOLL_EUSAGE) {
		cr->status = cli_usage_error("%s", d->msg);
		return 0;
	}
	return cli_reader_problem(cr, d, code);   /* 0 after too many, or out of memory */
}

/* A usage error of the import module (or trouble, out of memory). */
static int
refused(int code, const toll_diag *d)
{
	if (code == TOLL_EUSAGE)
		return cli_usage_error("%s", d->msg);
	cli_diag(d, 0);
	return cli_exit_status(code);
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	cli_reader cr;
	toll_import *im = NULL;
	toll_out *out = NULL;
	toll_diag d;
	char names[128], line[1024];
	size_t i, k = 0;
	int c, code, status = EXIT_OK;
	char *head = intro();
	cli_opt *opts = options();
	cli_program prog = { NULL, NULL, NULL };

	cli_init("toll-import");
	opt.max_errors = 0;
	memset(&cr, 0, sizeof cr);
	if (head == NULL || opts == NULL || (im = toll_import_new(say, &cr)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	if (cli_program_init(&prog, head, opts, usage_end) != 0) {
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		status = CLI_CONTINUE;
		if (c >= OPT_IMPORT && c < OPT_IMPORT + TOLL_IMPORT_NOPTS) {
			if ((code = toll_import_option(im, c - OPT_IMPORT, optarg, &d)) != TOLL_OK)
				status = refused(code, &d);
		} else {
			status = cli_option(c, argv, prog.usage, &opt);
		}
		if (status != CLI_CONTINUE)
			goto done;
	}
	status = EXIT_OK;
	if (optind >= argc) {
		for (i = 0, k = 0; i < toll_import_formats(); i++)
			k = toll_list_add(names, sizeof names, k, toll_import_format_name(i), i,
			                  toll_import_formats(), " or ");
		status = cli_usage_error("a FORMAT is needed: %s", names);
		goto done;
	}
	if ((code = toll_import_set_format(im, argv[optind++], &d)) != TOLL_OK) {
		status = refused(code, &d);
		goto done;
	}
	cr.max_errors = opt.max_errors;
	if ((out = toll_out_new(STDOUT_FILENO, 0)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	toll_import_run(im, argv + optind, (size_t)(argc - optind), &opt.dl, out);
	if (cr.max_errors > 0 && cr.errors >= cr.max_errors)
		cli_error("stopped after %ld errors", cr.errors);
	status = cr.status;
	/* The summary counts rows written: after a failed write, none can be said to be. */
	code = toll_out_commit(out, "standard output", &d);
	if (code != TOLL_OK) {
		cli_diag(&d, 0);
		status = cli_exit_status(code);
	} else if (toll_import_summary(im, line, sizeof line) > 0) {
		fprintf(stderr, "%s: %s\n", cli_prog, line);
	}
	status = cli_close_stdout(status);
done:
	cli_program_free(&prog);
	free(opts);
	free(head);
	toll_out_free(out);
	toll_import_free(im);
	return status;
}
