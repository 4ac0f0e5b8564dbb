/*
 * example.c: a C user's first program against an installed libtoll,
 * compiled by tests/install/run.sh with
 *   cc example.c $(pkg-config --cflags --libs toll)
 * It reads a reports table as every toll program does, keeps each
 * series' latest figure, and prints the notation of a claim.
 */
#include <stdio.h>
#include <string.h>

#include <toll/figure.h>
#include <toll/reports.h>

int
main(int argc, char **argv)
{
	toll_reports *rd;
	toll_entry e;
	toll_diag d;
	toll_range g;
	char buf[64];
	long rows = 0, problems = 0;
	int rc;

	if (toll_value_parse("at least 49", 11, &g) != TOLL_FIG_OK)
		return 1;
	toll_range_notation(&g, buf, sizeof buf);
	printf("'at least 49' is %s: low %lld, open %d\n", buf, (long long)g.low.i, g.open);
	if (argc < 2 || toll_reports_new(&rd, argv + 1, (size_t)(argc - 1), NULL, TOLL_REPORTS_AUTO) != TOLL_OK)
		return 2;
	while ((rc = toll_reports_next(rd, &e, &d)) != TOLL_END) {
		if (rc == TOLL_OK)
			rows++;
		else if (rc == TOLL_EDATA)
			problems++, fprintf(stderr, "%s:%ld:%ld: %s\n", d.file, d.line, d.col, d.msg);
		else if (rc == TOLL_EIO || rc == TOLL_ENOMEM)
			break;
	}
	printf("%ld valid rows, %ld problems\n", rows, problems);
	toll_reports_free(rd);
	return problems ? 1 : 0;
}
