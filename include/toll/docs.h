/*
 * docs.h: a collection of documents for toll-extract --docs (toll(7),
 * FIGURES OUT OF TEXT): tables whose records are documents, JSON Lines, a
 * JSON array, TSV or CSV, read by the table reader (toll/table.h, and
 * toll/json.h for JSON).  A document's text is its column 'text'; its
 * id, source, reported, url and event are those columns when a record
 * has them, else the defaults given (an id: FILE:LINE, where the record
 * starts).  A report date toll cannot read leaves the document out.
 */
#ifndef TOLL_DOCS_H
#define TOLL_DOCS_H

#include <stddef.h>

#include "toll/diag.h"

typedef struct toll_docs toll_docs;

/* One document; everything in it stays valid until the next toll_docs_next(). */
typedef struct toll_doc {
	char *text;           /* its text, NUL-terminated, the caller's to change in place */
	size_t len;
	const char *id, *source, *reported, *url, *event;   /* NUL-terminated */
	const char *file;     /* where its record starts */
	long line;
} toll_doc;

/*
 * A reader of the tables paths[0..n) (standard input when n is 0 or a
 * name is "-"), each a table of its own (its own columns), with the defaults of a document's event, source and
 * reported (NULL: empty; the strings must outlive the reader, as must
 * paths).  Returns TOLL_OK or TOLL_ENOMEM.
 */
int toll_docs_new(toll_docs **out, char *const *paths, size_t n, const char *event,
                  const char *source, const char *reported);

/*
 * The next document.  Returns TOLL_OK with *doc; TOLL_END after the
 * last; TOLL_EDATA with *d for a problem of the tables (a bad record, a
 * header of no column 'text': its file is skipped) or a document left
 * out (a report date toll cannot read); TOLL_EIO, TOLL_ENOMEM.  After
 * anything but TOLL_END and TOLL_ENOMEM, calling again goes on.
 */
int toll_docs_next(toll_docs *ds, toll_doc *doc, toll_diag *d);

/*
 * Reads key (text, id, source, reported, url or event) from the column
 * named column (it must outlive the reader) rather than from the column
 * of the key's name; a file without it is skipped, said.  Call before the
 * first toll_docs_next().  TOLL_OK, or TOLL_EUSAGE for another key.
 */
int toll_docs_set_column(toll_docs *ds, const char *key, const char *column);

void toll_docs_free(toll_docs *ds);

#endif
