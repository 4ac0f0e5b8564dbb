/*
 * test_import.c: the import module (toll/import.h) as a C user calls it:
 * its table of formats and options, option values refused, a run on a
 * table and on JSON with what it says, the summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "toll/import.h"
#include "toll/out.h"

/* What the import said: the messages, "CODE FILE:LINE:COL MSG" a line. */
struct said {
	char text[8192];
	size_t len;
	int warnings, problems, stop_after;   /* stop_after > 0: stop at that problem */
};

static int
say(void *ctx, const toll_diag *d, int code)
{
	struct said *s = ctx;

	s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "%d %s:%ld:%ld %s\n",
	                           code, d->file ? d->file : "-", d->line, d->col, d->msg);
	ck_assert_uint_lt(s->len, sizeof s->text);
	if (code == TOLL_OK) {
		s->warnings++;
		return 1;
	}
	s->problems++;
	return s->stop_after == 0 || s->problems < s->stop_after;
}

/* Runs im on the file of bytes (with suffix); the output in out, the run's code returned. */
static int
run(toll_import *im, const char *bytes, const char *suffix, char *out, size_t outsz)
{
	char *paths[1];
	toll_dialect dl = TOLL_DIALECT_INIT;
	toll_out *o = unit_out_open();
	int code;

	paths[0] = (char *)unit_tmpfile(bytes, strlen(bytes), suffix);
	code = toll_import_run(im, paths, 1, &dl, o);
	snprintf(out, outsz, "%s", unit_out_text(o));
	return code;
}

/* The sum of column col (0-based) of a TSV with a header, read independently. */
static long
column_sum(const char *tsv, int col)
{
	const char *p = strchr(tsv, '\n');
	long sum = 0;

	while (p != NULL && p[1] != '\0') {
		const char *f = p + 1;
		int i;

		for (i = 0; i < col; i++)
			f = strchr(f, '\t') + 1;
		sum += strtol(f, NULL, 10);
		p = strchr(p + 1, '\n');
	}
	return sum;
}

START_TEST(formats_table)
{
	size_t i, n = toll_import_formats();
	int opt, common = 0;

	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(toll_import_format_name(0), "acled");
	ck_assert_str_eq(toll_import_format_name(1), "ucdp-ged");
	ck_assert_str_eq(toll_import_format_name(2), "table");
	ck_assert_ptr_null(toll_import_format_name(n));
	for (i = 0; i < n; i++) {
		/* Each format's help and its options' section end with a line. */
		const char *h = toll_import_format_help(i), *o = toll_import_format_options_help(i);

		ck_assert_ptr_nonnull(h);
		ck_assert_int_eq(h[strlen(h) - 1], '\n');
		ck_assert_ptr_nonnull(o);
		ck_assert_ptr_nonnull(strstr(o, ":\n      --"));
	}
	for (opt = 0; opt < TOLL_IMPORT_NOPTS; opt++) {
		const char *name = toll_import_option_name(opt), *h = toll_import_option_help(opt);
		char want[64];

		ck_assert_ptr_nonnull(name);
		/* An option of any format is described in its own help; a format's in the format's. */
		snprintf(want, sizeof want, "--%s", name);
		if (h != NULL) {
			common++;
			ck_assert_ptr_nonnull(strstr(h, want));
		} else {
			for (i = 0; i < n && strstr(toll_import_format_options_help(i), want) == NULL; i++)
				;
			ck_assert_uint_lt(i, n);
		}
	}
	ck_assert_int_eq(common, TOLL_IMPORT_NOPTS - TOLL_IMPORT_MAP);
	ck_assert_int_eq(toll_import_option_has_arg(TOLL_IMPORT_MAP), 1);
	ck_assert_int_eq(toll_import_option_has_arg(TOLL_IMPORT_STRICT), 0);
	ck_assert_ptr_null(toll_import_option_name(TOLL_IMPORT_NOPTS));
}
END_TEST

