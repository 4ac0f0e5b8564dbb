/* figure.c: numbers, completion, the value notation and a row's figure; see figure.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toll/figure.h"
#include "toll/out.h"

/*
 * The length of the thousands separator at s[i] (1 to 3 bytes), or 0, and
 * its kind: the byte, or for the Unicode spaces their last byte.
 */
static size_t
separator(const char *s, size_t i, size_t len, int *kind)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ',' || c == '_' || c == ' ') {
		*kind = c;
		return 1;
	}
	if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0) {
		*kind = 0xa0;   /* no-break space */
		return 2;
	}
	if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x89 || (unsigned char)s[i + 2] == 0xaf)) {
		*kind = (unsigned char)s[i + 2];   /* thin space, narrow no-break space */
		return 3;
	}
	return 0;
}

/*
 * Scans digits grouped by one kind of separator from s[*i]: the first
 * group has 1 to 3 digits when separators follow, the others exactly 3.
 * Copies the digits to digits[0..*nd) (up to cap; *nd counts them all).
 * Returns 0, or -1 when the grouping is wrong or there is no digit.
 */
static int
grouped_digits(const char *s, size_t len, size_t *i, char *digits, size_t cap, size_t *nd)
{
	size_t group = 0, k;
	int kind = 0, seen = 0, sk;

	*nd = 0;
	while (*i < len) {
		char c = s[*i];

		if (c >= '0' && c <= '9') {
			if (*nd < cap)
				digits[*nd] = c;
			(*nd)++;
			group++;
			(*i)++;
		} else if ((k = separator(s, *i, len, &sk)) != 0) {
			if ((seen && (sk != kind || group != 3)) || (!seen && (group == 0 || group > 3)))
				return -1;
			kind = sk;
			seen = 1;
			group = 0;
			*i += k;
		} else {
			break;
		}
	}
	if (group == 0 || (seen && group != 3))
		return -1;
	return 0;
}

/*
 * One function (102 lines): the forms of a written number (grouped
 * digits, a fraction that is whole, spreadsheet exponents, the reasons one
 * is not) are one grammar, read in one pass over the bytes.
 */
int
toll_number_parse(const char *s, size_t len, int64_t *out)
{
	char digits[32], frac[32];
	size_t i = 0, nd, k, nfrac = 0;
	int64_t v = 0;
	int fraction = 0;

	if (len == 0)
		return TOLL_FIG_EMPTY;
	/* The common case, plain digits that cannot overflow, read in one go. */
	if (len <= 18) {
		for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			v = v * 10 + (s[i] - '0');
		if (i == len) {
			*out = v;
			return TOLL_FIG_OK;
		}
		i = 0;
		v = 0;
	}
	if (s[0] == '-') {
		/* Say "negative" only for something that would otherwise be a number. */
		int64_t ignored;
		int r = len > 1 ? toll_number_parse(s + 1, len - 1, &ignored) : TOLL_FIG_SYNTAX;

		return r == TOLL_FIG_OK || r == TOLL_FIG_RANGE || r == TOLL_FIG_FRACTION ?
		       TOLL_FIG_NEGATIVE : TOLL_FIG_SYNTAX;
	}
	if (grouped_digits(s, len, &i, digits, sizeof digits, &nd) != 0)
		return TOLL_FIG_SYNTAX;
	if (i < len && s[i] == '.') {
		/* "344.0" is whole; "344.5" is not. */
		size_t start = ++i;

		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			if (nfrac < sizeof frac)
				frac[nfrac++] = s[i];
			else
				fraction |= s[i] != '0';
		if (i == start)
			return TOLL_FIG_SYNTAX;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E') && nd <= sizeof digits) {
		/* Spreadsheet notation, "2.00E+05": whole when the exponent makes it so. */
		int neg = 0;
		long e = 0;
		size_t start;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			neg = s[i++] == '-';
		start = i;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			if (e < 1000)
				e = e * 10 + (s[i] - '0');
		if (i == start || i != len)
			return TOLL_FIG_SYNTAX;
		e = neg ? -e : e;
		/* The fraction's digits move into the whole part, one per power of ten. */
		for (k = 0; k < nfrac; k++) {
			if (e > 0) {
				if (nd < sizeof digits)
					digits[nd] = frac[k];
				nd++;
				e--;
			} else {
				fraction |= frac[k] != '0';
			}
		}
		nfrac = 0;
		for (; e > 0; e--) {
			if (nd < sizeof digits)
				digits[nd] = '0';
			nd++;
		}
		for (; e < 0 && nd > 0; e++)
			fraction |= digits[--nd] != '0';
		if (nd == 0) {
			digits[0] = '0';
			nd = 1;
		}
	}
	for (k = 0; k < nfrac; k++)
		fraction |= frac[k] != '0';
	if (i != len)
		return TOLL_FIG_SYNTAX;
	/* Leading zeros do not count towards the size. */
	for (k = 0; k < nd && k < sizeof digits && digits[k] == '0'; k++)
		;
	if (nd > sizeof digits || nd - k > 19)
		return TOLL_FIG_RANGE;
	for (; k < nd; k++) {
		int d = digits[k] - '0';

		if (v > (INT64_MAX - d) / 10)
			return TOLL_FIG_RANGE;
		v = v * 10 + d;
	}
	if (fraction)
		return TOLL_FIG_FRACTION;
	*out = v;
	return TOLL_FIG_OK;
}

