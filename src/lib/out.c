/* out.c: buffered TSV output with spooling for all-or-nothing results. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "toll/out.h"

#define OUT_BUFFER (64u << 10)

struct toll_out {
	int fd, spool, tmpfd;
	char *buf;
	size_t len, cap;
	uint64_t told;      /* bytes written to it so far (toll_out_tell()) */
	int err;            /* first errno seen, or -1 for out of memory */
};

toll_out *
toll_out_new(int fd, int spool)
{
	toll_out *o = calloc(1, sizeof *o);

	if (o == NULL)
		return NULL;
	o->fd = fd;
	o->spool = spool;
	o->tmpfd = -1;
	o->cap = OUT_BUFFER;
	o->buf = malloc(o->cap);
	if (o->buf == NULL) {
		free(o);
		return NULL;
	}
	return o;
}

void
toll_out_free(toll_out *o)
{
	if (o == NULL)
		return;
	if (o->tmpfd >= 0)
		close(o->tmpfd);
	free(o->buf);
	free(o);
}

static int
write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Named temporary files a signal handler removes (toll_tmp_open()). */
#define TMP_MAX_OPEN 8
static char tmp_paths[TMP_MAX_OPEN][4096];
static volatile sig_atomic_t tmp_live[TMP_MAX_OPEN];

/* Opens an unlinked temporary file for a spool that outgrew memory. */
static int
open_tmp(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	int fd, i;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if (snprintf(path, sizeof path, "%s/toll-spool-XXXXXX", dir) >= (int)sizeof path)
		return -1;
	/* Removed by a signal handler too until it is unlinked (toll_tmp_open()'s table). */
	for (i = 0; i < TMP_MAX_OPEN && tmp_live[i]; i++)
		;
	if (i < TMP_MAX_OPEN) {
		memcpy(tmp_paths[i], path, sizeof path);
		tmp_live[i] = 1;
		fd = mkstemp(tmp_paths[i]);
		if (fd >= 0)
			unlink(tmp_paths[i]);
		tmp_live[i] = 0;
		return fd;
	}
	fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	return fd;
}

/* Makes room for n more bytes: flushes, spills or grows. */
static void
make_room(toll_out *o, size_t n)
{
	if (o->err)
		return;
	if (o->spool && o->tmpfd < 0 && o->len + n <= TOLL_OUT_SPOOL_MEMORY) {
		size_t ncap = o->cap;
		char *nb;

		while (ncap < o->len + n)
			ncap *= 2;
		if (ncap == o->cap)
			return;
		nb = realloc(o->buf, ncap);
		if (nb == NULL) {
			o->err = -1;
			return;
		}
		o->buf = nb;
		o->cap = ncap;
		return;
	}
	if (o->spool && o->tmpfd < 0 && (o->tmpfd = open_tmp()) < 0) {
		o->err = errno ? errno : EIO;
		return;
	}
	if ((o->err = write_all(o->spool ? o->tmpfd : o->fd, o->buf, o->len)) != 0)
		return;
	o->len = 0;
	if (n > o->cap) {
		char *nb = realloc(o->buf, n);

		if (nb == NULL) {
			o->err = -1;
			return;
		}
		o->buf = nb;
		o->cap = n;
	}
}

void
toll_out_write(toll_out *o, const char *s, size_t len)
{
	if (o->len + len > o->cap)
		make_room(o, len);
	if (o->err)
		return;
	memcpy(o->buf + o->len, s, len);
	o->len += len;
	o->told += len;
}

/* One byte: a tab or a newline, between every two fields. */
static inline void
toll_out_byte(toll_out *o, char c)
{
	if (o->len < o->cap && !o->err) {
		o->buf[o->len++] = c;
		o->told++;
	} else {
		toll_out_write(o, &c, 1);
	}
}

uint64_t
toll_out_tell(const toll_out *o)
{
	return o->told;
}

/* Whether any of the eight bytes of w is a tab, a newline, a carriage return (or another below 14) or '\\'. */
static inline int
may_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t bs = w ^ ones * '\\';

	return (((w - ones * 14) & ~w) | ((bs - ones) & ~bs)) & high ? 1 : 0;
}

void
toll_out_field(toll_out *o, const char *s, size_t len)
{
	size_t i = 0, start = 0;

	for (;;) {
		const char *esc;

		/* Eight bytes at a time over those that need no escape: most fields have none. */
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (may_escape(w))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		switch (s[i]) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default: i++; continue;
		}
		toll_out_write(o, s + start, i - start);
		toll_out_write(o, esc, 2);
		start = ++i;
	}
	toll_out_write(o, s + start, len - start);
}

