/*
 * fuzz.h: what the fuzz entry points share.  Each tests/fuzz/NAME.c defines
 * LLVMFuzzerTestOneInput(); built with clang -fsanitize=fuzzer it is a
 * libFuzzer target (make fuzz), built with replay.c it runs saved inputs
 * (make check replays tests/fuzz/regress/ and tests/fuzz/seeds/).
 */
#ifndef TOLL_FUZZ_H
#define TOLL_FUZZ_H

/* memfd_create(); this header comes first in every entry point. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The bytes as a file the readers can open by name (a memfd, named through
 * /proc/self/fd), so that they are read as a regular file would be.  Returns
 * the descriptor (close it after), or -1.
 */
static inline int
fuzz_file(const uint8_t *data, size_t size, char *path, size_t pathsz)
{
	int fd = memfd_create("fuzz", 0);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < size) {
		ssize_t k = write(fd, data + off, size - off);
		if (k <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)k;
	}
	snprintf(path, pathsz, "/proc/self/fd/%d", fd);
	return fd;
}

/* A NUL-terminated copy (the caller frees it), or NULL. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s != NULL) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

#endif
