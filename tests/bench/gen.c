/*
 * gen: writes a realistic report table for benchmarks, deterministically.
 *
 *   gen ROWS [REVISIONS]   ROWS rows; REVISIONS is the mean number of
 *                          revisions per series (default 4)
 *
 * Events have two or three sides; each side's claims come in a few
 * categories and statuses; each claim has several sources; each source
 * revises its figure upward a few times.  About one figure in six is
 * open-ended ("at least N"), one in ten a closed range, the rest points.
 * Columns (11): event reported source side category status low best high
 * url note.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15ull;

static uint64_t
next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dull;
}

static int
below(int n)
{
	return (int)(next() % (uint64_t)n);
}

static void
date(char *buf, size_t n, long day, int with_time)
{
	/* days since 2000-01-01, written as a calendar date */
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = 2000, m = 0;

	for (;;) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		int len = 365 + leap;

		if (day < len)
			break;
		day -= len;
		y++;
	}
	for (;;) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		int len = mdays[m] + (m == 1 && leap);

		if (day < len)
			break;
		day -= len;
		m++;
	}
	if (with_time)
		snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d+04:00", y, m + 1, (int)day + 1, below(24), below(60));
	else
		snprintf(buf, n, "%04d-%02d-%02d", y, m + 1, (int)day + 1);
}

int
main(int argc, char **argv)
{
	static const char *sides[] = { "Armenia", "Azerbaijan", "Artsakh", "civilians of Armenia",
	                               "civilians of Azerbaijan", "Russia", "Georgia", "Turkey" };
	static const char *sources[] = { "Armenia MoD", "Azerbaijan MoD", "Artsakh MoD", "AFP", "Reuters",
	                                 "AP", "ombudsman", "Health Ministry", "ICRC", "UN OHCHR",
	                                 "local media", "Prosecutor General" };
	/*
	 * No category or status that holds another (killed_or_missing, casualties,
	 * status all): the peers (agg_pandas.py, agg_duckdb.mjs) do toll-agg's job
	 * without its reconciliation of a total with its parts, so the job
	 * compared has none to do.
	 */
	static const char *cats[] = { "killed", "wounded", "missing", "captured" };
	static const char *statuses[] = { "military", "civilian", "unknown" };
	long rows = argc > 1 ? atol(argv[1]) : 1000000, written = 0, event = 0;
	double revs = argc > 2 ? atof(argv[2]) : 4.0;

	if (rows < 0 || revs < 1) {
		fputs("usage: gen ROWS [REVISIONS]\n", stderr);
		return 2;
	}
	printf("event\treported\tsource\tside\tcategory\tstatus\tlow\tbest\thigh\turl\tnote\n");
	while (written < rows) {
		long start = below(8000);
		int nsides = 2 + below(2), s;
		int side0 = below(8);

		event++;
		for (s = 0; s < nsides && written < rows; s++) {
			const char *side = sides[(side0 + s) % 8];
			int nclaims = 1 + below(3), c, c0 = below(12);

			/* distinct (category, status) pairs, so that no series repeats */
			for (c = 0; c < nclaims && written < rows; c++) {
				int combo = (c0 + c) % 12;
				const char *cat = cats[combo % 4], *status = statuses[combo / 4];
				int nsrc = 2 + below(3), k, src0 = below(12);

				for (k = 0; k < nsrc && written < rows; k++) {
					/* 1 .. 2*revs-1 revisions, mean revs */
					int nrev = 1 + below((int)(2 * revs - 1)), r;
					long day = start + below(3), best = 1 + below(60);
					int kind = below(30);

					for (r = 0; r < nrev && written < rows; r++) {
						char d[40];

						date(d, sizeof d, day, below(10) == 0);
						if (kind < 5)       /* open-ended */
							printf("ev-%06ld\t%s\t%s\t%s\t%s\t%s\t%ld\t\t\tn.example/%ld\t%s\n",
							       event, d, sources[(src0 + k) % 12], side, cat, status, best,
							       written, r == 0 ? "at least" : "");
						else if (kind < 8)  /* range */
							printf("ev-%06ld\t%s\t%s\t%s\t%s\t%s\t%ld\t\t%ld\tn.example/%ld\t\n",
							       event, d, sources[(src0 + k) % 12], side, cat, status, best,
							       best + best / 2 + 1, written);
						else
							printf("ev-%06ld\t%s\t%s\t%s\t%s\t%s\t\t%ld\t\tn.example/%ld\t\n",
							       event, d, sources[(src0 + k) % 12], side, cat, status, best,
							       written);
						written++;
						day += 1 + below(5);
						best += best < 1000000 ? 1 + below((int)(best / 3 + 2)) : 1;
					}
				}
			}
		}
	}
	return ferror(stdout) ? 1 : 0;
}
