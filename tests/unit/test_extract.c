/*
 * test_extract.c: the rules of the figure extractor, each with sentences
 * that it decides: remove a rule and its test fails.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "suites.h"
#include "toll/docs.h"
#include "toll/extract.h"
#include "toll/report.h"

static char got[4096];

/* Each figure as "side category status low-best-high qualifier kind", '|' between. */
static void
on_found(void *ctx, const toll_extracted *x)
{
	size_t n = strlen(got);
	char high[24] = "";

	(void)ctx;
	if (!x->fig.open)
		snprintf(high, sizeof high, "%lld", (long long)x->fig.high);
	snprintf(got + n, sizeof got - n, "%s%s %s %s %lld-%lld-%s%s%s %s", n ? "|" : "", x->side,
	         toll_category_names[x->category], toll_status_names[x->status],
	         (long long)x->fig.low, (long long)x->fig.best, high,
	         x->fig.qualifier ? " " : "", x->fig.qualifier == 'v' ? "vague" : x->fig.qualifier ? "~" : "",
	         toll_extract_kind_names[x->kind]);
}

static char why[1024];

static void
on_rejected(void *ctx, const toll_rejected *r)
{
	size_t n = strlen(why);

	(void)ctx;
	snprintf(why + n, sizeof why - n, "%s%.*s: %s", n ? "|" : "", (int)r->number_len, r->number,
	         r->why);
}

static const char *
ex(const char *text)
{
	got[0] = '\0';
	why[0] = '\0';
	ck_assert_int_eq(toll_extract(text, strlen(text), 0, on_found, on_rejected, NULL), TOLL_OK);
	return got;
}

#define FIGS(text, want) ck_assert_str_eq(ex(text), want)
#define NONE(text, reason) do { ck_assert_str_eq(ex(text), ""); ck_assert_msg(strstr(why, reason) != NULL, "'%s': %s", text, why); } while (0)

/* The documents of files as one string: "id|source|reported|url|event|text" a line, "E line:col msg" a problem. */
static const char *
docs_of(char *const *paths, size_t n)
{
	static char out[8192];
	size_t o = 0;
	toll_docs *ds;
	toll_doc doc;
	toll_diag d;
	int code;

	ck_assert_int_eq(toll_docs_new(&ds, paths, n, "ev", "src", "2022-09-13"), TOLL_OK);
	out[0] = '\0';
	while ((code = toll_docs_next(ds, &doc, &d)) != TOLL_END) {
		if (code != TOLL_OK) {
			o += (size_t)snprintf(out + o, sizeof out - o, "E %ld:%ld %s\n", d.line, d.col, d.msg);
			continue;
		}
		ck_assert_uint_eq(strlen(doc.text), doc.len);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s|%s|%s|%s|%s|%s\n", doc.id, doc.source,
		                      doc.reported, doc.url, doc.event, doc.text);
	}
	toll_docs_free(ds);
	return out;
}

/* A file of the bytes of the C string s, named *.ext. */
static char *
docs_file(const char *s, const char *ext)
{
	return (char *)unit_tmpfile(s, strlen(s), ext);
}

