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

/* Writes text with every line but the first indented by n spaces. */
static void
indented(const char *text, int n)
{
	const char *p, *nl;

	for (p = text; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p) - 1;
		printf("%*s%.*s", p == text ? 0 : n, "", (int)(nl - p + 1), p);
	}
}

/* The help: the formats and their options from the import module's table. */
static int
help(void)
{
	size_t i;
	int opt;

	fputs(usage_text, stdout);
	fputs("\nFormats:\n", stdout);
	for (i = 0; i < toll_import_formats(); i++) {
		printf("  %-10s", toll_import_format_name(i));
		indented(toll_import_format_help(i), 12);
	}
	fputs(usage_formats, stdout);
	fputc('\n', stdout);
	for (i = 0; i < toll_import_formats(); i++)
		if (toll_import_format_options_help(i) != NULL)
			fputs(toll_import_format_options_help(i), stdout);
	fputs("Any format:\n", stdout);
	for (opt = 0; opt < TOLL_IMPORT_NOPTS; opt++)
		if (toll_import_option_help(opt) != NULL)
			fputs(toll_import_option_help(opt), stdout);
	fputs(CLI_HELP_OPTIONS, stdout);
	fputs(usage_end, stdout);
	return cli_close_stdout(EXIT_OK);
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
	static const struct option cli_longopts[] = { CLI_LONG_OPTIONS };
	struct option longopts[TOLL_IMPORT_NOPTS + sizeof cli_longopts / sizeof cli_longopts[0] + 1];
	cli_options opt = CLI_OPTIONS_INIT;
	cli_reader cr;
	toll_import *im = NULL;
	toll_out *out = NULL;
	toll_diag d;
	char names[128], line[1024];
	size_t i, k = 0;
	int c, code, status = EXIT_OK;

	cli_init("toll-import");
	opt.max_errors = 0;
	memset(&cr, 0, sizeof cr);
	for (c = 0; c < TOLL_IMPORT_NOPTS; c++) {
		longopts[k].name = toll_import_option_name(c);
		longopts[k].has_arg = toll_import_option_has_arg(c) ? required_argument : no_argument;
		longopts[k].flag = NULL;
		longopts[k++].val = OPT_IMPORT + c;
	}
	for (i = 0; i < sizeof cli_longopts / sizeof cli_longopts[0]; i++)
		longopts[k++] = cli_longopts[i];
	memset(&longopts[k], 0, sizeof longopts[k]);
	if ((im = toll_import_new(say, &cr)) == NULL) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":m:hV", longopts, NULL)) != -1) {
		status = CLI_CONTINUE;
		if (c >= OPT_IMPORT && c < OPT_IMPORT + TOLL_IMPORT_NOPTS) {
			if ((code = toll_import_option(im, c - OPT_IMPORT, optarg, &d)) != TOLL_OK)
				status = refused(code, &d);
		} else if (c == 'h') {
			status = help();
		} else {
			status = cli_option(c, argv, usage_text, &opt);
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
	toll_out_free(out);
	toll_import_free(im);
	return status;
}
