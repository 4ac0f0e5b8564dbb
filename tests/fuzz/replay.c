/*
 * replay: runs a fuzz entry point over saved inputs, without libFuzzer, so
 * that make check replays every crash and hang ever found (tests/fuzz/regress/)
 * and the seeds.  Usage: replay FILE...  Prints "ok FILE" for each; a
 * crash ends the run (under the sanitizers, with their report).
 */
#include "fuzz.h"

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t n = 0, cap = 0, k;

		if (f == NULL) {
			fprintf(stderr, "replay: cannot open '%s'\n", argv[i]);
			return 2;
		}
		do {
			if (n == cap) {
				uint8_t *b = realloc(buf, cap = cap ? cap * 2 : 4096);
				if (b == NULL) {
					fprintf(stderr, "replay: out of memory\n");
					return 2;
				}
				buf = b;
			}
			k = fread(buf + n, 1, cap - n, f);
			n += k;
		} while (k > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
		free(buf);
		printf("ok %s\n", argv[i]);
	}
	return 0;
}
