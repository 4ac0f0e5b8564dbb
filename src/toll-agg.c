/*
 * toll-agg: revision-aware aggregation: the latest
 * revision of each series as of a date, the series of each claim group
 * combined by a policy, the claims summed per group.
 */
#include <errno.h>
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

enum { OPT_MERGE = CLI_OPT_PROGRAM };

/* The options: --combine's help is made from the library's table of policies (cli_combine_help()). */
static cli_opt options[] = {
	CLI_OPTS_AGG,
	CLI_OPTS_AS_OF,
	CLI_OPTS_THREADS,
	CLI_OPTS_PART,
	{ OPT_MERGE, "merge", NULL, "add up the outputs of toll-agg --part I/K (FILE...,\n"
		"every part of one run) into the output of one run", NULL },
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
	"With --part I/K the output opens with a line that says what it is a part\n"
	"of (\"# toll-agg part 2/4: -g side,category -c consensus --as-of all\");\n"
	"--merge adds the parts of one run, exactly, into its output, and refuses\n"
	"parts of other keys, policies or dates, a part given twice or missing.\n"
	"Exit status: 0 success, 1 invalid data, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-agg --as-of 2022-09-14 datasets/2022-09-border-clashes.tsv\n"
	"  toll-agg -g event,category datasets/*.tsv\n"
	"  toll-agg -g side,category,source --combine each datasets/2022-09-border-clashes.tsv\n"
	"  toll-agg -g event,end:month --combine latest reports.csv\n"
	"  parallel toll-agg --part {}/4 -g side,category data.tsv '>' part{}.tsv ::: 1 2 3 4\n"
	"  toll-agg --merge part1.tsv part2.tsv part3.tsv part4.tsv\n";

/*
 * What a part's output says it is part of: the keys, the policy, the
 * as-of date and --include-adversary, as toll-agg takes them ("-g
 * side,category -c consensus --as-of all"), into buf.
 */
static void
statement(const cli_agg *ag, const toll_as_of *as_of, char *buf, size_t sz)
{
	size_t i, len;
	char when[64] = "all";

	len = (size_t)snprintf(buf, sz, "-g ");
	for (i = 0; i < ag->keys.n && len < sz; i++)
		len += (size_t)snprintf(buf + len, sz - len, "%s%s", i ? "," : "", ag->keys.k[i].spec);
	if (ag->keys.n == 0 && len < sz)
		len += (size_t)snprintf(buf + len, sz - len, "''");
	if (toll_as_of_limits(as_of))
		toll_as_of_text(as_of, when, sizeof when);
	if (len < sz)
		snprintf(buf + len, sz - len, " -c %s --as-of %s%s", ag->combine ? ag->combine : "consensus", when,
		         ag->include_adversary ? " --include-adversary" : "");
}

/* Writes the aggregation (a part's with what it is part of); the exit status. */
static int
write_result(toll_agg *agg, const toll_reports *rd, toll_out *out, const cli_options *opt, const cli_agg *ag,
             const toll_as_of *as_of)
{
	toll_diag d;

	if (opt->part_k > 0) {
		char line[4200];
		int n = snprintf(line, sizeof line, "# toll-agg part %lu/%lu: ", opt->part_i, opt->part_k);

		statement(ag, as_of, line + n, sizeof line - (size_t)n);
		toll_out_write(out, line, strlen(line));
		toll_out_eol(out);
	}
	return cli_output_done(out, toll_agg_write(agg, rd, out, &d), &d);
}

/*
 * The first line of a part's output: its part i of k and what it is part
 * of.  0; -1 when it is none; -2 when the file cannot be opened (errno).
 */
static int
part_line(const char *path, unsigned long *i, unsigned long *k, char *stmt, size_t sz)
{
	FILE *f = fopen(path, "rb");
	char line[4400], *p, *end;
	int ok;

	if (f == NULL)
		return -2;
	ok = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	if (!ok || strncmp(line, "# toll-agg part ", 16) != 0 || !(line[16] >= '1' && line[16] <= '9'))
		return -1;
	*i = strtoul(line + 16, &end, 10);
	if (*end != '/' || !(end[1] >= '1' && end[1] <= '9'))
		return -1;
	*k = strtoul(end + 1, &p, 10);
	if (strncmp(p, ": ", 2) != 0 || *i < 1 || *i > *k || *k > 1000000)
		return -1;
	p += 2;
	p[strcspn(p, "\r\n")] = '\0';
	snprintf(stmt, sz, "%s", p);
	return 0;
}

/* --merge's check of the parts: each a part of one run (one statement, one K), each once, none missing. */
static int
parts_of_one_run(char **files, size_t n, char *first, size_t firstsz)
{
	char stmt[4400];
	unsigned long k0 = 0, i, k;
	const char **who = NULL;
	size_t f;
	int status = EXIT_OK;

	for (f = 0; f < n && status == EXIT_OK; f++) {
		int r = strcmp(files[f], "-") == 0 ? -3 : part_line(files[f], &i, &k, stmt, sizeof stmt);

		if (r == -3) {
			status = cli_usage_error("--merge reads files (the first line of each says its part), "
			                         "not standard input");
		} else if (r == -2) {
			cli_error("cannot open '%s': %s", files[f], strerror(errno));
			status = EXIT_TROUBLE;
		} else if (r == -1) {
			cli_error("%s:1:1: not a part: its first line is not toll-agg --part's \"# toll-agg part "
			          "I/K: ...\"", files[f]);
			status = EXIT_DATA;
		} else if (f == 0) {
			snprintf(first, firstsz, "%s", stmt);
			k0 = k;
			if ((who = calloc(k, sizeof *who)) == NULL) {
				cli_error("out of memory");
				status = EXIT_TROUBLE;
			}
		} else if (strcmp(stmt, first) != 0 || k != k0) {
			cli_error("%s:1:1: a part of another run ('%lu/%lu: %s'; '%s' is a part of %lu of '%s')",
			          files[f], i, k, stmt, files[0], k0, first);
			status = EXIT_DATA;
		}
		if (status == EXIT_OK && who[i - 1] != NULL) {
			cli_error("%s:1:1: part %lu of %lu again ('%s' is it): each part counts once", files[f], i,
			          k, who[i - 1]);
			status = EXIT_DATA;
		} else if (status == EXIT_OK) {
			who[i - 1] = files[f];
		}
	}
	if (status == EXIT_OK) {
		char list[256] = "";
		size_t len = 0;
		unsigned long missing = 0;

		for (i = 0; i < k0; i++)
			if (who[i] == NULL && ++missing <= 8 && len < sizeof list)
				len += (size_t)snprintf(list + len, sizeof list - len, "%s%lu", missing > 1 ? ", " : "",
				                        i + 1);
		if (missing > 0) {
			cli_error("%lu of the %lu parts of '%s' missing (%s%s): the others add up to no run's "
			          "output", missing, k0, first, list, missing > 8 ? ", ..." : "");
			status = EXIT_DATA;
		}
	}
	free(who);
	return status;
}

/* --merge: the parts of one run added up into what that run writes.  The exit status. */
static int
merge(char **files, size_t n, toll_out *out)
{
	char first[4400] = "";
	toll_agg_merge *m = NULL;
	toll_agg_result *res = NULL;
	toll_table *t = NULL;
	toll_dialect dl = TOLL_DIALECT_INIT;
	toll_diag d;
	toll_row row;
	int code, status;

	if (n == 0)
		return cli_usage_error("--merge: no parts given (the files toll-agg --part wrote)");
	if ((status = parts_of_one_run(files, n, first, sizeof first)) != EXIT_OK)
		return status;
	dl.fmt = TOLL_FORMAT_TSV;
	if ((m = toll_agg_merge_new()) == NULL || toll_table_new(&t, files, n, &dl) != TOLL_OK) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	while ((code = toll_table_next(t, &row, &d)) != TOLL_END) {
		if (code == TOLL_HEADER)
			code = toll_agg_merge_header(m, row.file, &row, &d);
		else if (code == TOLL_OK)
			code = toll_agg_merge_row(m, row.file, &row, &d);
		if (code != TOLL_OK) {
			cli_diag(&d, 0);
			status = cli_exit_status(code);
			goto done;
		}
	}
	if ((code = toll_agg_merge_finish(m, &res, &d)) != TOLL_OK) {
		cli_diag(&d, 0);
		status = cli_exit_status(code);
		goto done;
	}
	toll_agg_result_write(res, out);
	status = cli_output_done(out, TOLL_OK, &d);
done:
	toll_agg_result_free(res);
	toll_agg_merge_free(m);
	toll_table_free(t);
	return status;
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	toll_as_of as_of = TOLL_AS_OF_ALL;
	int c, status, merging = 0, as_of_given = 0;
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
		as_of_given |= c == 'a';
		if (c == OPT_MERGE) {
			merging = 1;
			continue;
		}
		if ((status = cli_agg_option(c, optarg, &ag)) == 0)
			status = c == 'a' ? (cli_parse_as_of(optarg, &as_of) != 0 ? EXIT_TROUBLE : CLI_CONTINUE)
			                  : cli_option(c, argv, prog.usage, &opt);
		if (status != CLI_CONTINUE)
			goto done;
	}
	if (merging) {
		if (ag.grouped || ag.combine || as_of_given || ag.include_adversary || opt.part_k) {
			status = cli_usage_error("--merge takes the parts' keys, policy and date: no -g, -c, "
			                         "--as-of, --include-adversary or --part with it");
			goto done;
		}
		if ((out = toll_out_new(STDOUT_FILENO, 0)) == NULL) {
			cli_error("out of memory");
			status = EXIT_TROUBLE;
			goto done;
		}
		status = cli_close_stdout(merge(argv + optind, (size_t)(argc - optind), out));
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
	cli_reader_part(&in, &opt);
	toll_agg_set_warn(agg, cli_reader_warn, &in);
	cli_read_agg(&in, agg);
	status = in.status;
	if (status == EXIT_OK)
		status = write_result(agg, in.rd, out, &opt, &ag, &as_of);
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
