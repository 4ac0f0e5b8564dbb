/*
 * table_int.h: the table reader's state, shared by table.c (reading in
 * order) and tablepar.c (reading a regular TSV file's rows in chunks, in
 * worker threads).  Not installed.
 */
#ifndef TOLL_TABLE_INT_H
#define TOLL_TABLE_INT_H

#include <stdint.h>

#include "toll/strmap.h"
#include "toll/table.h"

#define INITIAL_BUFFER (256u << 10)

/* States of the CSV record scanner. */
enum { CSV_FIELD_START, CSV_UNQUOTED, CSV_QUOTED, CSV_QUOTE_SEEN };

#define MAX_NA 32

struct toll_table {
	char *const *paths;
	size_t npaths, next_file;   /* next_file: index of the next file to open */
	toll_dialect dl;
	char sep;                   /* CSV: the byte between fields */

	/* The spellings of "not stated" (an empty field is one already). */
	const char *na[MAX_NA];
	size_t na_len[MAX_NA], nna, na_max;
	unsigned char na_first[256];
	int pending;                /* no header: the first record waits to be handed out */
	size_t pending_len;         /* its length */
	int index_unnamed;          /* the first header's first name was empty: "index" */

	/* The file being read. */
	const char *name;
	size_t fileno;
	int fd, open, eof, csv, have_header, at_start;
	char *buf;
	size_t cap, pos, end;       /* unread bytes are buf[pos..end) */
	size_t scanned;             /* bytes after pos already searched for the record end */
	int scan_state;             /* CSV: the scanner's state at pos + scanned */
	long scan_lines;            /* CSV: line breaks inside quotes found so far */
	long line;                  /* line number of buf[pos] */
	int last_unterminated;      /* the record just found ends the file without a newline */

	/* The first header: names copied into names_buf. */
	toll_field *cols;
	size_t ncols;
	char *names_buf;
	const toll_field **by_name; /* the columns sorted by name */
	const char *first_name;
	size_t cols_fileno;         /* the file whose header gave the columns */

	/* The current record. */
	toll_field *f, *out;
	size_t *raw;                /* CSV: raw offset of each field from the record start */
	size_t nf, fcap;
	size_t *map;                /* field i of this file is column map[i] */
	size_t mapcap;

	/* Where buf[0] is in the file: the offset of the data after a header. */
	uint64_t off;
	/*
	 * A named regular file is read up to the size it had when opened, with
	 * one thread or several (UINT64_MAX: to its end, for pipes and
	 * standard input).
	 */
	uint64_t limit;

	/* Reading in worker threads (toll_table_set_threads()). */
	int threads;                /* 1: in the calling thread only */
	size_t chunk;               /* bytes of file per chunk */
	toll_table_work work;
	void *work_ctx;
	size_t slot_size;
	int par_tried;              /* this file was looked at for reading in chunks */
	struct toll_par *par;       /* the file being read in chunks, or NULL */
	const void *slot;           /* the work's result for the row handed out, or NULL */
	int borrowed;               /* a chunk reader: cols, by_name, map and buf are not its own */

	/*
	 * A later file's header: how many fields it has, the first file's
	 * columns it lacks (their fields are empty), and what differs, to say
	 * once (toll_table_header_note()).
	 */
	size_t hdr_nf;
	size_t *missing, nmissing, missingcap;
	int has_note;
	toll_diag note;

	/*
	 * A part written by toll split (toll(7), PARTS): its first line is
	 * "#toll split I/K", and its lines "#@LINE[ FILE]" say where the next
	 * line came from.  Rows are said to be of that file (vfileno: fileno,
	 * or npaths + the number of a name in origins) and line.
	 */
	unsigned long split_i, split_k;   /* 0: not a part */
	toll_strmap *origins;
	size_t vfileno;
	long line_shift;            /* the file's own line is line + line_shift */

	/* toll_table_keep_raw(): a copy of the last record's bytes, as read. */
	int keep_raw;
	char *rec_copy;
	size_t rec_len, rec_cap;
	unsigned long rec_seq;      /* records kept so far */
	long rec_line;
	const char *rec_file;

	/* The file being read is JSON (toll/json.h): its reader's state. */
	int json;
	void *js;
	/* JSON records with keys the columns do not have (toll_table_unread_keys()). */
	long unread, unread_line;
	const char *unread_file;
	char unread_key[64];
};

/*
 * A JSON reader (toll_json_table): fields() fills t->f[0..t->nf) with the
 * file's column names (the first call for a file) or its next record's
 * fields, and *line with their line; TOLL_OK, TOLL_END at the file's end,
 * or an error.  free() lets go of the state of t->js.
 */
struct toll_table_json {
	int (*fields)(toll_table *t, long *line, toll_diag *d);
	void (*free)(toll_table *t);
};

/* Not exported from libtoll.so. */
#pragma GCC visibility push(hidden)

struct toll_par;

/*
 * Reads on from a chunk of parallel reading; returns a code of
 * toll_table_next(), or TOLL_PAR_SERIAL when parallel reading has ended
 * (the file is closed, or reading goes on in order from where it stopped).
 */
#define TOLL_PAR_SERIAL (-1000)
int toll_par_start(toll_table *t);
int toll_par_next(toll_table *t, toll_row *row, toll_diag *d);
void toll_par_free(toll_table *t);

/* table.c's own, for the chunk readers and the JSON reader. */
int toll_table_grow_fields(toll_table *t);
void toll_table_close_file(toll_table *t);
int toll_table_fill(toll_table *t, toll_diag *d);

#pragma GCC visibility pop

#endif