void
toll_out_str(toll_out *o, const char *s)
{
	toll_out_field(o, s, strlen(s));
}

size_t
toll_int_text(int64_t v, char buf[TOLL_INT_TEXT])
{
	char tmp[24];
	size_t i = sizeof tmp;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		tmp[--i] = '-';
	memcpy(buf, tmp + i, sizeof tmp - i);
	buf[sizeof tmp - i] = '\0';
	return sizeof tmp - i;
}

void
toll_out_int(toll_out *o, int64_t v)
{
	char buf[TOLL_INT_TEXT];
	size_t n = toll_int_text(v, buf);

	toll_out_write(o, buf, n);
}

size_t
toll_double_text(double v, char *out, size_t sz)
{
	char sci[32], buf[400], digits[18];
	int e, nd, k, n = 0, sig = 15;

	if (v != v || v - v != 0) {
		n = 0;    /* NaN, infinite: nothing */
		goto done;
	}
	if (v == 0) {
		buf[n++] = '0';
		goto done;
	}
	/*
	 * A whole number is written exactly up to 2^53, where doubles stop
	 * holding every integer (in range first: converting a larger double
	 * to an integer is undefined).
	 */
	if (v >= -9007199254740992.0 && v <= 9007199254740992.0 && v == (double)(int64_t)v) {
		n = snprintf(buf, sizeof buf, "%lld", (long long)v);
		goto done;
	}
	/*
	 * Fifteen significant digits, as many as a double always holds
	 * exactly (so 0.1 + 0.2 is 0.3), from "-d.dddddddddddddde+XX", then
	 * placed by the exponent, without trailing zeros after the point.
	 */
	snprintf(sci, sizeof sci, "%.14e", v);
	/* Only the largest doubles can round past DBL_MAX: read back only those. */
	if ((v > 1e308 || v < -1e308) && (strtod(sci, NULL) > DBL_MAX || strtod(sci, NULL) < -DBL_MAX)) {
		/* Rounded to fifteen digits, the largest doubles would read back as infinite. */
		snprintf(sci, sizeof sci, "%.16e", v);
		sig = 17;
	}
	e = atoi(strchr(sci, 'e') + 1);
	digits[0] = sci[v < 0];
	memcpy(digits + 1, sci + (v < 0) + 2, (size_t)(sig - 1));
	for (nd = sig; nd > 1 && digits[nd - 1] == '0'; nd--)
		;
	if (v < 0)
		buf[n++] = '-';
	if (e < 0) {
		buf[n++] = '0';
		buf[n++] = '.';
		for (k = 0; k < -e - 1; k++)
			buf[n++] = '0';
		memcpy(buf + n, digits, (size_t)nd);
		n += nd;
	} else {
		for (k = 0; k <= e || k < nd; k++) {
			if (k == e + 1)
				buf[n++] = '.';
			buf[n++] = k < nd ? digits[k] : '0';
		}
	}
done:
	if (sz > 0) {
		size_t k2 = (size_t)n < sz - 1 ? (size_t)n : sz - 1;
		memcpy(out, buf, k2);
		out[k2] = '\0';
	}
	return (size_t)n;
}

void
toll_out_double(toll_out *o, double v)
{
	char buf[TOLL_DOUBLE_TEXT];
	size_t n = toll_double_text(v, buf, sizeof buf);

	toll_out_write(o, buf, n);
}


void
toll_out_tab(toll_out *o)
{
	toll_out_byte(o, '\t');
}

void
toll_out_eol(toll_out *o)
{
	toll_out_byte(o, '\n');
}

static int
fail(toll_out *o, const char *name, toll_diag *d)
{
	if (o->err == -1)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot write %s: %s", name,
	                     strerror(o->err));
}

