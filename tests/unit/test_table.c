/* test_table.c: the TSV and CSV reader, its corners and its errors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites.h"
#include "toll/json.h"
#include "toll/table.h"

/* Reading with threads: how many, and how many rows came with the work done in a worker. */
static int dump_threads = 1;
static size_t dump_slots;

/* The work of the tests: a fingerprint of the row's fields, to find on the row handed out. */
static uint64_t
row_print(const toll_row *row)
{
	uint64_t h = 1469598103934665603ull ^ row->n;
	size_t i, k;

	for (i = 0; i < row->n; i++) {
		for (k = 0; k < row->f[i].len; k++)
			h = (h ^ (unsigned char)row->f[i].s[k]) * 1099511628211ull;
		h = (h ^ 0xff) * 1099511628211ull;
	}
	return h;
}

static void
print_work(void *ctx, const toll_row *row, void *slot)
{
	ck_assert_ptr_null(ctx);
	*(uint64_t *)slot = row_print(row);
}

/*
 * Reads everything from paths and describes it in one string: "H a|b" for
 * a header, "3: x|y" for a row of line 3 (fields show as F@col when
 * with_cols), "E 3:4 msg" for a data error, "IO msg" for others.
 */
static char *
dump_dl(char *const *paths, size_t n, const toll_dialect *dl, int with_cols)
{
	static char out[8 << 20];   /* room for a line of 5 MiB */
	size_t o = 0, i;
	toll_table *t;
	toll_row row;
	toll_diag d;
	int r;

	ck_assert_int_eq(toll_table_new(&t, paths, n, dl), TOLL_OK);
	ck_assert_int_eq(toll_table_set_threads(t, dump_threads, print_work, NULL, sizeof(uint64_t)),
	                 TOLL_OK);
	out[0] = '\0';
	while ((r = toll_table_next(t, &row, &d)) != TOLL_END) {
		const uint64_t *slot = r == TOLL_OK ? toll_table_slot(t) : NULL;

		if (slot != NULL) {
			ck_assert_uint_eq(*slot, row_print(&row));
			dump_slots++;
		}
		if (r == TOLL_EDATA) {
			o += (size_t)snprintf(out + o, sizeof out - o, "E %ld:%ld %s\n", d.line, d.col, d.msg);
			continue;
		}
		if (r != TOLL_OK && r != TOLL_HEADER) {
			o += (size_t)snprintf(out + o, sizeof out - o, "IO %s\n", d.msg);
			if (r == TOLL_ENOMEM)
				break;
			continue;
		}
		if (r == TOLL_HEADER)
			o += (size_t)snprintf(out + o, sizeof out - o, "H ");
		else
			o += (size_t)snprintf(out + o, sizeof out - o, "%ld: ", row.line);
		for (i = 0; i < row.n; i++) {
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", i ? "|" : "",
			                      (int)row.f[i].len, row.f[i].s);
			if (with_cols)
				o += (size_t)snprintf(out + o, sizeof out - o, "@%ld:%ld", row.f[i].line,
				                      row.f[i].col);
		}
		o += (size_t)snprintf(out + o, sizeof out - o, "\n");
		ck_assert_uint_lt(o, sizeof out);
	}
	toll_table_free(t);
	return out;
}

static char *
dump_paths(char *const *paths, size_t n, enum toll_format fmt, int with_cols)
{
	toll_dialect dl = TOLL_DIALECT_INIT;

	dl.fmt = fmt;
	return dump_dl(paths, n, &dl, with_cols);
}

/* bytes in a file named *.suffix, read as dl says. */
static char *
dump_as(const char *bytes, const char *suffix, const toll_dialect *dl)
{
	char *paths[1];

	paths[0] = (char *)unit_tmpfile(bytes, strlen(bytes), suffix);
	return dump_dl(paths, 1, dl, 0);
}

static char *
dump(const char *bytes, size_t n, const char *suffix, enum toll_format fmt, int with_cols)
{
	char *paths[1];

	paths[0] = (char *)unit_tmpfile(bytes, n, suffix);
	return dump_paths(paths, 1, fmt, with_cols);
}

#define TSV(s) dump((s), sizeof(s) - 1, ".tsv", TOLL_FORMAT_AUTO, 0)
#define TSVC(s) dump((s), sizeof(s) - 1, ".tsv", TOLL_FORMAT_AUTO, 1)
#define CSV(s) dump((s), sizeof(s) - 1, ".csv", TOLL_FORMAT_AUTO, 0)
#define CSVC(s) dump((s), sizeof(s) - 1, ".csv", TOLL_FORMAT_AUTO, 1)

