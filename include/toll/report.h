/*
 * report.h: the reports table of toll(7), THE REPORTS TABLE: its columns, and one row
 * read into a checked toll_report.
 */
#ifndef TOLL_REPORT_H
#define TOLL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "toll/date.h"
#include "toll/diag.h"
#include "toll/figure.h"
#include "toll/out.h"
#include "toll/table.h"

enum toll_category {
	TOLL_CAT_KILLED, TOLL_CAT_WOUNDED, TOLL_CAT_MISSING, TOLL_CAT_CAPTURED,
	TOLL_CAT_KILLED_OR_MISSING, TOLL_CAT_CASUALTIES, TOLL_NCATEGORIES
};

enum toll_status_kind {
	TOLL_STATUS_MILITARY, TOLL_STATUS_CIVILIAN, TOLL_STATUS_UNKNOWN, TOLL_STATUS_ALL,
	TOLL_NSTATUSES
};

/*
 * The columns of section 1 in their canonical order (qualifier: see
 * toll(7)), and within: the side that holds a row's side in its event
 * ("Artsakh" within "Armenia": Armenia's figures count Artsakh's dead
 * too), and claimant: the party whose claim it is, a side of the event
 * (its own toll, or its adversary's), empty for an independent source;
 * both are kept where they stand.
 */
enum toll_column {
	TOLL_COL_EVENT, TOLL_COL_REPORTED, TOLL_COL_SOURCE, TOLL_COL_SIDE, TOLL_COL_CATEGORY,
	TOLL_COL_STATUS, TOLL_COL_LOW, TOLL_COL_BEST, TOLL_COL_HIGH, TOLL_COL_QUALIFIER,
	TOLL_COL_VALUE, TOLL_COL_START, TOLL_COL_END, TOLL_COL_WITHIN, TOLL_COL_CLAIMANT, TOLL_COL_KIND,
	TOLL_NCOLUMNS
};

/*
 * What a row's figure is (column kind, as toll-extract writes it; empty
 * is total): a toll as it stands, or a figure that is not one and that
 * every reading program leaves out: more since the last count
 * (increment), a figure the text says was earlier (previous), a part of a
 * total (part), another total of a series the text gave one for (other).
 */
enum toll_kind {
	TOLL_KIND_TOTAL, TOLL_KIND_INCREMENT, TOLL_KIND_PREVIOUS, TOLL_KIND_PART, TOLL_KIND_OTHER,
	TOLL_NKINDS
};

extern const char *const toll_kind_names[TOLL_NKINDS];

extern const char *const toll_category_names[TOLL_NCATEGORIES];
extern const char *const toll_status_names[TOLL_NSTATUSES];
extern const char *const toll_column_names[TOLL_NCOLUMNS];
extern const unsigned char toll_category_lengths[TOLL_NCATEGORIES];  /* strlen of each name */
extern const unsigned char toll_status_lengths[TOLL_NSTATUSES];

/* Where each known column is in the table (-1: absent); owned by the caller. */
typedef struct toll_schema {
	long col[TOLL_NCOLUMNS];
	unsigned figure_flags;  /* added to the figure reader's (TOLL_FIGURE_WIDEN); 0 from the header */
} toll_schema;

/*
 * Finds the columns of a reports table among the columns of t (in the
 * order toll_table_next() hands rows out) and checks them: the required
 * columns are there, and either 'value' or some of 'low', 'best', 'high'
 * (never both, and no 'qualifier' beside 'value').  header is the
 * TOLL_HEADER row just read, used for the places in messages.  Returns
 * TOLL_OK or TOLL_EDATA with *d filled.
 */
int toll_schema_from_header(toll_schema *s, const toll_table *t, const toll_row *header,
                            toll_diag *d);

/*
 * A later file's header (toll_table_header_note()): TOLL_OK when it has
 * every required column and some figure column that s reads; else
 * TOLL_EDATA with *d: "no column 'event' (the header of 'a.tsv' has it):
 * a reports table needs it", and the file cannot be read.
 */
int toll_schema_check_file(const toll_schema *s, const toll_table *t, const toll_row *header,
                           toll_diag *d);