int
toll_out_commit(toll_out *o, const char *name, toll_diag *d)
{
	if (o->err)
		return fail(o, name, d);
	if (o->spool && o->tmpfd >= 0) {
		char *chunk = o->buf;
		ssize_t n;

		/* Move the tail to the temporary file, then copy it all out. */
		if ((o->err = write_all(o->tmpfd, o->buf, o->len)) != 0)
			return fail(o, name, d);
		o->len = 0;
		if (lseek(o->tmpfd, 0, SEEK_SET) < 0) {
			o->err = errno;
			return fail(o, name, d);
		}
		while ((n = read(o->tmpfd, chunk, o->cap)) != 0) {
			if (n < 0) {
				if (errno == EINTR)
					continue;
				o->err = errno;
				return fail(o, name, d);
			}
			if ((o->err = write_all(o->fd, chunk, (size_t)n)) != 0)
				return fail(o, name, d);
		}
		close(o->tmpfd);
		o->tmpfd = -1;
		o->spool = 0;
		return TOLL_OK;
	}
	if ((o->err = write_all(o->fd, o->buf, o->len)) != 0)
		return fail(o, name, d);
	o->len = 0;
	o->spool = 0;
	return TOLL_OK;
}

int
toll_out_failed(const toll_out *o)
{
	return o->err != 0;
}

/*
 * Named outputs (-o).  What is at the path decides how it is written:
 *
 *   nothing, or a regular file of one link: a temporary file in the same
 *     folder (".NAME.XXXXXX"), renamed into place at the end, so the file
 *     appears whole or not at all; a file replaced keeps its permissions;
 *   a symbolic link: followed (up to 40 links, a dangling one too), and the
 *     file it names is written by these rules: the link stays a link;
 *   a regular file with other hard links, a device, a FIFO or a socket:
 *     the whole output is made first in an unlinked temporary file of
 *     $TMPDIR, then copied into the path opened for writing (a socket is
 *     connected to), so the links stay one file, a device stays a device,
 *     and nothing is written when the output cannot be made; an error
 *     while copying (a full device) is reported;
 *   a folder: refused.
 *
 * The temporary files' names are kept where a signal handler can reach
 * them (toll_atomic_signal_cleanup()): up to TOLL_ATOMIC_MAX outputs are
 * made at a time (toll split's parts).
 */
static char *volatile atomic_live[TOLL_ATOMIC_MAX];

enum { BY_RENAME, BY_COPY };

struct toll_atomic {
	const char *path;   /* as the caller named it, for messages */
	char *target;       /* the path written: path, or what its links name */
	char tmp[4096];     /* BY_RENAME: the temporary file beside it */
	int slot;           /* its place in atomic_live, or -1 */
	int fd, how;
	int keep_mode;      /* a file replaced: its mode and owner are kept */
	mode_t mode;
	uid_t uid;
	gid_t gid;
};

/* Puts the folder of link (up to its last '/') before rel, a link's relative target. */
static char *
link_join(const char *link, const char *rel)
{
	const char *slash = strrchr(link, '/');
	size_t dl = slash ? (size_t)(slash - link) + 1 : 0, rl = strlen(rel);
	char *p = malloc(dl + rl + 1);

	if (p == NULL)
		return NULL;
	memcpy(p, link, dl);
	memcpy(p + dl, rel, rl + 1);
	return p;
}

/*
 * Follows symbolic links from path: *target is the first path that is not
 * one (allocated), *sb its lstat() when *exists.  Returns 0, or an errno.
 */
static int
resolve(const char *path, char **target, struct stat *sb, int *exists)
{
	char *p = strdup(path);
	int hops;

	*target = NULL;
	*exists = 0;
	if (p == NULL)
		return ENOMEM;
	for (hops = 0;; hops++) {
		char buf[4096], *next;
		ssize_t n;

		if (lstat(p, sb) != 0) {
			int e = errno;

			if (e != ENOENT) {
				free(p);
				return e;
			}
			break;
		}
		if (!S_ISLNK(sb->st_mode)) {
			*exists = 1;
			break;
		}
		if (hops == 40) {
			free(p);
			return ELOOP;
		}
		if ((n = readlink(p, buf, sizeof buf - 1)) < 0) {
			int e = errno;

			free(p);
			return e;
		}
		if ((size_t)n == sizeof buf - 1) {
			free(p);
			return ENAMETOOLONG;
		}
		buf[n] = '\0';
		next = buf[0] == '/' ? strdup(buf) : link_join(p, buf);
		free(p);
		if ((p = next) == NULL)
			return ENOMEM;
	}
	*target = p;
	return 0;
}