/* JSON records read as a table (toll/json.h), or refused with what reads them. */
START_TEST(json_records)
{
	toll_dialect dl = TOLL_DIALECT_INIT;
	char *paths[1];
	static char big[1 << 20];
	size_t i, o;

	dl.json = &toll_json_table;
	/*
	 * An array: columns in the order keys first appear, nested by dotted
	 * path (a key that is an object in one record and text in another is
	 * both: the object as JSON); arrays and empty objects as JSON.
	 */
	ck_assert_str_eq(dump_as("[{\"a\": 1, \"b\": {\"c\": \"x\", \"d\": 2.5}},\n"
	                         " {\"a\": 2, \"e\": [1, 2], \"b\": {\"c\": null}, \"f\": true},\n"
	                         " {\"a\": 0.1, \"b\": \"flat\", \"e\": {}}]\n", ".json", &dl),
	                 "H a|b.c|b.d|e|f|b\n1: 1|x|2.5|||{\"c\":\"x\",\"d\":2.5}\n"
	                 "2: 2|||[1,2]|true|{\"c\":null}\n3: 0.1|||{}||flat\n");
	/* JSON Lines, blank lines, a byte-order mark; "NA" strings are not stated, as in any table. */
	ck_assert_str_eq(dump_as("\xef\xbb\xbf{\"a\": \"NA\", \"b\": \"t\\tu\"}\n\n{\"b\": \"\u00e9\"}\n",
	                         ".jsonl", &dl),
	                 "H a|b\n1: |t\tu\n3: |\xc3\xa9\n");
	/* Errors, at their places, after the records before them. */
	ck_assert_str_eq(dump_as("[{\"a\": 1},\n {\"a\": }]", ".json", &dl),
	                 "H a\n1: 1\nE 2:8 invalid JSON: unexpected token near '}'\n");
	ck_assert_str_eq(dump_as("{\"a\": 1}\n\"x\"\n", ".json", &dl),
	                 "H a\n1: 1\nE 2:1 a JSON record is an object of named fields, not a string\n");
	/* Without the JSON reader: refused, whatever the name. */
	ck_assert_str_eq(dump_as(" \n[ {\"a\": 1}]", ".tsv", NULL),
	                 "E 2:1 this is JSON, not a TSV or CSV table: toll-import table reads JSON "
	                 "records (toll-import table --map OUT=KEY ... FILE)\n");
	/* Not JSON: a header that starts with a bracket. */
	ck_assert_str_eq(dump_as("[x]\tb\n1\t2\n", ".tsv", &dl), "H [x]|b\n2: 1|2\n");
	/* Records larger than the reader's first buffer, and more than the first scan. */
	o = (size_t)snprintf(big, sizeof big, "[");
	for (i = 0; i < TOLL_JSON_SCAN + 500; i++)
		o += (size_t)snprintf(big + o, sizeof big - o, "%s{\"n\": %zu, \"pad\": \"%0*d\"}",
		                      i ? ",\n" : "", i, i == 700 ? 300000 : 1, 0);
	o += (size_t)snprintf(big + o, sizeof big - o, "]");
	ck_assert_uint_lt(o, sizeof big - 1);
	paths[0] = (char *)unit_tmpfile(big, o, ".json");
	{
		toll_table *t;
		toll_row row;
		toll_diag d;
		size_t rows = 0;
		int r;

		ck_assert_int_eq(toll_table_new(&t, paths, 1, &dl), TOLL_OK);
		ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
		while ((r = toll_table_next(t, &row, &d)) == TOLL_OK) {
			ck_assert_int_eq(row.line, (long)rows + 1);
			char want[32];

			snprintf(want, sizeof want, "%zu", rows);
			ck_assert_uint_eq(row.f[0].len, strlen(want));
			ck_assert(memcmp(row.f[0].s, want, row.f[0].len) == 0);
			ck_assert_uint_eq(row.f[1].len, rows == 700 ? 300000 : 1);
			rows++;
		}
		ck_assert_int_eq(r, TOLL_END);
		ck_assert_uint_eq(rows, TOLL_JSON_SCAN + 500);
		{
			const char *file, *key;
			long line;

			/* Every record has the first records' keys: none unread. */
			ck_assert_int_eq(toll_table_unread_keys(t, &file, &line, &key), 0);
		}
		toll_table_free(t);
	}
	/* Keys that first appear after the first records are counted, the first one named. */
	o = 0;
	for (i = 0; i < TOLL_JSON_SCAN + 3; i++)
		o += (size_t)snprintf(big + o, sizeof big - o, "%s\n",
		                      i == TOLL_JSON_SCAN ? "{\"n\": 1, \"late\": {\"deep\": 2}}" :
		                      i == TOLL_JSON_SCAN + 2 ? "{\"n\": 1, \"other\": 3}" :
		                      i == TOLL_JSON_SCAN + 1 ? "{\"n\": {\"dumped\": 1}}" :
		                      "{\"n\": 1}");
	paths[0] = (char *)unit_tmpfile(big, o, ".jsonl");
	{
		toll_table *t;
		toll_row row;
		toll_diag d;
		const char *file, *key;
		long line;
		int r;

		ck_assert_int_eq(toll_table_new(&t, paths, 1, &dl), TOLL_OK);
		while ((r = toll_table_next(t, &row, &d)) == TOLL_OK || r == TOLL_HEADER)
			;
		ck_assert_int_eq(r, TOLL_END);
		/* The object in a column that was a number is read (as JSON): not counted. */
		ck_assert_int_eq(toll_table_unread_keys(t, &file, &line, &key), 2);
		ck_assert_int_eq(line, TOLL_JSON_SCAN + 1);
		ck_assert_str_eq(key, "late.deep");
		ck_assert_str_eq(file, paths[0]);
		toll_table_free(t);
	}
}
END_TEST

START_TEST(tsv_basic_with_places)
{
	ck_assert_str_eq(TSVC("a\tbb\tc\nx\t\tzz\n"),
	                 "H a@1:1|bb@1:3|c@1:6\n2: x@2:1|@2:3|zz@2:4\n");
	/* no newline at the end */
	ck_assert_str_eq(TSV("a\tb\n1\t2"), "H a|b\n2: 1|2\n");
}
END_TEST

START_TEST(tsv_escapes_decode)
{
	ck_assert_str_eq(TSV("a\tb\nx\\ty\tline\\nbreak\\r\n"), "H a|b\n2: x\ty|line\nbreak\r\n");
	ck_assert_str_eq(TSV("a\tb\nback\\\\slash\t\\\\t\n"), "H a|b\n2: back\\slash|\\t\n");
	/* unknown escapes and a lone backslash at the end stay as they are */
	ck_assert_str_eq(TSV("a\tb\nC:\\data\\x\tend\\\n"), "H a|b\n2: C:\\data\\x|end\\\n");
}
END_TEST

START_TEST(bom_crlf_comments_blank_lines)
{
	ck_assert_str_eq(TSVC("\xef\xbb\xbf" "a\tb\r\n1\t2\r\n"), "H a@1:1|b@1:3\n2: 1@2:1|2@2:3\n");
	ck_assert_str_eq(TSV("# about\n\na\tb\n# note\n\n1\t2\n\r\n3\t4\n"), "H a|b\n6: 1|2\n8: 3|4\n");
	/* a BOM only counts at the very start */
	ck_assert_str_eq(TSV("a\tb\n\xef\xbb\xbf" "1\t2\n"), "H a|b\n2: \xef\xbb\xbf" "1|2\n");
	/* in CSV, '#' is data */
	ck_assert_str_eq(CSV("a\n#1\n"), "H a\n2: #1\n");
}
END_TEST

