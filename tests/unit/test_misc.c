/* test_misc.c: UTF-8, message quoting, the TSV writer, the report rules, the series index. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites.h"
#include "toll/agg.h"
#include "toll/out.h"
#include "toll/report.h"
#include "toll/reports.h"
#include "toll/series.h"
#include "toll/utf8.h"

START_TEST(utf8_checks)
{
	int nul;

	ck_assert_uint_eq(toll_utf8_check("plain ascii text, long enough", 29, &nul), 29);
	{
		const char *multi = "Հայաստան Azərbaycan Россия عربي";

		ck_assert_uint_eq(toll_utf8_check(multi, strlen(multi), &nul), strlen(multi));
	}
	ck_assert_uint_eq(toll_utf8_check("abcdefgh\xc3", 9, &nul), 8);
	ck_assert_int_eq(nul, 0);
	ck_assert_uint_eq(toll_utf8_check("abcdefghij\0k", 12, &nul), 10);
	ck_assert_int_eq(nul, 1);
	ck_assert_uint_eq(toll_utf8_valid_prefix("\xc1\x81", 2), 0);   /* overlong */
	ck_assert_uint_eq(toll_utf8_valid_prefix("\xf0\x9f\x98\x80", 4), 4);
}
END_TEST

START_TEST(quote_for_messages)
{
	char q[200];

	toll_diag_quote(q, sizeof q, "2022-02-30", 10);
	ck_assert_str_eq(q, "2022-02-30");
	toll_diag_quote(q, sizeof q, "a\tb\x01\xff", 5);
	ck_assert_str_eq(q, "a\\x09b\\x01\\xff");
	toll_diag_quote(q, sizeof q, "0123456789012345678901234567890123456789012345678901234", 55);
	ck_assert_str_eq(q, "012345678901234567890123456789012345678901234567...");
	toll_diag_quote(q, 8, "0123456789", 10);
	ck_assert_str_eq(q, "0123456");
	/* Cut at a character as a reader counts them: an accent stays with its letter... */
	toll_diag_quote(q, sizeof q, "01234567890123456789012345678901234567890123456e\xcc\x81xyz", 53);
	ck_assert_str_eq(q, "01234567890123456789012345678901234567890123456e\xcc\x81...");
	/* ... the people of a family emoji stay together ... */
	toll_diag_quote(q, sizeof q, "0123456789012345678901234567890123456789012345"
	                "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7z", 65);
	ck_assert_str_eq(q, "0123456789012345678901234567890123456789012345"
	                 "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7...");
	/* ... and where the room ends inside one, none of it is kept. */
	toll_diag_quote(q, 6, "abce\xcc\x81", 6);
	ck_assert_str_eq(q, "abc");
}
END_TEST

/* Everything written to a toll_out on a temporary file, read back. */
static char *
written(void (*fn)(toll_out *), int spool, int commit)
{
	static char buf[1 << 16];
	char path[] = "/tmp/toll-unit-out-XXXXXX";
	int fd = mkstemp(path);
	toll_out *o;
	toll_diag d;
	ssize_t n;

	ck_assert_int_ge(fd, 0);
	o = toll_out_new(fd, spool);
	fn(o);
	if (commit)
		ck_assert_int_eq(toll_out_commit(o, "test", &d), TOLL_OK);
	toll_out_free(o);
	n = pread(fd, buf, sizeof buf - 1, 0);
	ck_assert_int_ge(n, 0);
	buf[n] = '\0';
	close(fd);
	unlink(path);
	return buf;
}

static void
write_doubles(toll_out *o)
{
	static const double v[] = {
		0, -0.0, 1, -3, 1.56, 135.0 / 49, 0.1, 1e-7, 123456789012345.0, 1e15, 2.5e20, 1.0 / 3,
		-0.25, 0.1 + 0.2, -4e31
	};
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		toll_out_double(o, v[i]);
		toll_out_tab(o);
	}
	toll_out_double(o, 0.0 / 0.0);
	toll_out_tab(o);
	toll_out_double(o, 1.0 / 0.0);
	toll_out_eol(o);
}

START_TEST(out_double)
{
	/* Fifteen significant digits, never an exponent, '.' always. */
	ck_assert_str_eq(written(write_doubles, 0, 1),
	                 "0\t0\t1\t-3\t1.56\t2.75510204081633\t0.1\t0.0000001\t"
	                 "123456789012345\t1000000000000000\t250000000000000000000\t"
	                 "0.333333333333333\t-0.25\t0.3\t-40000000000000000000000000000000\t\t\n");
}
END_TEST

static void
write_escapes(toll_out *o)
{
	toll_out_field(o, "tab\there", 8);
	toll_out_tab(o);
	toll_out_str(o, "line\nbreak\r\\");
	toll_out_tab(o);
	toll_out_int(o, 0);
	toll_out_tab(o);
	toll_out_int(o, INT64_MIN);
	toll_out_tab(o);
	toll_out_int(o, INT64_MAX);
	toll_out_eol(o);
}