int
toll_atomic_open(toll_atomic **out, const char *path, toll_diag *d)
{
	toll_atomic *a;
	struct stat sb;
	int exists, e;

	int slot;

	*out = NULL;
	for (slot = 0; slot < TOLL_ATOMIC_MAX && atomic_live[slot] != NULL; slot++)
		;
	if (slot == TOLL_ATOMIC_MAX)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot create '%s': %d outputs are open",
		                     path, TOLL_ATOMIC_MAX);
	if ((a = calloc(1, sizeof *a)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	a->path = path;
	a->fd = -1;
	a->slot = -1;
	/*
	 * stat() follows links as open() does, /proc's too (/dev/stdout
	 * names a pipe by a link that is no path); a link to nothing is
	 * followed by hand, to the file it would create.
	 */
	if (stat(path, &sb) == 0) {
		struct stat lsb;

		exists = 1;
		if (S_ISREG(sb.st_mode) && sb.st_nlink == 1 && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
			a->target = realpath(path, NULL);
		else
			a->target = strdup(path);
		e = a->target == NULL ? errno : 0;
	} else if (errno == ENOENT) {
		e = resolve(path, &a->target, &sb, &exists);
	} else {
		e = errno;
	}
	if (e != 0) {
		free(a->target);
		free(a);
		if (e == ENOMEM)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot create '%s': %s", path, strerror(e));
	}
	if (exists && S_ISDIR(sb.st_mode)) {
		e = EISDIR;
	} else if (exists && (!S_ISREG(sb.st_mode) || sb.st_nlink > 1)) {
		a->how = BY_COPY;
		if ((a->fd = open_tmp()) < 0)
			e = errno ? errno : EIO;
	} else {
		const char *t = a->target, *slash = strrchr(t, '/');
		size_t dirlen = slash ? (size_t)(slash - t) + 1 : 0;

		a->how = BY_RENAME;
		if (exists) {
			a->keep_mode = 1;
			a->mode = sb.st_mode & 07777;
			a->uid = sb.st_uid;
			a->gid = sb.st_gid;
		}
		if (snprintf(a->tmp, sizeof a->tmp, "%.*s.%s.XXXXXX", (int)dirlen, t,
		             slash ? slash + 1 : t) >= (int)sizeof a->tmp)
			e = ENAMETOOLONG;
		else {
			a->slot = slot;
			atomic_live[slot] = a->tmp;   /* before the file exists: see toll_tmp_open() */
			if ((a->fd = mkstemp(a->tmp)) < 0) {
				e = errno;
				atomic_live[slot] = NULL;
				a->slot = -1;
			}
		}
		/*
		 * A file that may be written where no file may be created
		 * beside it: written in place, as a copy, at the end.
		 */
		if (a->fd < 0 && exists && (e == EACCES || e == EPERM) && access(t, W_OK) == 0) {
			a->how = BY_COPY;
			a->keep_mode = 0;
			e = (a->fd = open_tmp()) < 0 ? (errno ? errno : EIO) : 0;
		}
	}
	if (a->fd < 0 || e != 0) {
		toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot %s '%s': %s", e == EISDIR ? "write" : "create", path,
		              strerror(e ? e : EIO));
		toll_atomic_abort(a);
		return TOLL_EIO;
	}
	*out = a;
	return TOLL_OK;
}

int
toll_atomic_fd(const toll_atomic *a)
{
	return a->fd;
}

/* Opens what is at the target for writing: a file, a device, a FIFO, or a socket to connect to. */
static int
open_target(const char *target)
{
	struct stat sb;
	int fd, reg;

	if (stat(target, &sb) != 0)
		sb.st_mode = 0;
	reg = S_ISREG(sb.st_mode);
	if (S_ISSOCK(sb.st_mode)) {
		struct sockaddr_un sa;

		if (strlen(target) >= sizeof sa.sun_path) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memset(&sa, 0, sizeof sa);
		sa.sun_family = AF_UNIX;
		strcpy(sa.sun_path, target);
		if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
			return -1;
		if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
			int e = errno;

			close(fd);
			errno = e;
			return -1;
		}
		return fd;
	}
	do
		fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC | (reg ? O_TRUNC : 0));
	while (fd < 0 && errno == EINTR);
	return fd;
}

