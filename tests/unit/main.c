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

static char out_path[256];
static int out_fd = -1;

toll_out *
unit_out_open(void)
{
	const char *dir = getenv("TMPDIR");
	toll_out *o;

	snprintf(out_path, sizeof out_path, "%s/toll-unit-out-XXXXXX", dir ? dir : "/tmp");
	out_fd = mkstemp(out_path);
	ck_assert_int_ge(out_fd, 0);
	o = toll_out_new(out_fd, 0);
	ck_assert_ptr_nonnull(o);
	return o;
}

const char *
unit_out_text(toll_out *o)
{
	static char buf[1 << 16];
	toll_diag d;
	ssize_t n;

	ck_assert_int_eq(toll_out_commit(o, "test", &d), TOLL_OK);
	toll_out_free(o);
	n = pread(out_fd, buf, sizeof buf - 1, 0);
	ck_assert_int_ge(n, 0);
	buf[n] = '\0';
	close(out_fd);
	unlink(out_path);
	out_fd = -1;
	return buf;
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
	srunner_add_suite(sr, results_suite());
	srunner_run_all(sr, CK_NORMAL);
	run = srunner_ntests_run(sr);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (tmp_path[0] != '\0')
		unlink(tmp_path);
	printf("unit: %d passed, %d failed\n", run - failed, failed);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
