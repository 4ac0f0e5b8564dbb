/*
 * toll-agg: revision-aware aggregation: the latest
 * revision of each series as of a date, the series of each claim group
 * combined by a policy, the claims summed per group.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "toll/agg.h"

static const char usage_head[] =
	"Usage: toll-agg [OPTION]... [FILE]...\n"
	"Combine revised, conflicting casualty claims into totals with low, best\n"
	"and high figures, counting each death once.  With no FILE, or when FILE\n"
	"is -, read standard input.  Several files are read as one table.\n"
	"\n"
	"  1. revisions reported after --as-of are dropped;\n"
	"  2. each series (event, side, status, category, source) keeps its latest\n"
	"     revision;\n"
	"  3. the series of each claim (event, side, status, category) are combined\n"
	"     by the policy;\n"
	"  4. the claims are summed per group of KEYS; the claims of one event that\n"
	"     hold one another (side all, a side and those within it, status all,\n"
	"     killed_or_missing, casualties: see toll(7)) are reconciled, never\n"
	"     added: the larger of a total and its parts, under the total's high.\n"
	"     A group whose categories do not nest is an error.\n"
	"\n";

enum { OPT_ADVERSARY = CLI_OPT_PROGRAM };

/* The options: --combine's help is made from the library's table of policies (combine_help()). */
static cli_opt options[] = {
	{ 'g', "group", "KEYS", "group by these columns, comma-separated (default\n"
		"side,status,category; '' for one total row);\n"
		"COLUMN:UNIT groups a date column by day, week (ISO),\n"
		"month, quarter or year; may be repeated", NULL },
	{ 'c', "combine", "POLICY", NULL, NULL },
	{ OPT_ADVERSARY, "include-adversary", NULL, "count claims of one party about another's losses\n"
		"(the claimant column) as any other; by default they\n"
		"never move a side's figures and are shown apart", NULL },
	CLI_OPTS_AS_OF,
	CLI_OPTS_THREADS,
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Grouping by reported is refused: a claim's report date is not when its\n"
	"deaths happened; give --as-of, or a bin of start or end.\n"
	"Output columns: the keys, then low, best, high (empty: unbounded), events\n"
	"(distinct events), series (the series the policy chose), qualifier (~ when\n"
	"the best is approximate, vague for a vague word), best_by (sources, or\n"
	"toll when toll supplied some of the best: a range's middle, a mean) and\n"
	"adversary (the claims set aside, in the notation: ~430); one row per\n"
	"group, sorted by key.  Input that toll-check rejects gives no rows.  Parts\n"
	"that add up to more than their total's high are a warning.\n"
	"Exit status: 0 success, 1 invalid data, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-agg --as-of 2022-09-14 datasets/2022-09-border-clashes.tsv\n"
	"  toll-agg -g event,category datasets/*.tsv\n"
	"  toll-agg -g side,category,source --combine each datasets/2022-09-border-clashes.tsv\n"
	"  toll-agg -g event,end:month --combine latest reports.csv\n";

static const char combine_rules[] =
	"Only a claim stated exactly makes another vaguer: not\n"
	"'about N', nor a vague word.  A best is whole: of an\n"
	"even number of claims the median is the lower of the\n"
	"two middle ones, a mean is rounded (half to even).";

/*
 * --combine's help: a policy a line, from the library's table of them
 * (its label two columns in, its help from the tenth), then the rules.
 */
static char *
combine_help(void)
{
	size_t n = toll_policies(), i, len = 64 + sizeof combine_rules;
	char *u, *o;

	for (i = 0; i < n; i++)
		if (toll_policy_label(i) != NULL)
			len += 40 + strlen(toll_policy_label(i)) + strlen(toll_policy_help(i)) * 2;
	if ((u = malloc(len)) == NULL)
		return NULL;
	o = u + sprintf(u, "how to combine the sources of one claim:\n");
	for (i = 0; i < n; i++) {
		const char *label = toll_policy_label(i), *h = toll_policy_help(i);

		if (label == NULL)
			continue;
		o += sprintf(o, "  %-*s", strlen(label) < 8 ? 8 : (int)strlen(label) + 2, label);
		for (; *h != '\0'; h++) {
			*o++ = *h;
			if (*h == '\n')
				o += sprintf(o, "%10s", "");
		}
		*o++ = '\n';
	}
	strcpy(o, combine_rules);
	return u;
}

/* Reads the claims into agg; problems are counted in in. */
static void
read_claims(cli_reader *in, toll_agg *agg)
{
	toll_entry e;
	toll_diag d, ud;
	int code;

	while ((code = cli_reader_next(in, &e)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			if (toll_agg_header(agg, in->rd, &ud) != 0) {
				in->status = cli_usage_error("%s", ud.msg);
				break;
			}
			continue;
		}
		code = toll_agg_add(agg, in->rd, &e, &d);
		if (code != TOLL_OK && !cli_reader_problem(in, &d, code))
			break;
	}
}

/* Writes the aggregation; the exit status. */
static int
write_result(toll_agg *agg, const toll_reports *rd, toll_out *out)
{
	toll_diag d;

	return cli_output_done(out, toll_agg_write(agg, rd, out, &d), &d);
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	toll_as_of as_of = TOLL_AS_OF_ALL;
	int include_adversary = 0;
	int c, status, grouped = 0;
	toll_keys keys = { NULL, 0 };
	toll_policy policy;
	toll_agg *agg = NULL;
	toll_out *out = NULL;
	cli_reader in;
	toll_diag ud;              /* what is wrong with an argument */
	cli_program prog = { NULL, NULL, NULL };
	char *combine = combine_help();

	cli_init("toll-agg");
	memset(&policy, 0, sizeof policy);
	memset(&in, 0, sizeof in);
	options[1].help = combine;
	if (combine == NULL || cli_program_init(&prog, usage_head, options, usage_tail) != 0) {
		if (combine == NULL)
			cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		switch (c) {
		case 'g':
			grouped = 1;
			if (toll_keys_parse(&keys, optarg, &ud) != 0) {
				status = cli_usage_error("%s", ud.msg);
				goto done;
			}
			break;
		case 'c':
			toll_policy_free(&policy);
			if (toll_policy_parse(&policy, optarg, &ud) != 0) {
				status = cli_usage_error("%s", ud.msg);
				goto done;
			}
			break;
		case OPT_ADVERSARY:
			include_adversary = 1;
			break;
		case 'a':
			if (cli_parse_as_of(optarg, &as_of) != 0) {
				status = EXIT_TROUBLE;
				goto done;
			}
			break;
		default:
			if ((status = cli_option(c, argv, prog.usage, &opt)) != CLI_CONTINUE)
				goto done;
			break;
		}
	}
	if (!grouped && toll_keys_parse(&keys, "side,status,category", &ud) != 0) {
		cli_error("%s", ud.msg);
		status = EXIT_TROUBLE;
		goto done;
	}
	/* Rows are written once every input is read and checked: nothing to hold back. */
	if ((agg = toll_agg_new(&policy, &keys, &as_of)) == NULL ||
	    (out = toll_out_new(STDOUT_FILENO, 0)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	toll_agg_set_adversary(agg, include_adversary);
	if (cli_reader_open(&in, argv + optind, (size_t)(argc - optind), &opt.dl, TOLL_REPORTS_AUTO,
	                    opt.max_errors, cli_threads(&opt)) != 0) {
		status = in.status;
		goto done;
	}
	toll_agg_set_warn(agg, cli_reader_warn, &in);
	read_claims(&in, agg);
	status = in.status;
	if (status == EXIT_OK)
		status = write_result(agg, in.rd, out);
	if (in.rd != NULL)
		cli_reader_close(&in);
	status = cli_close_stdout(status);
done:
	cli_program_free(&prog);
	free(combine);
	toll_agg_free(agg);
	toll_out_free(out);
	toll_keys_free(&keys);
	toll_policy_free(&policy);
	return status;
}