START_TEST(documents_of_tables)
{
	char *p[2];
	const char *got;

	/* JSON Lines: a document's own fields, else the defaults; an id from its place; a number as JSON wrote it */
	p[0] = docs_file("{\"id\":\"a\",\"text\":\"5 killed.\",\"source\":\"AFP\",\"url\":\"u\"}\n"
	                            "{\"text\":\"x\",\"reported\":\"2022-09-14\",\"event\":\"e2\"}\n"
	                            "{\"id\":7,\"text\":\"\"}\n", ".jsonl");
	got = docs_of(p, 1);
	ck_assert_ptr_nonnull(strstr(got, "a|AFP|2022-09-13|u|ev|5 killed.\n"));
	ck_assert_ptr_nonnull(strstr(got, ":2|src|2022-09-14||e2|x\n"));
	ck_assert_ptr_nonnull(strstr(got, "\n7|src|2022-09-13||ev|\n"));
	/* A bad report date leaves the document out, said at its field; the others are read */
	p[0] = docs_file("id\treported\ttext\n1\t2022-13-01\tone\n2\t\ttwo\n", ".tsv");
	ck_assert_str_eq(docs_of(p, 1), "E 2:3 invalid date in 'reported': no month 13; the document is "
	                 "left out\n2|src|2022-09-13||ev|two\n");
	/* CSV, quoted; NA is a text like another */
	p[0] = docs_file("id,text\nq,\"a, \"\"b\"\"\"\nn,NA\n", ".csv");
	ck_assert_str_eq(docs_of(p, 1), "q|src|2022-09-13||ev|a, \"b\"\nn|src|2022-09-13||ev|NA\n");
	/* No column 'text': said, the file skipped, the next read */
	{
		/* (unit_tmpfile() keeps one file at a time: the first is made here.) */
		char first[] = "/tmp/toll-unit-docs-XXXXXX.tsv";
		int fd = mkstemps(first, 4);

		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(write(fd, "id\tbody\n1\tx\n", 13), 13);
		close(fd);
		p[0] = first;
		p[1] = docs_file("{\"id\":\"z\",\"text\":\"t\"}\n", ".jsonl");
		got = docs_of(p, 2);
		unlink(first);
	}
	ck_assert_ptr_nonnull(strstr(got, "E 1:1 no column 'text'"));
	ck_assert_ptr_nonnull(strstr(got, "\nz|src|2022-09-13||ev|t\n"));
}
END_TEST

START_TEST(documents_of_other_columns)
{
	char *p[1];
	toll_docs *ds;
	toll_doc doc;
	toll_diag d;

	p[0] = docs_file("headline\tday\ttext\nForty killed.\t2022-09-14\tnot this\n", ".tsv");
	ck_assert_int_eq(toll_docs_new(&ds, p, 1, NULL, NULL, NULL), TOLL_OK);
	ck_assert_int_eq(toll_docs_set_column(ds, "text", "headline"), TOLL_OK);
	ck_assert_int_eq(toll_docs_set_column(ds, "reported", "day"), TOLL_OK);
	ck_assert_int_eq(toll_docs_set_column(ds, "body", "x"), TOLL_EUSAGE);
	ck_assert_int_eq(toll_docs_next(ds, &doc, &d), TOLL_OK);
	ck_assert_str_eq(doc.text, "Forty killed.");
	ck_assert_str_eq(doc.reported, "2022-09-14");
	ck_assert_str_eq(doc.source, "");
	ck_assert_int_eq(toll_docs_next(ds, &doc, &d), TOLL_END);
	toll_docs_free(ds);
	/* A column named that the file lacks: said, and the file left out */
	ck_assert_int_eq(toll_docs_new(&ds, p, 1, NULL, NULL, NULL), TOLL_OK);
	ck_assert_int_eq(toll_docs_set_column(ds, "id", "doc_id"), TOLL_OK);
	ck_assert_int_eq(toll_docs_next(ds, &doc, &d), TOLL_EDATA);
	ck_assert_str_eq(d.msg, "no column 'doc_id', named for the documents' id");
	ck_assert_int_eq(toll_docs_next(ds, &doc, &d), TOLL_END);
	toll_docs_free(ds);
}
END_TEST

