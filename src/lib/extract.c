/*
 * extract.c: casualty figures out of English news text; see extract.h.
 *
 * A text is cut into sentences, a sentence into tokens (words, numbers,
 * punctuation), and the numbers (digits, number words, vague words) are
 * read as mentions.  Each mention then goes through the rules, in order:
 * not a count (decimals, times, decades, ordinals, percents: the
 * tokenizer), a date, an age, a year, its head noun, its category, a
 * negation, its interval, its kind, its side and status.  A rule either
 * rejects the mention (saying why) or adds to its explanation.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toll/extract.h"
#include "toll/report.h"

const char *const toll_extract_kind_names[4] = { "total", "increment", "previous", "part" };

/* ---- word lists ---- */

/* Whether w is one of the words of list (NULL-terminated). */
static int
in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == w[0] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", NULL
};

/* What people are called: the head nouns of figures. */
static const char *const people[] = {
	"people", "persons", "person", "individuals", "civilians", "civilian", "residents",
	"villagers", "citizens", "nationals", "children", "child", "kids", "babies", "infants",
	"women", "woman", "men", "man", "soldiers", "soldier", "servicemen", "serviceman",
	"servicewomen", "servicemembers", "troops", "fighters", "fighter", "militants", "militant",
	"rebels", "insurgents", "militiamen", "gunmen", "officers", "officer", "policemen",
	"policeman", "police", "guards", "guard", "personnel", "conscripts", "volunteers",
	"reservists", "marines", "sailors", "pilots", "crew", "peacekeepers", "members", "workers",
	"journalists", "doctors", "medics", "students", "pupils", "refugees", "migrants",
	"victims", "pedestrians", "passengers", "worshippers", "protesters", "demonstrators",
	"others", NULL
};

/* Status from the head noun or the words before it. */
static const char *const military[] = {
	"soldiers", "soldier", "servicemen", "serviceman", "servicewomen", "servicemembers",
	"troops", "fighters", "fighter", "militants", "militant", "rebels", "insurgents",
	"militiamen", "gunmen", "officers", "officer", "guards", "guard", "personnel", "conscripts",
	"reservists", "marines", "sailors", "pilots", "peacekeepers", "military", "army",
	"servicemembers", NULL
};
static const char *const civilian[] = {
	"civilians", "civilian", "residents", "villagers", "children", "child", "kids", "babies",
	"infants", "women", "pedestrians", "passengers", "worshippers", NULL
};

/* Words that may stand between a number and its head noun. */
static const char *const modifiers[] = {
	"more", "other", "additional", "further", "young", "old", "elderly", "innocent",
	"unarmed", "armed", "local", "foreign", "military", "civilian", "border", "army",
	"government", "police", "security", "enemy", "allied", "regular", "reserve", "ethnic",
	"wounded", "injured", "seriously", "severely", "critically", "slightly", "lightly",
	"heavily", "badly", "fatally", "mortally", "dead", "killed", "missing", NULL
};

/* Interval words between a verb and the number it governs ("killed at least 170"). */
static const char *const interval_filler[] = {
	"least", "at", "than", "more", "nearly", "about", "some", "around", "over", "up", "to",
	"almost", "another", NULL
};

/* Words that may follow a number standing alone ("2 remain missing", "from 105 to"). */
static const char *const after_alone[] = {
	"remain", "were", "are", "have", "had", "was", "in", "on", "and", "since", "to", "by", "so",
	"after", NULL
};

/* The category a word says, or -1. */
static int
category_of(const char *w)
{
	static const char *const killed[] = {
		"killed", "kill", "kills", "killing", "died", "die", "dies", "dying", "dead",
		"deaths", "death", "fatalities", "fatality", "bodies", "lives", "perished",
		"slain", "murdered", "executed", "massacred", "martyred", "martyrs", NULL
	};
	static const char *const wounded[] = {
		"wounded", "wounding", "injured", "injuring", "injuries", "hurt", "wounds", NULL
	};
	static const char *const missing[] = { "missing", "disappeared", NULL };
	static const char *const captured[] = {
		"captured", "capturing", "prisoners", "prisoner", "captives", "hostages", "detained",
		"abducted", "kidnapped", NULL
	};

	if (in(w, killed))
		return TOLL_CAT_KILLED;
	if (in(w, wounded))
		return TOLL_CAT_WOUNDED;
	if (in(w, missing))
		return TOLL_CAT_MISSING;
	if (in(w, captured))
		return TOLL_CAT_CAPTURED;
	if (strcmp(w, "casualties") == 0)
		return TOLL_CAT_CASUALTIES;
	return -1;
}

/* Demonyms and the sides they name; another party is another line. */
static const struct { const char *demonym, *side; } sides[] = {
	{ "armenian", "Armenia" }, { "armenians", "Armenia" },
	{ "azerbaijani", "Azerbaijan" }, { "azerbaijanis", "Azerbaijan" }, { "azeri", "Azerbaijan" },
	{ "azeris", "Azerbaijan" }, { "karabakh", "Artsakh" }, { "artsakh", "Artsakh" },
	{ "russian", "Russia" }, { "russians", "Russia" }, { "ukrainian", "Ukraine" },
	{ "ukrainians", "Ukraine" }, { "georgian", "Georgia" }, { "turkish", "Turkey" },
	{ "iranian", "Iran" }, { "iraqi", "Iraq" }, { "syrian", "Syria" }, { "israeli", "Israel" },
	{ "palestinian", "Palestine" }, { "lebanese", "Lebanon" }, { "afghan", "Afghanistan" },
	{ "yemeni", "Yemen" }, { "sudanese", "Sudan" }, { "malian", "Mali" },
	{ "nigerian", "Nigeria" }, { "ethiopian", "Ethiopia" }, { "somali", "Somalia" },
	{ "kurdish", "Kurds" }, { "american", "United States" }, { "british", "United Kingdom" },
	{ "french", "France" },
};

