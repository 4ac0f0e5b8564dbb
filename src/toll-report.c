/*
 * toll-report: a dataset's whole story as one PDF (include/toll/story.h):
 * a title page with its summary, then per event its totals, how its
 * figures were revised, what each source claimed, and the sources.
 * Options, usage and the loop; the pages are drawn by the library.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "cli.h"
#include "toll/agg.h"
#include "toll/keys.h"
#include "toll/rev.h"
#include "toll/story.h"

static const char usage_head[] =
	"Usage: toll-report [OPTION]... [FILE]... -o OUT.pdf\n"
	"Writes a reports table's whole story as one PDF: a title page with the\n"
	"dataset's summary (claims, events, sources, first and last report), then\n"
	"for each event its totals with low, best and high (by toll-agg's rules),\n"
	"the step chart of how its figures were revised, the interval chart of\n"
	"what each source claimed, the revision summary (toll-rev's) and the\n"
	"sources with their addresses.  Pages are numbered; the footer names the\n"
	"data and its SHA-256.  With no FILE, or when FILE is -, read standard\n"
	"input.\n"
	"\n";

enum { OPT_TITLE = CLI_OPT_PROGRAM, OPT_LETTER };

static const cli_opt options[] = {
	{ 'o', "output", "OUT", "the PDF; - for standard output", NULL },
	{ 'c', "combine", "POLICY", "how the sources' claims are combined (default:\n"
		"consensus; see toll-agg --help)", NULL },
	CLI_OPTS_AS_OF,
	{ 'e', "event", "EVENT", "only this event", NULL },
	{ OPT_TITLE, "title", "TEXT", "the title (default: \"Casualty reports: \" and the\n"
		"data's name)", NULL },
	{ OPT_LETTER, "letter", NULL, "US letter pages (default: A4)", NULL },
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"The same data and options give the same bytes: the PDF's date comes only\n"
	"from SOURCE_DATE_EPOCH.  Input that toll-check rejects gives no file, and\n"
	"a file named by -o appears whole or not at all.\n"
	"Exit status: 0 success, 1 invalid data, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-report datasets/2020-karabakh-war.tsv -o r.pdf\n"
	"  toll-report --as-of 2022-09-15 --event 2022-09-armenia-azerbaijan-border \\\n"
	"      datasets/2022-09-border-clashes.tsv -o early.pdf\n";

/* The data's name for the footer: the file, "N files: a, b", or standard input. */
static void
data_name(char **files, size_t n, char *buf, size_t sz)
{
	if (n == 0 || (n == 1 && strcmp(files[0], "-") == 0))
		snprintf(buf, sz, "standard input");
	else if (n == 1)
		snprintf(buf, sz, "%s", files[0]);
	else
		snprintf(buf, sz, "%zu files: %s, ...", n, files[0]);
}

/* A warning or known note about the data, for the report's checks (out of memory: left out). */
static void
story_check(void *ctx, const toll_diag *d, int known)
{
	(void)toll_story_check(ctx, d, known);
}

/*
 * The SHA-256 of the files' bytes into sha, read before the table: only
 * of regular files, which can be read twice (standard input, a pipe or
 * <(...) is read once, by the table reader: no sum, NULL).
 */
static const char *
data_sha256(char **files, size_t nfiles, char sha[65])
{
	struct stat st;
	toll_diag d;
	size_t i;

	if (nfiles == 0)
		return NULL;
	for (i = 0; i < nfiles && strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 &&
	            S_ISREG(st.st_mode); i++)
		;
	return i == nfiles && toll_sha256_files(files, nfiles, sha, &d) == TOLL_OK ? sha : NULL;
}

/*
 * Reads the claims into the aggregations, the revisions and the story
 * (every revision once: all see the same rows; with event, the
 * revisions and the story only its own); problems are counted in in.
 */
static void
read_claims(cli_reader *in, toll_agg *totals, toll_agg *sides, toll_agg *periods, toll_revs *revs,
            toll_story *story, const char *event)
{
	toll_entry e;
	toll_diag d, ud;
	int code;

	while ((code = cli_reader_next(in, &e)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			if (toll_agg_header(totals, in->rd, &ud) != 0 ||
			    toll_agg_header(sides, in->rd, &ud) != 0 ||
			    toll_agg_header(periods, in->rd, &ud) != 0) {
				in->status = cli_usage_error("%s", ud.msg);
				break;
			}
			continue;
		}
		if ((code = toll_agg_add(totals, in->rd, &e, &d)) == TOLL_OK &&
		    (code = toll_agg_add(sides, in->rd, &e, &d)) == TOLL_OK &&
		    (code = toll_agg_add(periods, in->rd, &e, &d)) == TOLL_OK &&
		    (event == NULL || (e.rep.event.len == strlen(event) &&
		                       memcmp(e.rep.event.s, event, e.rep.event.len) == 0)) &&
		    (code = toll_revs_add(revs, &e, &d)) == TOLL_OK)
			code = toll_story_add(story, in->rd, &e, &d);
		if (code != TOLL_OK && !cli_reader_problem(in, &d, code))
			break;
	}
}

