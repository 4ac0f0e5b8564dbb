/*
 * series.c: an open-addressing hash index of series and their revisions.
 *
 * Series are grouped by event: a table of events, and per event a small
 * table of its series.  Rows of one event usually come together, so the
 * per-event table being searched is small and already in the cache; only
 * a change of event touches the larger table.  Keys are stored once, in
 * large arena blocks; revisions of all series live in one array and are
 * chained per series, newest first.
 */
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "toll/series.h"

/*
 * 32 bytes per revision: the reported instant (seconds since 1970, which
 * needs 39 bits for the years 1 to 9999) shares a word with the file
 * number.
 */
struct revision {
	uint64_t when_file;     /* (reported + REPORTED_BIAS) << FILENO_BITS | fileno */
	uint64_t fingerprint;
	int64_t best;           /* to question a figure that falls */
	uint32_t line;          /* saturates at UINT32_MAX */
	uint32_t left, right;   /* index + 1 of the children in the series' treap, or 0 */
};

#define REPORTED_BIAS ((int64_t)1 << 38)
#define FILENO_BITS 24

/*
 * A series.  Without history, only its latest revision is kept: rows that
 * arrive in order of report can only repeat the latest one.  A row older
 * than the latest marks the series for a second pass (see the header).
 */
struct series {
	struct entry e;
	int64_t latest;         /* the latest instant seen; INT64_MIN before any */
	int64_t latest_best;
	uint64_t latest_fp;
	uint32_t latest_line, latest_file;
	uint32_t out_of_order;  /* a row came older than the latest */
	uint32_t event;         /* index of its event */
	uint8_t status, category;
};

struct event {
	struct entry e;
	struct table series;    /* indices into toll_series_index.series */
};

struct toll_series_index {
	struct table events;
	struct event *ev;       /* the events, in order of arrival */
	size_t nev, evcap;
	struct series *series;  /* the series, in order of arrival */
	size_t nseries, seriescap;
	struct revision *revs;
	size_t nrevs, revcap;
	struct arena_block *arena;
	char *scratch;
	size_t scratchcap;
	uint32_t last_event, last_series;  /* index + 1 of the previous row's, or 0 */
	int history;            /* keep every revision: each row is checked at once */
	int second_pass;        /* toll_series_index_second_pass() was called */
	size_t unchecked;       /* series marked out of order */
};

toll_series_index *
toll_series_index_new(int history)
{
	toll_series_index *x = calloc(1, sizeof *x);

	if (x == NULL)
		return NULL;
	x->history = history;
	if (table_init(&x->events, 1024) != 0) {
		free(x);
		return NULL;
	}
	return x;
}

void
toll_series_index_free(toll_series_index *x)
{
	size_t i;

	if (x == NULL)
		return;
	toll_arena_free(&x->arena);
	for (i = 0; i < x->nev; i++)
		free(x->ev[i].series.slots);
	free(x->events.slots);
	free(x->ev);
	free(x->series);
	free(x->revs);
	free(x->scratch);
	free(x);
}

size_t
toll_series_index_count(const toll_series_index *x)
{
	return x->nseries;
}

size_t
toll_series_index_events(const toll_series_index *x)
{
	return x->nev;
}

static uint64_t
figure_fingerprint(const toll_figure *f)
{
	int64_t v[4];

	v[0] = f->low;
	v[1] = f->best;
	v[2] = f->open ? -1 : f->high;
	v[3] = f->qualifier;
	uint64_t h = 0x243f6a8885a308d3ull;
	int i;

	/* Four rounds of multiply and xor-shift: every bit of every number reaches all of h. */
	for (i = 0; i < 4; i++) {
		h = (h ^ (uint64_t)v[i]) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 31;
	}
	h *= 0xd6e8feb86659fd93ull;
	return h ^ (h >> 32);
}