const char *
toll_extract_side(const char *word, size_t len)
{
	char low[32];
	size_t i;

	if (len >= sizeof low)
		return NULL;
	for (i = 0; i < len; i++)
		low[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a' : word[i]);
	low[len] = '\0';
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++)
		if (strcmp(low, sides[i].demonym) == 0)
			return sides[i].side;
	return NULL;
}

/*
 * The side a word of a speaker's name gives: a demonym ("Armenian") or a
 * side's own name ("Azerbaijan", "Azerbaijan's", "Armenia’s"), or NULL.
 */
static const char *
speaker_side(const char *word, size_t len)
{
	char low[32];
	size_t i;

	/* The possessive: Armenia's, Armenia’s, the Armenians' and the Armenians’. */
	if (len > 2 && word[len - 1] == 's' && word[len - 2] == '\'')
		len -= 2;
	else if (len > 4 && word[len - 1] == 's' && memcmp(word + len - 4, "\xe2\x80\x99", 3) == 0)
		len -= 4;
	else if (len > 1 && word[len - 1] == '\'')
		len--;
	else if (len > 3 && memcmp(word + len - 3, "\xe2\x80\x99", 3) == 0)
		len -= 3;
	if (toll_extract_side(word, len) != NULL)
		return toll_extract_side(word, len);
	if (len >= sizeof low)
		return NULL;
	for (i = 0; i < len; i++)
		low[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a' : word[i]);
	low[len] = '\0';
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		size_t k;
		const char *sd = sides[i].side;

		for (k = 0; sd[k] != '\0' && k < len; k++)
			if ((char)(sd[k] >= 'A' && sd[k] <= 'Z' ? sd[k] - 'A' + 'a' : sd[k]) != low[k])
				break;
		if (k == len && sd[k] == '\0')
			return sd;
	}
	return NULL;
}

/* ---- tokens ---- */

enum { T_WORD, T_NUM, T_PUNCT, T_OTHERNUM };

struct tok {
	const char *s;
	size_t len;
	int type;
	int decimal;          /* T_NUM: has a fraction ("6.5") or an exponent ("2e3") */
	const char *other;    /* T_OTHERNUM: what kind of number it is, for --explain */
	char low[24];         /* lower-case ASCII form of a word (longer words: empty) */
};

#define MAX_TOKS 512

struct sentence {
	const char *s;        /* the sentence */
	size_t len;
	struct tok t[MAX_TOKS];
	int n;
	int cut;              /* the sentence has more tokens than fit: t[] holds the first MAX_TOKS */
	int grow_known;       /* grow below is set */
	const char *grow;     /* the word of "could be higher" and the like, or NULL */
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes of a UTF-8 punctuation mark at p (dashes, quotes, ellipsis: U+2000-U+206F but ’), else 0. */
static size_t
utf8_punct(const unsigned char *p, const unsigned char *e)
{
	if (e - p >= 3 && p[0] == 0xe2 && p[1] == 0x80 && p[2] != 0x99)
		return 3;
	if (e - p >= 2 && p[0] == 0xc2 && (p[1] == 0xab || p[1] == 0xbb || p[1] == 0xa0))
		return 2;   /* « » and the no-break space */
	return 0;
}

static void
add_tok(struct sentence *st, const char *s, size_t len, int type)
{
	struct tok *t;
	size_t i;

	if (st->n >= MAX_TOKS) {
		st->cut = 1;
		return;
	}
	t = &st->t[st->n++];
	t->s = s;
	t->len = len;
	t->type = type;
	t->decimal = 0;
	t->other = NULL;
	t->low[0] = '\0';
	if (type == T_WORD && len < sizeof t->low) {
		for (i = 0; i < len; i++)
			t->low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		t->low[len] = '\0';
	}
}

/*
 * A number written in digits at p: groups of three after ',' or a space,
 * a fraction after '.'.  What follows decides whether it is a count: a
 * decade (1990s), an ordinal (13th), a time (09:00), a percent, an age
 * (25-year-old) are other numbers.  Returns the bytes read; *type is set.
 */
static size_t
digits_token(const char *p, const char *e, int *type, int *decimal, const char **other)
{
	const char *q = p;

	*type = T_NUM;
	*decimal = 0;
	*other = NULL;
	while (q < e && is_digit((unsigned char)*q))
		q++;
	for (;;) {
		if (q + 3 < e + 1 && (q[0] == ',' || q[0] == ' ') && q + 4 <= e && is_digit(q[1]) &&
		    is_digit(q[2]) && is_digit(q[3]) && (q + 4 == e || !is_digit((unsigned char)q[4])) &&
		    q - p <= 3 + 4 * 5)
			q += 4;
		else
			break;
	}
	if (q + 1 < e && q[0] == '.' && is_digit((unsigned char)q[1])) {
		q++;
		while (q < e && is_digit((unsigned char)*q))
			q++;
		*decimal = 1;
	}
	/* An exponent, as spreadsheets write numbers: "2e3", "1.5E+06". */
	if (q + 1 < e && (*q == 'e' || *q == 'E') &&
	    (is_digit((unsigned char)q[1]) ||
	     (q + 2 < e && (q[1] == '+' || q[1] == '-') && is_digit((unsigned char)q[2])))) {
		const char *x = q + 1 + (q[1] == '+' || q[1] == '-');

		while (x < e && is_digit((unsigned char)*x))
			x++;
		if (x == e || !is_alpha((unsigned char)*x)) {
			*decimal = 1;
			return (size_t)(x - p);
		}
	}
	if (q < e && (*q == ':' || *q == '%') ) {
		*type = T_OTHERNUM;
		*other = *q == ':' ? "a time of day" : "a percentage";
		if (*q == ':')
			while (q < e && (is_digit((unsigned char)*q) || *q == ':'))
				q++;
		else
			q++;
	} else if (q < e && is_alpha((unsigned char)*q)) {
		/* 1990s, 13th, 2nd, 5km: not a count of people. */
		const char *a = q;

		*type = T_OTHERNUM;
		while (q < e && (is_alpha((unsigned char)*q) || is_digit((unsigned char)*q)))
			q++;
		if (q - a == 1 && (*a == 's' || *a == 'S'))
			*other = "a decade";
		else if (q - a == 2 && (strncmp(a, "st", 2) == 0 || strncmp(a, "nd", 2) == 0 ||
		                        strncmp(a, "rd", 2) == 0 || strncmp(a, "th", 2) == 0))
			*other = "an ordinal";
		else
			*other = "a measure or a code";
	} else if (q + 1 < e && *q == '-' && is_alpha((unsigned char)q[1])) {
		/* 25-year-old, 3-day */
		*type = T_OTHERNUM;
		*other = "an age or a length of time";
		while (q < e && (is_alpha((unsigned char)*q) || *q == '-' || is_digit((unsigned char)*q)))
			q++;
	}
	return (size_t)(q - p);
}

static void
tokenize(struct sentence *st)
{
	const unsigned char *p = (const unsigned char *)st->s, *e = p + st->len;

	st->n = 0;
	st->cut = 0;
	while (p < e && !st->cut) {
		size_t k;

		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
		} else if ((k = utf8_punct(p, e)) > 0) {
			if (!(k == 2 && p[1] == 0xa0))
				add_tok(st, (const char *)p, k, T_PUNCT);
			p += k;
		} else if (is_digit(*p)) {
			int type, decimal, before = st->n;
			const char *other;

			k = digits_token((const char *)p, (const char *)e, &type, &decimal, &other);
			add_tok(st, (const char *)p, k, type);
			/* Only when it was added: past MAX_TOKS it was not, and the last is another's. */
			if (st->n > before) {
				st->t[st->n - 1].decimal = decimal;
				st->t[st->n - 1].other = other;
			}
			p += k;
		} else if (is_alpha(*p) || *p >= 0x80) {
			const unsigned char *q = p;

			while (q < e) {
				if (is_alpha(*q) || is_digit(*q) || *q == '\'')
					q++;
				else if (*q >= 0x80 && utf8_punct(q, e) == 0)
					q++;
				else if (e - q >= 3 && q[0] == 0xe2 && q[1] == 0x80 && q[2] == 0x99)
					q += 3;   /* ’ */
				else if (*q == '-' && q + 1 < e && is_alpha(q[1]))
					q++;
				else
					break;
			}
			add_tok(st, (const char *)p, (size_t)(q - p), T_WORD);
			p = q;
		} else {
			add_tok(st, (const char *)p, 1, T_PUNCT);
			p++;
		}
	}
}

