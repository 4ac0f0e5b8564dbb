/*
 * figure.h: numbers and casualty figures (toll(7), THE REPORTS TABLE: the figure),
 * the one reader of them that every program uses.
 *
 * A figure is an interval [low, high] with a point estimate best; high
 * may be unbounded ("at least 49").  In a reports table figures are whole
 * numbers from 0; tables that toll writes (toll-agg's medians) and tables
 * of other tools may hold decimals, which the same rules complete.
 */
#ifndef TOLL_FIGURE_H
#define TOLL_FIGURE_H

#include <stddef.h>
#include <stdint.h>

#include "toll/diag.h"
#include "toll/table.h"

/* A figure of a reports table: whole numbers. */
typedef struct toll_figure {
	int64_t low, best, high;  /* high is meaningless when open */
	int open;                 /* 1: high is unbounded */
	char qualifier;           /* '~' for "about N", 'v' for a vague word ("dozens"), else '\0' */
	int supplied;             /* 1: no best was stated, toll completed it (a range's middle) */
} toll_figure;

/*
 * A number of a figure: a whole number, exact to 2^63 - 1 (reports), or
 * one that is not (toll-agg's halves, other tools' decimals).  d always
 * holds the value as a double; i holds it exactly when whole is set.
 * Whole numbers are compared and halved exactly, the others as doubles,
 * so one set of completion rules serves both.
 */
typedef struct toll_num {
	int64_t i;
	double d;
	int whole;
} toll_num;

/* A whole number, and any number (whole when it is one below 2^53). */
toll_num toll_num_whole(int64_t v);
toll_num toll_num_any(double v);

/* A figure whose numbers need not be whole. */
typedef struct toll_range {
	toll_num low, best, high;   /* high is meaningless when open */
	int open;
	char qualifier;             /* '~', 'v' or '\0' */
	int supplied;               /* no best was stated: the middle of a range, or its high */
	int widened;                /* stated out of order, [low, high] widened to hold them */
} toll_range;

/* Results of the parsers below; toll_figure_strerror() names each. */
enum toll_figure_err {
	TOLL_FIG_OK = 0,
	TOLL_FIG_EMPTY,        /* nothing stated */
	TOLL_FIG_SYNTAX,       /* not a number / not the value notation */
	TOLL_FIG_NEGATIVE,     /* a minus sign */
	TOLL_FIG_RANGE,        /* does not fit in 63 bits (or a double) */
	TOLL_FIG_FRACTION,     /* a number that is not whole where one must be */
	TOLL_FIG_BEST_LOW,     /* best < low */
	TOLL_FIG_BEST_HIGH,    /* best > high */
	TOLL_FIG_LOW_HIGH      /* low > high */
};

/*
 * Parses a whole number from 0, as reporters write them: digits, with
 * thousands separators between groups of exactly three digits (one kind
 * per number: ',', '_', a space, a no-break space U+00A0, a thin space
 * U+2009 or a narrow no-break space U+202F: "6,500", "1_000_000",
 * "6 500"), and an optional fraction of zeros ("344.0").  Returns
 * TOLL_FIG_OK, _EMPTY, _SYNTAX, _NEGATIVE, _FRACTION ("344.5") or _RANGE.
 */
int toll_number_parse(const char *s, size_t len, int64_t *out);

/*
 * Parses any number: as C writes them ("12", "-0.5", "2.5e3"), or with
 * the thousands separators above ("6,500", "-1 234.5").  Returns
 * TOLL_FIG_OK, _EMPTY, _SYNTAX or _RANGE (beyond a double).
 */
int toll_decimal_parse(const char *s, size_t len, double *out);

/*
 * The completion rules of toll(7), THE REPORTS TABLE, the only statement of them:
 * from what was stated (has_* say which) it completes the figure and
 * checks low <= best <= high.  Returns TOLL_FIG_OK, _EMPTY when nothing
 * was stated, or one of the ordering errors.
 */
int toll_range_complete(int has_low, toll_num low, int has_best, toll_num best, int has_high,
                        toll_num high, toll_range *out);

/*
 * The same, but numbers stated out of order (a best outside [low, high],
 * or low above high, as UCDP GED's rows may have) are not an error: the
 * interval is widened to the smallest that holds every number stated,
 * the best kept as stated, and out->widened set.  Returns TOLL_FIG_OK or
 * _EMPTY.  toll-import's ucdp-ged and toll-stats on a reports table follow
 * this rule.
 */
int toll_range_complete_widened(int has_low, toll_num low, int has_best, toll_num best,
                                int has_high, toll_num high, toll_range *out);

/* A range of whole numbers as a toll_figure. */
void toll_figure_from_range(const toll_range *r, toll_figure *out);