START_TEST(numbers_as_news_writes_them)
{
	FIGS("6,500 people died.", "all killed all 6500-6500-6500 total");
	FIGS("6 500 people died.", "all killed all 6500-6500-6500 total");
	FIGS("Forty-nine soldiers died.", "all killed military 49-49-49 total");
	FIGS("A hundred people died.", "all killed all 100-100-100 total");
	FIGS("Three hundred and twelve people died.", "all killed all 312-312-312 total");
	FIGS("The famine killed 6.5 million people.", "all killed all 6500000-6500000-6500000 total");
	FIGS("Two thousand people died.", "all killed all 2000-2000-2000 total");
	/* ACLED's codes for vague words: open lower bounds. */
	FIGS("Dozens of civilians were killed.", "all killed civilian 12-12- vague total");
	FIGS("Tens of soldiers were wounded.", "all wounded military 10-10- vague total");
	FIGS("Hundreds of people were injured.", "all wounded all 100-100- vague total");
	FIGS("A dozen people died.", "all killed all 12-12-12 total");
	FIGS("A million people died in the famine.", "all killed all 1000000-1000000-1000000 total");
	FIGS("One billion people were killed, the film says.",
	     "all killed all 1000000000-1000000000-1000000000 total");
	/* As spreadsheets write numbers: read by the one number reader. */
	FIGS("2e3 people were killed.", "all killed all 2000-2000-2000 total");
	FIGS("1.5E+03 people were killed.", "all killed all 1500-1500-1500 total");
}
END_TEST

START_TEST(what_is_not_a_count)
{
	ck_assert_str_eq(ex("The ceasefire began at 09:00 and 3 people died."), "all killed all 3-3-3 total");
	NONE("The first war was fought in the 1990s.", "");
	NONE("The 13th soldier to die was buried today.", "");
	NONE("Turnout was 45% in the villages where people died.", "");
	NONE("The 25-year-old soldier was killed.", "");
	NONE("A 2.5 km stretch where soldiers were killed.", "fraction");
	/* Each says what it is, for --explain. */
	NONE("The first war was fought in the 1990s.", "1990s: a decade");
	NONE("The 13th soldier to die was buried today.", "13th: an ordinal");
	NONE("At 09:00 soldiers were killed.", "09:00: a time of day");
	NONE("Turnout was 45% in the villages where people died.", "45%: a percentage");
	NONE("The 25-year-old soldier was killed.", "25-year-old: an age or a length of time");
	NONE("A 5km stretch where soldiers were killed.", "5km: a measure or a code");
	/* More people than live on Earth, in any notation: too large, not a fraction. */
	NONE("1e308 people were killed.", "1e308: larger than any count of people");
	NONE("1234567890123456789 people were killed.", "larger than any count of people");
	NONE("12345678901234567890123 people were killed.", "larger than any count of people");
	NONE("Eleven billion people were killed.", "larger than any count of people");
}
END_TEST

START_TEST(dates_ages_years)
{
	NONE("Fighting resumed on September 13 and soldiers died.", "date");
	NONE("On 13 September soldiers were killed.", "date");
	NONE("A soldier aged 19 was killed.", "age");
	NONE("The soldier, 19 years old, was killed.", "age");
	FIGS("The 2020 war killed thousands.", "all killed all 1000-1000- vague total");
	ck_assert_msg(strstr(why, "2020: year") != NULL, "%s", why);
	FIGS("In 2020 war, 2020 soldiers died.", "all killed military 2020-2020-2020 total");
}
END_TEST

START_TEST(the_head_noun)
{
	NONE("Azerbaijan attacked at seven different points and soldiers died.", "head");
	NONE("A military organization of six former Soviet republics, where people died.", "head");
	NONE("The war has lasted more than six months and killed many.", "head");
	NONE("6 Reads", "category");
	FIGS("50 of its soldiers were killed.", "all killed military 50-50-50 total");
	FIGS("Officials said 293 soldiers were wounded, 168 of them in serious condition.",
	     "all wounded military 293-293-293 total|all wounded all 168-168-168 part");
}
END_TEST