/* ---- numbers ---- */

static int
small_number(const char *w)
{
	static const char *const units[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", NULL
	};
	static const char *const tens[] = {
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL
	};
	int i;
	const char *dash;

	/* Number words start with one of these letters: most words go no further. */
	if (w[0] == '\0' || strchr("otfsenz", w[0]) == NULL)
		return -1;
	dash = strchr(w, '-');
	for (i = 0; units[i]; i++)
		if (strcmp(w, units[i]) == 0)
			return i;
	for (i = 0; tens[i]; i++) {
		size_t n = strlen(tens[i]);

		if (strncmp(w, tens[i], n) == 0) {
			if (w[n] == '\0')
				return 20 + 10 * i;
			if (dash == w + n) {
				int u = small_number(w + n + 1);

				if (u >= 1 && u <= 9)
					return 20 + 10 * i + u;
			}
		}
	}
	return -1;
}

/* More people than live on Earth: no count of casualties. */
#define MAX_PEOPLE 1e10
#define TOO_LARGE "larger than any count of people (more than 10 billion)"

/* A number mention: tokens [first, last], its value; vague for "dozens". */
struct mention {
	int first, last;
	int64_t value;
	int64_t high;         /* the end of a range ("20 to 100"), or -1 */
	int vague;
	int words;            /* written in words */
	const char *other;    /* not a count (a time, a decade...): why, for --explain */
};

/*
 * Reads the number at token i: digits (with a scale word: "6.5 million"),
 * number words ("forty-nine", "a hundred", "two hundred and fifty"), vague
 * words ("dozens of": ACLED's codes).  Returns 1 with *m filled, 0 when
 * token i starts no count; *why says why a number is not one.
 */