START_TEST(options_refused)
{
	struct said s = { .len = 0 };
	toll_import *im = toll_import_new(say, &s);
	toll_diag d;

	ck_assert_ptr_nonnull(im);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_MAP, "event", &d), TOLL_EUSAGE);
	ck_assert_str_eq(d.msg, "invalid --map 'event': expected COLUMN=INPUT_COLUMN");
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_TIME_PREC, "101", &d), TOLL_EUSAGE);
	ck_assert_str_eq(d.msg, "invalid --time-precision '101': expected a whole number");
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_VALUE_MAP, "side:", &d), TOLL_EUSAGE);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_SET, NULL, &d), TOLL_EUSAGE);
	ck_assert_int_eq(toll_import_set_format(im, "csv", &d), TOLL_EUSAGE);
	ck_assert_str_eq(d.msg, "unknown format 'csv': expected acled, ucdp-ged or table");
	/* An option of another format is refused when the format is set. */
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_SPLIT_SIDES, NULL, &d), TOLL_OK);
	ck_assert_int_eq(toll_import_set_format(im, "acled", &d), TOLL_EUSAGE);
	ck_assert_str_eq(d.msg, "--split-sides is for ucdp-ged");
	toll_import_free(im);

	im = toll_import_new(say, &s);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_REPORTED, "2024-01-01", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_set_format(im, "table", &d), TOLL_EUSAGE);
	ck_assert_str_eq(d.msg, "--reported is for acled and ucdp-ged: give --set reported=DATE");
	ck_assert_int_eq(toll_import_set_format(im, "acled", &d), TOLL_EUSAGE);
	ck_assert_str_eq(d.msg, "invalid --reported '2024-01-01' for acled: expected event_date or "
	                 "timestamp");
	ck_assert_int_eq(toll_import_set_format(im, "ucdp-ged", &d), TOLL_OK);
	toll_import_free(im);
	/* The format set twice: the second's check does not leak the first's state. */
	im = toll_import_new(say, &s);
	ck_assert_int_eq(toll_import_set_format(im, "acled", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_set_format(im, "acled", &d), TOLL_OK);
	toll_import_free(im);
	/* Nothing was said: option problems are returned. */
	ck_assert_uint_eq(s.len, 0);
}
END_TEST

START_TEST(run_table)
{
	static const char csv[] =
		"battle,country,deaths,qual\n"
		"Verdun,France,1200,about\n"
		"Verdun,Germany,800,\n"
		"Somme,France,8.5,\n"
		"Somme,Britain,,\n"
		"Somme,Germany,2300,more\n";
	struct said s = { .len = 0 };
	toll_import *im = toll_import_new(say, &s);
	toll_import_counts k;
	toll_diag d;
	char out[4096], line[256];

	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_MAP, "event=battle,side=country", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_MAP, "best=deaths,qualifier=qual", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_SET, "reported=1916-12-31,source=X", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_SET, "category=killed", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_set_format(im, "table", &d), TOLL_OK);
	ck_assert_int_eq(run(im, csv, ".csv", out, sizeof out), TOLL_EDATA);
	ck_assert_str_eq(out,
		"event\treported\tsource\tside\tcategory\tstatus\tlow\tbest\thigh\tstart\tend\tqualifier\n"
		"Verdun\t1916-12-31\tX\tFrance\tkilled\t\t1200\t1200\t1200\t\t\t~\n"
		"Verdun\t1916-12-31\tX\tGermany\tkilled\t\t\t800\t\t\t\t\n"
		"Somme\t1916-12-31\tX\tGermany\tkilled\t\t2301\t2301\t\t\t\t\n");
	/* The best column written against the input's, summed apart: 1200 + 800 + 2301 ("more than 2300"). */
	ck_assert_int_eq(column_sum(out, 7), 1200 + 800 + 2301);
	/* The fraction refused at its place, the empty figure counted. */
	ck_assert_int_eq(s.problems, 1);
	ck_assert_ptr_nonnull(strstr(s.text, ".csv:4:14 not a whole number '8.5' in column 'deaths'\n"));
	toll_import_get_counts(im, &k);
	ck_assert_int_eq(k.read, 5);
	ck_assert_int_eq(k.written, 3);
	ck_assert_int_eq(k.refused, 1);
	ck_assert_int_eq(k.no_figure, 1);
	ck_assert_uint_gt(toll_import_summary(im, line, sizeof line), 0);
	/* An import runs once; setting the format again is allowed. */
	ck_assert_int_eq(run(im, csv, ".csv", out, sizeof out), TOLL_EUSAGE);
	ck_assert_str_eq(out, "");
	ck_assert_ptr_nonnull(strstr(s.text, "an import runs once"));
	ck_assert_str_eq(line, "table: 5 read, 3 written, 1 refused, 0 widened, 0 defaulted, "
	                 "1 skipped (no figure)");
	/* Cut to fit. */
	ck_assert_uint_eq(toll_import_summary(im, line, 8), 7);
	ck_assert_str_eq(line, "table: ");
	toll_import_free(im);
}
END_TEST

