/* test_nest.c: claims that hold other claims, and their reconciliation. */
#include <string.h>

#include "suites.h"
#include "toll/nest.h"
#include "toll/report.h"

enum { ALL = 0, X = 1, Y = 2, Z = 3 };   /* sides: 'all' holds X, Y and Z */
static const uint32_t parent[] = { TOLL_NEST_NONE, ALL, ALL, ALL };

static toll_nest_claim
claim(uint32_t side, int status, int category, long low, long best, long high, long reported)
{
	toll_nest_claim c;

	memset(&c, 0, sizeof c);
	c.side = side;
	c.status = (uint8_t)status;
	c.category = (uint8_t)category;
	c.low = (toll_i128)low * 2;
	c.best = (toll_i128)best * 2;
	c.open = high < 0;
	c.high = high < 0 ? 0 : (toll_i128)high * 2;
	c.reported = reported;
	return c;
}

struct seen {
	int n;
	toll_nest_conflict last;
};

static void
on_conflict(void *ctx, const toll_nest_conflict *cf)
{
	struct seen *s = ctx;

	s->n++;
	s->last = *cf;
}

/* Reconciles c[0..n) (ids set to their index) and checks low, best, high (-1: open). */
static void
expect(toll_nest_claim *c, size_t n, long low, long best, long high, struct seen *s)
{
	toll_nest_figure f;
	size_t i, dup[2];

	for (i = 0; i < n; i++)
		c[i].id = i;
	memset(s, 0, sizeof *s);
	ck_assert_int_eq(toll_nest_reconcile(c, n, parent, 4, on_conflict, s, &f, dup), TOLL_OK);
	ck_assert_msg(f.low == (toll_i128)low * 2 && f.best == (toll_i128)best * 2,
	              "low %lld best %lld", (long long)(f.low / 2), (long long)(f.best / 2));
	if (high < 0)
		ck_assert(f.open);
	else
		ck_assert_msg(!f.open && f.high == (toll_i128)high * 2, "high %lld",
		              (long long)(f.high / 2));
}

START_TEST(holds)
{
	ck_assert(toll_category_holds(TOLL_CAT_KILLED_OR_MISSING, TOLL_CAT_MISSING));
	ck_assert(toll_category_holds(TOLL_CAT_CASUALTIES, TOLL_CAT_WOUNDED));
	ck_assert(!toll_category_holds(TOLL_CAT_CASUALTIES, TOLL_CAT_MISSING));
	ck_assert(!toll_category_holds(TOLL_CAT_KILLED, TOLL_CAT_CASUALTIES));
	ck_assert(toll_status_holds(TOLL_STATUS_ALL, TOLL_STATUS_UNKNOWN));
	ck_assert(!toll_status_holds(TOLL_STATUS_MILITARY, TOLL_STATUS_CIVILIAN));
	ck_assert_int_eq(toll_category_cover(1u << TOLL_CAT_KILLED), TOLL_CAT_KILLED);
	ck_assert_int_eq(toll_category_cover(1u << TOLL_CAT_KILLED | 1u << TOLL_CAT_MISSING),
	                 TOLL_CAT_KILLED_OR_MISSING);
	ck_assert_int_eq(toll_category_cover(1u << TOLL_CAT_WOUNDED | 1u << TOLL_CAT_CASUALTIES),
	                 TOLL_CAT_CASUALTIES);
	ck_assert_int_eq(toll_category_cover(1u << TOLL_CAT_KILLED | 1u << TOLL_CAT_CAPTURED), -1);
	ck_assert_int_eq(toll_category_cover(1u << TOLL_CAT_KILLED_OR_MISSING |
	                                     1u << TOLL_CAT_CASUALTIES), -1);
	ck_assert_int_eq(toll_category_cover(0), -1);
}
END_TEST

START_TEST(parts_without_a_total_add_up)
{
	toll_nest_claim c[3];
	struct seen s;

	c[0] = claim(X, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 40, 40, 40, 1);
	c[1] = claim(X, TOLL_STATUS_CIVILIAN, TOLL_CAT_KILLED, 5, 5, -1, 1);
	c[2] = claim(Y, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 30, 37, 45, 1);
	expect(c, 3, 75, 82, -1, &s);
	c[1].open = 0;
	c[1].high = 10;
	expect(c, 3, 75, 82, 90, &s);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

START_TEST(a_total_holds_its_parts)
{
	toll_nest_claim c[4];
	struct seen s;

	/* The total is larger: it stands, its high bounds the whole. */
	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 90, 100, 120, 5);
	c[1] = claim(X, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 40, 40, 40, 1);
	c[2] = claim(X, TOLL_STATUS_CIVILIAN, TOLL_CAT_KILLED, 5, 5, 5, 1);
	c[3] = claim(Y, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 30, 70, 80, 1);
	expect(c, 4, 90, 115, 120, &s);
	ck_assert_int_eq(s.n, 0);
	/* Parts above the total's low and best raise them, under its high. */
	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 50, 60, 200, 5);
	expect(c, 4, 75, 115, 200, &s);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