static int
read_number(const struct sentence *st, int i, struct mention *m, const char **why)
{
	const struct tok *t = &st->t[i];
	int j = i;
	double v = 0;

	*why = NULL;
	m->first = i;
	m->high = -1;
	m->vague = 0;
	m->words = 0;
	m->other = NULL;
	if (t->type == T_NUM) {
		int r;

		if (t->decimal) {
			if ((r = toll_decimal_parse(t->s, t->len, &v)) != TOLL_FIG_OK) {
				*why = r == TOLL_FIG_RANGE ? TOO_LARGE : "not a number toll can read";
				return 0;
			}
		} else {
			int64_t x;

			if ((r = toll_number_parse(t->s, t->len, &x)) != TOLL_FIG_OK) {
				*why = r == TOLL_FIG_RANGE ? TOO_LARGE : "not a whole number toll can read";
				return 0;
			}
			v = (double)x;
		}
	} else if (t->type == T_WORD) {
		int x;

		if (strcmp(t->low, "tens") == 0 || strcmp(t->low, "dozens") == 0 ||
		    strcmp(t->low, "scores") == 0 || strcmp(t->low, "hundreds") == 0 ||
		    strcmp(t->low, "thousands") == 0) {
			m->vague = 1;
			m->value = t->low[0] == 't' && t->low[1] == 'e' ? 10 : t->low[0] == 'd' ? 12
			         : t->low[0] == 's' ? 20 : t->low[0] == 'h' ? 100 : 1000;
			m->last = i + 1 < st->n && strcmp(st->t[i + 1].low, "of") == 0 ? i + 1 : i;
			m->words = 1;
			return 1;
		}
		if ((strcmp(t->low, "a") == 0 || strcmp(t->low, "one") == 0) && i + 1 < st->n &&
		    (strcmp(st->t[i + 1].low, "million") == 0 || strcmp(st->t[i + 1].low, "billion") == 0)) {
			/* "a million", "one billion": the scale word below makes it. */
			x = 1;
		} else if (strcmp(t->low, "a") == 0 && i + 1 < st->n &&
		    (strcmp(st->t[i + 1].low, "hundred") == 0 || strcmp(st->t[i + 1].low, "dozen") == 0 ||
		     strcmp(st->t[i + 1].low, "thousand") == 0)) {
			x = st->t[i + 1].low[0] == 'h' ? 100 : st->t[i + 1].low[0] == 'd' ? 12 : 1000;
			j = i + 1;
		} else if ((x = small_number(t->low)) < 0) {
			return 0;
		}
		v = x;
		m->words = 1;
		if (j + 1 < st->n && strcmp(st->t[j + 1].low, "hundred") == 0 && x > 0 && x < 10) {
			v = x * 100;
			j++;
			if (j + 2 < st->n && strcmp(st->t[j + 1].low, "and") == 0 &&
			    (x = small_number(st->t[j + 2].low)) > 0 && x < 100) {
				v += x;
				j += 2;
			}
		}
	} else {
		return 0;
	}
	/* A scale word: "6.5 million", "two thousand". */
	if (j + 1 < st->n && st->t[j + 1].type == T_WORD) {
		const char *w = st->t[j + 1].low;

		if (strcmp(w, "thousand") == 0)
			v *= 1e3, j++;
		else if (strcmp(w, "million") == 0)
			v *= 1e6, j++;
		else if (strcmp(w, "billion") == 0)
			v *= 1e9, j++;
	}
	/* In range first: converting a larger double to an integer is undefined. */
	if (!(v >= 0 && v <= MAX_PEOPLE)) {
		*why = TOO_LARGE;
		return 0;
	}
	if (v != (double)(int64_t)v) {
		*why = "a fraction, not a count";
		return 0;
	}
	m->value = (int64_t)v;
	m->last = j;
	return 1;
}

/* ---- the rules ---- */

struct ctx {
	const char *text;
	size_t base;
	toll_extract_found_fn found;
	toll_extract_rejected_fn rejected;
	void *arg;
};

static void
reject(const struct ctx *c, const struct sentence *st, const struct mention *m, const char *why)
{
	toll_rejected r;

	if (c->rejected == NULL)
		return;
	r.offset = c->base + (size_t)(st->t[m->first].s - c->text);
	r.number = st->t[m->first].s;
	r.number_len = (size_t)(st->t[m->last].s + st->t[m->last].len - st->t[m->first].s);
	r.why = why;
	c->rejected(c->arg, &r);
}

/* Appends a step to an explanation, after "; ". */
static void
say(char *buf, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void
say(char *buf, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n > 0 && n + 2 < TOLL_EXTRACT_EXPLAIN) {
		memcpy(buf + n, "; ", 3);
		n += 2;
	}
	if (n < TOLL_EXTRACT_EXPLAIN) {
		va_start(ap, fmt);
		vsnprintf(buf + n, TOLL_EXTRACT_EXPLAIN - n, fmt, ap);
		va_end(ap);
	}
}

static int
word_at(const struct sentence *st, int i, const char *w)
{
	return i >= 0 && i < st->n && st->t[i].type == T_WORD && strcmp(st->t[i].low, w) == 0;
}

/* Whether the words w[0..] (NULL-terminated) end at token i (inclusive). */
static int
phrase_before(const struct sentence *st, int i, const char *const *w, int *start)
{
	int n = 0, k;

	while (w[n])
		n++;
	for (k = 0; k < n; k++)
		if (!word_at(st, i - n + 1 + k, w[k]))
			return 0;
	*start = i - n + 1;
	return 1;
}

/* Whether the sentence says its figure may grow: "a figure that could be higher". */
static const char *
may_grow_scan(const struct sentence *st)
{
	static const char *const phrases[][4] = {
		{ "could", "be", "higher", NULL }, { "may", "be", "higher", NULL },
		{ "could", "rise", NULL, NULL }, { "may", "rise", NULL, NULL },
		{ "expected", "to", "rise", NULL }, { "likely", "to", "rise", NULL },
		{ "feared", "to", "be", "higher" }, { "could", "be", "more", NULL },
	};
	int i, start;
	size_t k;

	for (i = 0; i < st->n; i++)
		for (k = 0; k < sizeof phrases / sizeof phrases[0]; k++) {
			int n = 0;

			while (n < 4 && phrases[k][n])
				n++;
			if (phrase_before(st, i, phrases[k], &start))
				return phrases[k][n - 1];
		}
	return NULL;
}

/* The same, found once per sentence. */
static const char *
may_grow(struct sentence *st)
{
	if (!st->grow_known) {
		st->grow = may_grow_scan(st);
		st->grow_known = 1;
	}
	return st->grow;
}

/* The first token of the clause holding token i: after the last ',' ';' ':' before it. */
static int
clause_start(const struct sentence *st, int i)
{
	while (i > 0 && !(st->t[i - 1].type == T_PUNCT &&
	                  (st->t[i - 1].s[0] == ';' || st->t[i - 1].s[0] == ':' ||
	                   st->t[i - 1].s[0] == '(' || st->t[i - 1].s[0] == ')')))
		i--;
	return i;
}

