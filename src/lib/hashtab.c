/* hashtab.c: the out-of-line parts of hashtab.h. */
#include "hashtab.h"

char *
toll_arena_copy(struct arena_block **arena, const char *s, size_t n)
{
	struct arena_block *b = *arena;
	char *p;

	if (n == 0)
		return "";
	if (b == NULL || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = malloc(sizeof *b + cap);
		if (b == NULL)
			return NULL;
		b->prev = *arena;
		b->used = 0;
		b->cap = cap;
		*arena = b;
	}
	p = b->data + b->used;
	memcpy(p, s, n);
	b->used += n;
	return p;
}

void
toll_arena_free(struct arena_block **arena)
{
	struct arena_block *b;

	while ((b = *arena) != NULL) {
		*arena = b->prev;
		free(b);
	}
}

int
toll_reserve(void **arr, size_t *cap, size_t need, size_t sz)
{
	size_t ncap;
	void *na;

	if (need <= *cap)
		return 0;
	for (ncap = *cap ? *cap : 1024; ncap < need; ncap *= 2)
		if (ncap > SIZE_MAX / 2 / sz)
			return -1;
	na = realloc(*arr, ncap * sz);
	if (na == NULL)
		return -1;
	*arr = na;
	*cap = ncap;
	return 0;
}

int
toll_grow(void **arr, size_t *cap, size_t count, size_t sz)
{
	/* Entries are numbered in 32 bits. */
	if (count >= UINT32_MAX / 2)
		return -1;
	return toll_reserve(arr, cap, count + 1, sz);
}