START_TEST(writer_escapes)
{
	ck_assert_str_eq(written(write_escapes, 0, 1),
	                 "tab\\there\tline\\nbreak\\r\\\\\t0\t-9223372036854775808\t9223372036854775807\n");
}
END_TEST

/* Each escaped byte at each place of a long field (the writer goes eight bytes at a time), and the bytes it keeps. */
static void
write_escapes_everywhere(toll_out *o)
{
	static const char esc[] = "\t\n\r\\\001\014\016[]";
	char f[40];
	size_t k, at, told = 0;

	for (k = 0; k + 1 < sizeof esc; k++)
		for (at = 0; at < 20; at++) {
			memset(f, 'a' + (int)(at % 26), sizeof f);
			f[at] = esc[k];
			toll_out_field(o, f, 20 + at % 3);
			toll_out_eol(o);
			told += 20 + at % 3 + 1 + (k < 4);   /* the field, the newline, an escape's second byte */
		}
	ck_assert_uint_eq(toll_out_tell(o), told);
}

START_TEST(writer_escapes_everywhere)
{
	const char *w = written(write_escapes_everywhere, 0, 1);
	char want[8192], f[48];
	static const char *const as[] = { "\\t", "\\n", "\\r", "\\\\", "\001", "\014", "\016", "[", "]" };
	size_t k, at, n = 0, i, len;

	for (k = 0; k < 9; k++)
		for (at = 0; at < 20; at++) {
			len = 20 + at % 3;
			for (i = 0; i < len; i++)
				f[i] = (char)('a' + (int)(at % 26));
			f[len] = '\0';
			n += (size_t)snprintf(want + n, sizeof want - n, "%.*s%s%s\n", (int)at, f, as[k], f + at + 1);
		}
	ck_assert_str_eq(w, want);
}
END_TEST

static void
write_much(toll_out *o)
{
	int i;

	/* more than the spool keeps in memory: it must spill to a file and come back whole */
	for (i = 0; i < 400000; i++)
		toll_out_str(o, "0123456789012345678901234567890123456789012345678\n");
}

START_TEST(spool_holds_until_commit)
{
	ck_assert_str_eq(written(write_escapes, 1, 0), "");
	ck_assert_str_eq(written(write_escapes, 1, 1),
	                 "tab\\there\tline\\nbreak\\r\\\\\t0\t-9223372036854775808\t9223372036854775807\n");
}
END_TEST

START_TEST(spool_spills_to_disk)
{
	char path[] = "/tmp/toll-unit-big-XXXXXX";
	int fd = mkstemp(path);
	toll_out *o = toll_out_new(fd, 1);
	toll_diag d;

	write_much(o);
	ck_assert_int_eq(lseek(fd, 0, SEEK_END), 0);
	ck_assert_int_eq(toll_out_commit(o, "test", &d), TOLL_OK);
	ck_assert_int_eq(lseek(fd, 0, SEEK_END), 400000 * 51);
	toll_out_free(o);
	close(fd);
	unlink(path);
}
END_TEST

START_TEST(full_disk_is_an_error)
{
	int fd = open("/dev/full", O_WRONLY);
	toll_out *o;
	toll_diag d;

	if (fd < 0)
		return;  /* no /dev/full here */
	o = toll_out_new(fd, 0);
	write_escapes(o);
	ck_assert_int_eq(toll_out_commit(o, "standard output", &d), TOLL_EIO);
	ck_assert_str_eq(d.msg, "cannot write standard output: No space left on device");
	toll_out_free(o);
	close(fd);
}
END_TEST

/* Reads a one-file reports table and parses row number k (1-based) into *r. */
struct parsed {
	toll_schema schema;
	toll_report rep;
	toll_diag diags[TOLL_REPORT_MAX_PROBLEMS];
	int nproblems, schema_code;
	char schema_msg[TOLL_DIAG_MSG];
	char text[4096];
};

static void
parse_report(const char *bytes, struct parsed *p)
{
	char *paths[1];
	toll_table *t;
	toll_row row;
	toll_diag d;
	int r;

	paths[0] = (char *)unit_tmpfile(bytes, strlen(bytes), ".tsv");
	memset(p, 0, sizeof *p);
	ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
	p->schema_code = toll_schema_from_header(&p->schema, t, &row, &d);
	if (p->schema_code != TOLL_OK) {
		strcpy(p->schema_msg, d.msg);
		toll_table_free(t);
		return;
	}
	r = toll_table_next(t, &row, &d);
	ck_assert_int_eq(r, TOLL_OK);
	p->nproblems = toll_report_parse(&p->schema, &row, &p->rep, p->diags);
	{
		int i;
		size_t o = 0;

		for (i = 0; i < p->nproblems; i++)
			o += (size_t)snprintf(p->text + o, sizeof p->text - o, "%ld:%ld %s\n",
			                      p->diags[i].line, p->diags[i].col, p->diags[i].msg);
	}
	toll_table_free(t);
}

