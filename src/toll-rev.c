/*
 * toll-rev: revision tracking: the history of every
 * series, a summary per series, and the differences between two versions
 * of a table.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "toll/rev.h"
#include "toll/timeline.h"

static const char usage_about[] =
	"Show how casualty figures were revised.  A series is the figures one source\n"
	"gave for one event, side, status and category; its rows are its revisions.\n"
	"With no FILE, or when FILE is -, read standard input.\n"
	"\n";

enum mode { HISTORY, SUMMARY, DIFF, SERIES };

/*
 * The commands, in the order of the help: the only place one is named and
 * described (its arguments and its help); the help, the messages and the
 * completion of commands follow from the table.
 */
static const struct {
	const char *name, *args, *help;
	enum mode mode;
} commands[] = {
	{ "history", "[FILE]...",
	  "one row per revision: the series, reported, low, best, high,\n"
	  "revision (1, 2, ...), delta (best minus the revision before's),\n"
	  "days since the series' first report and qualifier (~ for\n"
	  "\"about\", vague for a vague word)", HISTORY },
	{ "summary", "[FILE]...",
	  "one row per series: revisions, first_reported, first_best,\n"
	  "last_reported, last_best, change (last - first best), ratio\n"
	  "(last / first best; empty when first is 0), days, falls\n"
	  "(revisions whose best is below the one before) and\n"
	  "last_qualifier (the last figure's)", SUMMARY },
	{ "diff", "OLD NEW",
	  "what changed from table OLD to table NEW, one row per series\n"
	  "and report date: change (added, removed or changed), the\n"
	  "series, reported, old_low, old_best, old_high, new_low,\n"
	  "new_best, new_high; OLD or NEW may be - (standard input);\n"
	  "with --latest, one row per series, its latest figure in each", DIFF },
	{ "series", "--every=UNIT [FILE]...",
	  "one row per group (-g) and period of UNIT (day, week,\n"
	  "month, quarter or year): period, as_of (its last day) and\n"
	  "the toll as known then, as toll-agg --as-of PERIOD gives it\n"
	  "(low, best, high, events, series, qualifier, best_by,\n"
	  "adversary), change (best minus the period before's: the\n"
	  "first period's is its whole toll) and updated (events\n"
	  "reported in the period; 0: the toll carried forward); a\n"
	  "toll that falls is a warning", SERIES },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* The help before the options: the commands' synopses and help from their table. */
static char *
intro(void)
{
	size_t i, len = sizeof usage_about;
	char *u, *o;

	for (i = 0; i < NCOMMANDS; i++)
		len += 64 + strlen(commands[i].name) + strlen(commands[i].args) + 2 * strlen(commands[i].help);
	if ((u = malloc(len)) == NULL)
		return NULL;
	o = u;
	for (i = 0; i < NCOMMANDS; i++)
		o += sprintf(o, "%s toll-rev %s [OPTION]... %s\n", i == 0 ? "Usage:" : "  or: ",
		             commands[i].name, commands[i].args);
	o += sprintf(o, "%s", usage_about);
	for (i = 0; i < NCOMMANDS; i++) {
		const char *h;

		o += sprintf(o, "  %-10s", commands[i].name);
		for (h = commands[i].help; *h != '\0'; h++) {
			*o++ = *h;
			if (*h == '\n')
				o += sprintf(o, "%12s", "");
		}
		*o++ = '\n';
	}
	strcpy(o, "\n");
	return u;
}

enum { OPT_EVERY = CLI_OPT_PROGRAM, OPT_LATEST };

/* The options: --combine's help is made from the library's table of policies (cli_combine_help()). */
static cli_opt options[] = {
	{ OPT_LATEST, "latest", NULL, "diff: compare each series' latest revision, whatever\n"
		"its date (two releases of a list, each of its day)", NULL },
	{ OPT_EVERY, "every", "UNIT", "day, week (ISO), month, quarter or year\n"
		"(series: its periods)", NULL },
	CLI_OPTS_AGG,
	CLI_OPTS_AS_OF,
	CLI_OPTS_THREADS,
	CLI_OPTS_PART,
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Days are whole when the dates have no time of day, else with one decimal.\n"
	"Rows are sorted by event, side, status, category, source, then report time;\n"
	"series' by group, then period.  A revision is of the period of its day where\n"
	"it was written, as --as-of reads a date.  -g, -c and --include-adversary\n"
	"are series' only, as toll-agg's.\n"
	"Input that toll-check rejects gives no rows.\n"
	"Exit status: 0 success (diff: no differences), 1 invalid data (diff:\n"
	"differences found), 2 usage or I/O error (diff: also invalid data).\n"
	"\n"
	"Examples:\n"
	"  toll-rev summary datasets/2020-karabakh-war.tsv\n"
	"  toll-rev series --every week -g side,category datasets/2022-09-border-clashes.tsv\n"
	"  git show v1:datasets/x.tsv | toll-rev diff - datasets/x.tsv\n";

/* Reads files into revs; returns the exit status so far. */
static int
read_revisions(cli_reader *in, char **files, size_t n, const cli_options *opt, toll_revs *revs)
{
	toll_entry e;
	toll_diag d;
	int code;

	if (cli_reader_open(in, files, n, &opt->dl, TOLL_REPORTS_HISTORY, opt->max_errors,
	                    cli_threads(opt)) != 0)
		return in->status;
	cli_reader_part(in, opt);
	while ((code = cli_reader_next(in, &e)) != TOLL_END) {
		if (code == TOLL_HEADER)
			continue;
		code = toll_revs_add(revs, &e, &d);
		if (code != TOLL_OK && !cli_reader_problem(in, &d, code))
			break;
	}
	return in->status;
}

/* "history, summary or diff", from the table. */
static const char *
command_names(void)
{
	static char buf[64];
	size_t i, len = 0;

	for (i = 0; i < NCOMMANDS; i++)
		len = toll_list_add(buf, sizeof buf, len, commands[i].name, i, NCOMMANDS, " or ");
	return buf;
}

/* history or summary of files; the exit status. */
static int
run_list(cli_reader *in, char **files, size_t nfiles, const cli_options *opt, toll_revs *revs,
         enum mode mode, toll_out *out)
{
	toll_diag d;
	int code, status = read_revisions(in, files, nfiles, opt, revs);

	if (status != EXIT_OK)
		return status;
	code = mode == HISTORY ? toll_revs_history(revs, toll_reports_index(in->rd), out, &d)
	                       : toll_revs_summary(revs, toll_reports_index(in->rd), out, &d);
	return cli_output_done(out, code, &d);
}

/* series of files; the exit status. */
static int
run_series(cli_reader *in, char **files, size_t nfiles, const cli_options *opt, toll_agg *agg,
           toll_out *out)
{
	toll_diag d;
	toll_timeline *tl = NULL;
	int code;

	if (cli_reader_open(in, files, nfiles, &opt->dl, TOLL_REPORTS_HISTORY, opt->max_errors,
	                    cli_threads(opt)) != 0)
		return in->status;
	cli_reader_part(in, opt);
	toll_agg_set_warn(agg, cli_reader_warn, in);
	cli_read_agg(in, agg);
	if (in->status != EXIT_OK)
		return in->status;
	code = toll_agg_timeline(agg, in->rd, &tl, &d);
	if (code == TOLL_OK)
		toll_timeline_write(tl, out);
	toll_timeline_free(tl);
	return cli_output_done(out, code, &d);
}

/*
 * diff of files[0] and files[1]; the exit status: invalid data is trouble
 * here, as 1 says "differences found".
 */
static int
run_diff(cli_reader *in, cli_reader *in2, char **files, const cli_options *opt, toll_revs *revs,
         toll_revs *revs2, int latest, toll_out *out)
{
	size_t changes = 0;
	toll_diag d;
	int code;

	read_revisions(in, files, 1, opt, revs);
	if (in->status == EXIT_OK)
		read_revisions(in2, files + 1, 1, opt, revs2);
	if (in->status != EXIT_OK || in2->status != EXIT_OK)
		return EXIT_TROUBLE;
	code = toll_revs_diff(revs, toll_reports_index(in->rd), revs2, toll_reports_index(in2->rd), latest,
	                      out, &changes, &d);
	if (code == TOLL_OK)
		code = toll_out_commit(out, "standard output", &d);
	if (code != TOLL_OK) {
		cli_diag(&d, 0);
		return EXIT_TROUBLE;   /* not cli_exit_status(): 1 says "differences found" */
	}
	return changes > 0 ? EXIT_DATA : EXIT_OK;
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	toll_as_of as_of = TOLL_AS_OF_ALL;
	int c, status, every = TOLL_BIN_NONE, latest = 0;
	cli_agg ag;
	toll_agg *agg = NULL;
	const char *series_only = NULL;   /* an option of series given */
	enum mode mode;
	toll_revs *revs = NULL, *revs2 = NULL;
	toll_out *out = NULL;
	cli_reader in, in2;
	size_t i;
	char **files;
	size_t nfiles;
	cli_program prog = { NULL, NULL, NULL };
	char *head = intro(), *combine = cli_combine_help();

	cli_init("toll-rev");
	memset(&in, 0, sizeof in);
	memset(&in2, 0, sizeof in2);
	memset(&ag, 0, sizeof ag);
	options[3].help = combine;
	if (head == NULL || combine == NULL || cli_program_init(&prog, head, options, usage_tail) != 0) {
		if (head == NULL)
			cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		if ((status = cli_agg_option(c, optarg, &ag)) != 0) {
			series_only = c == 'g' ? "-g" : c == 'c' ? "-c" : "--include-adversary";
		} else if (c == OPT_EVERY) {
			series_only = "--every";
			if ((every = toll_bin_parse(optarg, strlen(optarg))) == TOLL_BIN_NONE)
				status = cli_usage_error("invalid --every '%s': expected day, week, month, quarter "
				                         "or year", optarg);
			else
				status = CLI_CONTINUE;
		} else if (c == OPT_LATEST) {
			latest = 1;
			status = CLI_CONTINUE;
		} else if (c == 'a') {
			status = cli_parse_as_of(optarg, &as_of) != 0 ? EXIT_TROUBLE : CLI_CONTINUE;
		} else {
			status = cli_option(c, argv, prog.usage, &opt);
		}
		if (status != CLI_CONTINUE)
			goto done;
	}
	status = EXIT_OK;
	if (optind == argc) {
		status = cli_usage_error("missing mode: %s", command_names());
		goto done;
	}
	for (i = 0; i < NCOMMANDS && strcmp(argv[optind], commands[i].name) != 0; i++)
		;
	if (i == NCOMMANDS) {
		status = cli_usage_error("unknown mode '%s': expected %s", argv[optind], command_names());
		goto done;
	}
	mode = commands[i].mode;
	files = argv + optind + 1;
	nfiles = (size_t)(argc - optind - 1);
	if (mode == DIFF && nfiles != 2) {
		status = cli_usage_error("diff needs two tables, OLD and NEW");
		goto done;
	}
	if (mode == DIFF && strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0) {
		status = cli_usage_error("diff can read only one of OLD and NEW from standard input");
		goto done;
	}
	if (mode != SERIES && series_only != NULL) {
		status = cli_usage_error("%s is an option of series, not of %s", series_only, argv[optind]);
		goto done;
	}
	if (mode != DIFF && latest) {
		status = cli_usage_error("--latest is an option of diff, not of %s", argv[optind]);
		goto done;
	}
	if (mode == SERIES && every == TOLL_BIN_NONE) {
		status = cli_usage_error("series needs --every: day, week, month, quarter or year");
		goto done;
	}
	if (mode == SERIES && (status = cli_agg_keys(&ag)) != 0)
		goto done;
	/* Rows are written once every input is read and checked: nothing to hold back. */
	if ((revs = toll_revs_new(&as_of)) == NULL || (revs2 = toll_revs_new(&as_of)) == NULL ||
	    (out = toll_out_new(STDOUT_FILENO, 0)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	if (mode == SERIES) {
		if ((agg = toll_agg_new(&ag.policy, &ag.keys, &as_of)) == NULL) {
			cli_error("out of memory");
			status = EXIT_TROUBLE;
			goto done;
		}
		toll_agg_set_every(agg, every);
		toll_agg_set_adversary(agg, ag.include_adversary);
	}
	status = mode == DIFF ? run_diff(&in, &in2, files, &opt, revs, revs2, latest, out) :
	         mode == SERIES ? run_series(&in, files, nfiles, &opt, agg, out) :
	         run_list(&in, files, nfiles, &opt, revs, mode, out);
	status = cli_close_stdout(status);
done:
	cli_program_free(&prog);
	free(head);
	free(combine);
	toll_agg_free(agg);
	cli_agg_free(&ag);
	if (in.rd != NULL)
		cli_reader_close(&in);
	if (in2.rd != NULL)
		cli_reader_close(&in2);
	toll_revs_free(revs);
	toll_revs_free(revs2);
	toll_out_free(out);
	return status;
}