/*
 * The message of an ordering error r (TOLL_FIG_BEST_LOW, _BEST_HIGH or
 * _LOW_HIGH) with the figures given as text, "'best' 10 is below 'low' 50",
 * into buf; it is about the best column, or low for TOLL_FIG_LOW_HIGH.
 */
void toll_figure_order_message(int r, const char *low, const char *best, const char *high,
                               char *buf, size_t bufsz);

/*
 * Parses the value notation, case-insensitive, spaces allowed around
 * operators, and completes the figure (whole numbers, as above):
 *   49, 6,500, 6 500                                  exact
 *   >=49, >= 49, 49+, at least 49, 49 or more,
 *   no fewer than 49, no less than 49                 open: at least 49
 *   >49, more than 49, over 49, above 49              open: at least 50
 *   <=100, up to 100, at most 100, no more than 100,
 *   100 or fewer, 100 or less                         0 to 100
 *   <100, fewer than 100, less than 100, under 100,
 *   below 100                                         0 to 99
 *   ~6500, about, approx., approximately, c., ca.,
 *   circa, around, roughly, some, nearly, almost,
 *   an estimated 6,500                                a point, qualifier '~'
 *   100-150, 100 to 150, between 100 and 150          a range (an en dash too)
 *   100-150 (120), 100 to 150 (120)                   a range with best
 * and the signs U+2265 and U+2264 for >= and <=.
 */
int toll_value_parse(const char *s, size_t len, toll_range *out);

/*
 * The figure g for a reader of a chart or a report, in the notation:
 * "6,500", "~600", "≥49" for an open figure ("≥600 (650)" when its best
 * is above its low), "20–100" for a range whose best is its middle,
 * "20–100 (35)" for one with another best ("(~35)" when approximate).
 * Thousands are separated; halves have one decimal.
 */
void toll_range_notation(const toll_range *g, char *buf, size_t sz);

/*
 * Whole people: a figure toll computes from several is a whole number.
 * toll_median_lower() is the median of v[0..n) (n > 0, sorted here): of
 * an even number, the lower of the two in the middle, a figure one of
 * them gave, never a number between that no one claimed (2,996 and 3,702
 * give 2,996; INT64_MAX sorts last, as an unbounded high).
 * toll_mean_whole() is the mean of v[0..n) (n > 0), exact, rounded to the
 * nearest whole number, a half to the even one (17.5 gives 18, 16.5 16).
 * toll_sort_i64() sorts v[0..n) ascending.
 */
int64_t toll_median_lower(int64_t *v, size_t n);
int64_t toll_mean_whole(const int64_t *v, size_t n);
void toll_sort_i64(int64_t *v, size_t n);

/* The accepted forms of the value notation, for messages: "49, 6,500, at least 49, ...". */
extern const char toll_value_forms[];

/* A short lower-case phrase for an error code, e.g. "number too large". */
const char *toll_figure_strerror(int err);

/*
 * The figure columns of a table, found by name: low, best, high, or value
 * (the notation), and qualifier; -1 where absent.
 */
typedef struct toll_figure_cols {
	long low, best, high, value, qualifier;
} toll_figure_cols;

void toll_figure_cols_find(toll_figure_cols *fc, const toll_table *t);

/* Whether the table states figures: a value column, or any of low, best, high. */
int toll_figure_cols_any(const toll_figure_cols *fc);

/* Flags of toll_figure_read(). */
enum {
	TOLL_FIGURE_WHOLE = 1,  /* whole numbers from 0 only, 2^63 - 1 at most (reports) */
	TOLL_FIGURE_WIDEN = 2   /* out of order: widened, as toll_range_complete_widened() */
};

#define TOLL_FIGURE_MAX_PROBLEMS 4

/*
 * Reads the figure of row: the value notation, or low, best and high
 * completed by the rules (and a qualifier column's '~').  Negative
 * numbers are never figures.  Returns the number of problems, each described in diags[]
 * at its field ("invalid number '12a' in column 'best'", "'best' 10 is
 * below 'low' 50"); 0 with *out filled; or 0 with *empty set when the
 * row states no figure at all (for the caller to skip or refuse).
 */
int toll_figure_read(const toll_figure_cols *fc, const toll_row *row, unsigned flags,
                     toll_range *out, int *empty, toll_diag diags[TOLL_FIGURE_MAX_PROBLEMS]);

/*
 * The qualifier column's text of q ('~', 'v' or '\0'): "~", "vague" or "";
 * and back: toll_qualifier_read() returns '~', 'v', '\0' for the empty
 * field, or -1 for anything else.  Every reader and writer of the column
 * goes through these.
 */
const char *toll_qualifier_text(char q);
int toll_qualifier_read(const char *s, size_t len);

#endif