/* Interval words before a number, as the value notation writes them. */
static const struct { const char *words[4]; const char *notation; } interval_words[] = {
	{ { "at", "least", NULL }, "at least" }, { { "no", "fewer", "than", NULL }, "at least" },
	{ { "no", "less", "than", NULL }, "at least" }, { { "more", "than", NULL }, "more than" },
	{ { "over", NULL }, "more than" }, { { "above", NULL }, "more than" },
	{ { "up", "to", NULL }, "up to" }, { { "as", "many", "as", NULL }, "up to" },
	{ { "at", "most", NULL }, "up to" }, { { "no", "more", "than", NULL }, "up to" },
	{ { "fewer", "than", NULL }, "fewer than" }, { { "less", "than", NULL }, "fewer than" },
	{ { "under", NULL }, "fewer than" }, { { "about", NULL }, "about" },
	{ { "around", NULL }, "about" }, { { "approximately", NULL }, "about" },
	{ { "roughly", NULL }, "about" }, { { "some", NULL }, "about" },
	{ { "nearly", NULL }, "nearly" }, { { "almost", NULL }, "almost" },
	{ { "close", "to", NULL }, "about" }, { { "an", "estimated", NULL }, "about" },
	{ { "estimated", NULL }, "about" },
};

/*
 * Rule: the claimant, the party whose figure it is: a side named in the
 * speaker of a reporting verb ("Armenian Prime Minister Nikol Pashinyan
 * said", "according to Azerbaijan's defence ministry", ", said Armenia's
 * parliament speaker"), the verb nearest the number that names one.  No
 * side named (AFP reported, officials said): none, an independent source.
 */
static const char *
claimant_of(const struct sentence *st, const struct mention *m, int *verb)
{
	static const char *const verbs[] = {
		"said", "says", "say", "told", "tells", "announced", "announces", "reported", "reports",
		"stated", "states", "confirmed", "confirms", "claimed", "claims", "added", "wrote",
		"declared", "declares", "according", NULL
	};
	const char *best = NULL;
	int i, j, dist = INT32_MAX;

	for (i = 0; i < st->n; i++) {
		const char *found = NULL;
		int d;

		if (st->t[i].type != T_WORD || !in(st->t[i].low, verbs))
			continue;
		if (strcmp(st->t[i].low, "according") == 0) {
			if (!word_at(st, i + 1, "to"))
				continue;
			for (j = i + 2; j < st->n && j <= i + 10 && st->t[j].type == T_WORD && found == NULL; j++)
				found = speaker_side(st->t[j].s, st->t[j].len);
		} else {
			/* The speaker before the verb, in its clause; else after it (", said X"). */
			for (j = i - 1; j >= 0 && j >= i - 10 && st->t[j].type == T_WORD && found == NULL; j--)
				found = speaker_side(st->t[j].s, st->t[j].len);
			if (found == NULL && i > 0 && st->t[i - 1].type == T_PUNCT)
				for (j = i + 1; j < st->n && j <= i + 8 && st->t[j].type == T_WORD && found == NULL; j++)
					found = speaker_side(st->t[j].s, st->t[j].len);
		}
		d = i < m->first ? m->first - i : i - m->last;
		if (found != NULL && d < dist) {
			best = found;
			dist = d;
			*verb = i;
		}
	}
	return best;
}

/*
 * One function (236 lines): the rules of a number mention, one after another
 * in the order toll(7) gives them, each rejecting with its reason or adding
 * to the explanation; split, the order would no longer read from top to
 * bottom.
 */