/* A number as C writes it, in s[0..len): sign, digits, a point, an exponent. */
static int
c_number(const char *s, size_t len, double *out)
{
	/* The common cases, whole numbers and decimals of up to 15 digits, are
	 * read here: the digits are exact in a double, and so is a power of ten
	 * up to 1e22, so one division rounds correctly (Clinger's fast path). */
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
	};
	char buf[512];
	size_t i = 0, digits = 0, frac = 0;
	uint64_t v = 0;
	int neg = 0;
	double d;
	char *end;

	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		v = v * 10 + (uint64_t)(s[i] - '0');
	if (i == len && digits > 0 && digits <= 15) {
		*out = neg ? -(double)v : (double)v;
		return TOLL_FIG_OK;
	}
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++, frac++)
			v = v * 10 + (uint64_t)(s[i] - '0');
		if (i == len && digits > 0 && digits <= 15) {
			d = (double)v / pow10[frac];
			*out = neg ? -d : d;
			return TOLL_FIG_OK;
		}
	}
	/* Otherwise the syntax is checked here, and strtod() reads the number. */
	if (digits == 0)
		return TOLL_FIG_SYNTAX;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = 0;

		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			e++;
		if (e == 0)
			return TOLL_FIG_SYNTAX;
	}
	if (i != len || len >= sizeof buf)
		return TOLL_FIG_SYNTAX;
	memcpy(buf, s, len);
	buf[len] = '\0';
	d = strtod(buf, &end);
	if (isinf(d))
		return TOLL_FIG_RANGE;
	*out = d;
	return TOLL_FIG_OK;
}

int
toll_decimal_parse(const char *s, size_t len, double *out)
{
	char buf[512];
	size_t i = 0, n = 0, nd, k;
	int kind, rc;

	if (len == 0)
		return TOLL_FIG_EMPTY;
	/* As C writes numbers, the common case; else perhaps with separators. */
	if ((rc = c_number(s, len, out)) != TOLL_FIG_SYNTAX)
		return rc;
	for (k = 0; k < len; k++)
		if (separator(s, k, len, &kind))
			break;
	if (k == len)
		return TOLL_FIG_SYNTAX;
	/* With thousands separators: sign, grouped digits, a fraction, no exponent. */
	if (s[0] == '-' || s[0] == '+') {
		buf[n++] = s[0];
		i = 1;
	}
	if (grouped_digits(s, len, &i, buf + n, sizeof buf - n - 1, &nd) != 0 ||
	    nd > sizeof buf - n - 1)
		return TOLL_FIG_SYNTAX;
	n += nd;
	if (i < len && s[i] == '.') {
		buf[n++] = s[i++];
		for (; i < len && s[i] >= '0' && s[i] <= '9' && n < sizeof buf - 1; i++)
			buf[n++] = s[i];
	}
	if (i != len)
		return TOLL_FIG_SYNTAX;
	return c_number(buf, n, out);
}

toll_num
toll_num_whole(int64_t v)
{
	toll_num n;

	n.i = v;
	n.d = (double)v;
	n.whole = 1;
	return n;
}

toll_num
toll_num_any(double v)
{
	toll_num n;

	n.d = v;
	n.whole = v == floor(v) && fabs(v) < 9007199254740992.0;
	n.i = n.whole ? (int64_t)v : 0;
	return n;
}

