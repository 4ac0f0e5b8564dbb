/*
 * figure.h: casualty figures (SPEC section 1, "The figure").
 *
 * A figure is an interval [low, high] with a point estimate best, all
 * non-negative integers; high may be unbounded ("at least 49").
 */
#ifndef TOLL_FIGURE_H
#define TOLL_FIGURE_H

#include <stddef.h>
#include <stdint.h>

typedef struct toll_figure {
	int64_t low, best, high;  /* high is meaningless when open */
	int open;                 /* 1: high is unbounded */
	char qualifier;           /* '~' for "about N", else '\0' */
} toll_figure;

/* Results of the parsers below; toll_figure_strerror() names each. */
enum toll_figure_err {
	TOLL_FIG_OK = 0,
	TOLL_FIG_EMPTY,        /* nothing stated */
	TOLL_FIG_SYNTAX,       /* not a number / not the value notation */
	TOLL_FIG_NEGATIVE,     /* a minus sign */
	TOLL_FIG_RANGE,        /* does not fit in 63 bits */
	TOLL_FIG_BEST_LOW,     /* best < low */
	TOLL_FIG_BEST_HIGH,    /* best > high */
	TOLL_FIG_LOW_HIGH      /* low > high */
};

/*
 * Parses a non-negative integer with optional thousands separators: ','
 * or '_' between groups of exactly three digits, one kind per number
 * ("6,500", "1_000_000").  Returns TOLL_FIG_OK, _EMPTY, _SYNTAX,
 * _NEGATIVE or _RANGE.
 */
int toll_number_parse(const char *s, size_t len, int64_t *out);

/*
 * Applies the completion rules of SPEC section 1 to what was stated
 * (has_* say which) and checks low <= best <= high.  Returns TOLL_FIG_OK,
 * _EMPTY when nothing was stated, or one of the ordering errors.
 */
int toll_figure_complete(int has_low, int64_t low, int has_best, int64_t best,
                         int has_high, int64_t high, toll_figure *out);

/*
 * The same rules for numbers that need not be whole (toll-agg and
 * toll-stats write halves), for programs that read such tables, such as
 * toll-plot: the same results and errors, into *out.
 */
typedef struct toll_range {
	double low, best, high;   /* high is meaningless when open */
	int open;
} toll_range;
int toll_range_complete(int has_low, double low, int has_best, double best,
                        int has_high, double high, toll_range *out);

/*
 * The message of an ordering error r (TOLL_FIG_BEST_LOW, _BEST_HIGH or
 * _LOW_HIGH) with the figures given as text, "'best' 10 is below 'low' 50",
 * into buf; it is about the best column, or low for TOLL_FIG_LOW_HIGH.
 */
void toll_figure_order_message(int r, const char *low, const char *best, const char *high,
                               char *buf, size_t bufsz);

/*
 * Parses the value notation ("49", ">=49", "49+", "at least 49", ">49",
 * "<=100", "up to 100", "<100", "~6500", "about 6,500", "100-150",
 * "100-150 (120)"), case-insensitive, with spaces around operators, and
 * completes the figure.  Also accepted: the signs U+2265 and U+2264 for >=
 * and <=, and an en dash U+2013 in a range.
 */
int toll_value_parse(const char *s, size_t len, toll_figure *out);

/* A short lower-case phrase for an error code, e.g. "number too large". */
const char *toll_figure_strerror(int err);

#endif