#define HDR "event\treported\tsource\tside\tcategory\tstatus\tlow\tbest\thigh\n"

START_TEST(report_schema)
{
	struct parsed p;

	parse_report("event\treported\tsource\tside\tbest\n", &p);
	ck_assert_str_eq(p.schema_msg, "missing required column 'category' (columns: event, "
	                 "reported, source, side, best)");
	parse_report("event\treported\tsource\tside\tcategory\n", &p);
	ck_assert_str_eq(p.schema_msg, "no figure column: need 'value' or 'low', 'best', 'high'");
	parse_report("event\treported\tsource\tside\tcategory\tvalue\tbest\n", &p);
	ck_assert_str_eq(p.schema_msg, "columns 'value' and 'best' cannot both be given");
	parse_report("value\tevent\treported\tsource\tside\tcategory\tqualifier\n", &p);
	ck_assert_str_eq(p.schema_msg, "columns 'value' and 'qualifier' cannot both be given");
	parse_report("note\tcategory\tside\tsource\treported\tevent\tbest\nn\tkilled\tA\tS\t2022-09-13\te\t5\n", &p);
	ck_assert_int_eq(p.schema_code, TOLL_OK);
	ck_assert_int_eq(p.schema.col[TOLL_COL_EVENT], 5);
	ck_assert_int_eq(p.schema.col[TOLL_COL_LOW], -1);
	ck_assert_int_eq(p.nproblems, 0);
	ck_assert_int_eq(p.rep.status, TOLL_STATUS_ALL);
	ck_assert_int_eq(p.rep.category, TOLL_CAT_KILLED);
	ck_assert_int_eq(p.rep.fig.best, 5);
}
END_TEST

/* A C string as a field. */
static toll_field
text_field(const char *s)
{
	toll_field f;

	memset(&f, 0, sizeof f);
	f.s = s;
	f.len = strlen(s);
	return f;
}

/* Whether note text s holds tag. */
static int
tagged(const char *s, const char *tag)
{
	toll_field f = text_field(s);

	return toll_note_has_tag(&f, tag);
}

START_TEST(note_tags)
{
	ck_assert(tagged("[correction] a recount", TOLL_TAG_CORRECTION));
	ck_assert(tagged("recount [Correction] of the 13th", TOLL_TAG_CORRECTION));
	ck_assert(tagged("x [KNOWN CONFLICT]", TOLL_TAG_KNOWN_CONFLICT));
	ck_assert(!tagged("a correction", TOLL_TAG_CORRECTION));
	ck_assert(!tagged("(correction)", TOLL_TAG_CORRECTION));
	ck_assert(!tagged("[correction", TOLL_TAG_CORRECTION));
	ck_assert(!tagged("[known conflict]", TOLL_TAG_CORRECTION));
	ck_assert(!tagged("", TOLL_TAG_CORRECTION));
	ck_assert(!toll_note_has_tag(NULL, TOLL_TAG_CORRECTION));
	/* A Turkish dotless i is no i: ASCII letters only, whatever the locale. */
	ck_assert(!tagged("[known confl" "\xc4\xb1" "ct]", TOLL_TAG_KNOWN_CONFLICT));
}
END_TEST