START_TEST(empty_file_and_header_alone)
{
	ck_assert_str_eq(TSV(""), "E 1:1 no header line\n");
	ck_assert_str_eq(CSV(""), "E 1:1 no header line\n");
	ck_assert_str_eq(TSV("# only\n\n"), "E 3:1 no header line\n");
	ck_assert_str_eq(TSV("\xef\xbb\xbf"), "E 1:1 no header line\n");
	ck_assert_str_eq(TSV("a\tb\n"), "H a|b\n");
	ck_assert_str_eq(CSV("a,b"), "H a|b\n");
}
END_TEST

START_TEST(csv_rfc4180_corners)
{
	ck_assert_str_eq(CSV("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\n"), "H a|b|c\n2: x, y|say \"hi\"|\n");
	ck_assert_str_eq(CSV("a,b\r\n1,2\r\n"), "H a|b\n2: 1|2\n");
	ck_assert_str_eq(CSV("a,b\n\"\",\"\"\"\"\n"), "H a|b\n2: |\"\n");
	/* line breaks inside quotes: kept, and the lines after are counted */
	ck_assert_str_eq(CSVC("a,b\n\"two\nlines\",x\n3,4\n"),
	                 "H a@1:1|b@1:3\n2: two\nlines@2:1|x@3:8\n4: 3@4:1|4@4:3\n");
	ck_assert_str_eq(CSV("a,b\n\"crlf\r\ninside\",x\r\n"), "H a|b\n2: crlf\r\ninside|x\n");
	/* quotes in the header */
	ck_assert_str_eq(CSV("\"a\",\"b,c\"\n1,2\n"), "H a|b,c\n2: 1|2\n");
}
END_TEST

START_TEST(csv_errors)
{
	ck_assert_str_eq(CSV("a,b\n1,\"open\n"), "H a|b\nE 2:3 unterminated quoted field\n");
	ck_assert_str_eq(CSV("a,b\n1,\"open\nmore\n"), "H a|b\nE 2:3 unterminated quoted field\n");
	ck_assert_str_eq(CSV("a,b\n1,x\"y\n3,4\n"),
	                 "H a|b\nE 2:4 unexpected quote in unquoted field\n3: 3|4\n");
	ck_assert_str_eq(CSV("a,b\n\"x\"y,2\n3,4\n"),
	                 "H a|b\nE 2:4 unexpected character after closing quote\n3: 3|4\n");
	ck_assert_str_eq(CSV("\"a,b\n"), "E 1:1 unterminated quoted field\n");
}
END_TEST

START_TEST(field_count)
{
	ck_assert_str_eq(TSV("a\tb\tc\n1\t2\n1\t2\t3\t4\n5\t6\t7\n"),
	                 "H a|b|c\nE 2:4 expected 3 fields, found 2\nE 3:7 expected 3 fields, found 4\n4: 5|6|7\n");
	ck_assert_str_eq(CSV("a,b\n1\n"), "H a|b\nE 2:2 expected 2 fields, found 1\n");
}
END_TEST

START_TEST(header_errors)
{
	ck_assert_str_eq(TSV("a\tb\ta\n1\t2\t3\n"), "E 1:5 duplicate column 'a'\n");
	ck_assert_str_eq(TSV("a\t\tb\n1\t2\t3\n"), "E 1:3 empty column name\n");
	ck_assert_str_eq(CSV("a,b,\n"), "E 1:5 empty column name\n");
}
END_TEST

START_TEST(text_errors)
{
	ck_assert_str_eq(TSV("a\tb\n1\tx\xff" "y\n2\t3\n"),
	                 "H a|b\nE 2:3 invalid UTF-8 in column 'b'\n3: 2|3\n");
	ck_assert_str_eq(dump("a\tb\n1\tx\0y\n", 10, ".tsv", TOLL_FORMAT_AUTO, 0),
	                 "H a|b\nE 2:3 NUL byte in column 'b'\n");
	ck_assert_str_eq(TSV("a\xc0\xaf\tb\n"), "E 1:1 invalid UTF-8 in header\n");
	/* overlong, surrogate, past U+10FFFF, truncated */
	ck_assert_str_eq(TSV("a\n\xed\xa0\x80\n\xf4\x90\x80\x80\n\xe2\x82\n\xe2\x82\xac\n"),
	                 "H a\nE 2:1 invalid UTF-8 in column 'a'\nE 3:1 invalid UTF-8 in column 'a'\n"
	                 "E 4:1 invalid UTF-8 in column 'a'\n5: \xe2\x82\xac\n");
}
END_TEST

/* A carriage return is a line's end only before its newline: elsewhere it is an error. */
START_TEST(stray_carriage_returns)
{
	static const char cr[] = " (a TSV field writes one as \\r; CRLF ends a line only once)";
	char want[512];

	/* A file converted to CRLF twice: the last header name would end in CR. */
	snprintf(want, sizeof want, "E 1:4 carriage return (CR) in header%s\n", cr);
	ck_assert_str_eq(TSV("a\tb\r\r\n1\t2\r\r\n"), want);
	snprintf(want, sizeof want, "H a|b\nE 2:4 carriage return (CR) in column 'b'%s\n3: 5|6\n", cr);
	ck_assert_str_eq(TSV("a\tb\r\n1\t2\r3\r\n5\t6\r\n"), want);
	/* Past the SIMD and word loops' first blocks too. */
	snprintf(want, sizeof want, "H a\nE 2:30 carriage return (CR) in column 'a'%s\n", cr);
	ck_assert_str_eq(TSV("a\n01234567890123456789012345678\r9\n"), want);
	ck_assert_str_eq(TSV("a\tb\r\n1\t2\r\n"), "H a|b\n2: 1|2\n");
	/* CSV: inside quotes a CR is text; outside, an error. */
	ck_assert_str_eq(CSV("a,b\r\n\"x\r\ny\",2\r\n"), "H a|b\n2: x\r\ny|2\n");
	ck_assert_str_eq(CSV("a,b\r\r\nx,y\r\n"),
	                 "E 1:4 carriage return (CR) outside quotes: a field holding a line break "
	                 "must be quoted\n");
}
END_TEST

