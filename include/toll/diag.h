/*
 * diag.h: error codes and diagnostics shared by every libtoll module.
 *
 * Library functions never print and never exit: they return one of the
 * codes below and, for anything but TOLL_OK, fill a toll_diag that says
 * what is wrong and where.  Programs decide what to print and which exit
 * status follows (SPEC section 3).
 */
#ifndef TOLL_DIAG_H
#define TOLL_DIAG_H

#include <stddef.h>

enum toll_status {
	TOLL_OK = 0,
	TOLL_END,      /* no more rows */
	TOLL_HEADER,   /* a header was read (table reader only) */
	TOLL_EDATA,    /* the input data is invalid: exit status 1 */
	TOLL_EIO,      /* a file could not be opened, read or written: 2 */
	TOLL_ENOMEM    /* out of memory: 2 */
};

#define TOLL_DIAG_MSG 512

/*
 * Where and what.  file is borrowed (it points at the name the caller
 * passed in) and may be NULL; line and col are 1-based and 0 when the
 * problem is not about a place in the data.
 */
typedef struct toll_diag {
	const char *file;
	long line;
	long col;
	char msg[TOLL_DIAG_MSG];
} toll_diag;

/* Fills d (if not NULL) and returns code, so that "return toll_diag_set(...)" reads well. */
int toll_diag_set(toll_diag *d, int code, const char *file, long line, long col,
                  const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;

/*
 * Writes s[0..len) into out (size outsz, always NUL-terminated) in a form
 * safe for a one-line message: bytes below 0x20, 0x7f and invalid UTF-8 become
 * \xNN, and values longer than 48 bytes are cut with "...".
 */
void toll_diag_quote(char *out, size_t outsz, const char *s, size_t len);

#endif
