/*
 * rnd.h: the benchmark generators' random numbers (xorshift64), the same
 * sequence on every machine, so that a generated table is the same file.
 */
#ifndef BENCH_RND_H
#define BENCH_RND_H

static unsigned long long rnd_state = 88172645463325252ull;

/* A number from 0 to n - 1. */
static unsigned
rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

#endif