/* Option c of the program's own: CLI_CONTINUE, an exit status, or NOT_MINE (cli_option()'s). */
#define NOT_MINE (-2)
static int
report_option(int c, toll_story_opts *so, toll_policy *policy, const char **out_path)
{
	toll_diag ud;

	switch (c) {
	case 'o': *out_path = optarg; break;
	case 'e': so->event = optarg; break;
	case OPT_TITLE: so->title = optarg; break;
	case OPT_LETTER: so->letter = 1; break;
	case 'c':
		toll_policy_free(policy);
		if (toll_policy_parse(policy, optarg, &ud) != 0)
			return cli_usage_error("%s", ud.msg);
		so->policy = optarg;
		break;
	case 'a':
		if (cli_parse_as_of(optarg, &so->as_of) != 0)
			return EXIT_TROUBLE;
		break;
	default:
		return NOT_MINE;
	}
	return CLI_CONTINUE;
}

/* The report of what was read, to out_path; the exit status. */
static int
write_report(toll_story *story, const toll_story_opts *so, cli_reader *in, toll_agg *totals,
             toll_agg *sides, toll_agg *periods, toll_revs *revs, const char *out_path)
{
	cli_output out;
	toll_diag d;
	int code, status;

	if (!toll_story_has_event(story)) {
		cli_error("no event '%s' in the data%s", so->event,
		          toll_as_of_limits(&so->as_of) ? " reported by --as-of" : "");
		return EXIT_DATA;
	}
	if ((status = cli_output_open(&out, out_path)) != EXIT_OK)
		return status;
	code = toll_story_write(story, in->rd, totals, sides, periods, revs, cli_output_write, &out, &d);
	if (code != TOLL_OK && !(code == TOLL_EIO && toll_out_failed(out.o)))
		cli_diag(&d, 0);
	return cli_output_close(&out, code == TOLL_EIO && toll_out_failed(out.o) ? EXIT_OK :
	                              code != TOLL_OK ? cli_exit_status(code) : EXIT_OK);
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	toll_story_opts so;
	toll_policy policy;
	toll_keys kt = { NULL, 0 }, ks = { NULL, 0 };
	toll_agg *totals = NULL, *sides = NULL, *periods = NULL;
	toll_revs *revs = NULL;
	toll_story *story = NULL;
	cli_reader in;
	char name[4200], sha[65];
	toll_diag ud;              /* what is wrong with an argument */
	cli_program prog = { NULL, NULL, NULL };
	const char *out_path = NULL;
	char **files;
	size_t nfiles;
	int c, status = EXIT_OK;

	cli_init("toll-report");
	/* The output's file beside -o, while it is written, is removed if a signal ends the run. */
	cli_cleanup_on_signals();
	gsl_set_error_handler_off();
	memset(&so, 0, sizeof so);
	memset(&policy, 0, sizeof policy);
	memset(&in, 0, sizeof in);
	{
		static const toll_as_of all = TOLL_AS_OF_ALL;

		so.as_of = all;
	}
	so.version = TOLL_VERSION;
	opterr = 0;
	if (cli_program_init(&prog, usage_head, options, usage_tail) != 0) {
		status = EXIT_TROUBLE;
		goto done;
	}
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		if ((status = report_option(c, &so, &policy, &out_path)) == NOT_MINE)
			status = cli_option(c, argv, prog.usage, &opt);
		if (status != CLI_CONTINUE)
			goto done;
		status = EXIT_OK;
	}
	files = argv + optind;
	nfiles = (size_t)(argc - optind);
	if (out_path == NULL) {
		status = cli_usage_error("no output given: -o FILE.pdf (or -o - for standard output)");
		goto done;
	}
	if (strcmp(out_path, "-") == 0 && isatty(STDOUT_FILENO)) {
		status = cli_usage_error("standard output is a terminal: give -o FILE.pdf");
		goto done;
	}
	if ((status = cli_source_date(&so.pdf_date, &so.has_pdf_date)) != EXIT_OK)
		goto done;
	data_name(files, nfiles, name, sizeof name);
	so.data_name = name;
	so.sha256 = data_sha256(files, nfiles, sha);
	if (toll_keys_parse(&kt, "event,category", &ud) != 0 ||
	    toll_keys_parse(&ks, "event,side,category", &ud) != 0 ||
	    (totals = toll_agg_new(&policy, &kt, &so.as_of)) == NULL ||
	    (sides = toll_agg_new(&policy, &ks, &so.as_of)) == NULL ||
	    (periods = toll_agg_new(&policy, &kt, &so.as_of)) == NULL ||
	    toll_agg_set_every(periods, TOLL_BIN_DAY) != TOLL_OK ||
	    (revs = toll_revs_new(&so.as_of)) == NULL || (story = toll_story_new(&so)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	/* Every revision once: the revisions, the totals and the story all see the same rows. */
	if (cli_reader_open(&in, files, nfiles, &opt.dl, TOLL_REPORTS_HISTORY, opt.max_errors,
	                    1) != 0) {
		status = in.status;
		goto done;
	}
	toll_agg_set_warn(totals, cli_reader_warn, &in);
	toll_agg_set_known(totals, cli_reader_known, &in);
	/* Every warning and known note goes to the report's checks too. */
	in.observe = story_check;
	in.observe_ctx = story;
	read_claims(&in, totals, sides, periods, revs, story, so.event);
	status = in.status;
	if (status == EXIT_OK)
		status = write_report(story, &so, &in, totals, sides, periods, revs, out_path);
	if (in.rd != NULL)
		cli_reader_close(&in);
done:
	cli_program_free(&prog);
	toll_story_free(story);
	toll_agg_free(totals);
	toll_agg_free(sides);
	toll_agg_free(periods);
	toll_revs_free(revs);
	toll_keys_free(&kt);
	toll_keys_free(&ks);
	toll_policy_free(&policy);
	toll_chart_shutdown();
	return status;
}