START_TEST(report_row_rules)
{
	struct parsed p;

	parse_report(HDR "e\t2022-09-13\tS\tA\tkilled\tmilitary\t49\t\t\n", &p);
	ck_assert_int_eq(p.nproblems, 0);
	ck_assert(p.rep.fig.open && p.rep.fig.low == 49 && p.rep.fig.best == 49);
	ck_assert_int_eq(p.rep.status, TOLL_STATUS_MILITARY);

	parse_report(HDR "\t2022-02-30\t\t\tdeaths\tsoldiers\t1.5\t-3\t99999999999999999999\n", &p);
	ck_assert_str_eq(p.text,
	                 "2:1 missing value in column 'event'\n"
	                 "2:2 invalid date '2022-02-30' in column 'reported': February 2022 has 28 days\n"
	                 "2:13 missing value in column 'source'\n"
	                 "2:14 missing value in column 'side'\n"
	                 "2:15 invalid category 'deaths' in column 'category': expected killed, wounded, "
	                 "missing, captured, killed_or_missing or casualties\n"
	                 "2:22 invalid status 'soldiers' in column 'status': expected military, civilian, "
	                 "unknown or all (the default)\n"
	                 "2:31 not a whole number '1.5' in column 'low'\n"
	                 "2:35 negative number '-3' in column 'best'\n"
	                 "2:38 number too large '99999999999999999999' in column 'high'\n");

	parse_report(HDR "e\t\tS\tA\tKilled\t\t\t\t\n", &p);
	ck_assert_str_eq(p.text,
	                 "2:3 missing value in column 'reported'\n"
	                 "2:8 invalid category 'Killed' in column 'category': expected killed, wounded, "
	                 "missing, captured, killed_or_missing or casualties\n"
	                 "2:16 no figure: 'low', 'best' and 'high' are all empty\n");

	parse_report(HDR "e\t2022-09-13\tS\tA\tkilled\t\t20\t10\t30\n", &p);
	ck_assert_str_eq(p.text, "2:29 'best' 10 is below 'low' 20\n");
	parse_report(HDR "e\t2022-09-13\tS\tA\tkilled\t\t20\t40\t30\n", &p);
	ck_assert_str_eq(p.text, "2:29 'best' 40 is above 'high' 30\n");
	parse_report(HDR "e\t2022-09-13\tS\tA\tkilled\t\t40\t\t30\n", &p);
	ck_assert_str_eq(p.text, "2:26 'low' 40 is above 'high' 30\n");
	/* kind: toll-extract's; empty or absent is a total. */
	ck_assert_int_eq(p.rep.kind, TOLL_KIND_TOTAL);
	parse_report("event\treported\tsource\tside\tcategory\tbest\tkind\n"
	             "e\t2022-09-13\tS\tA\tkilled\t4\tprevious\n", &p);
	ck_assert_int_eq(p.nproblems, 0);
	ck_assert_int_eq(p.rep.kind, TOLL_KIND_PREVIOUS);
	parse_report("event\treported\tsource\tside\tcategory\tbest\tkind\n"
	             "e\t2022-09-13\tS\tA\tkilled\t4\t\n", &p);
	ck_assert_int_eq(p.rep.kind, TOLL_KIND_TOTAL);
	parse_report("event\treported\tsource\tside\tcategory\tbest\tkind\n"
	             "e\t2022-09-13\tS\tA\tkilled\t4\tsum\n", &p);
	ck_assert_str_eq(p.text, "2:27 invalid kind 'sum' in column 'kind': expected total (the default), "
	                 "increment, previous, part or other\n");
}
END_TEST

/* One writer of claims: the columns' names and the qualifier's spelled once. */
START_TEST(report_writer)
{
	static const int cols[] = { TOLL_CLAIM_COLUMNS };
	toll_report r;
	toll_out *o;

	memset(&r, 0, sizeof r);
	r.event = text_field("clashes\t2022");
	r.reported_text = text_field("2022-09-14");
	r.source = text_field("MoD");
	r.side = text_field("Armenia");
	r.category = TOLL_CAT_KILLED_OR_MISSING;
	r.status = TOLL_STATUS_ALL;
	r.fig.low = 105;
	r.fig.best = 150;
	r.fig.high = 207;
	r.fig.qualifier = 'v';
	r.fig.supplied = 1;
	o = unit_out_open();
	toll_columns_write(o, cols, sizeof cols / sizeof cols[0]);
	toll_out_eol(o);
	toll_report_write(o, &r, 0);
	toll_out_eol(o);
	toll_report_write(o, &r, TOLL_WRITE_ALL_EMPTY | TOLL_WRITE_SUPPLIED);
	toll_out_eol(o);
	r.fig.open = 1;
	r.fig.qualifier = '~';
	r.status = TOLL_STATUS_MILITARY;
	toll_report_write(o, &r, TOLL_WRITE_ALL_EMPTY);
	toll_out_eol(o);
	ck_assert_str_eq(unit_out_text(o),
	                 "event\treported\tsource\tside\tcategory\tstatus\tlow\tbest\thigh\tqualifier\n"
	                 "clashes\\t2022\t2022-09-14\tMoD\tArmenia\tkilled_or_missing\tall\t105\t\t207\tvague\n"
	                 "clashes\\t2022\t2022-09-14\tMoD\tArmenia\tkilled_or_missing\t\t105\t150\t207\tvague\n"
	                 "clashes\\t2022\t2022-09-14\tMoD\tArmenia\tkilled_or_missing\tmilitary\t105\t\t\t~\n");
}
END_TEST