START_TEST(the_category)
{
	/* The head itself; a verb before; words after; the clause before. */
	FIGS("The war ended with 6,500 dead.", "all killed all 6500-6500-6500 total");
	FIGS("The blast killed at least 170 people and injured nearly 300 more.",
	     "all killed all 170-170- total|all wounded all 300-300-300 ~ total");
	FIGS("A total of 3 civilians were killed and 2 remain missing.",
	     "all killed civilian 3-3-3 total|all missing all 2-2-2 total");
	FIGS("The death toll has risen from 105 to at least 135.",
	     "all killed all 105-105-105 previous|all killed all 135-135- total");
	FIGS("207 people were killed or missing.", "all killed_or_missing all 207-207-207 total");
	FIGS("40 soldiers were killed and wounded.", "all casualties military 40-40-40 total");
	FIGS("20 of its soldiers had been taken prisoner.", "all captured military 20-20-20 total");
	NONE("The ministry said 40 soldiers returned to their bases.", "category");
}
END_TEST

START_TEST(negation)
{
	NONE("The 30 soldiers were not killed in the attack.", "negation");
	NONE("The 30 soldiers have not been killed, the ministry said.", "negation");
	NONE("No one was killed, and 3 soldiers were never wounded.", "negation");
}
END_TEST

START_TEST(side_and_status)
{
	FIGS("49 Armenian soldiers died.", "Armenia killed military 49-49-49 total");
	FIGS("Two Azerbaijani civilians were injured.", "Azerbaijan wounded civilian 2-2-2 total");
	FIGS("Azerbaijan reported 79 troops killed.", "all killed military 79-79-79 total");
	FIGS("14 people were killed.", "all killed all 14-14-14 total");
}
END_TEST

START_TEST(the_interval)
{
	FIGS("At least 16 people died.", "all killed all 16-16- total");
	FIGS("More than 2,900 soldiers died.", "all killed military 2901-2901- total");
	FIGS("No fewer than 30 soldiers died.", "all killed military 30-30- total");
	FIGS("Fewer than 30 soldiers died.", "all killed military 0-29-29 total");
	FIGS("Up to 100 people died.", "all killed all 0-100-100 total");
	FIGS("As many as 100 people died.", "all killed all 0-100-100 total");
	FIGS("About 6,500 people died.", "all killed all 6500-6500-6500 ~ total");
	FIGS("Nearly 300 people died.", "all killed all 300-300-300 ~ total");
	FIGS("Between 20 and 100 people died.", "all killed all 20-60-100 total");
	FIGS("20 to 100 people died.", "all killed all 20-60-100 total");
	FIGS("At least 20 soldiers, and possibly up to 100, were killed.",
	     "all killed military 20-60-100 total");
	FIGS("49 soldiers died during the night, a figure that could be higher.",
	     "all killed military 49-49- total");
}
END_TEST

START_TEST(the_kind)
{
	FIGS("16 more servicemen have been killed.", "all killed military 16-16-16 increment");
	FIGS("Another 12 soldiers died overnight.", "all killed military 12-12-12 increment");
	FIGS("The toll rose from 105 dead to 135.",
	     "all killed all 105-105-105 previous|all killed all 135-135-135 total");
	FIGS("Dozens died, including 12 children.",
	     "all killed all 12-12- vague total|all killed civilian 12-12-12 part");
}
END_TEST

START_TEST(people_by_default)
{
	/* Any noun counts people unless it is known not to. */
	FIGS("Gunmen killed 14 Hindu pilgrims.", "all killed all 14-14-14 total");
	FIGS("The strike killed 9 cadets and 3 activists.",
	     "all killed military 9-9-9 total|all killed all 3-3-3 total");
	FIGS("Seven United Nations workers were killed.", "all killed all 7-7-7 total");
	NONE("The floods killed 300 cattle.", "head: what it counts is not people ('cattle')");
	NONE("Rebels seized 12 trucks near the border.", "not people ('trucks')");
	NONE("The shelling killed people in 5 villages.", "not people ('villages')");
	/* Nationalities from the list of demonyms.c, their plurals and two-word ones. */
	FIGS("Four Palestinians were killed.", "Palestine killed all 4-4-4 total");
	FIGS("Two Sri Lankan workers were injured.", "Sri Lanka wounded all 2-2-2 total");
	FIGS("Three U.S. soldiers died.", "United States killed military 3-3-3 total");
}
END_TEST