static void
examine(const struct ctx *c, struct sentence *st, struct mention *m, struct mention *all,
        int nall, int mi)
{
	toll_extracted x;
	const struct tok *first = &st->t[m->first];
	int i, head = -1, cat = -1, cat_at = -1, start, kind = TOLL_EXTRACT_TOTAL, own = 0, verb = -1;
	const char *side = NULL, *grow, *notation = NULL, *stat_word = NULL, *claimant;
	int status = TOLL_STATUS_ALL;
	char value[96];
	toll_range g;

	memset(&x, 0, sizeof x);
	/* Rule: a day of a month ("September 13", "13 September"). */
	if ((m->first > 0 && st->t[m->first - 1].type == T_WORD && in(st->t[m->first - 1].low, months)) ||
	    (m->last + 1 < st->n && st->t[m->last + 1].type == T_WORD &&
	     in(st->t[m->last + 1].low, months))) {
		reject(c, st, m, "date: a day of a month");
		return;
	}
	/* Rule: an age ("aged 25", "25 years old"). */
	if (word_at(st, m->first - 1, "aged") || word_at(st, m->first - 1, "age") ||
	    (word_at(st, m->last + 1, "years") && word_at(st, m->last + 2, "old"))) {
		reject(c, st, m, "age");
		return;
	}
	/* Rule: a year (four digits from 1800 to 2100), unless people follow at once. */
	if (!m->words && first->len == 4 && m->value >= 1800 && m->value <= 2100 &&
	    !(m->last + 1 < st->n && in(st->t[m->last + 1].low, people))) {
		reject(c, st, m, "year");
		return;
	}
	/* Rule: the head noun, past the words that may stand before it. */
	for (i = m->last + 1; i < st->n && i <= m->last + 6; i++) {
		const struct tok *t = &st->t[i];

		if (t->type != T_WORD)
			break;
		if (toll_extract_side(t->s, t->len) != NULL) {
			side = toll_extract_side(t->s, t->len);
			continue;
		}
		/* "50 of its soldiers": the head is past the determiner. */
		if (strcmp(t->low, "of") == 0 && i == m->last + 1 && i + 1 < st->n &&
		    (word_at(st, i + 1, "its") || word_at(st, i + 1, "their") ||
		     word_at(st, i + 1, "his") || word_at(st, i + 1, "our") ||
		     word_at(st, i + 1, "the"))) {
			own = !word_at(st, i + 1, "the");
			i++;
			continue;
		}
		if (strcmp(t->low, "more") == 0 && i == m->last + 1 && i + 1 < st->n &&
		    st->t[i + 1].type == T_WORD)
			kind = TOLL_EXTRACT_INCREMENT;   /* "16 more servicemen", "16 more were killed" */
		if (in(t->low, people) || (category_of(t->low) >= 0 && !in(t->low, modifiers))) {
			head = i;
			break;
		}
		if (category_of(t->low) >= 0 && (i + 1 >= st->n || st->t[i + 1].type != T_WORD ||
		                                  !in(st->t[i + 1].low, people))) {
			head = i;   /* "6,500 dead", "49 killed" */
			break;
		}
		if (!in(t->low, modifiers))
			break;
		if (category_of(t->low) >= 0 && cat < 0) {
			cat = category_of(t->low);   /* "five wounded soldiers" */
			cat_at = i;
		}
	}
	if (head < 0 && word_at(st, m->last + 1, "of") &&
	    (word_at(st, m->last + 2, "them") || word_at(st, m->last + 2, "whom") ||
	     word_at(st, m->last + 2, "those"))) {
		kind = TOLL_EXTRACT_PART;
		head = m->last + 2;
	}
	/* "at least 20 soldiers, and possibly up to 100, were killed" */
	if (head >= 0 && m->high < 0)
		for (i = head + 1; i < st->n && i <= head + 5; i++)
			if ((word_at(st, i, "possibly") || word_at(st, i, "perhaps") ||
			     word_at(st, i, "maybe")) && word_at(st, i + 1, "up") && word_at(st, i + 2, "to")) {
				int k;

				for (k = mi + 1; k < nall; k++)
					if (all[k].first == i + 3 && all[k].value >= m->value) {
						m->high = all[k].value;
						all[k].first = -1;   /* read here */
						break;
					}
				break;
			}
	if (cat < 0) {
		/*
		 * Rule: the category.  Of the head itself ("6,500 dead"); else of a
		 * verb whose object the number is ("killed at least 170 people");
		 * else of the words after it, up to the next number ("49 soldiers
		 * died", "2 remain missing"); else of the words before it in its
		 * clause ("the death toll rose to 105").
		 */
		int s0 = clause_start(st, m->first), before = m->first - 1, stop;

		if (head >= 0 && (cat = category_of(st->t[head].low)) >= 0)
			cat_at = head;
		while (cat < 0 && before >= s0 && st->t[before].type == T_WORD &&
		       in(st->t[before].low, interval_filler))
			before--;
		if (cat < 0 && before >= s0 && st->t[before].type == T_WORD &&
		    category_of(st->t[before].low) >= 0 && strcmp(st->t[before].low, "dead") != 0) {
			cat = category_of(st->t[before].low);
			cat_at = before;
		}
		stop = mi + 1 < nall ? all[mi + 1].first : st->n;
		if (stop < 0)
			stop = mi + 2 < nall ? all[mi + 2].first : st->n;
		for (i = (head >= 0 ? head : m->last) + 1; cat < 0 && i < st->n && i <= m->last + 12; i++) {
			if (stop >= 0 && i >= stop)
				break;
			if (st->t[i].type == T_PUNCT && (st->t[i].s[0] == ';' || st->t[i].s[0] == '.'))
				break;
			if (st->t[i].type == T_WORD && category_of(st->t[i].low) >= 0) {
				cat = category_of(st->t[i].low);
				cat_at = i;
			}
		}
		for (i = m->first - 1; cat < 0 && i >= s0 && i >= m->first - 10; i--)
			if (st->t[i].type == T_WORD && category_of(st->t[i].low) >= 0) {
				cat = category_of(st->t[i].low);
				cat_at = i;
			}
	}
	if (head < 0 && cat < 0) {
		if (m->last + 1 < st->n && st->t[m->last + 1].type == T_WORD)
			reject(c, st, m, "head: what it counts is not people");
		else
			reject(c, st, m, "head: it counts nothing named");
		return;
	}
	if (head < 0 && m->last + 1 < st->n && st->t[m->last + 1].type == T_WORD &&
	    !in(st->t[m->last + 1].low, modifiers) && category_of(st->t[m->last + 1].low) < 0 &&
	    !in(st->t[m->last + 1].low, after_alone)) {
		reject(c, st, m, "head: what it counts is not people");
		return;
	}
	if (head >= 0)
		say(x.explain, "head: '%s'", st->t[head].low);
	else
		say(x.explain, "head: none (the number stands alone)");
	if (cat < 0) {
		reject(c, st, m, "category: no word of death, injury, disappearance or capture");
		return;
	}
	/* "killed or missing", "dead or missing", "killed and wounded". */
	if (cat == TOLL_CAT_KILLED && (word_at(st, cat_at + 1, "or") || word_at(st, cat_at + 1, "and")) &&
	    cat_at + 2 < st->n && category_of(st->t[cat_at + 2].low) == TOLL_CAT_MISSING)
		cat = TOLL_CAT_KILLED_OR_MISSING;
	else if (cat == TOLL_CAT_KILLED && (word_at(st, cat_at + 1, "or") || word_at(st, cat_at + 1, "and")) &&
	         cat_at + 2 < st->n && category_of(st->t[cat_at + 2].low) == TOLL_CAT_WOUNDED)
		cat = TOLL_CAT_CASUALTIES;
	say(x.explain, "category: %s ('%s')", toll_category_names[cat], st->t[cat_at].low);
	/* Rule: a negation of the category ("were not killed", "no one died"). */
	if (cat_at > 0 && (word_at(st, cat_at - 1, "not") || word_at(st, cat_at - 1, "never") ||
	                   word_at(st, cat_at - 2, "not") || word_at(st, m->first - 1, "no"))) {
		reject(c, st, m, "negation");
		return;
	}
	/* Rule: status and side from the noun phrase. */
	for (i = m->last + 1; i <= head && i < st->n; i++) {
		if (st->t[i].type != T_WORD)
			continue;
		if (in(st->t[i].low, military)) {
			status = TOLL_STATUS_MILITARY;
			stat_word = st->t[i].low;
		} else if (in(st->t[i].low, civilian)) {
			status = TOLL_STATUS_CIVILIAN;
			stat_word = st->t[i].low;
		}
	}
	if (side == NULL && m->first > 0 && st->t[m->first - 1].type == T_WORD)
		side = toll_extract_side(st->t[m->first - 1].s, st->t[m->first - 1].len);
	if ((claimant = claimant_of(st, m, &verb)) != NULL)
		say(x.explain, "claimant: %s ('%s')", claimant, st->t[verb].low);
	/* "the ministry said 50 of its servicemen": the claimant's own. */
	if (side == NULL && own && claimant != NULL) {
		side = claimant;
		say(x.explain, "side: %s (its own)", side);
	} else if (side != NULL) {
		say(x.explain, "side: %s", side);
	}
	if (stat_word != NULL)
		say(x.explain, "status: %s ('%s')", toll_status_names[status], stat_word);
	/* Rule: the kind. */
	if (word_at(st, m->first - 1, "another") || word_at(st, m->first - 1, "additional"))
		kind = TOLL_EXTRACT_INCREMENT;
	if (word_at(st, m->first - 1, "from") && (word_at(st, m->last + 1, "to") ||
	                                          word_at(st, m->last + 1, "dead")) )
		kind = TOLL_EXTRACT_PREVIOUS;
	if (word_at(st, m->first - 1, "including") ||
	    (word_at(st, m->first - 1, "them") && word_at(st, m->first - 2, "among")))
		kind = TOLL_EXTRACT_PART;
	/* Rule: the interval words before it, a range after it, a figure that may grow. */
	for (i = 0; i < (int)(sizeof interval_words / sizeof interval_words[0]); i++)
		if (phrase_before(st, m->first - 1, interval_words[i].words, &start)) {
			notation = interval_words[i].notation;
			break;
		}
	if (m->vague) {
		snprintf(value, sizeof value, "at least %lld", (long long)m->value);
		say(x.explain, "number: vague word '%s' (at least, as ACLED codes it)", first->low);
	} else if (m->high >= 0) {
		snprintf(value, sizeof value, "%lld-%lld", (long long)m->value, (long long)m->high);
		say(x.explain, "interval: a range ('%s')", value);
	} else if (notation != NULL) {
		snprintf(value, sizeof value, "%s %lld", notation, (long long)m->value);
		say(x.explain, "interval: '%s'", notation);
	} else if ((grow = may_grow(st)) != NULL && kind == TOLL_EXTRACT_TOTAL) {
		snprintf(value, sizeof value, "at least %lld", (long long)m->value);
		say(x.explain, "interval: open (the sentence says it may grow: '%s')", grow);
	} else {
		snprintf(value, sizeof value, "%lld", (long long)m->value);
	}
	if (toll_value_parse(value, strlen(value), &g) != TOLL_FIG_OK) {
		reject(c, st, m, "interval: not a figure toll can read");
		return;
	}
	toll_figure_from_range(&g, &x.fig);
	if (m->vague)
		x.fig.qualifier = 'v';
	say(x.explain, "kind: %s", toll_extract_kind_names[kind]);
	x.offset = c->base + (size_t)(st->s - c->text);
	x.quote = st->s;
	x.quote_len = st->len;
	x.category = cat;
	x.status = status;
	x.side = side ? side : "all";
	x.claimant = claimant;
	x.kind = kind;
	c->found(c->arg, &x);
}