START_TEST(report_value_and_dates)
{
	struct parsed p;

	parse_report("event\treported\tsource\tside\tcategory\tvalue\tstart\tend\n"
	             "e\t2022-09-13T10:00+04:00\tS\tA\tkilled\tabout 6,500\t2020-09-27\t2020-11-10\n", &p);
	ck_assert_int_eq(p.nproblems, 0);
	ck_assert_int_eq(p.rep.fig.qualifier, '~');
	ck_assert_int_eq(p.rep.fig.best, 6500);
	ck_assert(p.rep.has_start && p.rep.has_end && p.rep.reported.has_time);

	parse_report("event\treported\tsource\tside\tcategory\tvalue\tstart\tend\n"
	             "e\t2022-09-13\tS\tA\tkilled\tmany\t2020-11-10\t2020-09-27\n", &p);
	ck_assert_str_eq(p.text,
	                 "2:25 invalid value 'many' in column 'value': expected 49, 6,500, at least 49, "
	                 "49+, more than 49, up to 100, fewer than 100, about 6,500, 100-150, 100 to 150, "
	                 "between 100 and 150, 100-150 (120)\n"
	                 "2:30 'start' 2020-11-10 is after 'end' 2020-09-27\n");
	parse_report("event\treported\tsource\tside\tcategory\tvalue\n"
	             "e\t2022-09-13\tS\tA\tkilled\t\n", &p);
	ck_assert_str_eq(p.text, "2:25 missing value in column 'value'\n");
	parse_report("event\treported\tsource\tside\tcategory\tvalue\n"
	             "e\t2022-09-13\tS\tA\tkilled\t150-100\n", &p);
	ck_assert_str_eq(p.text, "2:25 invalid value '150-100' in column 'value': low is above high\n");
	parse_report("event\treported\tsource\tside\tcategory\tvalue\n"
	             "e\t2022-09-13\tS\tA\tkilled\t-4\n", &p);
	ck_assert_str_eq(p.text, "2:25 negative number '-4' in column 'value'\n");
	parse_report("event\treported\tsource\tside\tcategory\tbest\tqualifier\tstart\n"
	             "e\t2022-09-13\tS\tA\tkilled\t5\tabout\t2022-13-01\n", &p);
	ck_assert_str_eq(p.text,
	                 "2:27 invalid qualifier 'about' in column 'qualifier'\n"
	                 "2:33 invalid date '2022-13-01' in column 'start': no month 13\n");
}
END_TEST

/* Whether two fields are the same text at the same place. */
static int
same_field(const toll_field *a, const toll_field *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->s, b->s, a->len) == 0) &&
	       (a->len == 0 || (a->line == b->line && a->col == b->col));
}

START_TEST(report_pack_round_trip)
{
	static const char table[] =
		"event\treported\tsource\tside\tcategory\tstatus\tvalue\tstart\tend\twithin\n"
		"e\t2022-09-13T10:00+04:00\tS\tA\tkilled\tmilitary\tabout 6,500\t2020-09-27\t2020-11-10\tall\n"
		"e\t2022-09-13\tS\tA\tkilled\t\tat least 49\t\t2020-11-10T12:00Z\t\n"
		"e\t2022-09-14\tS\tB\tcasualties\tcivilian\t100-150 (120)\t2020-09-27T00:00:30Z\t\tA\n"
		"f\t1900-01-01\tT\tall\tcaptured\tunknown\t9223372036854775807\t\t\t\n";
	char *paths[1];
	toll_table *t;
	toll_row row;
	toll_diag d, diags[TOLL_REPORT_MAX_PROBLEMS];
	toll_schema schema;
	int rows = 0;

	paths[0] = (char *)unit_tmpfile(table, sizeof table - 1, ".tsv");
	ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
	ck_assert_int_eq(toll_schema_from_header(&schema, t, &row, &d), TOLL_OK);
	while (toll_table_next(t, &row, &d) == TOLL_OK) {
		toll_report r, u;
		toll_report_packed p;

		ck_assert_int_eq(toll_report_parse(&schema, &row, &r, diags), 0);
		toll_report_pack(&r, &p);
		toll_report_unpack(&schema, &row, &p, &u);
		ck_assert(same_field(&r.event, &u.event) && same_field(&r.source, &u.source));
		ck_assert(same_field(&r.side, &u.side) && same_field(&r.within, &u.within));
		ck_assert(same_field(&r.reported_text, &u.reported_text));
		ck_assert_int_eq(r.category, u.category);
		ck_assert_int_eq(r.status, u.status);
		ck_assert(r.reported.t == u.reported.t && r.reported.has_time == u.reported.has_time);
		ck_assert(r.fig.low == u.fig.low && r.fig.best == u.fig.best);
		ck_assert(r.fig.open == u.fig.open && r.fig.qualifier == u.fig.qualifier);
		ck_assert(r.fig.open || r.fig.high == u.fig.high);
		ck_assert(r.has_start == u.has_start && r.has_end == u.has_end);
		ck_assert(!r.has_start || (r.start.t == u.start.t && r.start.has_time == u.start.has_time));
		ck_assert(!r.has_end || (r.end.t == u.end.t && r.end.has_time == u.end.has_time));
		rows++;
	}
	ck_assert_int_eq(rows, 4);
	toll_table_free(t);
}
END_TEST

