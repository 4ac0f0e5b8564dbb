/*
 * merge.c: toll-agg's outputs of the parts of a table (--part I/K) added
 * into the output of one run (see include/toll/agg.h, toll_agg_merge).
 *
 * Each part holds whole events, so a group's figure of the whole table is
 * the sum of its figures in the parts: low, best and high in halves (as
 * toll-agg adds them, each sum checked against the same limit), a high
 * unbounded when any part's is, the flags of the best (approximate,
 * vague, supplied) when any part's has them, events and series added.
 * The rows are handed back as a toll_agg_result, written by toll-agg's own
 * writer in its order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg_int.h"
#include "toll/figure.h"
#include "toll/nest.h"

struct mgroup {
	struct group own, adv;
};

struct toll_agg_merge {
	toll_keys keys;
	size_t nk;                 /* key columns: the header's before low */
	int have_header;
	toll_strmap *groups;
	struct mgroup *g;
	size_t cap;
	char *key;
	size_t keycap;
};

/* The columns after the keys, as toll-agg writes them. */
static const char *const tail[] = { "low", "best", "high", "events", "series", "qualifier", "best_by",
                                    "adversary" };
enum { C_LOW, C_BEST, C_HIGH, C_EVENTS, C_SERIES, C_QUALIFIER, C_BEST_BY, C_ADVERSARY, NTAIL };

toll_agg_merge *
toll_agg_merge_new(void)
{
	toll_agg_merge *m = calloc(1, sizeof *m);

	if (m != NULL && (m->groups = toll_strmap_new()) == NULL) {
		free(m);
		return NULL;
	}
	return m;
}

void
toll_agg_merge_free(toll_agg_merge *m)
{
	if (m == NULL)
		return;
	toll_keys_free(&m->keys);
	toll_strmap_free(m->groups);
	free(m->g);
	free(m->key);
	free(m);
}

static int
field_is(const toll_field *f, const char *s)
{
	return f->len == strlen(s) && memcmp(f->s, s, f->len) == 0;
}

