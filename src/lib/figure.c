/* figure.c: numbers with thousands separators, completion and value notation. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "toll/figure.h"

int
toll_number_parse(const char *s, size_t len, int64_t *out)
{
	int64_t v = 0;
	size_t i, group = 0;
	char sep = 0;
	int overflow = 0;

	if (len == 0)
		return TOLL_FIG_EMPTY;
	if (s[0] == '-') {
		/* Say "negative" only for something that would otherwise be a number. */
		int64_t ignored;
		int r = len > 1 ? toll_number_parse(s + 1, len - 1, &ignored) : TOLL_FIG_SYNTAX;

		return r == TOLL_FIG_OK || r == TOLL_FIG_RANGE ? TOLL_FIG_NEGATIVE : TOLL_FIG_SYNTAX;
	}
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			int d = c - '0';

			if (v > (INT64_MAX - d) / 10)
				overflow = 1;
			else
				v = v * 10 + d;
			group++;
		} else if (c == ',' || c == '_') {
			/* The first group has 1 to 3 digits, the others exactly 3. */
			if ((sep != 0 && (c != sep || group != 3)) || (sep == 0 && (group == 0 || group > 3)))
				return TOLL_FIG_SYNTAX;
			sep = c;
			group = 0;
		} else {
			return TOLL_FIG_SYNTAX;
		}
	}
	if (group == 0 || (sep != 0 && group != 3))
		return TOLL_FIG_SYNTAX;
	if (overflow)
		return TOLL_FIG_RANGE;
	*out = v;
	return TOLL_FIG_OK;
}

int
toll_figure_complete(int has_low, int64_t low, int has_best, int64_t best,
                     int has_high, int64_t high, toll_figure *out)
{
	if (!has_low && !has_best && !has_high)
		return TOLL_FIG_EMPTY;
	out->qualifier = '\0';
	if (has_best && !has_low && !has_high) {
		out->low = out->best = out->high = best;
		out->open = 0;
		return TOLL_FIG_OK;
	}
	out->low = has_low ? low : 0;
	out->open = !has_high && has_low;
	out->high = has_high ? high : 0;
	if (has_low && has_high && low > high)
		return TOLL_FIG_LOW_HIGH;
	if (has_best)
		out->best = best;
	else if (out->open)
		out->best = out->low;
	else if (!has_low)
		out->best = out->high;
	else
		out->best = out->low + (out->high - out->low) / 2;  /* floor((low+high)/2) without overflow */
	if (out->best < out->low)
		return TOLL_FIG_BEST_LOW;
	if (!out->open && out->best > out->high)
		return TOLL_FIG_BEST_HIGH;
	return TOLL_FIG_OK;
}

int
toll_range_complete(int has_low, double low, int has_best, double best,
                    int has_high, double high, toll_range *out)
{
	if (!has_low && !has_best && !has_high)
		return TOLL_FIG_EMPTY;
	if (has_best && !has_low && !has_high) {
		out->low = out->best = out->high = best;
		out->open = 0;
		return TOLL_FIG_OK;
	}
	out->low = has_low ? low : 0;
	out->open = !has_high && has_low;
	out->high = has_high ? high : 0;
	if (has_low && has_high && low > high)
		return TOLL_FIG_LOW_HIGH;
	if (has_best)
		out->best = best;
	else if (out->open)
		out->best = out->low;
	else if (!has_low)
		out->best = out->high;
	else
		out->best = floor((out->low + out->high) / 2);
	if (out->best < out->low)
		return TOLL_FIG_BEST_LOW;
	if (!out->open && out->best > out->high)
		return TOLL_FIG_BEST_HIGH;
	return TOLL_FIG_OK;
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
	case TOLL_FIG_BEST_LOW: return "best is below low";
	case TOLL_FIG_BEST_HIGH: return "best is above high";
	case TOLL_FIG_LOW_HIGH: return "low is above high";
	}
	return "unknown error";
}

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

/* Consumes a word followed by at least one space ("at least 49", not "at least49"). */
static int
accept_word(struct cur *c, const char *word)
{
	size_t save = c->i;

	if (!accept(c, word))
		return 0;
	if (c->i >= c->n || c->s[c->i] != ' ') {
		c->i = save;
		return 0;
	}
	skip_spaces(c);
	return 1;
}

/* Reads a number (digits and separators) at the cursor. */
static int
number(struct cur *c, int64_t *v)
{
	size_t start = c->i;

	if (c->i < c->n && c->s[c->i] == '-')
		c->i++;
	while (c->i < c->n && ((c->s[c->i] >= '0' && c->s[c->i] <= '9') ||
	                       c->s[c->i] == ',' || c->s[c->i] == '_'))
		c->i++;
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

int
toll_value_parse(const char *s, size_t len, toll_figure *out)
{
	struct cur c = { s, 0, len };
	int64_t a, b, best;
	int r, op = 0;
	char qual = '\0';

	skip_spaces(&c);
	if (at_end(&c))
		return TOLL_FIG_EMPTY;
	/* Prefix operators: op is 'g' (>=), '>' , 'l' (<=), '<' or '~'. */
	if (accept(&c, ">=") || accept(&c, "\xe2\x89\xa5") || accept_word(&c, "at least"))
		op = 'g';
	else if (accept(&c, ">"))
		op = '>';
	else if (accept(&c, "<=") || accept(&c, "\xe2\x89\xa4") || accept_word(&c, "up to"))
		op = 'l';
	else if (accept(&c, "<"))
		op = '<';
	else if (accept(&c, "~") || accept_word(&c, "about"))
		op = '~';
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
		return toll_figure_complete(1, a, 0, 0, 0, 0, out);
	case 'l':
	case '<':
		if (!at_end(&c))
			return TOLL_FIG_SYNTAX;
		if (op == '<') {
			if (a == 0)
				return TOLL_FIG_SYNTAX;  /* nothing is below 0 */
			a--;
		}
		return toll_figure_complete(0, 0, 0, 0, 1, a, out);
	case '~':
		qual = '~';
		break;
	}
	if (c.i == c.n) {
		r = toll_figure_complete(0, 0, 1, a, 0, 0, out);
		out->qualifier = qual;
		return r;
	}
	if (qual == '\0' && accept(&c, "+")) {
		if (!at_end(&c))
			return TOLL_FIG_SYNTAX;
		return toll_figure_complete(1, a, 0, 0, 0, 0, out);
	}
	if (qual != '\0' || !(accept(&c, "-") || accept(&c, "\xe2\x80\x93")))
		return TOLL_FIG_SYNTAX;
	skip_spaces(&c);
	if ((r = number(&c, &b)) != TOLL_FIG_OK)
		return r;
	if (at_end(&c))
		return toll_figure_complete(1, a, 0, 0, 1, b, out);
	if (!accept(&c, "("))
		return TOLL_FIG_SYNTAX;
	skip_spaces(&c);
	if ((r = number(&c, &best)) != TOLL_FIG_OK)
		return r;
	skip_spaces(&c);
	if (!accept(&c, ")") || !at_end(&c))
		return TOLL_FIG_SYNTAX;
	return toll_figure_complete(1, a, 1, best, 1, b, out);
}