static void
report(toll_report *r, const char *event, const char *side, const char *source, int64_t t,
       int64_t best)
{
	memset(r, 0, sizeof *r);
	r->event.s = event;
	r->event.len = strlen(event);
	r->side.s = side;
	r->side.len = strlen(side);
	r->source.s = source;
	r->source.len = strlen(source);
	r->category = TOLL_CAT_KILLED;
	r->status = TOLL_STATUS_ALL;
	r->reported.t = t;
	r->fig.low = r->fig.best = r->fig.high = best;
}

/* Adds a revision of (event, side, source) and returns its kind. */
static int
add(toll_series_index *x, toll_report *r, size_t fileno, long line, toll_revision_ref *prev)
{
	int kind = -1;
	toll_revision_ref before;

	ck_assert_int_eq(toll_series_index_add(x, r, fileno, line, &kind, prev, &before), TOLL_OK);
	return kind;
}

START_TEST(series_revisions)
{
	toll_series_index *x = toll_series_index_new(1);
	toll_report r;
	toll_revision_ref prev;

	report(&r, "e", "A", "S", 100, 49);
	ck_assert_int_eq(add(x, &r, 0, 2, &prev), TOLL_REV_NEW);
	report(&r, "e", "A", "S", 200, 105);
	ck_assert_int_eq(add(x, &r, 0, 3, &prev), TOLL_REV_NEW);
	report(&r, "e", "A", "S", 100, 49);
	ck_assert_int_eq(add(x, &r, 1, 9, &prev), TOLL_REV_DUPLICATE);
	ck_assert(prev.fileno == 0 && prev.line == 2);
	report(&r, "e", "A", "S", 200, 106);
	ck_assert_int_eq(add(x, &r, 0, 10, &prev), TOLL_REV_CONFLICT);
	ck_assert_int_eq(prev.line, 3);
	/* an open figure differs from a closed one with the same numbers */
	report(&r, "e", "A", "S", 300, 7);
	ck_assert_int_eq(add(x, &r, 0, 11, &prev), TOLL_REV_NEW);
	r.fig.open = 1;
	ck_assert_int_eq(add(x, &r, 0, 12, &prev), TOLL_REV_CONFLICT);
	/* other sources, statuses and sides are other series */
	report(&r, "e", "A", "T", 100, 50);
	ck_assert_int_eq(add(x, &r, 0, 13, &prev), TOLL_REV_NEW);
	r.status = TOLL_STATUS_MILITARY;
	ck_assert_int_eq(add(x, &r, 0, 14, &prev), TOLL_REV_NEW);
	report(&r, "e2", "A", "S", 100, 50);
	ck_assert_int_eq(add(x, &r, 0, 15, &prev), TOLL_REV_NEW);
	/* field boundaries count: ("ab","c") is not ("a","bc") */
	report(&r, "ab", "c", "S", 1, 1);
	ck_assert_int_eq(add(x, &r, 0, 16, &prev), TOLL_REV_NEW);
	report(&r, "a", "bc", "S", 1, 2);
	ck_assert_int_eq(add(x, &r, 0, 17, &prev), TOLL_REV_NEW);
	ck_assert_uint_eq(toll_series_index_count(x), 6);
	ck_assert_uint_eq(toll_series_index_events(x), 4);
	toll_series_index_free(x);
	toll_series_index_free(NULL);
}
END_TEST

START_TEST(series_many)
{
	toll_series_index *x = toll_series_index_new(1);
	toll_report r;
	toll_revision_ref prev;
	char ev[32];
	int i;

	for (i = 0; i < 200000; i++) {
		snprintf(ev, sizeof ev, "event-%d", i % 50000);
		report(&r, ev, "A", "S", i / 50000, i);
		ck_assert_int_eq(add(x, &r, 0, i + 2, &prev), TOLL_REV_NEW);
	}
	ck_assert_uint_eq(toll_series_index_count(x), 50000);
	snprintf(ev, sizeof ev, "event-%d", 123);
	report(&r, ev, "A", "S", 2, 100123);
	ck_assert_int_eq(add(x, &r, 0, 0, &prev), TOLL_REV_DUPLICATE);
	ck_assert_int_eq(prev.line, 100125);
	toll_series_index_free(x);
}
END_TEST