/* One checked row.  Text fields point into the row and live as long as it does. */
typedef struct toll_report {
	toll_field event, reported_text, source, side;
	toll_field within;     /* the side that holds side in this event; empty when not stated */
	toll_field claimant;   /* the party whose claim it is (a side of the event); empty: none said */
	int kind;              /* enum toll_kind; TOLL_KIND_TOTAL when empty or absent */
	int category;          /* enum toll_category */
	int status;            /* enum toll_status_kind; TOLL_STATUS_ALL when empty */
	toll_time reported;
	toll_figure fig;
	int has_start, has_end;
	toll_time start, end;
} toll_report;

/*
 * A checked report without its text, in 56 bytes: what a worker thread
 * hands to the reading thread (see toll_reports_set_threads()); the text
 * members come back from the row.
 */
typedef struct toll_report_packed {
	int64_t reported, low, best, high, start, end;
	int32_t offset;        /* the zone reported was written in */
	uint8_t category, status, qualifier, flags;
} toll_report_packed;

/* Packs r (checked by toll_report_parse()). */
void toll_report_pack(const toll_report *r, toll_report_packed *p);

/* The report of row that toll_report_parse() gave, packed into p. */
void toll_report_unpack(const toll_schema *s, const toll_row *row, const toll_report_packed *p,
                        toll_report *r);

/*
 * Tags in a row's note that make a warning about it known: said once, as a
 * note, no longer a warning on every command (toll(7), "Warnings that
 * last").  [correction]: the row's fall below the revision before it is
 * a correction (a recount, the missing found alive); [known conflict]: the
 * row is a total, or a part of one, whose parts add up to more than the
 * total, and this is known.
 */
#define TOLL_TAG_CORRECTION "[correction]"
#define TOLL_TAG_KNOWN_CONFLICT "[known conflict]"

/* Whether note f (NULL: no note column) holds tag, its ASCII letters in either case. */
int toll_note_has_tag(const toll_field *f, const char *tag);

#define TOLL_REPORT_MAX_PROBLEMS 16

/*
 * Reads row into *r and checks every rule of toll(7), THE REPORTS TABLE that concerns
 * one row.  Returns the number of problems found (0 when the row is
 * valid), each described in diags[0..n); at most TOLL_REPORT_MAX_PROBLEMS.
 */
int toll_report_parse(const toll_schema *s, const toll_row *row, toll_report *r,
                      toll_diag diags[TOLL_REPORT_MAX_PROBLEMS]);

/*
 * Whether the first header looks like a record: at least a third of its names
 * are numbers or dates, as when a file without a header is read with one
 * (its first record lost as the names).  Never with no_header or names.
 */
int toll_table_header_looks_like_data(const toll_table *t);

/*
 * Writes the names of the reports table's columns cols[0..n) (enum
 * toll_column), separated by tabs, for a header: every writer of these
 * columns names them so.
 */
void toll_columns_write(toll_out *o, const int *cols, size_t n);

/* The columns of a claim, in their canonical order: event ... high, qualifier. */
#define TOLL_CLAIM_COLUMNS \
	TOLL_COL_EVENT, TOLL_COL_REPORTED, TOLL_COL_SOURCE, TOLL_COL_SIDE, TOLL_COL_CATEGORY, \
	TOLL_COL_STATUS, TOLL_COL_LOW, TOLL_COL_BEST, TOLL_COL_HIGH, TOLL_COL_QUALIFIER

/*
 * Writes r's TOLL_CLAIM_COLUMNS, separated by tabs (none after the last):
 * its texts as read, category, status and qualifier by their names, the
 * figure's numbers (high empty when open; best empty when toll supplied
 * it, so that a reader completes it again).  Every writer of claims
 * writes them so.  flags: TOLL_WRITE_ALL_EMPTY writes status all as an
 * empty field; TOLL_WRITE_SUPPLIED writes a best toll supplied.
 */
#define TOLL_WRITE_ALL_EMPTY 1u
#define TOLL_WRITE_SUPPLIED 2u
void toll_report_write(toll_out *o, const toll_report *r, unsigned flags);

#endif