/* The event of r: the previous row's, or found, or added.  Returns its index + 1, 0 when out of memory. */
static uint32_t
event_of(toll_series_index *x, const toll_report *r)
{
	uint32_t k = x->last_event, h, slot = 0;
	struct event *ev;

	if (k != 0) {
		const struct entry *e = &x->ev[k - 1].e;

		if (e->keylen == r->event.len && bytes_equal(e->key, r->event.s, r->event.len))
			return k;
	}
	if (r->event.len > UINT32_MAX)
		return 0;
	h = hash_bytes(r->event.s, r->event.len);
	k = table_find(&x->events, (const char *)x->ev, sizeof *x->ev, r->event.s,
	               (uint32_t)r->event.len, h, &slot);
	if (k == 0) {
		if (toll_grow((void **)&x->ev, &x->evcap, x->nev, sizeof *x->ev) != 0)
			return 0;
		if (table_reserve(&x->events, h, &slot) != 0)
			return 0;
		ev = &x->ev[x->nev];
		ev->e.key = toll_arena_copy(&x->arena, r->event.s, r->event.len);
		ev->e.keylen = (uint32_t)r->event.len;
		ev->e.head = 0;
		if (ev->e.key == NULL || table_init(&ev->series, 8) != 0)
			return 0;
		k = (uint32_t)++x->nev;
		x->events.slots[slot] = (uint64_t)h << 32 | k;
		x->events.count++;
	}
	x->last_event = k;
	return k;
}

static uint32_t
clamp_line(long line)
{
	return line > 0 && (unsigned long)line < UINT32_MAX ? (uint32_t)line : UINT32_MAX;
}

/* Whether key (of the right length) is side, status, category and source of r. */
static int
rest_matches(const char *key, const toll_report *r, const char *status, size_t ns,
             const char *category, size_t nc)
{
	if (!bytes_equal(key, r->side.s, r->side.len) || key[r->side.len] != '\0')
		return 0;
	key += r->side.len + 1;
	if (!bytes_equal(key, status, ns) || key[ns] != '\0')
		return 0;
	key += ns + 1;
	if (!bytes_equal(key, category, nc) || key[nc] != '\0')
		return 0;
	key += nc + 1;
	return bytes_equal(key, r->source.s, r->source.len);
}

/*
 * The hash of the rest of r's series key (side, status, category,
 * source), from its parts: a row finds its series without the key being
 * put together.  Lengths go in, so that "ab"+"c" and "a"+"bc" differ.
 */
static uint32_t
rest_hash(const toll_report *r)
{
	uint64_t h = 0x243f6a8885a308d3ull ^ ((uint64_t)r->side.len << 32 | r->source.len);

	h = hash_more(h, r->side.s, r->side.len);
	h = hash_more(h, (const char *)&(uint64_t){ (uint64_t)r->status << 8 | (uint64_t)r->category }, 8);
	return hash_end(hash_more(h, r->source.s, r->source.len));
}

/* A revision's priority in its treap: its index, hashed (a 32-bit finalizer). */
static uint32_t
priority(uint32_t i)
{
	i ^= i >> 16;
	i *= 0x7feb352dU;
	i ^= i >> 15;
	i *= 0x846ca68bU;
	i ^= i >> 16;
	return i;
}

/*
 * Inserts revision k (index + 1, not in the treap, instant unlike any
 * there) into the treap at *root: down to where its priority belongs,
 * then the subtree there split around it.
 */
static void
treap_insert(struct revision *revs, uint32_t *root, uint32_t k)
{
	struct revision *n = &revs[k - 1];
	uint64_t key = n->when_file >> FILENO_BITS;
	uint32_t pk = priority(k), *link = root, t, *l, *r;

	while (*link != 0 && priority(*link) >= pk) {
		struct revision *c = &revs[*link - 1];

		link = key < c->when_file >> FILENO_BITS ? &c->left : &c->right;
	}
	t = *link;
	l = &n->left;
	r = &n->right;
	while (t != 0) {
		struct revision *c = &revs[t - 1];

		if (c->when_file >> FILENO_BITS < key) {
			*l = t;
			l = &c->right;
			t = c->right;
		} else {
			*r = t;
			r = &c->left;
			t = c->left;
		}
	}
	*l = 0;
	*r = 0;
	*link = k;
}