START_TEST(verbs_and_clauses)
{
	/* Each clause's own verb. */
	FIGS("The attack killed at least 30 and injured at least 80 others.",
	     "all killed all 30-30- total|all wounded all 80-80- total");
	FIGS("Two guards were stabbed.", "all wounded military 2-2-2 total");
	FIGS("Two guards were stabbed to death.", "all killed military 2-2-2 total");
	FIGS("Two guards were gored to death.", "all killed military 2-2-2 total");
	FIGS("Militants beheaded three hostages.", "all killed all 3-3-3 total");
	FIGS("Gunmen abducted 12 students.", "all captured civilian 12-12-12 total");
	FIGS("Nine pilgrims were kidnapped.", "all captured all 9-9-9 total");
	FIGS("Five hostages were held.", "all captured all 5-5-5 total");
	FIGS("The kidnappers of seven engineers made demands.", "all captured all 7-7-7 total");
	NONE("Three kidnappers were arrested.", "category");
	FIGS("The blast ended up killing and injuring 40 people.", "all casualties all 40-40-40 total");
	FIGS("Storms swept four people to their deaths and injured 30.",
	     "all killed all 4-4-4 total|all wounded all 30-30-30 total");
	/* A figure before its verb, in a list. */
	FIGS("Twelve soldiers and four civilians were killed.",
	     "all killed military 12-12-12 total|all killed civilian 4-4-4 total");
	FIGS("The bombs killed 35 children and seven adults.",
	     "all killed civilian 35-35-35 total|all killed all 7-7-7 total");
	/* Another verb is the clause's own. */
	NONE("Four soldiers were charged with the murder of a general.", "category");
	NONE("The court sentenced one man to death.", "category");
	FIGS("Among the dead were 5 children.", "all killed civilian 5-5-5 total");
	NONE("The kidnap victim's 3 sisters spoke.", "category");
	FIGS("Nine tourists, two Jordanians and an Egyptian have been killed.",
	     "all killed all 9-9-9 total|Jordan killed all 2-2-2 total");
	FIGS("Seven people including foreigners were injured.", "all wounded all 7-7-7 total");
	FIGS("At least 14 people sustained injuries.", "all wounded all 14-14- total");
	FIGS("Militants holding hostage three UN workers made demands.", "all captured all 3-3-3 total");
	FIGS("A man stabbed eight children to death.", "all killed civilian 8-8-8 total");
	FIGS("Two suspects in the car bombing case were shot dead.", "all killed all 2-2-2 total");
	FIGS("Three guards and two prisoners were killed.",
	     "all killed military 3-3-3 total|all killed all 2-2-2 total");
}
END_TEST

START_TEST(totals_and_parts)
{
	FIGS("At least 25 people, including six children, were killed.",
	     "all killed all 25-25- total|all killed civilian 6-6-6 part");
	FIGS("The raid killed 14 people, including 3 women and 2 children.",
	     "all killed all 14-14-14 total|all killed civilian 3-3-3 part|all killed civilian 2-2-2 part");
	FIGS("Militants seized 10 hostages - six Iraqis, two Turks and two Egyptians - on Monday.",
	     "all captured all 10-10-10 total|Iraq captured all 6-6-6 part|all captured all 2-2-2 part|"
	     "Egypt captured all 2-2-2 part");
	FIGS("Nine people died, seven of them children.",
	     "all killed all 9-9-9 total|all killed civilian 7-7-7 part");
}
END_TEST