/*
 * Numbers of a sentence examined at once, and the tokens of context a
 * window of a long sentence keeps on each side of those it examines.
 */
#define MAX_MENTIONS 64
#define OVERLAP 64

/*
 * The numbers of the window st that start in bytes [from, upto) of the
 * text are examined (or explained); with upto NULL, those from from on
 * when the window holds the rest of the sentence, else none.  Returns
 * the token where the window ran out of room (its tokens, or
 * MAX_MENTIONS numbers of a kind), or -1 when it holds the rest.
 */
static int
one_window(const struct ctx *c, struct sentence *st, const char *from, const char *upto)
{
	struct mention m[MAX_MENTIONS], other[MAX_MENTIONS];
	int order[2 * MAX_MENTIONS];   /* the numbers in the text's order: i >= 0 a count m[i], else other[-1 - i] */
	int n = 0, no = 0, nord = 0, i, full = -1, stop;

	tokenize(st);
	st->grow_known = 0;
	for (i = 0; i < st->n; i++) {
		const char *why;

		if (n == MAX_MENTIONS || no == MAX_MENTIONS) {
			full = i;
			break;
		}
		if (st->t[i].type == T_OTHERNUM) {
			other[no].first = other[no].last = i;
			other[no].other = st->t[i].other;
			order[nord++] = -1 - no++;
			continue;
		}
		if (read_number(st, i, &m[n], &why)) {
			i = m[n].last;
			order[nord++] = n++;
		} else if (why != NULL) {
			other[no].first = other[no].last = i;
			other[no].other = why;
			order[nord++] = -1 - no++;
		}
	}
	/* Ranges: "between 20 and 100", "20 to 100", "20-100" are one mention. */
	for (i = 0; i + 1 < n; i++) {
		struct mention *a = &m[i], *b = &m[i + 1];
		const struct tok *mid = &st->t[a->last + 1];
		int dash = mid->type == T_PUNCT && (mid->s[0] == '-' || (mid->len == 3 &&
		           (unsigned char)mid->s[2] >= 0x92 && (unsigned char)mid->s[2] <= 0x94));

		if (b->first != a->last + 2 || b->value < a->value || a->vague || b->vague)
			continue;
		if ((word_at(st, a->last + 1, "and") && word_at(st, a->first - 1, "between")) ||
		    ((word_at(st, a->last + 1, "to") || dash) && !word_at(st, a->first - 1, "from"))) {
			a->high = b->value;
			a->last = b->last;
			b->first = -1;
		}
	}
	stop = full >= 0 ? full : st->cut ? st->n : -1;
	if (upto == NULL && stop >= 0)
		return stop;
	/* A window's figures quote the window, not the rest of a sentence that may run on for megabytes. */
	if (stop >= 0 && st->n > 0)
		st->len = (size_t)(st->t[st->n - 1].s + st->t[st->n - 1].len - st->s);
	/* Each number said in the text's order and in this window's part: the counts examined, the others explained. */
	for (i = 0; i < nord; i++) {
		const struct mention *x = order[i] < 0 ? &other[-1 - order[i]] : &m[order[i]];
		const char *at = x->first >= 0 ? st->t[x->first].s : NULL;

		if (at == NULL || at < from || (upto != NULL && at >= upto))
			continue;
		if (order[i] < 0)
			reject(c, st, x, x->other);
		else
			examine(c, st, &m[order[i]], m, n, order[i]);
	}
	return stop;
}

