/* strmap.c: byte strings to dense numbers, on the tables of hashtab.h. */
#include "hashtab.h"
#include "toll/diag.h"
#include "toll/strmap.h"

struct toll_strmap {
	struct table t;
	struct entry *e;
	size_t n, cap;
	struct arena_block *arena;
};

toll_strmap *
toll_strmap_new(void)
{
	toll_strmap *m = calloc(1, sizeof *m);

	if (m == NULL)
		return NULL;
	if (table_init(&m->t, 64) != 0) {
		free(m);
		return NULL;
	}
	return m;
}

void
toll_strmap_free(toll_strmap *m)
{
	if (m == NULL)
		return;
	toll_arena_free(&m->arena);
	free(m->t.slots);
	free(m->e);
	free(m);
}

int
toll_strmap_intern(toll_strmap *m, const char *key, size_t len, size_t *id, int *added)
{
	uint32_t h, k, slot = 0;
	struct entry *e;

	*added = 0;
	if (len >= UINT32_MAX)
		return TOLL_ENOMEM;
	h = hash_bytes(key, len);
	k = table_find(&m->t, (const char *)m->e, sizeof *m->e, key, (uint32_t)len, h, &slot);
	if (k == 0) {
		if (m->n >= (size_t)1 << 31 ||
		    toll_grow((void **)&m->e, &m->cap, m->n, sizeof *m->e) != 0 ||
		    table_reserve(&m->t, h, &slot) != 0)
			return TOLL_ENOMEM;
		e = &m->e[m->n];
		if ((e->key = toll_arena_copy(&m->arena, key, len)) == NULL)
			return TOLL_ENOMEM;
		e->keylen = (uint32_t)len;
		e->head = 0;
		k = (uint32_t)++m->n;
		m->t.slots[slot] = (uint64_t)h << 32 | k;
		m->t.count++;
		*added = 1;
	}
	*id = (size_t)k - 1;
	return TOLL_OK;
}

int
toll_strmap_find(const toll_strmap *m, const char *key, size_t len, size_t *id)
{
	uint32_t h, k, slot = 0;

	if (len >= UINT32_MAX)
		return -1;
	h = hash_bytes(key, len);
	k = table_find(&m->t, (const char *)m->e, sizeof *m->e, key, (uint32_t)len, h, &slot);
	if (k == 0)
		return -1;
	*id = (size_t)k - 1;
	return 0;
}

toll_str
toll_strmap_key(const toll_strmap *m, size_t id)
{
	toll_str s;

	s.s = m->e[id].key;
	s.len = m->e[id].keylen;
	return s;
}

size_t
toll_strmap_count(const toll_strmap *m)
{
	return m->n;
}

int
toll_str_cmp(toll_str a, toll_str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = n ? memcmp(a.s, b.s, n) : 0;

	return c ? c : (a.len > b.len) - (a.len < b.len);
}

/* qsort() has no context argument: the map being sorted, one sort at a time. */
static const toll_strmap *sorting;

static int
cmp_keys(const void *a, const void *b)
{
	return toll_str_cmp(toll_strmap_key(sorting, *(const size_t *)a),
	                    toll_strmap_key(sorting, *(const size_t *)b));
}

size_t *
toll_strmap_sorted(const toll_strmap *m)
{
	size_t i, *order = malloc((m->n ? m->n : 1) * sizeof *order);

	if (order == NULL)
		return NULL;
	for (i = 0; i < m->n; i++)
		order[i] = i;
	sorting = m;
	qsort(order, m->n, sizeof *order, cmp_keys);
	return order;
}
