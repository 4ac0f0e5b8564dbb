/* main.c: runs every unit suite and prints "unit: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites.h"

static char tmp_path[256];

const char *
unit_tmpfile(const char *bytes, size_t n, const char *suffix)
{
	const char *dir = getenv("TMPDIR");
	FILE *f;
	int fd;

	if (tmp_path[0] != '\0')
		unlink(tmp_path);
	snprintf(tmp_path, sizeof tmp_path, "%s/toll-unit-XXXXXX%s", dir ? dir : "/tmp", suffix);
	fd = mkstemps(tmp_path, (int)strlen(suffix));
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
	return tmp_path;
}

int
main(void)
{
	SRunner *sr = srunner_create(date_suite());
	int run, failed;

	srunner_add_suite(sr, figure_suite());
	srunner_add_suite(sr, table_suite());
	srunner_add_suite(sr, misc_suite());
	srunner_add_suite(sr, keys_suite());
	srunner_add_suite(sr, nest_suite());
	srunner_add_suite(sr, stats_suite());
	srunner_add_suite(sr, ticks_suite());
	srunner_add_suite(sr, extract_suite());
	srunner_add_suite(sr, chart_suite());
	srunner_add_suite(sr, import_suite());
	srunner_run_all(sr, CK_NORMAL);
	run = srunner_ntests_run(sr);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (tmp_path[0] != '\0')
		unlink(tmp_path);
	printf("unit: %d passed, %d failed\n", run - failed, failed);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
