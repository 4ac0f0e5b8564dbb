/*
 * hashtab.h: the hash tables inside libtoll (not installed): byte keys
 * stored once in arena blocks, open-addressing tables of tagged slots.
 * Used by the series index and by toll_strmap.
 */
#ifndef TOLL_HASHTAB_H
#define TOLL_HASHTAB_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (1u << 20)

/* A key in a table; the user's structs start with one. */
struct entry {
	const char *key;
	uint32_t keylen;
	uint32_t head;          /* free for the user: series use it for their newest revision */
};

/*
 * An open-addressing table of uint64 slots: the low 32 bits of the key's
 * hash (its tag) in the high half, the entry's index + 1 in the low half.
 * Slots are chosen by the low bits of the hash, so the tag alone places an
 * entry and growing never reads a key.  At most half full.
 */
struct table {
	uint64_t *slots;
	uint32_t mask, count;
};

struct arena_block {
	struct arena_block *prev;
	size_t used, cap;
	char data[];
};

/*
 * Copies s[0..n) into the arena (a list of blocks, newest first); returns
 * the copy, or NULL when out of memory.
 */
char *toll_arena_copy(struct arena_block **arena, const char *s, size_t n);

/* Frees every block of the arena. */
void toll_arena_free(struct arena_block **arena);

/*
 * Grows the array *arr of *cap elements of size sz, doubling, to hold at
 * least need; -1 when out of memory.
 */
int toll_reserve(void **arr, size_t *cap, size_t need, size_t sz);

/* Grows an array of count elements to hold one more (fewer than 2^31); -1 when out of memory. */
int toll_grow(void **arr, size_t *cap, size_t count, size_t sz);

/*
 * Whether a[0..n) equals b[0..n).  Keys are short: comparing words inline
 * beats a call to memcmp() for each of them.
 */
static inline int
bytes_equal(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t u, v;

	if (n >= 8) {
		size_t i;

		for (i = 0; i + 8 <= n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		/* The last word overlaps the ones before: no loop over the tail. */
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		if (u != v)
			return 0;
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return u == v;
	}
	return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

/*
 * Copies the short string s[0..n) to d, which must not overlap it: for
 * a few bytes, words moved inline beat a call to memcpy() and the "rep
 * movs" the compiler inlines for it.
 */
static inline void
bytes_copy(char *d, const char *s, size_t n)
{
	uint64_t x;
	uint32_t u;

	if (n >= 8) {
		size_t i;

		for (i = 0; i + 8 <= n; i += 8) {
			memcpy(&x, s + i, 8);
			memcpy(d + i, &x, 8);
		}
		/* The last word overlaps the ones before. */
		memcpy(&x, s + n - 8, 8);
		memcpy(d + n - 8, &x, 8);
	} else if (n >= 4) {
		memcpy(&u, s, 4);
		memcpy(d, &u, 4);
		memcpy(&u, s + n - 4, 4);
		memcpy(d + n - 4, &u, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

/* Mixes bytes into a running hash h, 8 at a time (a multiply-xorshift mix). */
static inline uint64_t
hash_more(uint64_t h, const char *s, size_t n)
{
	const uint64_t m = 0x9e3779b97f4a7c15ull;

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
	return h;
}

/* The 32 bits of a running hash that tables use. */
static inline uint32_t
hash_end(uint64_t h)
{
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ull;
	h ^= h >> 32;
	return (uint32_t)h;
}

/* A 32-bit hash of bytes. */
static inline uint32_t
hash_bytes(const char *s, size_t n)
{
	return hash_end(hash_more(0x243f6a8885a308d3ull ^ (n * 0x9e3779b97f4a7c15ull), s, n));
}

/*
 * hash_bytes() of n bytes held in 8-byte words padded with zero bytes
 * (no call to copy a tail: the padding is the tail hash_more() reads).
 */
static inline uint32_t
hash_padded(const uint64_t *w, size_t n)
{
	const uint64_t m = 0x9e3779b97f4a7c15ull;
	uint64_t h = 0x243f6a8885a308d3ull ^ (n * m);
	size_t k;

	for (k = 0; k < n; k += 8) {
		h = (h ^ w[k / 8]) * m;
		h ^= h >> 29;
	}
	return hash_end(h);
}

static inline int
table_init(struct table *t, uint32_t slots)
{
	t->mask = slots - 1;
	t->count = 0;
	t->slots = calloc(slots, sizeof *t->slots);
	return t->slots ? 0 : -1;
}

/*
 * Makes room for one more key, absent from t, whose hash is h and whose
 * free slot table_find() gave as *slot: when t is half full, doubles the
 * slots and finds the key's free slot anew.  Returns -1 when out of memory.
 */
static inline int
table_reserve(struct table *t, uint32_t h, uint32_t *slot)
{
	uint64_t *ns;
	uint32_t i, nmask;

	if ((uint64_t)(t->count + 1) * 2 <= (uint64_t)t->mask + 1)
		return 0;
	if (t->mask >= UINT32_MAX / 4)
		return -1;
	nmask = t->mask * 2 + 1;
	ns = calloc((size_t)nmask + 1, sizeof *ns);
	if (ns == NULL)
		return -1;
	for (i = 0; i <= t->mask; i++) {
		uint64_t v = t->slots[i];
		uint32_t j;

		if (v == 0)
			continue;
		for (j = (uint32_t)(v >> 32) & nmask; ns[j] != 0; j = (j + 1) & nmask)
			;
		ns[j] = v;
	}
	free(t->slots);
	t->slots = ns;
	t->mask = nmask;
	for (i = h & nmask; ns[i] != 0; i = (i + 1) & nmask)
		;
	*slot = i;
	return 0;
}

/*
 * Looks key up in t, whose entries are the array at base with the given
 * stride (struct entry first).  Returns the entry's index + 1, or 0 with
 * *slot set to the free slot where it belongs.
 */
static inline uint32_t
table_find(const struct table *t, const char *base, size_t stride, const char *key, uint32_t n,
           uint32_t h, uint32_t *slot)
{
	uint64_t tag = (uint64_t)h << 32;
	uint32_t j;

	for (j = h & t->mask; t->slots[j] != 0; j = (j + 1) & t->mask) {
		const struct entry *e;

		if ((t->slots[j] & 0xffffffff00000000ull) != tag)
			continue;
		e = (const struct entry *)(const void *)(base + ((uint32_t)t->slots[j] - 1) * stride);
		if (e->keylen == n && bytes_equal(e->key, key, n))
			return (uint32_t)t->slots[j];
	}
	*slot = j;
	return 0;
}

#endif
