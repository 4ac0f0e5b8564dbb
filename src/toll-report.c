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
	"sources with their addresses.  Data of many events (an ACLED or UCDP\n"
	"export) is told by groups instead (--by): the whole data's totals, a\n"
	"page of the first key's groups, and a section for each of its values.\n"
	"Pages are numbered; the footer names the data and its SHA-256.  With no\n"
	"FILE, or when FILE is -, read standard input.\n"
	"\n";

enum { OPT_TITLE = CLI_OPT_PROGRAM, OPT_LETTER, OPT_BY };

static const cli_opt options[] = {
	{ 'o', "output", "OUT", "the PDF; - for standard output", NULL },
	{ 'c', "combine", "POLICY", "how the sources' claims are combined (default:\n"
		"consensus; see toll-agg --help)", NULL },
	CLI_OPTS_AS_OF,
	{ 'e', "event", "EVENT", "only this event", NULL },
	{ OPT_BY, "by", "KEYS", "a report by groups of these columns, comma-separated\n"
		"(as toll-agg -g; COLUMN:UNIT bins a date), not by\n"
		"event: for data of more than 200 events", NULL },
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
	"      datasets/2022-09-border-clashes.tsv -o early.pdf\n"
	"  toll-import acled export.csv | toll-report --by country,end:month -o acled.pdf\n";

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
read_claims(cli_reader *in, toll_agg *const *aggs, size_t naggs, toll_revs *revs, toll_story *story,
            const char *event)
{
	toll_entry e;
	toll_diag d, ud;
	size_t i;
	int code;

	while ((code = cli_reader_next(in, &e)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			for (i = 0; i < naggs && toll_agg_header(aggs[i], in->rd, &ud) == 0; i++)
				;
			if (i < naggs) {
				in->status = cli_usage_error("%s", ud.msg);
				break;
			}
			continue;
		}
		for (i = 0, code = TOLL_OK; i < naggs && code == TOLL_OK; i++)
			code = toll_agg_add(aggs[i], in->rd, &e, &d);
		if (code == TOLL_OK && (event == NULL || (e.rep.event.len == strlen(event) &&
		                                          memcmp(e.rep.event.s, event, e.rep.event.len) == 0)) &&
		    (revs == NULL || (code = toll_revs_add(revs, &e, &d)) == TOLL_OK))
			code = toll_story_add(story, in->rd, &e, &d);
		if (code != TOLL_OK && !cli_reader_problem(in, &d, code))
			break;
	}
}

/* Option c of the program's own: CLI_CONTINUE, an exit status, or NOT_MINE (cli_option()'s). */
#define NOT_MINE (-2)
static int
report_option(int c, toll_story_opts *so, toll_policy *policy, const char **out_path, const char **by)
{
	toll_diag ud;

	switch (c) {
	case 'o': *out_path = optarg; break;
	case OPT_BY: *by = optarg; break;
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
write_report(toll_story *story, const toll_story_opts *so, cli_reader *in, toll_agg *const *aggs,
             toll_revs *revs, const char *out_path)
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
	if (so->by != NULL)
		code = toll_story_write_groups(story, in->rd, aggs[0], aggs[1], aggs[2], aggs[3], cli_output_write,
		                               &out, &d);
	else
		code = toll_story_write(story, in->rd, aggs[0], aggs[1], aggs[2], revs, cli_output_write, &out, &d);
	if (code != TOLL_OK && !(code == TOLL_EIO && toll_out_failed(out.o)))
		cli_diag(&d, 0);
	return cli_output_close(&out, code == TOLL_EIO && toll_out_failed(out.o) ? EXIT_OK :
	                              code != TOLL_OK ? cli_exit_status(code) : EXIT_OK);
}

/*
 * The aggregations the report reads into, keyed keys[0..4): by event,
 * the totals (event,category), the sides and the periods; by the groups
 * of by, the totals in all (category), by the first key, by the groups
 * and by their sides.  The exit status (a usage error: a wrong --by).
 */
static int
new_aggs(const toll_story_opts *so, const char *by, toll_keys *kb, const toll_policy *policy,
         toll_keys *keys, toll_agg **aggs)
{
	char spec[4][1200];
	size_t i;
	int side = 0;
	toll_diag ud;

	if (by == NULL) {
		snprintf(spec[0], sizeof spec[0], "event,category");
		snprintf(spec[1], sizeof spec[1], "event,side,category");
		snprintf(spec[2], sizeof spec[2], "event,category");
	} else {
		if (toll_keys_parse(kb, by, &ud) != 0)
			return cli_usage_error("--by: %s", ud.msg);
		if (kb->n == 0)
			return cli_usage_error("--by: no key given (e.g. --by country)");
		if (strlen(by) > 1000)
			return cli_usage_error("--by: more than 1000 characters of keys");
		for (i = 0; i < kb->n; i++) {
			if (strcmp(kb->k[i].spec, "category") == 0)
				return cli_usage_error("--by: category is a key of every table of the report; "
				                       "leave it out");
			side |= strcmp(kb->k[i].spec, "side") == 0;
		}
		if (so->event != NULL)
			return cli_usage_error("--by and --event: a report is of one event or by groups");
		snprintf(spec[0], sizeof spec[0], "category");
		snprintf(spec[1], sizeof spec[1], "%s,category", kb->k[0].spec);
		snprintf(spec[2], sizeof spec[2], "%s,category", by);
		snprintf(spec[3], sizeof spec[3], "%s%s,category", by, side ? "" : ",side");
	}
	for (i = 0; i < 4; i++) {
		if (by == NULL && i == 3)
			break;
		if (toll_keys_parse(&keys[i], spec[i], &ud) != 0 ||
		    (aggs[i] = toll_agg_new(policy, &keys[i], &so->as_of)) == NULL) {
			cli_error("out of memory");
			return EXIT_TROUBLE;
		}
	}
	/* By event, the periods keep every revision. */
	if (by == NULL && toll_agg_set_every(aggs[2], TOLL_BIN_DAY) != TOLL_OK) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	toll_story_opts so;
	toll_policy policy;
	toll_keys keys[4], kb = { NULL, 0 };
	toll_agg *aggs[4] = { NULL, NULL, NULL, NULL };
	toll_revs *revs = NULL;
	toll_story *story = NULL;
	cli_reader in;
	char name[4200], sha[65];
	cli_program prog = { NULL, NULL, NULL };
	const char *out_path = NULL, *by = NULL;
	char **files;
	size_t nfiles, i;
	int c, status = EXIT_OK;

	cli_init("toll-report");
	/* The output's file beside -o, while it is written, is removed if a signal ends the run. */
	cli_cleanup_on_signals();
	gsl_set_error_handler_off();
	memset(&so, 0, sizeof so);
	memset(&policy, 0, sizeof policy);
	memset(&in, 0, sizeof in);
	memset(keys, 0, sizeof keys);
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
		if ((status = report_option(c, &so, &policy, &out_path, &by)) == NOT_MINE)
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
	if ((status = new_aggs(&so, by, &kb, &policy, keys, aggs)) != EXIT_OK)
		goto done;
	so.by = by != NULL ? &kb : NULL;
	if ((by == NULL && (revs = toll_revs_new(&so.as_of)) == NULL) || (story = toll_story_new(&so)) == NULL) {
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
	toll_agg_set_warn(aggs[by == NULL ? 0 : 2], cli_reader_warn, &in);
	toll_agg_set_known(aggs[by == NULL ? 0 : 2], cli_reader_known, &in);
	/* Every warning and known note goes to the report's checks too. */
	in.observe = story_check;
	in.observe_ctx = story;
	read_claims(&in, aggs, by == NULL ? 3 : 4, revs, story, so.event);
	status = in.status;
	if (status == EXIT_OK)
		status = write_report(story, &so, &in, aggs, revs, out_path);
	if (in.rd != NULL)
		cli_reader_close(&in);
done:
	cli_program_free(&prog);
	toll_story_free(story);
	for (i = 0; i < 4; i++) {
		toll_agg_free(aggs[i]);
		toll_keys_free(&keys[i]);
	}
	toll_keys_free(&kb);
	toll_revs_free(revs);
	toll_policy_free(&policy);
	toll_chart_shutdown();
	return status;
}