/*
 * One function (148 lines): a revision's place in its series' tree and the
 * duplicate and conflict checks at that place are found in one descent.
 */
int
toll_series_index_add(toll_series_index *x, const toll_report *r, size_t fileno, long line,
                      int *kind, toll_revision_ref *earlier, toll_revision_ref *before)
{
	const char *status = toll_status_names[r->status];
	const char *category = toll_category_names[r->category];
	size_t ns = toll_status_lengths[r->status], nc = toll_category_lengths[r->category];
	size_t n = r->side.len + r->source.len + ns + nc + 3, o = 0;
	uint32_t evk, prev_event, k, h, slot = 0;
	struct event *ev;
	struct series *se;
	struct revision *rv, *prev;
	uint64_t fp, when;
	uint32_t i;

	prev_event = x->last_event;
	if ((evk = event_of(x, r)) == 0)
		return TOLL_ENOMEM;
	ev = &x->ev[evk - 1];
	if (n > UINT32_MAX)
		return TOLL_ENOMEM;
	k = x->last_series;
	if (k != 0 && prev_event == evk && x->series[k - 1].e.keylen == n &&
	    rest_matches(x->series[k - 1].e.key, r, status, ns, category, nc))
		goto found;
	/* Looked up by its parts; the key is put together only for a new series. */
	h = rest_hash(r);
	for (slot = h & ev->series.mask; ev->series.slots[slot] != 0;
	     slot = (slot + 1) & ev->series.mask) {
		uint64_t v = ev->series.slots[slot];

		if ((uint32_t)(v >> 32) != h)
			continue;
		k = (uint32_t)v;
		se = &x->series[k - 1];
		if (se->e.keylen == n && rest_matches(se->e.key, r, status, ns, category, nc)) {
			x->last_series = k;
			goto found;
		}
	}
	if (n > x->scratchcap) {
		char *s = realloc(x->scratch, n);

		if (s == NULL)
			return TOLL_ENOMEM;
		x->scratch = s;
		x->scratchcap = n;
	}
	/* The rest of the series key: side, status, category, source, NUL-separated. */
#define PUT(p, len) do { bytes_copy(x->scratch + o, (p), (len)); o += (len); } while (0)
	PUT(r->side.s, r->side.len);
	x->scratch[o++] = '\0';
	PUT(status, ns);
	x->scratch[o++] = '\0';
	PUT(category, nc);
	x->scratch[o++] = '\0';
	PUT(r->source.s, r->source.len);
#undef PUT
	if (toll_grow((void **)&x->series, &x->seriescap, x->nseries, sizeof *x->series) != 0)
		return TOLL_ENOMEM;
	if (table_reserve(&ev->series, h, &slot) != 0)
		return TOLL_ENOMEM;
	se = &x->series[x->nseries];
	if ((se->e.key = toll_arena_copy(&x->arena, x->scratch, n)) == NULL)
		return TOLL_ENOMEM;
	se->e.keylen = (uint32_t)n;
	se->e.head = 0;
	se->latest = INT64_MIN;
	se->out_of_order = 0;
	se->event = evk - 1;
	se->status = (uint8_t)r->status;
	se->category = (uint8_t)r->category;
	k = (uint32_t)++x->nseries;
	ev->series.slots[slot] = (uint64_t)h << 32 | k;
	ev->series.count++;
	x->last_series = k;
found:
	se = &x->series[k - 1];
	fp = figure_fingerprint(&r->fig);
	*kind = TOLL_REV_NEW;
	before->line = 0;
	if (!x->history && !x->second_pass) {
		if (se->latest == INT64_MIN || r->reported.t > se->latest) {
			if (se->latest != INT64_MIN) {
				before->fileno = se->latest_file;
				before->line = (long)se->latest_line;
				before->best = se->latest_best;
			}
			se->latest = r->reported.t;
			se->latest_fp = fp;
			se->latest_best = r->fig.best;
			se->latest_line = clamp_line(line);
			se->latest_file = (uint32_t)fileno;
		} else if (r->reported.t == se->latest) {
			*kind = se->latest_fp == fp ? TOLL_REV_DUPLICATE : TOLL_REV_CONFLICT;
			earlier->fileno = se->latest_file;
			earlier->line = (long)se->latest_line;
		} else {
			*kind = TOLL_REV_UNCHECKED;
			x->unchecked += !se->out_of_order;
			se->out_of_order = 1;
		}
		return TOLL_OK;
	}
	if (x->second_pass && !se->out_of_order)
		return TOLL_OK;  /* checked in the first pass */
	when = (uint64_t)(r->reported.t + REPORTED_BIAS) << FILENO_BITS;
	/*
	 * The series' revisions form a treap ordered by instant (priorities
	 * hashed from their index), so that a row finds its duplicate and the
	 * revision reported just before it in O(log n) whatever the order of
	 * the rows.
	 */
	prev = NULL;
	for (i = se->e.head; i != 0;) {
		rv = &x->revs[i - 1];
		if (rv->when_file >> FILENO_BITS == when >> FILENO_BITS) {
			/* The second pass only reports rows the first pass could not check. */
			if (!x->second_pass || r->reported.t < se->latest) {
				*kind = rv->fingerprint == fp ? TOLL_REV_DUPLICATE : TOLL_REV_CONFLICT;
				earlier->fileno = (size_t)(rv->when_file & ((1u << FILENO_BITS) - 1));
				earlier->line = (long)rv->line;
			}
			return TOLL_OK;
		}
		if (rv->when_file >> FILENO_BITS < when >> FILENO_BITS) {
			prev = rv;   /* the latest so far of those before */
			i = rv->right;
		} else {
			i = rv->left;
		}
	}
	/* As for duplicates, the second pass reports only what the first could not check. */
	if (prev != NULL && (!x->second_pass || r->reported.t < se->latest)) {
		before->fileno = (size_t)(prev->when_file & ((1u << FILENO_BITS) - 1));
		before->line = (long)prev->line;
		before->best = prev->best;
	}
	if (se->latest == INT64_MIN || r->reported.t > se->latest)
		se->latest = r->reported.t;
	if (toll_grow((void **)&x->revs, &x->revcap, x->nrevs, sizeof *x->revs) != 0)
		return TOLL_ENOMEM;
	rv = &x->revs[x->nrevs];
	rv->when_file = when | (fileno < (1u << FILENO_BITS) ? fileno : (1u << FILENO_BITS) - 1);
	rv->fingerprint = fp;
	rv->best = r->fig.best;
	rv->line = clamp_line(line);
	treap_insert(x->revs, &se->e.head, (uint32_t)++x->nrevs);
	return TOLL_OK;
}