START_TEST(series_latest_only_and_second_pass)
{
	/* rows (instant, best): 2 in order, then older ones, as a file might hold them */
	static const int64_t when[] = { 10, 30, 10, 30, 20, 20, 10 };
	static const int64_t best[] = { 1, 3, 2, 3, 5, 5, 1 };
	static const int first[] = { TOLL_REV_NEW, TOLL_REV_NEW, TOLL_REV_UNCHECKED,
	                             TOLL_REV_DUPLICATE, TOLL_REV_UNCHECKED, TOLL_REV_UNCHECKED,
	                             TOLL_REV_UNCHECKED };
	/* the second pass reports only what the first could not check */
	static const int second[] = { TOLL_REV_NEW, TOLL_REV_NEW, TOLL_REV_CONFLICT, TOLL_REV_NEW,
	                              TOLL_REV_NEW, TOLL_REV_DUPLICATE, TOLL_REV_DUPLICATE };
	static const long earlier_line[] = { 0, 0, 1, 0, 0, 5, 1 };
	toll_series_index *x = toll_series_index_new(0);
	toll_report r;
	toll_revision_ref prev;
	int i, kind;

	for (i = 0; i < 7; i++) {
		report(&r, "e", "A", "S", when[i], best[i]);
		kind = add(x, &r, 0, i + 1, &prev);
		ck_assert_msg(kind == first[i], "first pass, row %d: %d", i + 1, kind);
		if (kind == TOLL_REV_DUPLICATE)
			ck_assert_int_eq(prev.line, 2);
	}
	/* another series, all in order: nothing for the second pass */
	report(&r, "e", "B", "S", 5, 1);
	ck_assert_int_eq(add(x, &r, 0, 8, &prev), TOLL_REV_NEW);
	ck_assert_uint_eq(toll_series_index_second_pass(x), 1);
	for (i = 0; i < 7; i++) {
		report(&r, "e", "A", "S", when[i], best[i]);
		kind = add(x, &r, 0, i + 1, &prev);
		ck_assert_msg(kind == second[i], "second pass, row %d: %d", i + 1, kind);
		if (kind != TOLL_REV_NEW)
			ck_assert_int_eq(prev.line, earlier_line[i]);
	}
	report(&r, "e", "B", "S", 5, 2);
	ck_assert_int_eq(add(x, &r, 0, 8, &prev), TOLL_REV_NEW);
	ck_assert_uint_eq(toll_series_index_count(x), 2);
	toll_series_index_free(x);

	/* with history, every row is checked at once */
	x = toll_series_index_new(1);
	for (i = 0; i < 7; i++) {
		report(&r, "e", "A", "S", when[i], best[i]);
		ck_assert_int_eq(add(x, &r, 0, i + 1, &prev), i == 2 ? TOLL_REV_CONFLICT : i == 3 || i >= 5 ? TOLL_REV_DUPLICATE :
		                                                               TOLL_REV_NEW);
	}
	ck_assert_uint_eq(toll_series_index_second_pass(x), 0);
	toll_series_index_free(x);
}
END_TEST

/* Lists of names in messages: "a, b or c", cut to fit. */
START_TEST(lists_for_messages)
{
	static const char *const names[] = { "acled", "ucdp-ged", "table" };
	char buf[64], small[9];
	size_t i, len = 0, n = sizeof names / sizeof names[0];

	for (i = 0; i < n; i++)
		len = toll_list_add(buf, sizeof buf, len, names[i], i, n, " or ");
	ck_assert_str_eq(buf, "acled, ucdp-ged or table");
	ck_assert_uint_eq(len, strlen(buf));
	ck_assert_uint_eq(toll_list_add(buf, sizeof buf, 0, "bar", 0, 1, " and "), 3);
	ck_assert_str_eq(buf, "bar");
	len = toll_list_add(buf, sizeof buf, 0, "a", 0, 2, " and ");
	toll_list_add(buf, sizeof buf, len, "b", 1, 2, " and ");
	ck_assert_str_eq(buf, "a and b");
	/* Cut: what fits, NUL-terminated, and no write past the end. */
	for (i = 0, len = 0; i < n; i++)
		len = toll_list_add(small, sizeof small, len, names[i], i, n, " or ");
	ck_assert_str_eq(small, "acled, u");
	ck_assert_uint_ge(len, sizeof small);
}
END_TEST

/* A row of n fields from texts (their places: line 2, columns 1, 2, ...). */
static toll_row
merge_row(toll_field *f, const char *const *texts, size_t n)
{
	toll_row r;
	size_t i;

	for (i = 0; i < n; i++) {
		f[i].s = texts[i];
		f[i].len = strlen(texts[i]);
		f[i].line = 2;
		f[i].col = (long)i + 1;
	}
	r.f = f;
	r.n = n;
	r.file = "part";
	r.line = 2;
	r.fileno = 0;
	return r;
}