START_TEST(decoding_keeps_text_valid)
{
	/* decoding moves bytes: text is checked before, on the raw record */
	ck_assert_str_eq(CSV("a,b\n\"\xd4\xb5\",\"x\"\"\xc3\xa9\"\n"), "H a|b\n2: \xd4\xb5|x\"\xc3\xa9\n");
	ck_assert_str_eq(TSV("a\tb\n\\t\xd4\xb5\t\\\\\xc3\xa9\n"), "H a|b\n2: \t\xd4\xb5|\\\xc3\xa9\n");
	/* and a bad byte in a decoded field is still found, in the right field */
	ck_assert_str_eq(CSV("a,b\n\"x\"\"\",\"\xff\"\n"), "H a|b\nE 2:7 invalid UTF-8 in column 'b'\n");
	ck_assert_str_eq(TSV("a\tb\n\\t\tz\xff\n"), "H a|b\nE 2:4 invalid UTF-8 in column 'b'\n");
}
END_TEST

/* Round trip: random fields written as CSV and as TSV read back the same. */
static uint64_t rng = 88172645463325252ull;

static unsigned
next_rand(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

START_TEST(random_fields_round_trip)
{
	static const char *pieces[] = {
		"a", "Z", "0", " ", ",", "\"", "\t", "\n", "\r\n", "\\", "\\t", "#", "\xd4\xb5",
		"\xc9\x99", "\xd0\xa0", "\xd8\xb9", "\xf0\x9f\x98\x80", "\xef\xbb\xbf", "''",
	};
	/* Enough rows that records cross the reader's 256 KiB buffer. */
	enum { ROWS = 4000, COLS = 4 };
	static char fields[ROWS][COLS][64];
	static char csv[ROWS * COLS * 140 + 64], tsv[ROWS * COLS * 140 + 64];
	size_t nc = 0, nt = 0, r, c, k;
	int round;

	/* Odd rounds end lines with CRLF; every third has no newline at the end. */
	for (round = 0; round < 8; round++) {
		nc = nt = 0;
		nc += (size_t)sprintf(csv + nc, "c0,c1,c2,c3\n");
		nt += (size_t)sprintf(tsv + nt, "c0\tc1\tc2\tc3\n");
		for (r = 0; r < ROWS; r++)
			for (c = 0; c < COLS; c++) {
				char *f = fields[r][c];
				unsigned n = next_rand(6);

				f[0] = '\0';
				for (k = 0; k < n; k++)
					strcat(f, pieces[next_rand(sizeof pieces / sizeof pieces[0])]);
				/* a row of one empty field would be a blank line: never all empty */
				if (c == 0 && f[0] == '\0')
					strcpy(f, "x");
				/* CSV: always quoted, quotes doubled */
				csv[nc++] = '"';
				for (k = 0; f[k]; k++) {
					if (f[k] == '"')
						csv[nc++] = '"';
					csv[nc++] = f[k];
				}
				csv[nc++] = '"';
				if (c + 1 < COLS)
					csv[nc++] = ',';
				else if (round % 2)
					nc += (size_t)sprintf(csv + nc, "\r\n");
				else
					csv[nc++] = '\n';
				/* TSV: escaped */
				for (k = 0; f[k]; k++) {
					const char *e = f[k] == '\t' ? "\\t" : f[k] == '\n' ? "\\n" :
					                f[k] == '\r' ? "\\r" : f[k] == '\\' ? "\\\\" : NULL;

					if (e) {
						memcpy(tsv + nt, e, 2);
						nt += 2;
					} else {
						tsv[nt++] = f[k];
					}
				}
				if (c + 1 < COLS)
					tsv[nt++] = '\t';
				else if (round % 2)
					nt += (size_t)sprintf(tsv + nt, "\r\n");
				else
					tsv[nt++] = '\n';
			}
		if (round % 3 == 2) {
			nc -= 1 + (round % 2);
			nt -= 1 + (round % 2);
		}
		for (k = 0; k < 2; k++) {
			char *paths[1];
			toll_table *t;
			toll_row row;
			toll_diag d;

			paths[0] = (char *)unit_tmpfile(k ? tsv : csv, k ? nt : nc, k ? ".tsv" : ".csv");
			ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
			ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
			for (r = 0; r < ROWS; r++) {
				int code;

				/* a TSV row starting with '#' is a comment, not a row */
				if (k == 1 && fields[r][0][0] == '#')
					continue;
				code = toll_table_next(t, &row, &d);
				ck_assert_msg(code == TOLL_OK, "%s row %zu: %s", k ? "TSV" : "CSV", r, d.msg);
				for (c = 0; c < COLS; c++)
					ck_assert_msg(row.f[c].len == strlen(fields[r][c]) &&
					              memcmp(row.f[c].s, fields[r][c], row.f[c].len) == 0,
					              "%s round %d row %zu col %zu: [%.*s] expected [%s]", k ? "TSV" : "CSV", round, r, c, (int)row.f[c].len, row.f[c].s, fields[r][c]);
			}
			ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_END);
			toll_table_free(t);
		}
	}
}
END_TEST

START_TEST(formats_by_name_or_forced)
{
	ck_assert_str_eq(dump("a,b\n1,2\n", 8, ".tsv", TOLL_FORMAT_CSV, 0), "H a|b\n2: 1|2\n");
	ck_assert_str_eq(dump("a,b\n1,2\n", 8, ".csv", TOLL_FORMAT_TSV, 0), "H a,b\n2: 1,2\n");
	ck_assert_str_eq(dump("a,b\n1,2\n", 8, ".CSV", TOLL_FORMAT_AUTO, 0), "H a|b\n2: 1|2\n");
}
END_TEST

