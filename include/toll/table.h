/*
 * table.h: the streaming table reader (toll(7), THE REPORTS TABLE).
 *
 * Reads TSV (with the escapes \t \n \r \\) or CSV (RFC 4180) from one or
 * more files as one table.  A data field spelled as "not stated" (NA,
 * null, ...: the dialect's na) is handed out empty.  A first header name
 * that alone is empty (an index column, as pandas writes) is "index".  A UTF-8 byte-order mark is skipped, CRLF line
 * ends are accepted, blank lines are skipped and, in TSV only, a line
 * whose first byte is '#' is a comment.  Every file starts with a header;
 * later files name their columns in any order, and their rows are handed
 * out in the first file's column order: a column of the first that a
 * later file lacks is empty in its rows, a column the first lacks is left
 * out, and toll_table_header_note() says so.
 *
 * The reader holds one record at a time (plus its read buffer), never a
 * whole file.  Records are limited to TOLL_TABLE_MAX_RECORD bytes.
 */
#ifndef TOLL_TABLE_H
#define TOLL_TABLE_H

#include <stddef.h>

#include "toll/diag.h"

#define TOLL_TABLE_MAX_RECORD ((size_t)64 << 20)

enum toll_format {
	TOLL_FORMAT_AUTO = 0,  /* CSV when the name ends in .csv, else TSV */
	TOLL_FORMAT_TSV,
	TOLL_FORMAT_CSV
};

/*
 * How a table is written, when it is not as toll(7) says.  The
 * strings must outlive the reader.
 */
typedef struct toll_dialect {
	enum toll_format fmt;
	char delim;          /* 0: the format's; '\t': TSV; else fields split at this byte,
	                        quoted as in CSV (';', '|') */
	int no_header;       /* no header line: every line is a record */
	const char *names;   /* NULL, or the names of the columns, comma-separated: with
	                        no_header the fields' names (else 1, 2, ...), else new names
	                        for the header's */
	const char *na;      /* the spellings of "not stated", comma-separated, matched
	                        exactly (NULL: toll_na_default; "": the empty field only) */
	const struct toll_table_json *json;  /* NULL: a JSON file is refused, "this is
	                        JSON"; &toll_json_table (toll/json.h): read as records */
} toll_dialect;

#define TOLL_DIALECT_INIT { TOLL_FORMAT_AUTO, 0, 0, NULL, NULL, NULL }

/* "NA,N/A,NaN,null": with the empty field, what is "not stated" unless --na says. */
extern const char toll_na_default[];

/* One field: decoded bytes (not NUL-terminated), and where it starts. */
typedef struct toll_field {
	const char *s;
	size_t len;
	long line;   /* 1-based line of the file */
	long col;    /* 1-based byte column where the field starts (after a BOM) */
} toll_field;

/* A row; its fields stay valid until the next call to toll_table_next(). */
typedef struct toll_row {
	const toll_field *f;
	size_t n;
	const char *file;  /* the name as given ("-" for standard input) */
	long line;         /* line where the record starts */
	size_t fileno;     /* index of the file in the list given */
} toll_row;

typedef struct toll_table toll_table;

/*
 * Creates a reader of the files paths[0..npaths) (standard input when
 * npaths is 0; "-" also names it) written as dl says (NULL: as toll(7)
 * says, THE REPORTS TABLE).  Nothing is opened yet.  Returns TOLL_OK or
 * TOLL_ENOMEM.  The caller owns *out and frees it with toll_table_free();
 * the paths and dl's strings must outlive it.
 */
int toll_table_new(toll_table **out, char *const *paths, size_t npaths, const toll_dialect *dl);

/*
 * A table of no file, its header names[0..n) (copied), named name in
 * messages (it must outlive the table): rows made in memory (toll_row
 * values) are handed with it to what reads a table's rows, as the chart
 * reader.  Returns TOLL_OK, or TOLL_EDATA (an empty or repeated name) or
 * TOLL_ENOMEM with *d.
 */
int toll_table_of_columns(toll_table **out, const char *name, const char *const *names, size_t n,
                          toll_diag *d);

/*
 * Reads on.  Returns:
 *   TOLL_HEADER  a file's header was read and matches the first file's
 *                (row holds it in the file's own order);
 *   TOLL_OK      a data row in the first header's column order;
 *   TOLL_END     all files are read;
 *   TOLL_EDATA   a problem with the data, described in *d: a row with the
 *                wrong number of fields, invalid UTF-8 or a NUL byte, a bad
 *                CSV quote, an empty file, an empty or repeated column name,
 *                a header unlike the first; the bad record (or, for a header,
 *                the whole file) is skipped;
 *   TOLL_EIO     a file could not be opened or read; it is skipped;
 *   TOLL_ENOMEM  out of memory.
 * After anything but TOLL_END and TOLL_ENOMEM, calling again goes on.
 */
int toll_table_next(toll_table *t, toll_row *row, toll_diag *d);

/*
 * After a later file's TOLL_HEADER: 1, with *d at that header, when its
 * columns are not the first file's ("columns unlike those of 'a.tsv':
 * 'day' is not here, its fields are empty; 'x' is not there, left out"),
 * once; else 0.
 */
int toll_table_header_note(toll_table *t, toll_diag *d);