START_TEST(conflicts_go_to_the_later_report)
{
	toll_nest_claim c[3];
	struct seen s;

	/* The total reported last bounds its parts. */
	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 50, 50, 50, 10);
	c[1] = claim(X, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 40, 40, 40, 5);
	c[2] = claim(Y, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 30, 30, -1, 5);
	expect(c, 3, 50, 50, 50, &s);
	ck_assert_int_eq(s.n, 1);
	ck_assert_uint_eq(s.last.total, 0);
	ck_assert_uint_eq(s.last.nparts, 2);
	ck_assert(s.last.parts_low == 140 && s.last.total_high == 100 && s.last.total_kept);
	/* Parts reported after it: their sum stands; an open part leaves the whole open. */
	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 50, 50, 50, 1);
	expect(c, 3, 70, 70, -1, &s);
	ck_assert_int_eq(s.n, 1);
	ck_assert(!s.last.total_kept);
	c[2].open = 0;
	c[2].high = 60;
	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 50, 50, 50, 1);
	expect(c, 3, 70, 70, 70, &s);
}
END_TEST

START_TEST(overlapping_claims_are_never_added)
{
	toll_nest_claim c[4];
	struct seen s;

	/* All sides' soldiers and X's dead of every status overlap in X's soldiers. */
	c[0] = claim(ALL, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 100, 100, 100, 1);
	c[1] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 70, 70, 70, 1);
	c[2] = claim(X, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 50, 50, 50, 1);
	c[3] = claim(X, TOLL_STATUS_CIVILIAN, TOLL_CAT_KILLED, 20, 20, 20, 1);
	/* By status: 100 + 20; by side: 70 (Y and Z unknown).  High: 100 + 70. */
	expect(c, 4, 120, 120, 170, &s);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

START_TEST(categories_nest)
{
	toll_nest_claim c[3];
	struct seen s;

	c[0] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED_OR_MISSING, 207, 207, 207, 1);
	c[1] = claim(X, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 100, 100, 100, 1);
	c[2] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_MISSING, 50, 50, 50, 1);
	expect(c, 3, 207, 207, 207, &s);
	ck_assert_int_eq(s.n, 0);
	/* Killed and wounded with no casualties claim: the parts add up. */
	c[0] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_WOUNDED, 300, 300, 300, 1);
	c[1] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 200, 200, 200, 1);
	expect(c, 2, 500, 500, 500, &s);
}
END_TEST

START_TEST(one_claim_and_duplicates)
{
	toll_nest_claim c[2];
	toll_nest_figure f;
	size_t dup[2];
	struct seen s;

	c[0] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 49, 49, -1, 1);
	expect(c, 1, 49, 49, -1, &s);
	c[1] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 50, 50, 50, 1);
	c[0].id = 7;
	c[1].id = 9;
	ck_assert_int_eq(toll_nest_reconcile(c, 2, parent, 4, NULL, NULL, &f, dup), TOLL_EDATA);
	ck_assert(dup[0] + dup[1] == 16);
}
END_TEST

/* A side that holds others may be absent: its number is the one past the last. */
START_TEST(a_virtual_all)
{
	static const uint32_t par[] = { 3, 3, 3, TOLL_NEST_NONE };
	toll_nest_claim c[2];
	toll_nest_figure f;
	size_t dup[2];

	c[0] = claim(0, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 1, 1, 1, 1);
	c[1] = claim(2, TOLL_STATUS_MILITARY, TOLL_CAT_KILLED, 2, 2, 2, 1);
	ck_assert_int_eq(toll_nest_reconcile(c, 2, par, 4, NULL, NULL, &f, dup), TOLL_OK);
	ck_assert(f.low == 6 && f.best == 6 && f.high == 6 && !f.open);
}
END_TEST

