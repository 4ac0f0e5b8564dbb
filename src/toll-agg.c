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

/* The options: --combine's help is made from the library's table of policies (cli_combine_help()). */
static cli_opt options[] = {
	CLI_OPTS_AGG,
	CLI_OPTS_AS_OF,
	CLI_OPTS_THREADS,
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Grouping by reported is refused: a claim's report date is not when its\n"
	"deaths happened; toll-rev series gives the toll at the end of each day,\n"
	"week, month..., --as-of what was known then, a bin of start or end when\n"
	"the deaths happened.\n"
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
	int c, status;
	cli_agg ag;
	toll_agg *agg = NULL;
	toll_out *out = NULL;
	cli_reader in;
	cli_program prog = { NULL, NULL, NULL };
	char *combine = cli_combine_help();

	cli_init("toll-agg");
	memset(&ag, 0, sizeof ag);
	memset(&in, 0, sizeof in);
	options[1].help = combine;
	if (combine == NULL || cli_program_init(&prog, usage_head, options, usage_tail) != 0) {
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		if ((status = cli_agg_option(c, optarg, &ag)) == 0)
			status = c == 'a' ? (cli_parse_as_of(optarg, &as_of) != 0 ? EXIT_TROUBLE : CLI_CONTINUE)
			                  : cli_option(c, argv, prog.usage, &opt);
		if (status != CLI_CONTINUE)
			goto done;
	}
	if ((status = cli_agg_keys(&ag)) != 0)
		goto done;
	/* Rows are written once every input is read and checked: nothing to hold back. */
	if ((agg = toll_agg_new(&ag.policy, &ag.keys, &as_of)) == NULL ||
	    (out = toll_out_new(STDOUT_FILENO, 0)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	toll_agg_set_adversary(agg, ag.include_adversary);
	if (cli_reader_open(&in, argv + optind, (size_t)(argc - optind), &opt.dl, TOLL_REPORTS_AUTO,
	                    opt.max_errors, cli_threads(&opt)) != 0) {
		status = in.status;
		goto done;
	}
	toll_agg_set_warn(agg, cli_reader_warn, &in);
	cli_read_agg(&in, agg);
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
	cli_agg_free(&ag);
	return status;
}