START_TEST(run_stops)
{
	static const char tsv[] =
		"id\tdate_start\tdate_end\tlow\tbest\thigh\n"
		"1\t2020-01-01\t2020-01-02\t1\tx\t3\n"
		"2\t2020-01-01\t2020-13-02\t1\t2\t3\n"
		"3\t2020-01-01\t2020-01-02\t1\t2\t3\n";
	struct said s = { .stop_after = 1 };
	toll_import *im = toll_import_new(say, &s);
	toll_diag d;
	char out[4096];

	ck_assert_int_eq(toll_import_set_format(im, "ucdp-ged", &d), TOLL_OK);
	ck_assert_int_eq(run(im, tsv, ".tsv", out, sizeof out), TOLL_EDATA);
	/* say() returned 0 at the first problem: nothing more was read. */
	ck_assert_int_eq(s.problems, 1);
	ck_assert_ptr_nonnull(strstr(out, "event\treported\tsource"));
	ck_assert_ptr_null(strchr(strchr(out, '\n') + 1, '\n'));
	toll_import_free(im);
}
END_TEST

START_TEST(run_usage)
{
	static const char json[] =
		"[{\"day\": \"2022-03-01\", \"n\": {\"dead\": 10}},\n"
		" {\"day\": \"2022-03-02\", \"n\": {\"dead\": 14}}]\n";
	struct said s = { .len = 0 };
	toll_import *im = toll_import_new(say, &s);
	toll_diag d;
	char out[4096];

	/* A column the file lacks: said as a usage problem, nothing written. */
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_MAP, "best=n.killed", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_SET, "event=e,reported=2022-03-03,source=s,side=a,category=killed", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_set_format(im, "table", &d), TOLL_OK);
	ck_assert_int_eq(run(im, json, ".json", out, sizeof out), TOLL_EUSAGE);
	ck_assert_str_eq(out, "");
	ck_assert_ptr_nonnull(strstr(s.text, "6 -:0:0 unknown column 'n.killed' in --map best=n.killed"));
	ck_assert_uint_eq(toll_import_summary(im, out, sizeof out), 0);
	toll_import_free(im);

	/* The same JSON, by its dotted path: read as records. */
	s.len = 0;
	s.problems = 0;
	im = toll_import_new(say, &s);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_MAP, "best=n.dead,start=day", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_option(im, TOLL_IMPORT_SET, "event=e,reported=2022-03-03,source=s,side=a,category=killed", &d), TOLL_OK);
	ck_assert_int_eq(toll_import_set_format(im, "table", &d), TOLL_OK);
	ck_assert_int_eq(run(im, json, ".json", out, sizeof out), TOLL_OK);
	ck_assert_int_eq(s.problems, 0);
	ck_assert_int_eq(column_sum(out, 7), 24);
	ck_assert_ptr_nonnull(strstr(out, "\t14\t\t2022-03-02\t\n"));
	toll_import_free(im);
}
END_TEST

Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, formats_table);
	tcase_add_test(tc, options_refused);
	tcase_add_test(tc, run_table);
	tcase_add_test(tc, run_stops);
	tcase_add_test(tc, run_usage);
	suite_add_tcase(s, tc);
	return s;
}