/* Writes bytes[0..n) to a temporary file of its own (unit_tmpfile() reuses its one); caller frees the name. */
static char *
tmp_named(const char *bytes, size_t n, const char *suffix)
{
	const char *p = unit_tmpfile(bytes, n, suffix);
	size_t len = strlen(p) + strlen(".keep") + strlen(suffix) + 1;
	char *moved = malloc(len);

	ck_assert_ptr_nonnull(moved);
	snprintf(moved, len, "%s.keep%s", p, suffix);
	ck_assert_int_eq(rename(p, moved), 0);
	return moved;
}

static char *
keep(const char *bytes, const char *suffix)
{
	return tmp_named(bytes, strlen(bytes), suffix);
}

/* Two CSV files read as one table as dl says. */
static char *
dump_two(const char *a, const char *b, const toll_dialect *dl)
{
	char *paths[2], *out;

	paths[0] = keep(a, ".csv");
	paths[1] = keep(b, ".csv");
	out = dump_dl(paths, 2, dl, 0);
	unlink(paths[0]);
	unlink(paths[1]);
	free(paths[0]);
	free(paths[1]);
	return out;
}

START_TEST(several_files_one_table)
{
	char *paths[4];
	size_t i;

	paths[0] = keep("a\tb\n1\t2\n", ".tsv");
	paths[1] = keep("b,a\n20,10\n", ".csv");
	paths[2] = "/nonexistent/toll.tsv";
	paths[3] = keep("a\tc\n1\t2\n", ".tsv");
	{
		char want[1024];

		snprintf(want, sizeof want,
		         "H a|b\n2: 1|2\nH b|a\n2: 10|20\n"
		         "IO cannot open '/nonexistent/toll.tsv': No such file or directory\n"
		         "H a|c\n2: 1|\n");
		ck_assert_str_eq(dump_paths(paths, 4, TOLL_FORMAT_AUTO, 0), want);
	}
	for (i = 0; i < 4; i++)
		if (i != 2) {
			unlink(paths[i]);
			free(paths[i]);
		}
}
END_TEST

START_TEST(missing_and_extra_columns_in_later_files)
{
	char *paths[3];
	char *s;
	size_t i;

	paths[0] = keep("a\tb\tc\n1\t2\t3\n", ".tsv");
	paths[1] = keep("a\tb\td\n4\t5\t6\n", ".tsv");
	paths[2] = keep("c\tb\ta\tb\n", ".tsv");
	/* A column lacking is empty, one the first lacks left out; a duplicate is an error. */
	s = dump_paths(paths, 3, TOLL_FORMAT_AUTO, 0);
	ck_assert_msg(strstr(s, "H a|b|d\n2: 4|5|\n") != NULL, "%s", s);
	ck_assert_msg(strstr(s, "E 1:7 duplicate column 'b'\n") != NULL, "%s", s);
	{
		toll_table *t;
		toll_row row;
		toll_diag d;
		char want[512];

		ck_assert_int_eq(toll_table_new(&t, paths, 2, NULL), TOLL_OK);
		ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
		ck_assert_int_eq(toll_table_header_note(t, &d), 0);
		ck_assert(toll_table_file_has(t, 2));
		ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_OK);
		ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
		ck_assert_int_eq(toll_table_header_note(t, &d), 1);
		snprintf(want, sizeof want, "the columns differ from those of '%s': 'd' (not in the "
		         "first) is left out; 'c' (not here) is empty in these rows", paths[0]);
		ck_assert_str_eq(d.msg, want);
		ck_assert_int_eq(d.line, 1);
		ck_assert_int_eq(toll_table_header_note(t, &d), 0);   /* said once */
		ck_assert(toll_table_file_has(t, 0) && toll_table_file_has(t, 1));
		ck_assert(!toll_table_file_has(t, 2));
		ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_OK);
		ck_assert_uint_eq(row.n, 3);
		ck_assert(row.f[0].len == 1 && row.f[0].s[0] == '4' && row.f[2].len == 0);
		ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_END);
		toll_table_free(t);
	}
	for (i = 0; i < 3; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
}
END_TEST

START_TEST(big_fields_and_many_columns)
{
	size_t big = 5u << 20, ncols = 50000, i, o = 0;
	char *buf = malloc(big + ncols * 8 + 64);
	toll_table *t;
	toll_row row;
	toll_diag d;
	char *paths[1];

	/* a 5 MB field, far past the first read buffer */
	memcpy(buf, "a\tb\n1\t", 6);
	memset(buf + 6, 'x', big);
	memcpy(buf + 6 + big, "\n2\t3\n", 5);
	paths[0] = (char *)unit_tmpfile(buf, big + 11, ".tsv");
	ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_OK);
	ck_assert_uint_eq(row.f[1].len, big);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_OK);
	ck_assert_int_eq(row.line, 3);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_END);
	toll_table_free(t);

	/* 50,000 columns */
	for (i = 0; i < ncols; i++)
		o += (size_t)sprintf(buf + o, "%sc%zu", i ? "\t" : "", i);
	buf[o++] = '\n';
	paths[0] = (char *)unit_tmpfile(buf, o, ".tsv");
	ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
	ck_assert_uint_eq(row.n, ncols);
	ck_assert_int_eq(toll_table_column(t, "c49999"), 49999);
	ck_assert_int_eq(toll_table_column(t, "c50000"), -1);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_END);
	toll_table_free(t);
	free(buf);
}
END_TEST

static void
column_problem(const char *const *names, size_t n, const char *name, const char *want)
{
	toll_field cols[16];
	char buf[512];
	size_t i;

	for (i = 0; i < n; i++) {
		cols[i].s = names[i];
		cols[i].len = strlen(names[i]);
	}
	toll_column_problem(cols, n, "unknown column", name, strlen(name), NULL, buf, sizeof buf);
	ck_assert_str_eq(buf, want);
}

