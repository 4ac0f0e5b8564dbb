/*
 * diag.h: the error convention of libtoll, and diagnostics.
 *
 * One convention for the whole library: a function that can fail returns
 * an enum toll_status, TOLL_OK (0) on success, and for anything else
 * fills the toll_diag *d it was given with what is wrong and, for data,
 * where (file, line, column).  d must not be NULL.  Library functions
 * never print and never exit; programs decide what to print and which
 * exit status follows: 1 for TOLL_EDATA, 2 for TOLL_EUSAGE, TOLL_EIO and
 * TOLL_ENOMEM.
 *
 * A function whose only failure is running out of memory returns
 * TOLL_ENOMEM and takes no diagnostic.
 *
 * Two kinds of function answer otherwise, and say so where declared:
 * parsers of one value (a number, a figure, a date) return 0 or the
 * reason it is not one (enum toll_figure_err, or -1), because a value
 * that is not one is an answer, not a failure; and lookups return an
 * index, or -1 when there is none.
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
	TOLL_ENOMEM,   /* out of memory: 2 */
	TOLL_EUSAGE,   /* an argument is wrong (an option's value, a column name): 2 */
	TOLL_WARNING = 100,  /* the reports reader: a duplicate revision (see reports.h) */
	TOLL_NOTE,           /* the reports reader: a warning on the row before */
	TOLL_KNOWN           /* the reports reader: a warning the data says is known (a note tag) */
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

/*
 * Appends item k (from 0) of a list of n to buf (size sz, kept
 * NUL-terminated) at len, as a message lists names: "a, b or c" with
 * conj " or ", "a, b and c" with " and ".  Returns the new length (sz or
 * more when cut).
 */
size_t toll_list_add(char *buf, size_t sz, size_t len, const char *item, size_t k, size_t n,
                     const char *conj);

#endif