START_TEST(revisions_and_hypotheticals)
{
	FIGS("The death toll rose to 105, up from 49.",
	     "all killed all 105-105-105 total|all killed all 49-49-49 previous");
	FIGS("The toll has climbed from 20 to 35.",
	     "all killed all 20-20-20 previous|all killed all 35-35-35 total");
	FIGS("Officials initially reported 12 dead.", "all killed all 12-12-12 previous");
	FIGS("The number of deaths has risen sharply to 1,970, with 884 still missing.",
	     "all killed all 1970-1970-1970 total|all missing all 884-884-884 total");
	FIGS("The toll in the region reached 62.", "all killed all 62-62-62 total");
	FIGS("The military death toll tops 1,000.", "all killed military 1001-1001- total");
	/* A modal or an intent: no toll. */
	NONE("The storm could kill up to a million people.", "hypothetical: 'could'");
	NONE("Rebels threatened to kill 3 soldiers.", "hypothetical: 'threatened'");
	/* The threat is hypothetical; the hostages held are not. */
	FIGS("Rebels threatened to kill 3 hostages.", "all captured all 3-3-3 total");
	NONE("Airbags could save up to 7,000 lives.", "lives saved, not lost");
	NONE("The storm may leave 300 dead.", "hypothetical: 'may'");
	NONE("Airbags saved 7,000 lives.", "lives saved, not lost");
	NONE("Insurgents stormed the jail, freeing dozens of prisoners.", "a release, not a capture");
	NONE("The world's oldest man dies at 113.", "age");
	NONE("Officials began a tally of the votes as 2 candidates conceded.", "category");
	NONE("The death toll could rise to 500.", "hypothetical: 'could'");
	NONE("Up to 20 people may have been killed.", "hypothetical: 'may'");
	/* A noun that looks like one is not. */
	FIGS("An assassination attempt that wounded two guards failed.",
	     "all wounded military 2-2-2 total");
	/* Feared dead or missing: the news' unconfirmed figure, kept. */
	FIGS("Dozens of fishermen were feared missing.", "all missing all 12-12- vague total");
}
END_TEST

START_TEST(numbers_in_words)
{
	FIGS("2 dozen people were injured.", "all wounded all 24-24-24 total");
	FIGS("Two dozen people were injured.", "all wounded all 24-24-24 total");
	FIGS("Scores of people were killed.", "all killed all 20-20- vague total");
	FIGS("Between 200 and 500 people died.", "all killed all 200-350-500 total");
	FIGS("Two hundred thousand people died.", "all killed all 200000-200000-200000 total");
	FIGS("One hundred and twenty people died.", "all killed all 120-120-120 total");
	FIGS("Twenty five people died.", "all killed all 25-25-25 total");
	FIGS("One million two hundred thousand people died.",
	     "all killed all 1200000-1200000-1200000 total");
	NONE("The five-point plan was signed where soldiers died.", "");
	/* Dates and times are never counts. */
	NONE("Fighting on 17 and 18 June killed soldiers.", "17: date");
	NONE("On Sept. 17 soldiers died.", "17: date");
	NONE("At 5 pm soldiers were killed.", "5: a time of day");
	NONE("(09/21/04) soldiers were killed.", "09/21/04: a date or a fraction");
}
END_TEST

START_TEST(sentences_and_offsets)
{
	static const char text[] =
		"Thomas Osborne\n14 September 2022 Wednesday 07:35\n6 Reads\n"
		"According to his words, 49 Armenian soldiers died during the night, a figure\n"
		"that could be higher. Mr. Smith said 3 people died.\n";

	ck_assert_str_eq(ex(text), "Armenia killed military 49-49- total|all killed all 3-3-3 total");
	ck_assert_msg(strstr(why, "6: category") != NULL, "%s", why);
}
END_TEST

static size_t offset;

static void
at(void *ctx, const toll_extracted *x)
{
	(void)ctx;
	offset = x->offset;
}

START_TEST(offsets_count_from_the_base)
{
	ck_assert_int_eq(toll_extract("Rain. 3 people died.", 20, 1000, at, NULL, NULL), TOLL_OK);
	ck_assert_int_eq(offset, 1006);
	/* Initials and abbreviations do not end a sentence. */
	ck_assert_int_eq(toll_extract("The U.S. said 3 soldiers died.", 30, 0, at, NULL, NULL), TOLL_OK);
	ck_assert_int_eq(offset, 0);
	ck_assert_int_eq(toll_extract("Gen. Smith said 3 soldiers died.", 32, 0, at, NULL, NULL), TOLL_OK);
	ck_assert_int_eq(offset, 0);
}
END_TEST

