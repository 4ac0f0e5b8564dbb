/*
 * series.c: an open-addressing hash index of series and their revisions.
 *
 * Series keys are stored once, in large arena blocks; revisions of all
 * series live in one array and are chained per series, newest first.
 */
#include <stdlib.h>
#include <string.h>

#include "toll/series.h"

#define ARENA_BLOCK (1u << 20)

struct revision {
	int64_t reported;
	uint64_t fingerprint;
	int64_t line;
	uint32_t fileno;
	uint32_t next;          /* index + 1 of the series' previous revision, 0 at the end */
};

struct entry {
	uint64_t hash;
	const char *key;        /* fields joined by '\0'; never contains a NUL of its own */
	size_t keylen;
	uint32_t head;          /* index + 1 of the newest revision */
};

/* A set of keys: the series, and separately the events. */
struct set {
	struct entry *slots;
	size_t mask, count;
};

struct arena_block {
	struct arena_block *prev;
	size_t used, cap;
	char data[];
};

struct toll_series_index {
	struct set series, events;
	struct revision *revs;
	size_t nrevs, revcap;
	struct arena_block *arena;
	char *scratch;
	size_t scratchcap;
};

/* A 64-bit hash of bytes, 8 at a time (a multiply-xorshift mix). */
static uint64_t
hash_bytes(const char *s, size_t n)
{
	const uint64_t m = 0x9e3779b97f4a7c15ull;
	uint64_t h = 0x243f6a8885a308d3ull ^ (n * m);

	while (n >= 8) {
		uint64_t w;

		memcpy(&w, s, 8);
		h = (h ^ w) * m;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		uint64_t w = 0;

		memcpy(&w, s, n);
		h = (h ^ w) * m;
		h ^= h >> 29;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ull;
	h ^= h >> 32;
	return h;
}

static int
set_init(struct set *st)
{
	st->mask = 1023;
	st->count = 0;
	st->slots = calloc(st->mask + 1, sizeof *st->slots);
	return st->slots ? 0 : -1;
}

static int
set_grow(struct set *st)
{
	size_t i, nmask = st->mask * 2 + 1;
	struct entry *ns = calloc(nmask + 1, sizeof *ns);

	if (ns == NULL)
		return -1;
	for (i = 0; i <= st->mask; i++) {
		size_t j;

		if (st->slots[i].key == NULL)
			continue;
		for (j = st->slots[i].hash & nmask; ns[j].key != NULL; j = (j + 1) & nmask)
			;
		ns[j] = st->slots[i];
	}
	free(st->slots);
	st->slots = ns;
	st->mask = nmask;
	return 0;
}

static char *
arena_copy(toll_series_index *x, const char *s, size_t n)
{
	struct arena_block *b = x->arena;
	char *p;

	if (b == NULL || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = malloc(sizeof *b + cap);
		if (b == NULL)
			return NULL;
		b->prev = x->arena;
		b->used = 0;
		b->cap = cap;
		x->arena = b;
	}
	p = b->data + b->used;
	memcpy(p, s, n);
	b->used += n;
	return p;
}

/*
 * Finds key in st, adding it when absent (*added = 1).  Returns the entry,
 * or NULL when out of memory.
 */
static struct entry *
set_find(toll_series_index *x, struct set *st, const char *key, size_t n, int *added)
{
	uint64_t h = hash_bytes(key, n);
	size_t j;

	*added = 0;
	if ((st->count + 1) * 4 > (st->mask + 1) * 3 && set_grow(st) != 0)
		return NULL;
	for (j = h & st->mask; st->slots[j].key != NULL; j = (j + 1) & st->mask) {
		struct entry *e = &st->slots[j];

		if (e->hash == h && e->keylen == n && memcmp(e->key, key, n) == 0)
			return e;
	}
	/* An empty key still needs a non-NULL pointer to mark the slot used. */
	st->slots[j].key = n ? arena_copy(x, key, n) : "";
	if (st->slots[j].key == NULL)
		return NULL;
	st->slots[j].hash = h;
	st->slots[j].keylen = n;
	st->slots[j].head = 0;
	st->count++;
	*added = 1;
	return &st->slots[j];
}

toll_series_index *
toll_series_index_new(void)
{
	toll_series_index *x = calloc(1, sizeof *x);

	if (x == NULL)
		return NULL;
	if (set_init(&x->series) != 0 || set_init(&x->events) != 0) {
		toll_series_index_free(x);
		return NULL;
	}
	return x;
}

void
toll_series_index_free(toll_series_index *x)
{
	struct arena_block *b;

	if (x == NULL)
		return;
	while ((b = x->arena) != NULL) {
		x->arena = b->prev;
		free(b);
	}
	free(x->series.slots);
	free(x->events.slots);
	free(x->revs);
	free(x->scratch);
	free(x);
}

size_t
toll_series_index_count(const toll_series_index *x)
{
	return x->series.count;
}

size_t
toll_series_index_events(const toll_series_index *x)
{
	return x->events.count;
}

static uint64_t
figure_fingerprint(const toll_figure *f)
{
	int64_t v[4];

	v[0] = f->low;
	v[1] = f->best;
	v[2] = f->open ? -1 : f->high;
	v[3] = f->qualifier;
	return hash_bytes((const char *)v, sizeof v);
}

int
toll_series_index_add(toll_series_index *x, const toll_report *r, size_t fileno, long line,
                      int *kind, toll_revision_ref *earlier)
{
	const char *status = toll_status_names[r->status];
	const char *category = toll_category_names[r->category];
	size_t ns = strlen(status), nc = strlen(category);
	size_t n = r->event.len + r->side.len + r->source.len + ns + nc + 4, o = 0;
	struct entry *e;
	struct revision *rv;
	uint64_t fp = figure_fingerprint(&r->fig);
	uint32_t i;
	int added;

	if (n > x->scratchcap) {
		char *s = realloc(x->scratch, n);

		if (s == NULL)
			return TOLL_ENOMEM;
		x->scratch = s;
		x->scratchcap = n;
	}
#define PUT(p, len) do { memcpy(x->scratch + o, (p), (len)); o += (len); } while (0)
	PUT(r->event.s, r->event.len);
	x->scratch[o++] = '\0';
	PUT(r->side.s, r->side.len);
	x->scratch[o++] = '\0';
	PUT(status, ns);
	x->scratch[o++] = '\0';
	PUT(category, nc);
	x->scratch[o++] = '\0';
	PUT(r->source.s, r->source.len);
#undef PUT
	e = set_find(x, &x->series, x->scratch, n, &added);
	if (e == NULL)
		return TOLL_ENOMEM;
	if (added && set_find(x, &x->events, r->event.s, r->event.len, &added) == NULL)
		return TOLL_ENOMEM;
	*kind = TOLL_REV_NEW;
	for (i = e->head; i != 0; i = x->revs[i - 1].next) {
		rv = &x->revs[i - 1];
		if (rv->reported == r->reported.t) {
			*kind = rv->fingerprint == fp ? TOLL_REV_DUPLICATE : TOLL_REV_CONFLICT;
			earlier->fileno = rv->fileno;
			earlier->line = (long)rv->line;
			return TOLL_OK;
		}
	}
	if (x->nrevs == x->revcap) {
		size_t ncap = x->revcap ? x->revcap * 2 : 4096;
		struct revision *nr;

		if (ncap > UINT32_MAX)
			return TOLL_ENOMEM;
		nr = realloc(x->revs, ncap * sizeof *nr);
		if (nr == NULL)
			return TOLL_ENOMEM;
		x->revs = nr;
		x->revcap = ncap;
	}
	rv = &x->revs[x->nrevs];
	rv->reported = r->reported.t;
	rv->fingerprint = fp;
	rv->line = line;
	rv->fileno = (uint32_t)fileno;
	rv->next = e->head;
	e->head = (uint32_t)++x->nrevs;
	return TOLL_OK;
}