/* Parts added as toll-agg adds: halves exact, an open high stays open, a best's flags kept, the other side's apart. */
START_TEST(agg_merge_adds_parts)
{
	static const char *const head[] = { "side", "low", "best", "high", "events", "series", "qualifier",
	                                    "best_by", "adversary" };
	static const char *const a[] = { "A", "1", "1.5", "2", "1", "2", "~", "sources", "~430" };
	static const char *const b[] = { "A", "2", "2.5", "", "3", "3", "", "toll", "10" };
	static const char *const c[] = { "B", "0", "0", "0", "1", "1", "", "sources", "" };
	toll_field f[9];
	toll_row r;
	toll_agg_merge *m = toll_agg_merge_new();
	toll_agg_result *res = NULL;
	toll_diag d;

	ck_assert_ptr_nonnull(m);
	r = merge_row(f, head, 9);
	ck_assert_int_eq(toll_agg_merge_header(m, "part", &r, &d), TOLL_OK);
	r = merge_row(f, c, 9);
	ck_assert_int_eq(toll_agg_merge_row(m, "part", &r, &d), TOLL_OK);
	r = merge_row(f, a, 9);
	ck_assert_int_eq(toll_agg_merge_row(m, "part", &r, &d), TOLL_OK);
	r = merge_row(f, b, 9);
	ck_assert_int_eq(toll_agg_merge_row(m, "part", &r, &d), TOLL_OK);
	ck_assert_int_eq(toll_agg_merge_finish(m, &res, &d), TOLL_OK);
	ck_assert_uint_eq(res->n, 2);
	ck_assert_str_eq(res->row[0].keys, "A");
	ck_assert_int_eq(res->row[0].own.low.n, 3);
	ck_assert_int_eq(res->row[0].own.best.n, 4);
	ck_assert_int_eq(res->row[0].own.best.half, 0);
	ck_assert_int_eq(res->row[0].own.open, 1);
	ck_assert_uint_eq(res->row[0].own.flags, TOLL_BEST_APPROX | TOLL_BEST_SUPPLIED);
	ck_assert_int_eq(res->row[0].adversary.best.n, 440);
	ck_assert_uint_eq(res->row[0].adversary.flags, TOLL_BEST_APPROX);
	ck_assert_uint_eq(res->row[0].events, 4);
	ck_assert_uint_eq(res->row[0].series, 5);
	ck_assert_str_eq(res->row[1].keys, "B");
	toll_agg_result_free(res);
	toll_agg_merge_free(m);
}
END_TEST

/* The parts' hash: FNV-1a 64 then fmix64, as toll(7) writes it; values worked out with Python. */
START_TEST(event_hash_of_parts)
{
	ck_assert_uint_eq(toll_event_hash("", 0), 17280346270528514342ULL);
	ck_assert_uint_eq(toll_event_hash("a", 1), 9413272369427828315ULL);
	ck_assert_uint_eq(toll_event_hash("2022-09-armenia-azerbaijan-border", 33), 14530709238909527171ULL);
	ck_assert_uint_eq(toll_event_hash("\xc5\x9e", 2), 5785212825581231298ULL);
	/* Only the bytes count: a part is the same whatever file the event came from. */
	ck_assert_uint_eq(toll_event_hash("ab", 1), toll_event_hash("a", 1));
}
END_TEST

/* Part i of k: in range, or refused. */
START_TEST(reports_part_range)
{
	char *paths[] = { (char *)"data/good.tsv" };
	toll_reports *rd;

	ck_assert_int_eq(toll_reports_new(&rd, paths, 1, NULL, TOLL_REPORTS_AUTO), TOLL_OK);
	ck_assert_int_eq(toll_reports_set_part(rd, 0, 4), TOLL_EUSAGE);
	ck_assert_int_eq(toll_reports_set_part(rd, 5, 4), TOLL_EUSAGE);
	ck_assert_int_eq(toll_reports_set_part(rd, 1, 0), TOLL_EUSAGE);
	ck_assert_int_eq(toll_reports_set_part(rd, 4, 4), TOLL_OK);
	toll_reports_free(rd);
}
END_TEST

Suite *
misc_suite(void)
{
	Suite *s = suite_create("misc");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, utf8_checks);
	tcase_add_test(tc, quote_for_messages);
	tcase_add_test(tc, writer_escapes);
	tcase_add_test(tc, writer_escapes_everywhere);
	tcase_add_test(tc, out_double);
	tcase_add_test(tc, spool_holds_until_commit);
	tcase_add_test(tc, spool_spills_to_disk);
	tcase_add_test(tc, full_disk_is_an_error);
	tcase_add_test(tc, report_schema);
	tcase_add_test(tc, report_row_rules);
	tcase_add_test(tc, note_tags);
	tcase_add_test(tc, report_value_and_dates);
	tcase_add_test(tc, report_writer);
	tcase_add_test(tc, report_pack_round_trip);
	tcase_add_test(tc, series_revisions);
	tcase_add_test(tc, series_many);
	tcase_add_test(tc, series_latest_only_and_second_pass);
	tcase_add_test(tc, lists_for_messages);
	tcase_add_test(tc, event_hash_of_parts);
	tcase_add_test(tc, agg_merge_adds_parts);
	tcase_add_test(tc, reports_part_range);
	suite_add_tcase(s, tc);
	return s;
}