START_TEST(demonyms)
{
	ck_assert_str_eq(toll_extract_side("Armenian", 8), "Armenia");
	ck_assert_str_eq(toll_extract_side("AZERBAIJANI", 11), "Azerbaijan");
	ck_assert_ptr_null(toll_extract_side("Martian", 7));
	ck_assert_str_eq(toll_extract_side("Israelis", 8), "Israel");
	ck_assert_str_eq(toll_extract_side("South Sudanese", 14), "South Sudan");
	ck_assert_ptr_null(toll_extract_side("Congolese", 9));   /* two countries' */
}
END_TEST

static size_t nchanged;

static void
on_changed(void *ctx, size_t i, size_t total)
{
	(void)ctx;
	(void)i;
	(void)total;
	nchanged++;
}

/* Many series, interleaved (the table of series grows past its first 64 slots), with equal sides at other addresses. */
static size_t last_changed, changed_total[3000];

static void
on_changed_in_order(void *ctx, size_t i, size_t total)
{
	(void)ctx;
	ck_assert_uint_ge(i + 1, last_changed + 1);   /* in x's order */
	last_changed = i + 1;
	changed_total[i] = total;
	nchanged++;
}

START_TEST(many_series_each_one_total)
{
	static toll_extract_series x[3000];
	static char names[100][16];
	size_t i;

	memset(x, 0, sizeof x);
	for (i = 0; i < 100; i++)
		snprintf(names[i], sizeof names[i], "side %zu", i);
	for (i = 0; i < 3000; i++) {
		/* 100 sides, each at two addresses (a copy of the name), times 3 categories: 300 series. */
		static char copies[100][16];

		memcpy(copies[i % 100], names[i % 100], sizeof copies[0]);
		x[i].side = (i / 100) % 2 ? copies[i % 100] : names[i % 100];
		x[i].category = (unsigned char)((i / 1000) % 3);
		x[i].status = TOLL_STATUS_ALL;
		x[i].kind = TOLL_EXTRACT_TOTAL;
	}
	x[2500].newest = 1;    /* side 0, category 2: figures 2000..2900 of it */
	nchanged = last_changed = 0;
	ck_assert_int_eq(toll_extract_settle(x, 3000, on_changed_in_order, NULL), TOLL_OK);
	/* Each of the 300 series keeps one total: the first, or the one said newest. */
	ck_assert_uint_eq(nchanged, 3000 - 300);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(x[i].kind, i < 100 ? TOLL_EXTRACT_TOTAL : TOLL_EXTRACT_OTHER);
	ck_assert_int_eq(x[2000].kind, TOLL_EXTRACT_PREVIOUS);
	ck_assert_int_eq(x[2500].kind, TOLL_EXTRACT_TOTAL);
	ck_assert_int_eq(x[2600].kind, TOLL_EXTRACT_OTHER);
	ck_assert_int_eq(x[2001].kind, TOLL_EXTRACT_TOTAL);   /* side 1, category 2: its first */
	ck_assert_uint_eq(changed_total[2000], 2500);
	ck_assert_uint_eq(changed_total[2101], 2001);
}
END_TEST