size_t
toll_series_index_second_pass(toll_series_index *x)
{
	size_t i;

	if (x->history || x->second_pass || x->unchecked == 0)
		return 0;
	x->second_pass = 1;
	x->last_series = 0;
	for (i = 0; i < x->nseries; i++) {
		x->series[i].latest = INT64_MIN;
		x->series[i].e.head = 0;
	}
	return x->unchecked;
}

size_t
toll_series_index_last(const toll_series_index *x)
{
	return (size_t)x->last_series - 1;
}

size_t
toll_series_index_event(const toll_series_index *x, size_t id)
{
	return x->series[id].event;
}

void
toll_series_index_key(const toll_series_index *x, size_t id, toll_series_key *k)
{
	const struct series *se = &x->series[id];
	const struct event *ev = &x->ev[se->event];
	const char *p = se->e.key, *end = p + se->e.keylen;
	size_t n;

	k->event.s = ev->e.key;
	k->event.len = ev->e.keylen;
	k->event_id = se->event;
	k->status = se->status;
	k->category = se->category;
	/* side, status, category, source: NUL-separated; only side and source vary. */
	n = strlen(p);
	k->side.s = p;
	k->side.len = n;
	p += n + 1;
	p += toll_status_lengths[se->status] + 1;
	p += toll_category_lengths[se->category] + 1;
	k->source.s = p;
	k->source.len = (size_t)(end - p);
	k->group = se->e.key;
	k->group_len = se->e.keylen - k->source.len;
}