int
toll_agg_merge_header(toll_agg_merge *m, const char *file, const toll_row *h, toll_diag *d)
{
	size_t i, len = 0;
	char *spec;

	if (h->n < NTAIL)
		return toll_diag_set(d, TOLL_EDATA, file, h->line, 1, "not an output of toll-agg: its "
		                     "columns end with %s", "low, best, high, events, series, qualifier, "
		                     "best_by, adversary");
	for (i = 0; i < NTAIL; i++) {
		const toll_field *f = &h->f[h->n - NTAIL + i];
		char q[64];

		if (field_is(f, tail[i]))
			continue;
		toll_diag_quote(q, sizeof q, f->s, f->len);
		return toll_diag_set(d, TOLL_EDATA, file, f->line, f->col, "not an output of toll-agg: "
		                     "column '%s' where '%s' should be", q, tail[i]);
	}
	if (m->have_header) {
		/* Every part has the keys of the first. */
		int same = h->n - NTAIL == m->nk;

		for (i = 0; same && i < m->nk; i++)
			same = field_is(&h->f[i], m->keys.k[i].spec);
		if (!same)
			return toll_diag_set(d, TOLL_EDATA, file, h->line, 1, "a part grouped by other keys "
			                     "than the first part: parts of one run have one header");
		return TOLL_OK;
	}
	m->nk = h->n - NTAIL;
	for (i = 0; i < m->nk; i++)
		len += h->f[i].len + 1;
	if ((spec = malloc(len + 1)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0, len = 0; i < m->nk; i++) {
		if (i > 0)
			spec[len++] = ',';
		memcpy(spec + len, h->f[i].s, h->f[i].len);
		len += h->f[i].len;
	}
	spec[len] = '\0';
	i = (size_t)toll_keys_parse(&m->keys, spec, d);
	free(spec);
	if (i != TOLL_OK)
		return (int)i;
	if (m->keys.n != m->nk)
		return toll_diag_set(d, TOLL_EDATA, file, h->line, 1, "not an output of toll-agg: a key "
		                     "column's name is empty or holds a comma");
	m->have_header = 1;
	return TOLL_OK;
}

/* A figure's number as toll-agg writes it ("12", "12.5"), in halves, into *v. */
static int
halves(const toll_field *f, i128 *v)
{
	int64_t n;
	size_t len = f->len;
	int half = 0;

	if (len > 2 && f->s[len - 2] == '.' && f->s[len - 1] == '5') {
		half = 1;
		len -= 2;
	}
	if (toll_number_parse(f->s, len, &n) != 0 || n < 0)
		return -1;
	*v = (i128)n * 2 + half;
	return 0;
}

static int
bad(const char *file, const toll_field *f, const char *col, toll_diag *d)
{
	char q[64];

	toll_diag_quote(q, sizeof q, f->s, f->len);
	return toll_diag_set(d, TOLL_EDATA, file, f->line, f->col, "invalid %s '%s': not as toll-agg "
	                     "writes it", col, q);
}

/* The own figure of a part's row (its low, best, high, qualifier, best_by) into g. */
static int
own_of(const char *file, const toll_field *f, struct group *g, toll_diag *d)
{
	int q;

	memset(g, 0, sizeof *g);
	if (f[C_BEST].len == 0) {
		/* Only the other party's claims: no figure of its own. */
		if (f[C_LOW].len || f[C_HIGH].len || f[C_QUALIFIER].len || f[C_BEST_BY].len)
			return bad(file, &f[C_BEST], "best", d);
		return TOLL_OK;
	}
	g->any = 1;
	if (halves(&f[C_LOW], &g->low) != 0)
		return bad(file, &f[C_LOW], "low", d);
	if (halves(&f[C_BEST], &g->best) != 0)
		return bad(file, &f[C_BEST], "best", d);
	g->open = f[C_HIGH].len == 0;
	if (!g->open && halves(&f[C_HIGH], &g->high) != 0)
		return bad(file, &f[C_HIGH], "high", d);
	if ((q = toll_qualifier_read(f[C_QUALIFIER].s, f[C_QUALIFIER].len)) < 0)
		return bad(file, &f[C_QUALIFIER], "qualifier", d);
	g->flags = (uint8_t)(q == 'v' ? TOLL_BEST_VAGUE : q == '~' ? TOLL_BEST_APPROX : 0);
	if (field_is(&f[C_BEST_BY], "toll"))
		g->flags |= TOLL_BEST_SUPPLIED;
	else if (!field_is(&f[C_BEST_BY], "sources"))
		return bad(file, &f[C_BEST_BY], "best_by", d);
	return TOLL_OK;
}

/* The other party's claims of a part's row (its adversary column, in the notation) into g. */
static int
adversary_of(const char *file, const toll_field *f, struct group *g, toll_diag *d)
{
	toll_range r;

	memset(g, 0, sizeof *g);
	if (f->len == 0)
		return TOLL_OK;
	if (toll_value_parse(f->s, f->len, &r) != TOLL_FIG_OK || !r.low.whole || !r.best.whole ||
	    (!r.open && !r.high.whole) || r.low.i < 0)
		return bad(file, f, "adversary", d);
	g->any = 1;
	g->low = (i128)r.low.i * 2;
	g->best = (i128)r.best.i * 2;
	g->open = r.open;
	g->high = r.open ? 0 : (i128)r.high.i * 2;
	g->flags = (uint8_t)((r.qualifier == 'v' ? TOLL_BEST_VAGUE : r.qualifier == '~' ? TOLL_BEST_APPROX : 0) |
	                     (r.supplied ? TOLL_BEST_SUPPLIED : 0));
	return TOLL_OK;
}

/* Adds figure b to a. */
static void
add(struct group *a, const struct group *b)
{
	if (!b->any)
		return;
	a->any = 1;
	a->low += b->low;
	a->best += b->best;
	a->open |= b->open;
	a->high = a->open ? 0 : a->high + b->high;
	a->flags |= b->flags;
}

int
toll_agg_merge_row(toll_agg_merge *m, const char *file, const toll_row *row, toll_diag *d)
{
	const toll_field *f = row->f + m->nk;
	struct group own, adv;
	struct mgroup *g;
	size_t len = 0, i, id;
	int64_t events, series;
	int added, rc;

	if (row->n != m->nk + NTAIL)
		return toll_diag_set(d, TOLL_EDATA, file, row->line, 1, "expected %zu fields, found %zu",
		                     m->nk + NTAIL, row->n);
	if ((rc = own_of(file, f, &own, d)) != TOLL_OK || (rc = adversary_of(file, &f[C_ADVERSARY], &adv, d)) != TOLL_OK)
		return rc;
	if (toll_number_parse(f[C_EVENTS].s, f[C_EVENTS].len, &events) != 0 || events < 0)
		return bad(file, &f[C_EVENTS], "events", d);
	if (toll_number_parse(f[C_SERIES].s, f[C_SERIES].len, &series) != 0 || series < 0)
		return bad(file, &f[C_SERIES], "series", d);
	/* The group's key as toll-agg keeps it: each value ended by a NUL. */
	for (i = 0; i < m->nk; i++)
		len += row->f[i].len + 1;
	if (len > m->keycap) {
		char *k = realloc(m->key, len);
		if (k == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		m->key = k;
		m->keycap = len;
	}
	for (i = 0, len = 0; i < m->nk; i++) {
		if (memchr(row->f[i].s, '\0', row->f[i].len) != NULL)
			return bad(file, &row->f[i], "key", d);
		memcpy(m->key + len, row->f[i].s, row->f[i].len);
		len += row->f[i].len;
		m->key[len++] = '\0';
	}
	if (toll_strmap_intern(m->groups, m->key, len, &id, &added) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (id >= m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 64;
		struct mgroup *p = realloc(m->g, cap * sizeof *p);

		if (p == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		memset(p + m->cap, 0, (cap - m->cap) * sizeof *p);
		m->g = p;
		m->cap = cap;
	}
	g = &m->g[id];
	add(&g->own, &own);
	add(&g->adv, &adv);
	g->own.events += (size_t)events;
	g->own.series += (size_t)series;
	/* A sum past toll-agg's limit is an error as in toll-agg (checked at once: no sum wraps). */
	{
		toll_str key = { m->key, len };
		static const char *const names[] = { "low", "best", "high" };
		const i128 v[6] = { g->own.low, g->own.best, g->own.open ? 0 : g->own.high, g->adv.low,
		                    g->adv.best, g->adv.open ? 0 : g->adv.high };

		for (i = 0; i < 6; i++)
			if (v[i] > I128_LIMIT) {
				char where[TOLL_DIAG_MSG / 2];

				agg_describe(&m->keys, key, where, sizeof where);
				return toll_diag_set(d, TOLL_EDATA, file, row->line, 1, "the sum of '%s' for %s is "
				                     "larger than 9223372036854775807", names[i % 3], where);
			}
	}
	return TOLL_OK;
}

int
toll_agg_merge_finish(toll_agg_merge *m, toll_agg_result **out, toll_diag *d)
{
	size_t n = toll_strmap_count(m->groups), i, *order;
	toll_agg_result *res;

	*out = NULL;
	if ((order = toll_strmap_sorted(m->groups)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if ((res = calloc(1, sizeof *res)) == NULL || (res->row = calloc(n ? n : 1, sizeof *res->row)) == NULL) {
		free(res);
		free(order);
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < n; i++) {
		const struct mgroup *g = &m->g[order[i]];
		toll_agg_row *r = &res->row[i];

		r->keys = toll_strmap_key(m->groups, order[i]).s;
		r->own = agg_figure_of(&g->own);
		r->adversary = agg_figure_of(&g->adv);
		r->events = g->own.events;
		r->series = g->own.series;
	}
	free(order);
	res->n = n;
	res->keys = &m->keys;
	/* The result owns the key values now; the merge keeps its keys for the result's columns. */
	res->groups = m->groups;
	m->groups = NULL;
	*out = res;
	return TOLL_OK;
}