/* a < b: exactly between whole numbers, as doubles otherwise. */
static int
num_lt(toll_num a, toll_num b)
{
	return a.whole && b.whole ? a.i < b.i : a.d < b.d;
}

/*
 * floor((a + b) / 2) for a <= b: exact (and without overflow) for whole
 * numbers.  A bound that is not whole may have no whole number between it
 * and the middle (0.25 to 0.25): the floor is then a itself, never below it.
 */
static toll_num
num_middle(toll_num a, toll_num b)
{
	double m;

	if (a.whole && b.whole)
		return toll_num_whole(a.i + (b.i - a.i) / 2);
	m = floor((a.d + b.d) / 2);
	return m < a.d ? a : toll_num_any(m);
}

/* toll_range_complete(), inlined where every row calls it. */
static inline int
range_complete(int has_low, toll_num low, int has_best, toll_num best, int has_high,
               toll_num high, toll_range *out)
{
	static const toll_num zero = { 0, 0, 1 };

	if (!has_low && !has_best && !has_high)
		return TOLL_FIG_EMPTY;
	out->qualifier = '\0';
	out->widened = 0;
	/* A best toll fills in (not the bound of an open figure: that was stated) is supplied. */
	out->supplied = !has_best && has_high;
	if (has_best && !has_low && !has_high) {
		out->low = out->best = out->high = best;
		out->open = 0;
		return TOLL_FIG_OK;
	}
	out->low = has_low ? low : zero;
	out->open = !has_high && has_low;
	out->high = has_high ? high : zero;
	out->best = has_best ? best : zero;
	if (has_low && has_high && num_lt(high, low))
		return TOLL_FIG_LOW_HIGH;
	if (!has_best)
		out->best = out->open ? out->low : !has_low ? out->high :
		            num_middle(out->low, out->high);
	if (num_lt(out->best, out->low))
		return TOLL_FIG_BEST_LOW;
	if (!out->open && num_lt(out->high, out->best))
		return TOLL_FIG_BEST_HIGH;
	return TOLL_FIG_OK;
}

int
toll_range_complete(int has_low, toll_num low, int has_best, toll_num best, int has_high,
                    toll_num high, toll_range *out)
{
	return range_complete(has_low, low, has_best, best, has_high, high, out);
}

int
toll_range_complete_widened(int has_low, toll_num low, int has_best, toll_num best,
                            int has_high, toll_num high, toll_range *out)
{
	toll_num lo, hi, v[3];
	int n = 0, i, e = range_complete(has_low, low, has_best, best, has_high, high, out);

	if (e == TOLL_FIG_OK || e == TOLL_FIG_EMPTY)
		return e;
	/* The smallest interval that holds every number stated; best as stated. */
	if (has_low)
		v[n++] = low;
	if (has_best)
		v[n++] = best;
	if (has_high)
		v[n++] = high;
	lo = hi = v[0];
	for (i = 1; i < n; i++) {
		if (num_lt(v[i], lo))
			lo = v[i];
		if (num_lt(hi, v[i]))
			hi = v[i];
	}
	e = range_complete(has_low, lo, has_best, best, has_high, hi, out);
	out->widened = e == TOLL_FIG_OK;
	return e;
}

void
toll_figure_from_range(const toll_range *r, toll_figure *out)
{
	out->low = r->low.i;
	out->best = r->best.i;
	out->high = r->open ? 0 : r->high.i;
	out->open = r->open;
	out->qualifier = r->qualifier;
	out->supplied = r->supplied;
}

void
toll_figure_order_message(int r, const char *low, const char *best, const char *high,
                          char *buf, size_t bufsz)
{
	if (r == TOLL_FIG_BEST_LOW)
		snprintf(buf, bufsz, "'best' %s is below 'low' %s", best, low);
	else if (r == TOLL_FIG_BEST_HIGH)
		snprintf(buf, bufsz, "'best' %s is above 'high' %s", best, high);
	else
		snprintf(buf, bufsz, "'low' %s is above 'high' %s", low, high);
}

const char *
toll_figure_strerror(int err)
{
	switch (err) {
	case TOLL_FIG_OK: return "no error";
	case TOLL_FIG_EMPTY: return "no figure";
	case TOLL_FIG_SYNTAX: return "invalid number";
	case TOLL_FIG_NEGATIVE: return "negative number";
	case TOLL_FIG_RANGE: return "number too large";
	case TOLL_FIG_FRACTION: return "not a whole number";
	case TOLL_FIG_BEST_LOW: return "best is below low";
	case TOLL_FIG_BEST_HIGH: return "best is above high";
	case TOLL_FIG_LOW_HIGH: return "low is above high";
	}
	return "unknown error";
}