START_TEST(one_total_a_series)
{
	toll_extract_series x[5];
	toll_extracted one;
	size_t i;

	memset(x, 0, sizeof x);
	for (i = 0; i < 5; i++) {
		x[i].side = "all";
		x[i].category = TOLL_CAT_KILLED;
		x[i].status = TOLL_STATUS_ALL;
		x[i].kind = TOLL_EXTRACT_TOTAL;
	}
	x[1].newest = 1;          /* "the toll had reached 11" */
	x[3].side = "Armenia";    /* another series */
	x[4].kind = TOLL_EXTRACT_PART;
	nchanged = 0;
	ck_assert_int_eq(toll_extract_settle(x, 5, on_changed, NULL), TOLL_OK);
	ck_assert_int_eq(x[0].kind, TOLL_EXTRACT_PREVIOUS);   /* before the newest */
	ck_assert_int_eq(x[1].kind, TOLL_EXTRACT_TOTAL);
	ck_assert_int_eq(x[2].kind, TOLL_EXTRACT_OTHER);      /* after it */
	ck_assert_int_eq(x[3].kind, TOLL_EXTRACT_TOTAL);
	ck_assert_int_eq(x[4].kind, TOLL_EXTRACT_PART);       /* not a total: as it was */
	ck_assert_uint_eq(nchanged, 2);
	/* None said newest: the first stays. */
	x[0].kind = x[1].kind = x[2].kind = TOLL_EXTRACT_TOTAL;
	x[1].newest = 0;
	ck_assert_int_eq(toll_extract_settle(x, 3, NULL, NULL), TOLL_OK);
	ck_assert_int_eq(x[0].kind, TOLL_EXTRACT_TOTAL);
	ck_assert_int_eq(x[1].kind, TOLL_EXTRACT_OTHER);
	ck_assert_int_eq(x[2].kind, TOLL_EXTRACT_OTHER);
	/* Another claimant is another series. */
	x[1].kind = TOLL_EXTRACT_TOTAL;
	x[1].claimant = "Azerbaijan";
	ck_assert_int_eq(toll_extract_settle(x, 2, NULL, NULL), TOLL_OK);
	ck_assert_int_eq(x[1].kind, TOLL_EXTRACT_TOTAL);
	ck_assert_int_eq(toll_extract_settle(x, 0, NULL, NULL), TOLL_OK);
	/* A figure's series, as settle reads it. */
	memset(&one, 0, sizeof one);
	one.side = "Armenia";
	one.claimant = "Armenia";
	one.category = TOLL_CAT_WOUNDED;
	one.status = TOLL_STATUS_MILITARY;
	one.kind = TOLL_EXTRACT_PART;
	one.newest = 1;
	toll_extract_series_of(&one, &x[0]);
	ck_assert(x[0].side == one.side && x[0].claimant == one.claimant);
	ck_assert(x[0].category == TOLL_CAT_WOUNDED && x[0].status == TOLL_STATUS_MILITARY);
	ck_assert(x[0].kind == TOLL_EXTRACT_PART && x[0].newest == 1);
	/* The kinds are the reports table's. */
	ck_assert_str_eq(toll_extract_kind_names[TOLL_EXTRACT_OTHER], "other");
}
END_TEST

Suite *
extract_suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, numbers_as_news_writes_them);
	tcase_add_test(tc, what_is_not_a_count);
	tcase_add_test(tc, dates_ages_years);
	tcase_add_test(tc, the_head_noun);
	tcase_add_test(tc, the_category);
	tcase_add_test(tc, negation);
	tcase_add_test(tc, side_and_status);
	tcase_add_test(tc, the_interval);
	tcase_add_test(tc, the_kind);
	tcase_add_test(tc, people_by_default);
	tcase_add_test(tc, verbs_and_clauses);
	tcase_add_test(tc, totals_and_parts);
	tcase_add_test(tc, revisions_and_hypotheticals);
	tcase_add_test(tc, numbers_in_words);
	tcase_add_test(tc, sentences_and_offsets);
	tcase_add_test(tc, offsets_count_from_the_base);
	tcase_add_test(tc, demonyms);
	tcase_add_test(tc, one_total_a_series);
	tcase_add_test(tc, many_series_each_one_total);
	tcase_add_test(tc, documents_of_tables);
	tcase_add_test(tc, documents_of_other_columns);
	suite_add_tcase(s, tc);
	return s;
}