/* Unknown columns: the closest name, the columns, the wrong delimiter. */
START_TEST(column_suggestions)
{
	static const char *const reports[] = { "event", "reported", "source", "side", "category", "best" };
	static const char *const csv[] = { "event,reported,source,side,category,best" };
	static const char *const tsv[] = { "event\treported" };

	column_problem(reports, 6, "sid", "unknown column 'sid': did you mean 'side'? (columns: event, "
	               "reported, source, side, category, best)");
	column_problem(reports, 6, "Category", "unknown column 'Category': did you mean 'category'? "
	               "(columns: event, reported, source, side, category, best)");
	column_problem(reports, 6, "repotred", "unknown column 'repotred': did you mean 'reported'? "
	               "(columns: event, reported, source, side, category, best)");
	column_problem(reports, 6, "deaths", "unknown column 'deaths' (columns: event, reported, "
	               "source, side, category, best)");
	column_problem(csv, 1, "best", "unknown column 'best': the header is one column holding "
	               "commas; is this a CSV file? read it with --csv");
	column_problem(tsv, 1, "best", "unknown column 'best': the header is one column holding "
	               "tabs; is this a TSV file? read it with --tsv");
}
END_TEST

/* What an export needs: another delimiter, no header, NA, an index column. */
START_TEST(dialects)
{
	toll_dialect dl = TOLL_DIALECT_INIT;

	dl.delim = ';';
	ck_assert_str_eq(dump_as("a;b\n\"x;y\";2\n", ".txt", &dl), "H a|b\n2: x;y|2\n");
	dl.delim = '\t';
	ck_assert_str_eq(dump_as("a\tb\n1\t2\n", ".csv", &dl), "H a|b\n2: 1|2\n");
	/* No header: the first line is a record; columns numbered, or named. */
	dl.delim = 0;
	dl.no_header = 1;
	ck_assert_str_eq(dump_as("x,1\ny,2\n", ".csv", &dl), "H 1|2\n1: x|1\n2: y|2\n");
	dl.names = "name,n";
	ck_assert_str_eq(dump_as("x,1\ny,2\n", ".csv", &dl), "H name|n\n1: x|1\n2: y|2\n");
	ck_assert_str_eq(dump_as("x,1,3\n", ".csv", &dl),
	                 "H name|n\nE 1:5 expected 2 fields, found 3\n");
	ck_assert_str_eq(dump_two("x,1\n", "y,2\n", &dl), "H name|n\n1: x|1\nH name|n\n1: y|2\n");
	/* Names for a header: it is renamed, and must have as many columns. */
	dl.no_header = 0;
	ck_assert_str_eq(dump_as("A,B\nx,1\n", ".csv", &dl), "H name|n\n2: x|1\n");
	ck_assert_str_eq(dump_as("A,B,C\nx,1,2\n", ".csv", &dl),
	                 "E 1:1 --names gives 2 names, the header has 3 columns\n");
	dl.names = NULL;
	/* A pandas index column; an empty name anywhere else stays an error. */
	ck_assert_str_eq(dump_as(",iso,n\n0,AFG,1\n", ".csv", &dl), "H index|iso|n\n2: 0|AFG|1\n");
	ck_assert_str_eq(dump_as("iso,,n\n", ".csv", &dl), "E 1:5 empty column name\n");
	ck_assert_str_eq(dump_two(",a\n0,1\n", ",a\n1,2\n", &dl),
	                 "H index|a\n2: 0|1\nH index|a\n2: 1|2\n");
	/* NA and its kin are empty fields; only whole fields, only as spelled. */
	ck_assert_str_eq(dump_as("a,b,c,d,e\nNA,N/A,NaN,null,na\nNAN,NA ,x,NULL,\n", ".csv", &dl),
	                 "H a|b|c|d|e\n2: ||||na\n3: NAN|NA |x|NULL|\n");
	dl.na = "";
	ck_assert_str_eq(dump_as("a,b\nNA,\n", ".csv", &dl), "H a|b\n2: NA|\n");
	dl.na = "-,unknown";
	ck_assert_str_eq(dump_as("a,b,c\n-,unknown,NA\n", ".csv", &dl), "H a|b|c\n2: ||NA\n");
}
END_TEST

/* A column is found by its name, else by the one name equal to it but for case. */
/* Rows of a part of toll split, as "file:line: fields" (and "E file:line:col msg"), read with threads. */
static char *
dump_origins(const char *bytes, const char *suffix, int keep_raw)
{
	static char out[1 << 16];
	char *paths[1];
	size_t o = 0, i, len;
	toll_table *t;
	toll_row row;
	toll_diag d;
	int r;

	paths[0] = (char *)unit_tmpfile(bytes, strlen(bytes), suffix);
	ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
	ck_assert_int_eq(toll_table_set_threads(t, 4, print_work, NULL, sizeof(uint64_t)), TOLL_OK);
	if (keep_raw)
		toll_table_keep_raw(t);
	out[0] = '\0';
	while ((r = toll_table_next(t, &row, &d)) != TOLL_END) {
		unsigned long pi, pk;

		if (r != TOLL_OK && r != TOLL_HEADER) {
			o += (size_t)snprintf(out + o, sizeof out - o, "E %s:%ld:%ld %s\n",
			                      strcmp(d.file, paths[0]) == 0 ? "PART" : d.file, d.line, d.col, d.msg);
			continue;
		}
		ck_assert_str_eq(toll_table_file_name(t, row.fileno), row.file);
		ck_assert_int_eq(toll_table_split_part(t, &pi, &pk), 1);
		o += (size_t)snprintf(out + o, sizeof out - o, "%lu/%lu %s:%ld:", pi, pk,
		                      strcmp(row.file, paths[0]) == 0 ? "PART" : row.file, row.line);
		for (i = 0; i < row.n; i++)
			o += (size_t)snprintf(out + o, sizeof out - o, " %.*s@%ld", (int)row.f[i].len,
			                      row.f[i].s, row.f[i].line);
		if (keep_raw) {
			const char *file;
			long line;
			const char *raw = toll_table_raw(t, &len, &file, &line);

			o += (size_t)snprintf(out + o, sizeof out - o, " [%.*s]", (int)len, raw);
		}
		o += (size_t)snprintf(out + o, sizeof out - o, "\n");
	}
	toll_table_free(t);
	return out;
}

