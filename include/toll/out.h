/*
 * out.h: buffered output of TSV to a file descriptor.
 *
 * A toll_out either writes through to its descriptor or, when spooled,
 * keeps everything (in memory, then in an unlinked temporary file past
 * TOLL_OUT_SPOOL_MEMORY bytes) until toll_out_commit() copies it out.
 * Programs spool their result rows so that invalid input found late
 * leaves no result rows behind (toll(7), BAD INPUT AND LIMITS).
 */
#ifndef TOLL_OUT_H
#define TOLL_OUT_H

#include <stddef.h>
#include <stdint.h>

#include "toll/diag.h"

#define TOLL_OUT_SPOOL_MEMORY ((size_t)16 << 20)

typedef struct toll_out toll_out;

/* A writer to fd; spool != 0 holds everything until toll_out_commit().  NULL when out of memory. */
toll_out *toll_out_new(int fd, int spool);

/* Writes bytes as they are. */
void toll_out_write(toll_out *o, const char *s, size_t len);

/* How many bytes have been written to o so far (a place in what it writes out). */
uint64_t toll_out_tell(const toll_out *o);

/* Writes a field with the TSV escapes: tab, newline, carriage return, backslash. */
void toll_out_field(toll_out *o, const char *s, size_t len);
void toll_out_str(toll_out *o, const char *s);   /* a field from a C string */
void toll_out_int(toll_out *o, int64_t v);       /* a decimal integer */

/* v in decimal into buf, as toll_out_int() writes it; returns its length. */
#define TOLL_INT_TEXT 24
size_t toll_int_text(int64_t v, char buf[TOLL_INT_TEXT]);

/*
 * A number as every toll program writes them: '.' as decimal point whatever the
 * locale, integral values without decimals, no exponent, fifteen
 * significant digits (exact to 1e-15 relative; 0.1 + 0.2 is written 0.3),
 * trailing zeros dropped.  NaN and infinities are written as empty fields.
 */
void toll_out_double(toll_out *o, double v);

/*
 * A double as toll_out_double() writes it, into buf (cut to sz - 1
 * bytes; TOLL_DOUBLE_TEXT always holds it); returns its length.
 */
#define TOLL_DOUBLE_TEXT 400
size_t toll_double_text(double v, char *buf, size_t sz);
void toll_out_tab(toll_out *o);
void toll_out_eol(toll_out *o);

/*
 * Writes out what is buffered (for a spooled writer: everything written so
 * far) and reports the first error seen.  Returns TOLL_OK or TOLL_EIO /
 * TOLL_ENOMEM with *d filled.  name names the destination in messages.
 */
int toll_out_commit(toll_out *o, const char *name, toll_diag *d);

/* Whether a write has failed (the error is reported by toll_out_commit()). */
int toll_out_failed(const toll_out *o);

/*
 * A named output, written by what is at the path: nothing or a regular
 * file is written to a temporary file in the same folder (".NAME.XXXXXX")
 * and renamed into place by toll_atomic_commit(), so that it appears whole
 * or not at all (a file replaced keeps its mode); a symbolic link is
 * followed, and the file it names written so; a file with other hard
 * links, a device, a FIFO or a socket is written by copying the whole
 * output into it at the commit (connecting to a socket), from an unlinked
 * temporary file of $TMPDIR; a folder is refused.  toll_atomic_abort()
 * removes what was made.  Up to TOLL_ATOMIC_MAX at a time.  Programs call
 * toll_atomic_signal_cleanup() from their handlers of SIGINT, SIGTERM and
 * SIGHUP (it only unlinks), so that an interrupted run leaves nothing
 * behind.  open and commit return TOLL_OK, or TOLL_EIO / TOLL_ENOMEM with
 * *d filled ("cannot create 'x.png': ...", "cannot write 'full': No space
 * left on device"); commit frees the output, whatever it returns.
 */
typedef struct toll_atomic toll_atomic;

#define TOLL_ATOMIC_MAX 1024

int toll_atomic_open(toll_atomic **out, const char *path, toll_diag *d);
int toll_atomic_fd(const toll_atomic *a);
int toll_atomic_commit(toll_atomic *a, toll_diag *d);
void toll_atomic_abort(toll_atomic *a);
void toll_atomic_signal_cleanup(void);

/*
 * A temporary file that must have a name while it lives (read back by
 * path): created in $TMPDIR (or /tmp), its name in path, its descriptor
 * returned (-1 and errno when it cannot be made; at most 8 at a time).
 * toll_tmp_remove() unlinks it; toll_atomic_signal_cleanup() unlinks
 * every one still there, so an interrupted program leaves none behind.
 */
int toll_tmp_open(char path[4096]);
void toll_tmp_remove(const char *path);

/* Drops whatever is held and frees o; NULL is a no-op. */
void toll_out_free(toll_out *o);

/*
 * Writes v with the given number of decimals (0 to 9), ',' between
 * thousands and U+2212 as the minus sign, into buf (size at least
 * TOLL_NUMBER_TEXT): "6,500", "2.5", "−1,000".
 */
#define TOLL_NUMBER_TEXT 48
void toll_format_number(double v, int decimals, char *buf, size_t bufsz);

#endif