/* Copies the whole output from the temporary file into the target; 0 or an errno. */
static int
copy_out(toll_atomic *a)
{
	char buf[65536];
	ssize_t n;
	int to, e = 0;

	if (lseek(a->fd, 0, SEEK_SET) < 0)
		return errno;
	if ((to = open_target(a->target)) < 0)
		return errno;
	while ((n = read(a->fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			break;
		}
		if ((e = write_all(to, buf, (size_t)n)) != 0)
			break;
	}
	if (close(to) != 0 && e == 0 && errno != EINTR)
		e = errno;
	return e;
}

int
toll_atomic_commit(toll_atomic *a, toll_diag *d)
{
	int e = 0;

	if (a->how == BY_COPY) {
		e = copy_out(a);
	} else {
		mode_t mask = umask(0);

		/* The mode a new file would have (mkstemp() makes it private), or the replaced file's. */
		umask(mask);
		if (a->keep_mode && fchown(a->fd, a->uid, a->gid) != 0 && errno != EPERM)
			e = errno;
		if (e == 0 && fchmod(a->fd, a->keep_mode ? a->mode : 0666 & ~mask) != 0)
			e = errno;
		if (close(a->fd) != 0 && e == 0)
			e = errno;
		a->fd = -1;
		if (e == 0 && rename(a->tmp, a->target) != 0)
			e = errno;
		if (e == 0 && a->slot >= 0) {
			atomic_live[a->slot] = NULL;
			a->slot = -1;
		}
	}
	if (e != 0) {
		toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot write '%s': %s", a->path, strerror(e));
		toll_atomic_abort(a);
		return TOLL_EIO;
	}
	toll_atomic_abort(a);
	return TOLL_OK;
}

void
toll_atomic_abort(toll_atomic *a)
{
	if (a == NULL)
		return;
	if (a->fd >= 0)
		close(a->fd);
	if (a->slot >= 0) {
		unlink(a->tmp);
		atomic_live[a->slot] = NULL;
	}
	free(a->target);
	free(a);
}

int
toll_tmp_open(char path[4096])
{
	const char *dir = getenv("TMPDIR");
	int i, fd;

	for (i = 0; i < TMP_MAX_OPEN && tmp_live[i]; i++)
		;
	if (i == TMP_MAX_OPEN) {
		errno = EMFILE;
		return -1;
	}
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if (snprintf(tmp_paths[i], sizeof tmp_paths[i], "%s/toll-XXXXXX", dir) >= (int)sizeof tmp_paths[i]) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/*
	 * Marked before it exists: a signal is taken when the system call
	 * that made the file returns, before the next statement would mark
	 * it, and the file would be left behind.
	 */
	tmp_live[i] = 1;
	if ((fd = mkstemp(tmp_paths[i])) < 0) {
		tmp_live[i] = 0;
		return -1;
	}
	memcpy(path, tmp_paths[i], sizeof tmp_paths[i]);
	return fd;
}

void
toll_tmp_remove(const char *path)
{
	int i;

	for (i = 0; i < TMP_MAX_OPEN; i++)
		if (tmp_live[i] && strcmp(tmp_paths[i], path) == 0) {
			unlink(tmp_paths[i]);
			tmp_live[i] = 0;
		}
}

void
toll_atomic_signal_cleanup(void)
{
	int i;

	for (i = 0; i < TOLL_ATOMIC_MAX; i++)
		if (atomic_live[i] != NULL)
			unlink(atomic_live[i]);
	for (i = 0; i < TMP_MAX_OPEN; i++)
		if (tmp_live[i])
			unlink(tmp_paths[i]);
}

void
toll_format_number(double v, int decimals, char *buf, size_t bufsz)
{
	char digits[64], *p = buf, *end = buf + bufsz - 1;
	const char *dot;
	size_t intlen, i;
	int n;

	if (bufsz == 0)
		return;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	/* A value that rounds to zero is written without a sign. */
	n = snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
	if (n < 0 || (size_t)n >= sizeof digits || !isfinite(v)) {
		snprintf(buf, bufsz, "?");
		return;
	}
	if (v < 0 && strspn(digits, "0.") != (size_t)n) {
		static const char minus[] = "\xe2\x88\x92";   /* U+2212 MINUS SIGN */
		for (i = 0; minus[i] != '\0' && p < end; i++)
			*p++ = minus[i];
	}
	dot = strchr(digits, '.');
	intlen = dot ? (size_t)(dot - digits) : (size_t)n;
	for (i = 0; i < intlen && p < end; i++) {
		if (i > 0 && (intlen - i) % 3 == 0 && p < end)
			*p++ = ',';
		if (p < end)
			*p++ = digits[i];
	}
	for (i = intlen; i < (size_t)n && p < end; i++)
		*p++ = digits[i];
	*p = '\0';
}
