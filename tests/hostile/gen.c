/*
 * gen: writes the hostile inputs of tests/hostile/run.sh into a folder, the
 * same bytes on every run (random bytes come from a fixed LCG).
 *   gen DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char header[] = "event\treported\tsource\tside\tcategory\tstatus\tlow\tbest\thigh\tnote\n";
static unsigned long long lcg = 88172645463325252ULL;

static unsigned
rnd(void)
{
	lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(lcg >> 33);
}

static FILE *
create(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL) {
		perror(path);
		exit(2);
	}
	return f;
}

static void
done(FILE *f)
{
	if (ferror(f) || fclose(f) != 0) {
		perror("gen");
		exit(2);
	}
}

static void
row(FILE *f, const char *reported, const char *source, const char *best, const char *note)
{
	fprintf(f, "e\t%s\t%s\tA\tkilled\tall\t\t%s\t\t%s\n", reported, source, best, note);
}

int
main(int argc, char **argv)
{
	const char *dir;
	FILE *f;
	long i;

	if (argc != 2) {
		fputs("usage: gen DIR\n", stderr);
		return 2;
	}
	dir = argv[1];

	/* Random bytes, alone and after a valid header. */
	f = create(dir, "random.tsv");
	for (i = 0; i < 65536; i++)
		fputc((int)(rnd() & 255), f);
	done(f);
	f = create(dir, "random-rows.tsv");
	fputs(header, f);
	for (i = 0; i < 65536; i++)
		fputc((int)(rnd() & 255), f);
	done(f);

	/* Truncated: in the middle of a field, and in the middle of a UTF-8 character. */
	f = create(dir, "truncated.tsv");
	fputs(header, f);
	row(f, "2022-09-13", "A", "49", "ok");
	fputs("e\t2022-09-14\tA\tA\tkil", f);
	done(f);
	f = create(dir, "truncated-utf8.tsv");
	fputs(header, f);
	fputs("e\t2022-09-14\tA\tA\tkilled\tall\t\t49\t\t\xd5", f);
	done(f);

	/* NUL bytes in a field and in the header. */
	f = create(dir, "nul.tsv");
	fputs(header, f);
	fwrite("e\t2022-09-13\tA\0B\tA\tkilled\tall\t\t49\t\t\n", 1, 35, f);
	done(f);
	f = create(dir, "nul-header.tsv");
	fwrite("event\0\treported\n", 1, 16, f);
	done(f);

	/* Invalid UTF-8: a lone continuation byte, an overlong form, a surrogate, 0xff. */
	f = create(dir, "bad-utf8.tsv");
	fputs(header, f);
	row(f, "2022-09-13", "\x80", "1", "");
	row(f, "2022-09-13", "B", "2", "\xc0\xaf");
	row(f, "2022-09-13", "C", "3", "\xed\xa0\x80");
	row(f, "2022-09-13", "\xff", "4", "");
	done(f);

	/* A 5 MB field. */
	f = create(dir, "big-field.tsv");
	fputs(header, f);
	fputs("e\t2022-09-13\tA\tA\tkilled\tall\t\t49\t\t", f);
	for (i = 0; i < 5L << 20; i++)
		fputc('a' + (int)(i % 26), f);
	fputc('\n', f);
	done(f);

	/* 50,000 columns. */
	f = create(dir, "wide.tsv");
	fputs("event\treported\tsource\tside\tcategory\tbest", f);
	for (i = 0; i < 50000 - 6; i++)
		fprintf(f, "\tc%ld", i);
	fputs("\ne\t2022-09-13\tA\tA\tkilled\t49", f);
	for (i = 0; i < 50000 - 6; i++)
		fputs("\tx", f);
	fputc('\n', f);
	done(f);

	/* Blank lines only, LF and CRLF; an empty file. */
	f = create(dir, "blank.tsv");
	fputs("\n\n\r\n\n", f);
	done(f);
	f = create(dir, "empty.tsv");
	done(f);

	/* Numbers past 64 bits, negative, not numbers. */
	f = create(dir, "huge-numbers.tsv");
	fputs(header, f);
	row(f, "2022-09-13", "A", "99999999999999999999", "");
	row(f, "2022-09-13", "B", "9223372036854775808", "");
	row(f, "2022-09-13", "C", "-5", "");
	row(f, "2022-09-13", "D", "1e400", "");
	row(f, "2022-09-13", "E", "0x10", "");
	done(f);

	/* Sums that overflow: figures that fit, whose total does not. */
	f = create(dir, "overflow.tsv");
	fputs(header, f);
	for (i = 0; i < 4; i++) {
		char src[16];
		snprintf(src, sizeof src, "S%ld", i);
		fprintf(f, "e%ld\t2022-09-13\t%s\tA\tkilled\tall\t\t9223372036854775807\t\t\n", i, src);
	}
	done(f);

	/* Every kind of impossible date and time. */
	{
		static const char *const dates[] = {
			"2022-02-30", "2021-02-29", "1900-02-29", "2022-13-01", "2022-00-10", "2022-09-00",
			"2022-09-31", "0000-01-01", "10000-01-01", "2022-09-13T24:00Z", "2022-09-13T23:60Z",
			"2022-09-13T23:59:60Z", "2022-09-13T12:00+25:00", "2022-09-13T12:00+04:60",
			"2022-9-13", "20220913", "2022-09-13T12:00", "2022-09-13 12:00Z", "-2022-09-13",
			"2022-09-13T", "2022-09-13Z", "9999-12-31T23:59:59-23:59"
		};
		f = create(dir, "dates.tsv");
		fputs(header, f);
		for (i = 0; i < (long)(sizeof dates / sizeof dates[0]); i++) {
			char src[16];
			snprintf(src, sizeof src, "S%ld", i);
			row(f, dates[i], src, "1", "");
		}
		done(f);
	}

	/* An unterminated CSV quote at the end of the file. */
	f = create(dir, "quote.csv");
	fputs("event,reported,source,side,category,best\n", f);
	fputs("e,2022-09-13,A,A,killed,49\n", f);
	fputs("e,2022-09-14,\"A, unterminated,A,killed,50\n", f);
	done(f);

	/* A million series, one row each. */
	f = create(dir, "million-series.tsv");
	fputs(header, f);
	for (i = 0; i < 1000000; i++)
		fprintf(f, "e%ld\t2022-09-13\tS%ld\tA\tkilled\tall\t\t%ld\t\t\n", i % 1000, i, i % 977);
	done(f);
	return 0;
}