/* Many sides under one total: every side is done once, the total bounds them. */
START_TEST(many_sides)
{
	enum { N = 20000 };
	static toll_nest_claim c[N + 1];
	static uint32_t par[N + 1];
	toll_nest_figure f;
	size_t i, dup[2];

	for (i = 0; i < N; i++) {
		par[i] = N;
		c[i] = claim((uint32_t)i, i % 2 ? TOLL_STATUS_MILITARY : TOLL_STATUS_CIVILIAN,
		             TOLL_CAT_KILLED, 1, 1, 1, 1);
	}
	par[N] = TOLL_NEST_NONE;
	c[N] = claim(N, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 10, 10, -1, 2);
	ck_assert_int_eq(toll_nest_reconcile(c, N + 1, par, N + 1, NULL, NULL, &f, dup), TOLL_OK);
	ck_assert(f.low == 2 * N && f.best == 2 * N && f.open);
}
END_TEST

/* Reconciles c[0..n) and returns the flags of the figure's best. */
static int
flags_of(toll_nest_claim *c, size_t n)
{
	toll_nest_figure f;
	size_t i, dup[2];

	for (i = 0; i < n; i++)
		c[i].id = i;
	ck_assert_int_eq(toll_nest_reconcile(c, n, parent, 4, NULL, NULL, &f, dup), TOLL_OK);
	return f.flags;
}

START_TEST(what_is_known_of_a_best_goes_with_it)
{
	toll_nest_claim c[3];

	/* A sum with an approximate term is approximate, with a vague one vague too. */
	c[0] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 430, 430, 430, 1);
	c[0].flags = TOLL_BEST_APPROX;
	c[1] = claim(Y, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 12, 12, -1, 1);
	c[1].flags = TOLL_BEST_VAGUE;
	c[2] = claim(Z, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 5, 5, 5, 1);
	ck_assert_int_eq(flags_of(c, 3), TOLL_BEST_APPROX | TOLL_BEST_VAGUE);
	/* The larger of a total and its parts' sum has the flags of the one taken. */
	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 20000, 30000, 30000, 9);
	c[0].flags = TOLL_BEST_APPROX;
	c[1] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 6000, 6000, 6000, 1);
	c[2] = claim(Y, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 11000, 11000, 30000, 1);
	c[2].flags = TOLL_BEST_SUPPLIED;
	ck_assert_int_eq(flags_of(c, 3), TOLL_BEST_APPROX);
	/* Parts reported after it that add up to more: their sum, with a supplied term's flag. */
	c[0].flags = 0;
	c[0].reported = 1;
	c[1] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 20000, 20000, 20000, 9);
	c[2] = claim(Y, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 15000, 15000, 15000, 9);
	c[2].flags = TOLL_BEST_SUPPLIED;
	ck_assert_int_eq(flags_of(c, 3), TOLL_BEST_SUPPLIED);
	/* Of two equal, only what both have: one stated exactly is enough. */
	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 100, 100, 100, 9);
	c[0].flags = TOLL_BEST_APPROX;
	c[1] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 60, 60, 60, 1);
	c[2] = claim(Y, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 40, 40, 40, 1);
	ck_assert_int_eq(flags_of(c, 3), 0);
}
END_TEST

/* The 1988-94 war: a total reported last keeps its own low and best over smaller parts. */
START_TEST(a_later_total_keeps_its_range)
{
	toll_nest_claim c[3];
	struct seen s;

	c[0] = claim(ALL, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 20000, 30000, 30000, 9);
	c[1] = claim(X, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 6000, 6000, 6000, 1);
	c[2] = claim(Y, TOLL_STATUS_ALL, TOLL_CAT_KILLED, 11000, 11000, 30000, 1);
	expect(c, 3, 20000, 30000, 30000, &s);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

Suite *
nest_suite(void)
{
	Suite *s = suite_create("nest");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, holds);
	tcase_add_test(tc, parts_without_a_total_add_up);
	tcase_add_test(tc, a_total_holds_its_parts);
	tcase_add_test(tc, conflicts_go_to_the_later_report);
	tcase_add_test(tc, overlapping_claims_are_never_added);
	tcase_add_test(tc, categories_nest);
	tcase_add_test(tc, what_is_known_of_a_best_goes_with_it);
	tcase_add_test(tc, a_later_total_keeps_its_range);
	tcase_add_test(tc, one_claim_and_duplicates);
	tcase_add_test(tc, a_virtual_all);
	tcase_add_test(tc, many_sides);
	suite_add_tcase(s, tc);
	return s;
}
