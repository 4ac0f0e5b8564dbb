/*
 * shim.c: faults for toll's programs, loaded with LD_PRELOAD by
 * tests/fault/run.sh.  What fails is set by the environment:
 *
 *   TOLL_FAULT_ALLOC_MIN=N      allocations of N bytes or more fail (ENOMEM)
 *   TOLL_FAULT_ALLOC_THREADS=1  ... only in threads other than the main one
 *   TOLL_FAULT_FILE=PATH        the file the read faults below are about
 *   TOLL_FAULT_READ_AT=N        reads of it fail (EIO) from byte N on, as at a bad sector
 *   TOLL_FAULT_APPEND=TEXT      at its first read past byte 0, TEXT is appended to it
 *   TOLL_FAULT_TRUNCATE=N       at its first read past byte 0, it is cut to N bytes
 *
 * Allocations go to glibc's own functions (__libc_malloc and the like),
 * reads to the system calls, so nothing here calls what it replaces.
 * Not for sanitizer builds, whose runtime replaces the same functions.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void *__libc_memalign(size_t align, size_t n);

static size_t alloc_min = SIZE_MAX;
static int alloc_threads;
static const char *fault_file;
static dev_t fault_dev;
static ino_t fault_ino;
static long long read_at = -1, truncate_to = -1;
static const char *append_text;
static int changed;   /* the append or the cut has been done */

static long long
env_number(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? strtoll(v, NULL, 10) : -1;
}

__attribute__((constructor)) static void
shim_init(void)
{
	struct stat sb;
	long long v;

	if ((v = env_number("TOLL_FAULT_ALLOC_MIN")) > 0)
		alloc_min = (size_t)v;
	alloc_threads = env_number("TOLL_FAULT_ALLOC_THREADS") == 1;
	read_at = env_number("TOLL_FAULT_READ_AT");
	truncate_to = env_number("TOLL_FAULT_TRUNCATE");
	append_text = getenv("TOLL_FAULT_APPEND");
	fault_file = getenv("TOLL_FAULT_FILE");
	if (fault_file != NULL && stat(fault_file, &sb) == 0) {
		fault_dev = sb.st_dev;
		fault_ino = sb.st_ino;
	} else {
		fault_file = NULL;
	}
}

static int
alloc_fails(size_t n)
{
	if (n < alloc_min)
		return 0;
	if (alloc_threads && syscall(SYS_gettid) == getpid())
		return 0;
	errno = ENOMEM;
	return 1;
}

void *
malloc(size_t n)
{
	return alloc_fails(n) ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return size != 0 && n <= SIZE_MAX / size && alloc_fails(n * size) ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	return alloc_fails(n) ? NULL : __libc_realloc(p, n);
}

void *
aligned_alloc(size_t align, size_t n)
{
	return alloc_fails(n) ? NULL : __libc_memalign(align, n);
}

int
posix_memalign(void **out, size_t align, size_t n)
{
	void *p;

	if (alloc_fails(n))
		return ENOMEM;
	if ((p = __libc_memalign(align, n)) == NULL)
		return ENOMEM;
	*out = p;
	return 0;
}

/* Whether fd is the fault file. */
static int
is_fault_file(int fd)
{
	struct stat sb;

	return fault_file != NULL && fd > 2 && fstat(fd, &sb) == 0 && sb.st_dev == fault_dev &&
	       sb.st_ino == fault_ino;
}

/*
 * Before a read of n bytes at off of the fault file: changes the file once
 * (past byte 0), and cuts n at the bad byte.  Returns -1 (errno EIO) when
 * the read must fail.
 */
static int
before_read(long long off, size_t *n)
{
	if (off > 0 && !__atomic_exchange_n(&changed, 1, __ATOMIC_SEQ_CST)) {
		if (append_text != NULL) {
			int fd = open(fault_file, O_WRONLY | O_APPEND);

			if (fd >= 0) {
				if (write(fd, append_text, strlen(append_text)) < 0)
					abort();
				close(fd);
			}
		}
		if (truncate_to >= 0 && truncate(fault_file, truncate_to) != 0)
			abort();
	}
	if (read_at >= 0) {
		if (off >= read_at) {
			errno = EIO;
			return -1;
		}
		if (off + (long long)*n > read_at)
			*n = (size_t)(read_at - off);
	}
	return 0;
}

ssize_t
read(int fd, void *buf, size_t n)
{
	if (is_fault_file(fd)) {
		long long off = lseek(fd, 0, SEEK_CUR);

		if (off >= 0 && before_read(off, &n) != 0)
			return -1;
	}
	return syscall(SYS_read, fd, buf, n);
}

ssize_t
pread(int fd, void *buf, size_t n, off_t off)
{
	if (is_fault_file(fd) && before_read(off, &n) != 0)
		return -1;
	return syscall(SYS_pread64, fd, buf, n, off);
}

ssize_t
pread64(int fd, void *buf, size_t n, off_t off)
{
	return pread(fd, buf, n, off);
}