START_TEST(split_parts_name_their_origins)
{
	/* "#@LINE FILE" names the next line; "#@LINE" goes on in the same file; lines count on. */
	ck_assert_str_eq(dump_origins("#toll split 2/3\n#@4 a.tsv\nx\ty\n#@10\n1\t2\n3\t4\n"
	                              "#@7 b.tsv\n5\t6\n", ".tsv", 0),
	                 "2/3 a.tsv:4: x@4 y@4\n2/3 a.tsv:10: 1@10 2@10\n2/3 a.tsv:11: 3@11 4@11\n"
	                 "2/3 b.tsv:7: 5@7 6@7\n");
	/* CSV: a record of two lines, its raw bytes kept with their quotes */
	ck_assert_str_eq(dump_origins("#toll split 1/1\n#@1 in.csv\na,b\n#@5\n\"x\ny\",\"q\"\"\"\nz,w\n",
	                              ".csv", 1),
	                 "1/1 in.csv:1: a@1 b@1 [a,b]\n1/1 in.csv:5: x\ny@5 q\"@6 [\"x\ny\",\"q\"\"\"]\n"
	                 "1/1 in.csv:7: z@7 w@7 [z,w]\n");
	/* TSV escapes: the raw bytes are as read */
	ck_assert_str_eq(dump_origins("#toll split 1/2\na\tb\nx\\ty\tz\n", ".tsv", 1),
	                 "1/2 PART:2: a@2 b@2 [a\tb]\n1/2 PART:3: x\ty@3 z@3 [x\\ty\tz]\n");
	/* A bad line of the part is said at the part's own line; a bad first line, and the file is left */
	ck_assert_str_eq(dump_origins("#toll split 1/1\n#@3 a.tsv\na\n#@0\nx\n", ".tsv", 0),
	                 "1/1 a.tsv:3: a@3\nE PART:4:1 a line of a part of toll split that begins '#@' is "
	                 "'#@LINE' or '#@LINE FILE'\n1/1 a.tsv:5: x@5\n");
	ck_assert_str_eq(dump_origins("#toll split 0/1\na\n", ".tsv", 0),
	                 "E PART:1:1 a part of toll split begins '#toll split I/K', with 1 <= I <= K <= 1000000\n");
	/* Elsewhere than a part, '#@' is a comment in TSV and data in CSV */
	ck_assert_str_eq(TSV("a\n#@5 x\n1\n"), "H a\n3: 1\n");
	ck_assert_str_eq(CSV("a\n#@5 x\n"), "H a\n2: #@5 x\n");
	/* A record beginning '#' keeps its own bytes: a stray CR before CRLF is said, as in any record */
	ck_assert_str_eq(CSV("a\n#x\r\r\n"), "H a\nE 2:3 carriage return (CR) outside quotes: a field "
	                 "holding a line break must be quoted\n");
}
END_TEST

START_TEST(columns_without_case)
{
	toll_table *t;
	toll_row row;
	toll_diag d;
	char *paths[1];

	{
		static const char header[] = "COUNTRY\tcountry\tEVENT_DATE\tSide\tSIDE\n";

		paths[0] = (char *)unit_tmpfile(header, sizeof header - 1, ".tsv");
	}
	ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
	ck_assert_int_eq(toll_table_next(t, &row, &d), TOLL_HEADER);
	ck_assert_int_eq(toll_table_column(t, "country"), 1);
	ck_assert_int_eq(toll_table_column(t, "COUNTRY"), 0);
	ck_assert_int_eq(toll_table_column(t, "Country"), -1);   /* two would do */
	ck_assert_int_eq(toll_table_column(t, "event_date"), 2);
	ck_assert_int_eq(toll_table_column(t, "side"), -1);
	ck_assert_int_eq(toll_table_column(t, "Side"), 3);
	ck_assert_int_eq(toll_table_column(t, "event"), -1);
	toll_table_free(t);
}
END_TEST

START_TEST(unreadable_is_io)
{
	char *paths[1] = { "/" };

	ck_assert_str_eq(dump_paths(paths, 1, TOLL_FORMAT_AUTO, 0), "IO cannot read '/': Is a directory\n");
}
END_TEST

/* A table of every corner the reader knows, in n bytes of buf; the second file's columns reordered. */
static size_t
corners(char *buf, size_t cap, int second)
{
	size_t o = 0;
	int i, k;

	o += (size_t)snprintf(buf + o, cap - o, second ? "note\tb\ta\n" : "a\tb\tnote\n");
	for (i = 0; i < 400; i++) {
		const char *end = i % 13 == 0 ? "\r\n" : "\n";

		if (i % 7 == 0)
			o += (size_t)snprintf(buf + o, cap - o, "# a comment %d\n", i);
		if (i % 11 == 0)
			o += (size_t)snprintf(buf + o, cap - o, "\n");
		if (i % 23 == 0) {
			o += (size_t)snprintf(buf + o, cap - o, "%d\tonly two%s", i, end);
			continue;
		}
		o += (size_t)snprintf(buf + o, cap - o, "%d\t%s\t", i,
		                      i % 19 == 0 ? "NA" : i % 17 == 0 ? "tab\\there" : "b");
		if (i % 29 == 0)
			buf[o++] = (char)0xff;
		if (i % 31 == 0)
			buf[o++] = '\0';
		if (i % 37 == 0)
			buf[o++] = '\r';
		for (k = 0; k < i % 50; k++)
			buf[o++] = (char)('a' + k % 26);
		o += (size_t)snprintf(buf + o, cap - o, "%s", end);
		ck_assert_uint_lt(o + 200, cap);
	}
	/* The last line ends the file without a newline. */
	o += (size_t)snprintf(buf + o, cap - o, "last\tb\tno newline");
	return o;
}