/* ---- the value notation ---- */

const char toll_value_forms[] =
	"49, 6,500, at least 49, 49+, more than 49, up to 100, fewer than 100, about 6,500, "
	"100-150, 100 to 150, between 100 and 150, 100-150 (120)";

/* A cursor over the value text. */
struct cur {
	const char *s;
	size_t i, n;
};

static void
skip_spaces(struct cur *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
		c->i++;
}

/* Consumes word (ASCII, matched case-insensitively) when it comes next. */
static int
accept(struct cur *c, const char *word)
{
	size_t k, n = strlen(word);

	if (c->n - c->i < n)
		return 0;
	for (k = 0; k < n; k++) {
		char a = c->s[c->i + k], b = word[k];

		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	c->i += n;
	return 1;
}

/*
 * Consumes a word followed by a space ("at least 49", not "at least49");
 * an abbreviation ending in '.' may also touch the number ("c.6500").
 */
static int
accept_word(struct cur *c, const char *word)
{
	size_t save = c->i, n = strlen(word);

	if (!accept(c, word))
		return 0;
	if (c->i < c->n && (c->s[c->i] == ' ' ||
	                    (word[n - 1] == '.' && c->s[c->i] >= '0' && c->s[c->i] <= '9'))) {
		skip_spaces(c);
		return 1;
	}
	c->i = save;
	return 0;
}

/* Consumes the first of words[] that comes next. */
static int
accept_any(struct cur *c, const char *const *words)
{
	for (; *words != NULL; words++)
		if (accept_word(c, *words))
			return 1;
	return 0;
}

static int
digit_at(const struct cur *c, size_t i)
{
	return i < c->n && c->s[i] >= '0' && c->s[i] <= '9';
}

/*
 * Reads a whole number at the cursor.  A space separates thousands only
 * when exactly three digits follow it ("6 500"), so "10 to 20" reads 10.
 */
static int
number(struct cur *c, int64_t *v)
{
	size_t start = c->i, k;
	int kind, first = 0;

	if (c->i < c->n && c->s[c->i] == '-')
		c->i++;
	while (digit_at(c, c->i))
		c->i++;
	for (;;) {
		if (digit_at(c, c->i)) {
			c->i++;
			continue;
		}
		if (c->i < c->n && (k = separator(c->s, c->i, c->n, &kind)) != 0 && (!first || kind == first) &&
		    digit_at(c, c->i + k) && digit_at(c, c->i + k + 1) && digit_at(c, c->i + k + 2) &&
		    !digit_at(c, c->i + k + 3)) {
			first = kind;
			c->i += k + 3;
			continue;
		}
		break;
	}
	if (c->i < c->n && c->s[c->i] == '.' && digit_at(c, c->i + 1)) {
		c->i++;
		while (digit_at(c, c->i))
			c->i++;
	}
	if (c->i == start)
		return TOLL_FIG_SYNTAX;
	return toll_number_parse(c->s + start, c->i - start, v);
}

static int
at_end(struct cur *c)
{
	skip_spaces(c);
	return c->i == c->n;
}

static int
complete_whole(int hl, int64_t low, int hb, int64_t best, int hh, int64_t high, toll_range *out)
{
	return range_complete(hl, toll_num_whole(low), hb, toll_num_whole(best), hh,
	                      toll_num_whole(high), out);
}

/*
 * One function (105 lines): the value notation's forms (~N, N-M, >=N, words
 * before a number) are tried in one pass, in the order that makes each
 * unambiguous.
 */
int
toll_value_parse(const char *s, size_t len, toll_range *out)
{
	static const char *const at_least[] = {
		"at least", "no fewer than", "no less than", "not less than", NULL
	};
	static const char *const more_than[] = { "more than", "over", "above", NULL };
	static const char *const at_most[] = {
		"up to", "at most", "no more than", "not more than", NULL
	};
	static const char *const fewer_than[] = {
		"fewer than", "less than", "under", "below", NULL
	};
	/*
	 * "nearly" and "almost" are read as "about": the speaker rounds to N;
	 * reading them as "below N" would make a low of 0 that no one claimed.
	 */
	static const char *const about[] = {
		"about", "approximately", "approx.", "approx", "ca.", "c.", "circa", "around",
		"roughly", "some", "nearly", "almost", "an estimated", "estimated", NULL
	};
	struct cur c = { s, 0, len };
	int64_t a, b, best;
	int r, op = 0, between = 0;

	skip_spaces(&c);
	if (at_end(&c))
		return TOLL_FIG_EMPTY;
	/* Prefix operators: op is 'g' (>=), '>' , 'l' (<=), '<' or '~' (none starts with a digit). */
	if (c.s[c.i] >= '0' && c.s[c.i] <= '9')
		;
	else if (accept(&c, ">=") || accept(&c, "\xe2\x89\xa5") || accept_any(&c, at_least))
		op = 'g';
	else if (accept(&c, ">") || accept_any(&c, more_than))
		op = '>';
	else if (accept(&c, "<=") || accept(&c, "\xe2\x89\xa4") || accept_any(&c, at_most))
		op = 'l';
	else if (accept(&c, "<") || accept_any(&c, fewer_than))
		op = '<';
	else if (accept(&c, "~") || accept_any(&c, about))
		op = '~';
	else if (accept_word(&c, "between"))
		between = 1;
	skip_spaces(&c);
	if ((r = number(&c, &a)) != TOLL_FIG_OK)
		return r;
	skip_spaces(&c);
	switch (op) {
	case 'g':
	case '>':
		if (!at_end(&c))
			return TOLL_FIG_SYNTAX;
		if (op == '>') {
			if (a == INT64_MAX)
				return TOLL_FIG_RANGE;
			a++;
		}
		return complete_whole(1, a, 0, 0, 0, 0, out);
	case 'l':
	case '<':
		if (!at_end(&c))
			return TOLL_FIG_SYNTAX;
		if (op == '<') {
			if (a == 0)
				return TOLL_FIG_SYNTAX;  /* nothing is below 0 */
			a--;
		}
		return complete_whole(0, 0, 0, 0, 1, a, out);
	case '~':
		if (!at_end(&c))
			return TOLL_FIG_SYNTAX;
		r = complete_whole(0, 0, 1, a, 0, 0, out);
		out->qualifier = '~';
		return r;
	}
	if (between) {
		if (!accept_word(&c, "and"))
			return TOLL_FIG_SYNTAX;
	} else {
		if (c.i == c.n)
			return complete_whole(0, 0, 1, a, 0, 0, out);
		if (accept(&c, "+") || accept(&c, "or more")) {
			if (!at_end(&c))
				return TOLL_FIG_SYNTAX;
			return complete_whole(1, a, 0, 0, 0, 0, out);
		}
		if (accept(&c, "or fewer") || accept(&c, "or less")) {
			if (!at_end(&c))
				return TOLL_FIG_SYNTAX;
			return complete_whole(0, 0, 0, 0, 1, a, out);
		}
		if (!(accept(&c, "-") || accept(&c, "\xe2\x80\x93") || accept_word(&c, "to")))
			return TOLL_FIG_SYNTAX;
	}
	skip_spaces(&c);
	if ((r = number(&c, &b)) != TOLL_FIG_OK)
		return r;
	if (at_end(&c))
		return complete_whole(1, a, 0, 0, 1, b, out);
	if (between || !accept(&c, "("))
		return TOLL_FIG_SYNTAX;
	skip_spaces(&c);
	if ((r = number(&c, &best)) != TOLL_FIG_OK)
		return r;
	skip_spaces(&c);
	if (!accept(&c, ")") || !at_end(&c))
		return TOLL_FIG_SYNTAX;
	return complete_whole(1, a, 1, best, 1, b, out);
}

/* ---- the figure of a row ---- */

static long
find(const toll_table *t, const char *name)
{
	return toll_table_column(t, name);
}

void
toll_figure_cols_find(toll_figure_cols *fc, const toll_table *t)
{
	fc->low = find(t, "low");
	fc->best = find(t, "best");
	fc->high = find(t, "high");
	fc->value = find(t, "value");
	fc->qualifier = find(t, "qualifier");
}

int
toll_figure_cols_any(const toll_figure_cols *fc)
{
	return fc->value >= 0 || fc->low >= 0 || fc->best >= 0 || fc->high >= 0;
}

/* Collects a row's problems. */
struct problems {
	toll_diag *d;
	int n;
	const toll_row *row;
};

/*
 * "WHAT 'VALUE' in column 'NAME'[: MORE]" at field col; the column is the
 * one found by that name.  Out of line: the reading of good numbers is
 * the hot path.
 */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static void
problem(struct problems *p, long col, const char *name, const char *what, const char *more)
{
	const toll_field *f = &p->row->f[col];
	char q[200];

	if (p->n >= TOLL_FIGURE_MAX_PROBLEMS)
		return;
	toll_diag_quote(q, sizeof q, f->s, f->len);
	toll_diag_set(&p->d[p->n++], TOLL_EDATA, p->row->file, f->line, f->col,
	              "%s '%s' in column '%s'%s%s", what, q, name, more ? ": " : "", more ? more : "");
}

/* A number column; returns 1 when a number was stated and valid. */
static inline int
number_column(struct problems *p, long col, const char *name, unsigned flags, toll_num *v,
              int *bad)
{
	const toll_field *f;
	int r;

	if (col < 0 || (f = &p->row->f[col])->len == 0)
		return 0;
	if (f->len <= 15) {
		/* The common case, plain digits: whole, and exact as a double too. */
		int64_t n = 0;
		size_t i;

		for (i = 0; i < f->len && (unsigned)(f->s[i] - '0') <= 9; i++)
			n = n * 10 + (f->s[i] - '0');
		if (i == f->len) {
			*v = toll_num_whole(n);
			return 1;
		}
	}
	if (flags & TOLL_FIGURE_WHOLE) {
		int64_t n = 0;

		if ((r = toll_number_parse(f->s, f->len, &n)) == TOLL_FIG_OK)
			*v = toll_num_whole(n);
	} else {
		double d = 0;

		if ((r = toll_decimal_parse(f->s, f->len, &d)) == TOLL_FIG_OK && d < 0)
			r = TOLL_FIG_NEGATIVE;
		if (r == TOLL_FIG_OK)
			*v = toll_num_any(d);
	}
	if (r != TOLL_FIG_OK) {
		problem(p, col, name, toll_figure_strerror(r), NULL);
		*bad = 1;
		return 0;
	}
	return 1;
}

/* A number as the order messages show it: whole, or 15 significant digits. */
static void
show(toll_num v, char *buf, size_t sz)
{
	if (v.whole)
		snprintf(buf, sz, "%lld", (long long)v.i);
	else
		snprintf(buf, sz, "%.15g", v.d);
}

static void
order_problem(struct problems *p, const toll_figure_cols *fc, int r, const toll_range *g)
{
	char l[48], b[48], h[48], msg[160];
	long col = r == TOLL_FIG_LOW_HIGH || fc->best < 0 ? fc->low : fc->best;
	const toll_field *f = &p->row->f[col];

	show(g->low, l, sizeof l);
	show(g->best, b, sizeof b);
	show(g->high, h, sizeof h);
	toll_figure_order_message(r, l, b, h, msg, sizeof msg);
	if (p->n < TOLL_FIGURE_MAX_PROBLEMS)
		toll_diag_set(&p->d[p->n++], TOLL_EDATA, p->row->file, f->line, f->col, "%s", msg);
}

static void
value_column(struct problems *p, long col, toll_range *out, int *empty)
{
	const toll_field *f = &p->row->f[col];
	char more[320];
	int e;

	if (f->len == 0) {
		*empty = 1;
		return;
	}
	e = toll_value_parse(f->s, f->len, out);
	switch (e) {
	case TOLL_FIG_OK:
		return;
	case TOLL_FIG_NEGATIVE:
	case TOLL_FIG_RANGE:
	case TOLL_FIG_FRACTION:
		problem(p, col, "value", toll_figure_strerror(e), NULL);
		return;
	case TOLL_FIG_BEST_LOW:
	case TOLL_FIG_BEST_HIGH:
	case TOLL_FIG_LOW_HIGH:
		problem(p, col, "value", "invalid value", toll_figure_strerror(e));
		return;
	default:
		snprintf(more, sizeof more, "expected %s", toll_value_forms);
		problem(p, col, "value", "invalid value", more);
	}
}

int
toll_figure_read(const toll_figure_cols *fc, const toll_row *row, unsigned flags,
                 toll_range *out, int *empty, toll_diag diags[TOLL_FIGURE_MAX_PROBLEMS])
{
	struct problems p = { diags, 0, row };
	toll_num low = { 0, 0, 1 }, best = low, high = low;
	int hl, hb, hh, bad = 0, e;

	*empty = 0;
	if (fc->value >= 0) {
		value_column(&p, fc->value, out, empty);
		return p.n;
	}
	hl = number_column(&p, fc->low, "low", flags, &low, &bad);
	hb = number_column(&p, fc->best, "best", flags, &best, &bad);
	hh = number_column(&p, fc->high, "high", flags, &high, &bad);
	if (bad)
		return p.n;
	e = (flags & TOLL_FIGURE_WIDEN) ? toll_range_complete_widened(hl, low, hb, best, hh, high, out)
	                                : range_complete(hl, low, hb, best, hh, high, out);
	if (e == TOLL_FIG_EMPTY) {
		*empty = 1;
		return 0;
	}
	if (e != TOLL_FIG_OK) {
		order_problem(&p, fc, e, out);
		return p.n;
	}
	if (fc->qualifier >= 0 && row->f[fc->qualifier].len > 0) {
		const toll_field *q = &row->f[fc->qualifier];

		/* 'v': "dozens", a vague word coded as a number. */
		int v = toll_qualifier_read(q->s, q->len);

		if (v > 0)
			out->qualifier = (char)v;
		else
			problem(&p, fc->qualifier, "qualifier", "invalid qualifier", NULL);
	}
	return p.n;
}

/* A number of a figure for people: thousands separated, halves with one decimal. */
static void
people_number(toll_num v, char *buf, size_t sz)
{
	toll_format_number(v.d, v.d == floor(v.d) ? 0 : 1, buf, sz);
}

void
toll_range_notation(const toll_range *g, char *buf, size_t sz)
{
	char lo[TOLL_NUMBER_TEXT], best[TOLL_NUMBER_TEXT], hi[TOLL_NUMBER_TEXT];
	double mid = (g->low.d + g->high.d) / 2;

	people_number(g->low, lo, sizeof lo);
	people_number(g->best, best, sizeof best);
	people_number(g->high, hi, sizeof hi);
	if (g->open && g->best.d == g->low.d)
		snprintf(buf, sz, "\xe2\x89\xa5%s", lo);                 /* ≥135 */
	else if (g->open)
		snprintf(buf, sz, "\xe2\x89\xa5%s (%s%s)", lo, g->qualifier == '~' ? "~" : "",
		         best);                                                /* ≥600 (650) */
	else if (g->low.d == g->high.d)
		snprintf(buf, sz, "%s%s", g->qualifier == '~' ? "~" : "", best);
	else if (g->best.d == mid || g->best.d == floor(mid) || g->best.d == ceil(mid))
		snprintf(buf, sz, "%s\xe2\x80\x93%s", lo, hi);           /* 20–100 */
	else
		snprintf(buf, sz, "%s\xe2\x80\x93%s (%s%s)", lo, hi, g->qualifier == '~' ? "~" : "",
		         best);                                                /* 20–100 (~60) */
}

static int
cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

void
toll_sort_i64(int64_t *v, size_t n)
{
	size_t i, j;

	/* Most claims have a few sources: sorted by insertion. */
	if (n > 32) {
		qsort(v, n, sizeof *v, cmp_i64);
		return;
	}
	for (i = 1; i < n; i++) {
		int64_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

int64_t
toll_median_lower(int64_t *v, size_t n)
{
	toll_sort_i64(v, n);
	return v[(n - 1) / 2];
}

__extension__ typedef __int128 i128;

int64_t
toll_mean_whole(const int64_t *v, size_t n)
{
	i128 sum = 0, q, r;
	size_t i;

	for (i = 0; i < n; i++)
		sum += v[i];
	q = sum / (i128)n;
	r = sum % (i128)n;
	if (2 * r > (i128)n || (2 * r == (i128)n && q % 2 != 0))
		q++;
	return (int64_t)q;
}

const char *
toll_qualifier_text(char q)
{
	return q == '~' ? "~" : q == 'v' ? "vague" : "";
}

int
toll_qualifier_read(const char *s, size_t len)
{
	if (len == 0)
		return '\0';
	if (len == 1 && s[0] == '~')
		return '~';
	if (len == 5 && memcmp(s, "vague", 5) == 0)
		return 'v';
	return -1;
}