/*
 * Parts of toll split (toll(7), PARTS): a file whose first line is
 * "#toll split I/K" is part I of K, and in it a line "#@LINE" or "#@LINE
 * FILE" says that the next line is line LINE of FILE (else of the file
 * named before): rows, fields and messages are of that file and line, and
 * toll_table_file_name() names it.  Such a file is read in order, without
 * threads.  toll_table_split_part() gives I and K of the file being read
 * and returns 1, or 0 when it is no part.
 */
#define TOLL_PART_MAX 1000000L
int toll_table_split_part(const toll_table *t, unsigned long *i, unsigned long *k);

/* The name of the file being read, as given (not one a part names). */
const char *toll_table_reading(const toll_table *t);

/* The name of the file a row's fileno names: one given, or one a part names. */
const char *toll_table_file_name(const toll_table *t, size_t fileno);

/*
 * Keeps the bytes of every record as read (before CSV quotes and TSV
 * escapes are undone, without its line end), for a program that copies
 * records (toll split): toll_table_raw() gives the last one, even one
 * refused, with its file and line.  Call before the first
 * toll_table_next().
 */
void toll_table_keep_raw(toll_table *t);
const char *toll_table_raw(const toll_table *t, size_t *len, const char **file, long *line);
/* How many records were kept so far: a problem that leaves it as it was kept none (one too long). */
unsigned long toll_table_records(const toll_table *t);
/* Whether the file being read has had its header: a problem now is of a record, not of the file. */
int toll_table_reading_rows(const toll_table *t);

/* Whether the file being read has column col of the first header. */
int toll_table_file_has(const toll_table *t, long col);

/* Skips the rest of the file being read (its header would not do). */
void toll_table_skip_file(toll_table *t);

/*
 * JSON records read so far with a key that their file's columns (the keys
 * of its first records, toll/json.h) do not have, and so not read: how
 * many, and the first one's file, line and key (its dotted path, cut).
 * 0 for tables that are not JSON.
 */
long toll_table_unread_keys(const toll_table *t, const char **file, long *line, const char **key);

/* The column names of the first header, or NULL before it is read. */
const toll_field *toll_table_columns(const toll_table *t, size_t *n);

/*
 * Index of the column named name in the first header; else of the one
 * column named so but for ASCII case (COUNTRY for country); else -1.
 */
long toll_table_column(const toll_table *t, const char *name);

/*
 * Fills *d with a problem of field col of row, at the field's place:
 * "WHAT 'VALUE' in column 'NAME'", the value and the name (cols[col], the
 * header) quoted for a message.  Returns TOLL_EDATA.
 */
int toll_row_problem(const toll_row *row, size_t col, const toll_field *cols, const char *what,
                     toll_diag *d);

/*
 * Says that no column of cols[0..n) is named name[0..len) as a message
 * that helps, into buf: "unknown column 'sid': did you mean 'side'?
 * (columns: event, reported, ...)"; what is the start ("unknown column",
 * "missing required column"), where (or NULL) follows the name (" in key
 * 'sid:month'").  A header of one column that holds commas (or tabs) says
 * the file was read with the wrong delimiter and names --csv (--tsv).
 */
void toll_column_problem(const toll_field *cols, size_t n, const char *what, const char *name,
                         size_t len, const char *where, char *buf, size_t bufsz);

/*
 * Whether the first header's names are the file's (1), not no_header's or
 * names' (0); *skip is 1 when its first column is an unnamed index
 * column, else 0.  (toll_table_header_looks_like_data(), report.h, judges them.)
 */
int toll_table_header_from_file(const toll_table *t, size_t *skip);

/*
 * The column of cols[0..n) named name[0..len): exactly, else the one named
 * so but for ASCII case; -1 when none (or several) is.
 */
long toll_column_find(const toll_field *cols, size_t n, const char *name, size_t len);

/*
 * The work done for each data row in a worker thread: reads row (whose
 * fields stay valid while the result is used) and writes its result into
 * slot (slot_size bytes).  It runs in several threads at once, so it must
 * only read ctx.  Line numbers in row are not yet known in the worker:
 * work must not use them (fields, all on the row's line, get theirs in the
 * calling thread).
 */
typedef void (*toll_table_work)(void *ctx, const toll_row *row, void *slot);

/*
 * Reads with n threads (1: in the calling thread only, the default).
 * With n > 1, the data rows of a regular TSV file larger than a chunk
 * (512 KiB; the environment variable TOLL_READ_CHUNK gives another size in
 * bytes, for tests) are split and checked in n worker threads, a chunk of
 * whole lines each, and work (when not NULL) is done for each in the
 * worker; toll_table_next() still hands out every row, message and line
 * number exactly as reading in order would, in the same order.  Standard
 * input, pipes, CSV and small files are read in order.  Call before the
 * first data row of a file is read (after its header, for instance).
 * Returns TOLL_OK, or TOLL_EUSAGE when n is below 1.
 */
int toll_table_set_threads(toll_table *t, int n, toll_table_work work, void *ctx,
                           size_t slot_size);

/*
 * The result of work for the row toll_table_next() handed out last, or
 * NULL when that row was read in the calling thread (the caller does the
 * work itself then).
 */
const void *toll_table_slot(const toll_table *t);

/*
 * The number of processors this process may run on (at least 1, at most
 * 8): the default of --threads.
 */
int toll_threads_default(void);

/* Closes any open file and frees t; NULL is a no-op. */
void toll_table_free(toll_table *t);

#endif