/* Reads paths with threads threads and chunks of chunk bytes. */
static char *
dump_chunked(char *const *paths, size_t n, int threads, size_t chunk)
{
	char env[32];
	char *s;

	snprintf(env, sizeof env, "%zu", chunk);
	setenv("TOLL_READ_CHUNK", env, 1);
	dump_threads = threads;
	dump_slots = 0;
	s = dump_paths(paths, n, TOLL_FORMAT_AUTO, 1);
	dump_threads = 1;
	unsetenv("TOLL_READ_CHUNK");
	return s;
}

START_TEST(threads_hand_out_what_one_thread_does)
{
	static char a[1 << 16], b[1 << 16];
	static const size_t chunks[] = { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987,
	                                 1597, 4096 };
	char *paths[2], *one;
	size_t na = corners(a, sizeof a, 0), nb = corners(b, sizeof b, 1), i;
	int threads;

	paths[0] = tmp_named(a, na, ".tsv");
	paths[1] = tmp_named(b, nb, ".tsv");
	for (threads = 2; threads <= 4; threads += 2)
		for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
			one = strdup(dump_chunked(paths, 2, 1, chunks[i]));
			ck_assert_uint_eq(dump_slots, 0);
			ck_assert_str_eq(dump_chunked(paths, 2, threads, chunks[i]), one);
			/* The rows were read in the workers, not in order by the reader. */
			ck_assert_uint_gt(dump_slots, 300);
			free(one);
		}
	/* Two threads: the reading thread fills chunks too (every second one, about). */
	one = strdup(dump_chunked(paths, 2, 1, 0));
	ck_assert_str_eq(dump_chunked(paths, 2, 8, 64), one);
	free(one);
	for (i = 0; i < 2; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
}
END_TEST

START_TEST(threads_read_a_long_line_in_order)
{
	/* A line that runs 5 MiB past its chunk: read in order from there, the same way. */
	size_t big = (size_t)5 << 20, o = 0, i, n = big + 100000;
	char *buf = malloc(n), *paths[1], *one;

	ck_assert_ptr_nonnull(buf);
	o += (size_t)snprintf(buf + o, n - o, "a\tb\n");
	for (i = 0; i < 3000; i++)
		o += (size_t)snprintf(buf + o, n - o, "%zu\tshort\n", i);
	o += (size_t)snprintf(buf + o, n - o, "long\t");
	memset(buf + o, 'x', big);
	o += big;
	buf[o++] = '\n';
	for (i = 0; i < 3000; i++)
		o += (size_t)snprintf(buf + o, n - o, "%zu\t%s\n", i, i == 2000 ? "two\tfields" : "after");
	paths[0] = tmp_named(buf, o, ".tsv");
	one = strdup(dump_chunked(paths, 1, 1, 4096));
	ck_assert_str_eq(dump_chunked(paths, 1, 3, 4096), one);
	ck_assert_uint_gt(dump_slots, 1000);
	ck_assert_uint_lt(dump_slots, 3001);
	free(one);
	unlink(paths[0]);
	free(paths[0]);
	free(buf);
}
END_TEST

START_TEST(threads_not_for_pipes_csv_or_small_files)
{
	char *paths[1];
	char *one;
	static const char csv[] = "a,b\n1,2\n3,4\n5,6\n7,8\n";
	static const char tsv[] = "a\tb\n1\t2\n3\t4\n";

	/* CSV: a quoted line break makes a line's start a question of all before it. */
	paths[0] = tmp_named(csv, sizeof csv - 1, ".csv");
	one = strdup(dump_chunked(paths, 1, 1, 2));
	ck_assert_str_eq(dump_chunked(paths, 1, 4, 2), one);
	ck_assert_uint_eq(dump_slots, 0);
	free(one);
	unlink(paths[0]);
	free(paths[0]);
	/* A file no larger than a chunk. */
	paths[0] = tmp_named(tsv, sizeof tsv - 1, ".tsv");
	ck_assert_str_eq(dump_chunked(paths, 1, 4, 1 << 20), "H a@1:1|b@1:3\n2: 1@2:1|2@2:3\n3: 3@3:1|4@3:3\n");
	ck_assert_uint_eq(dump_slots, 0);
	unlink(paths[0]);
	free(paths[0]);
	{
		toll_table *t;

		ck_assert_int_eq(toll_table_new(&t, NULL, 0, NULL), TOLL_OK);
		ck_assert_int_eq(toll_table_set_threads(t, 0, NULL, NULL, 0), TOLL_EUSAGE);
		ck_assert_ptr_null(toll_table_slot(t));
		toll_table_free(t);
	}
	ck_assert_int_ge(toll_threads_default(), 1);
	ck_assert_int_le(toll_threads_default(), 8);
}
END_TEST

Suite *
table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, tsv_basic_with_places);
	tcase_add_test(tc, json_records);
	tcase_add_test(tc, tsv_escapes_decode);
	tcase_add_test(tc, bom_crlf_comments_blank_lines);
	tcase_add_test(tc, empty_file_and_header_alone);
	tcase_add_test(tc, csv_rfc4180_corners);
	tcase_add_test(tc, csv_errors);
	tcase_add_test(tc, field_count);
	tcase_add_test(tc, header_errors);
	tcase_add_test(tc, text_errors);
	tcase_add_test(tc, stray_carriage_returns);
	tcase_add_test(tc, decoding_keeps_text_valid);
	tcase_add_test(tc, random_fields_round_trip);
	tcase_add_test(tc, formats_by_name_or_forced);
	tcase_add_test(tc, several_files_one_table);
	tcase_add_test(tc, missing_and_extra_columns_in_later_files);
	tcase_add_test(tc, big_fields_and_many_columns);
	tcase_add_test(tc, column_suggestions);
	tcase_add_test(tc, unreadable_is_io);
	tcase_add_test(tc, dialects);
	tcase_add_test(tc, columns_without_case);
	tcase_add_test(tc, split_parts_name_their_origins);
	tcase_add_test(tc, threads_hand_out_what_one_thread_does);
	tcase_add_test(tc, threads_read_a_long_line_in_order);
	tcase_add_test(tc, threads_not_for_pipes_csv_or_small_files);
	suite_add_tcase(s, tc);
	return s;
}