/*
 * A sentence, in windows when it is longer than one (MAX_TOKS tokens, or
 * MAX_MENTIONS numbers): each window examines the numbers of its middle,
 * with OVERLAP tokens of the sentence around them, and the next starts
 * OVERLAP tokens before where this one's numbers end: every number is
 * examined once, none lost.
 */
static void
one_sentence(const struct ctx *c, struct sentence *st)
{
	const char *s = st->s, *end = st->s + st->len, *from = st->s;

	for (;;) {
		int stop = one_window(c, st, from, NULL), last;
		const char *upto, *next;

		if (stop < 0)
			return;   /* the rest was examined */
		/* Numbers from token last on are the next window's, with their context before them. */
		last = stop - OVERLAP > OVERLAP ? stop - OVERLAP : stop > 1 ? stop / 2 : 1;
		upto = st->t[last].s;
		one_window(c, st, from, upto);
		next = st->t[last - OVERLAP > 0 ? last - OVERLAP : 0].s;
		if (next <= s)
			next = st->t[last].s;   /* the window moves on, whatever its context */
		from = upto;
		s = next;
		st->s = s;
		st->len = (size_t)(end - s);
	}
}

/* Whether a '.' at p ends a sentence: not "Mr.", "U.S.", "No.", "6.5". */
static int
full_stop(const char *text, const char *p, const char *e)
{
	static const char *const abbrev[] = {
		"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "maj", "capt", "cpl", "pvt",
		"no", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "gov", "sen",
		"rep", "prof", "inc", "co", "jr", "sr", NULL
	};
	const char *w = p;
	char low[8];
	size_t n, k;

	if (p + 1 < e && p[1] != ' ' && p[1] != '\n' && p[1] != '"' && p[1] != '\'' &&
	    p[1] != ')' && (unsigned char)p[1] != 0xe2)
		return 0;
	while (w > text && (is_alpha((unsigned char)w[-1])))
		w--;
	n = (size_t)(p - w);
	if (n == 1 && w[0] >= 'A' && w[0] <= 'Z')
		return 0;   /* an initial, or U.S. */
	if (n > 0 && n < sizeof low) {
		for (k = 0; k < n; k++)
			low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] - 'A' + 'a' : w[k]);
		low[n] = '\0';
		if (in(low, abbrev))
			return 0;
	}
	return 1;
}

int
toll_extract(const char *text, size_t len, size_t base, toll_extract_found_fn found,
             toll_extract_rejected_fn rejected, void *arg)
{
	struct ctx c;
	struct sentence *st = malloc(sizeof *st);
	const char *p = text, *e = text + len, *start = NULL, *line = text;

	if (st == NULL)
		return TOLL_ENOMEM;
	c.text = text;
	c.base = base;
	c.found = found;
	c.rejected = rejected;
	c.arg = arg;
	for (; p <= e; p++) {
		int end = 0;
		const char *stop = p;

		if (p == e) {
			end = 1;
		} else if (*p == '\n') {
			/* A short line, or a blank one, ends a sentence; so does the line before a short one. */
			const char *next = p + 1, *nl = memchr(next, '\n', (size_t)(e - next));
			size_t linelen = (size_t)(p - line), nextlen = (size_t)((nl ? nl : e) - next);

			end = linelen < 50 || nextlen < 50 || (next < e && *next == '\n');
			line = p + 1;
		} else if ((*p == '.' || *p == '!' || *p == '?') && start != NULL &&
		           (*p != '.' || full_stop(text, p, e))) {
			/* The stop and any closing quote are the sentence's. */
			stop = p + 1;
			while (stop < e && (*stop == '"' || *stop == '\'' || *stop == ')'))
				stop++;
			if (stop + 2 < e && (unsigned char)stop[0] == 0xe2 && (unsigned char)stop[1] == 0x80 &&
			    ((unsigned char)stop[2] == 0x9d || (unsigned char)stop[2] == 0x99))
				stop += 3;
			end = 1;
		}
		if (start == NULL && p < e && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			start = p;
		if (end && start != NULL) {
			const char *q = stop;

			while (q > start && (q[-1] == ' ' || q[-1] == '\n' || q[-1] == '\r' || q[-1] == '\t'))
				q--;
			st->s = start;
			st->len = (size_t)(q - start);
			if (st->len > 0)
				one_sentence(&c, st);
			start = NULL;
			if (stop > p)
				p = stop - 1;
		}
	}
	free(st);
	return TOLL_OK;
}
