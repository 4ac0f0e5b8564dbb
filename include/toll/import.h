/*
 * import.h: exports written as the reports table every toll program reads.
 *
 * A format (acled, ucdp-ged, table) is one descriptor in src/lib/import/,
 * listed in one table: its name, its help, the options it takes, how it
 * plans the output columns from an export's header and its rule for each
 * row.  Any format reads TSV, CSV or JSON (toll/json.h), found by the
 * first bytes of each file.  toll-import is this module's options and a
 * call of toll_import_run():
 *
 *   toll_import *im = toll_import_new(say, ctx);
 *   toll_import_option(im, TOLL_IMPORT_MAP, "event=id,best=deaths", &d);
 *   toll_import_option(im, TOLL_IMPORT_SET, "source=X,side=all,reported=2024-01-01", &d);
 *   toll_import_set_format(im, "table", &d);
 *   toll_import_run(im, paths, npaths, &dialect, out);
 *   toll_import_summary(im, buf, sizeof buf);
 *   toll_import_free(im);
 *
 * Every good row is written; a row that cannot be read is told to say()
 * and left out.  The rules are those of toll(7), IMPORTING.
 */
#ifndef TOLL_IMPORT_H
#define TOLL_IMPORT_H

#include <stddef.h>

#include "toll/diag.h"
#include "toll/out.h"
#include "toll/table.h"

/* The options of an import, by number; each format says which of its own it takes. */
enum toll_import_opt {
	/* A format's own. */
	TOLL_IMPORT_REPORTED,     /* acled: event_date or timestamp; ucdp-ged: the release's date */
	TOLL_IMPORT_DELETED,      /* acled: the list of deleted events, a file */
	TOLL_IMPORT_TIME_PREC,    /* acled: rows of time_precision above N left out */
	TOLL_IMPORT_GEO_PREC,     /* acled: geo_precision */
	TOLL_IMPORT_RELEASE,      /* ucdp-ged: the release, in a column 'release' */
	TOLL_IMPORT_SPLIT_SIDES,  /* ucdp-ged: a row per side too (no value) */
	TOLL_IMPORT_DATE_PREC,    /* ucdp-ged: date_prec */
	TOLL_IMPORT_WHERE_PREC,   /* ucdp-ged: where_prec */
	TOLL_IMPORT_ROW_EVENTS,   /* table: each row its own event (no value) */
	TOLL_IMPORT_WIDE,         /* table: CATEGORY[/STATUS]=IN,... */
	TOLL_IMPORT_RELEASES,     /* table: DATE,... each file a whole release as of its date */
	/* Any format's. */
	TOLL_IMPORT_MAP,          /* OUT=IN,... (IN=A+B: a composite); may be repeated */
	TOLL_IMPORT_KEEP,         /* IN,... the input columns kept ("" for none) */
	TOLL_IMPORT_STRICT,       /* refuse rows without a figure (no value) */
	TOLL_IMPORT_SET,          /* OUT=VALUE,...; may be repeated */
	TOLL_IMPORT_VALUE_MAP,    /* OUT:A=B,...; may be repeated */
	TOLL_IMPORT_NOPTS
};

/* The formats, 0 to toll_import_formats() - 1, in the order of the help. */
size_t toll_import_formats(void);
const char *toll_import_format_name(size_t i);
/* Its paragraph of the help's "Formats:", lines indented by 12 after the first. */
const char *toll_import_format_help(size_t i);
/* Its own options' help (a "NAME:" heading and lines), or NULL when it has none. */
const char *toll_import_format_options_help(size_t i);

/*
 * The options: the long option's name ("reported"), whether it takes a
 * value, and for the options of any format their help lines (NULL for a
 * format's own: its options help says them).
 */
const char *toll_import_option_name(int opt);
int toll_import_option_has_arg(int opt);
const char *toll_import_option_help(int opt);

typedef struct toll_import toll_import;

/*
 * What an import tells as it goes: a warning (code TOLL_OK), a problem of
 * the data (TOLL_EDATA: a row or a file left out), of the arguments
 * against a file's columns (TOLL_EUSAGE: nothing is read) or trouble
 * (TOLL_EIO, TOLL_ENOMEM).  Returns nonzero to go on, 0 to stop reading
 * (after too many errors); what a warning returns is not used.
 */
typedef int (*toll_import_say_fn)(void *ctx, const toll_diag *d, int code);

/* A new import, of no format yet; NULL when out of memory. */
toll_import *toll_import_new(toll_import_say_fn say, void *ctx);
void toll_import_free(toll_import *im);

/*
 * Gives option opt its value arg (NULL for those without one).  An option
 * may be given before the format.  Returns TOLL_OK, or TOLL_EUSAGE (an
 * invalid value) or TOLL_ENOMEM with d filled.
 */
int toll_import_option(toll_import *im, int opt, const char *arg, toll_diag *d);

/*
 * Sets the format by name, once the options are given: an option the
 * format does not take, or options that do not go together, are refused.
 * Returns TOLL_OK, or TOLL_EUSAGE with d filled.
 */
int toll_import_set_format(toll_import *im, const char *name, toll_diag *d);

/*
 * Once per import: reads the files (none, or "-": standard input) with
 * the dialect dl (its json is set: JSON is read) and writes the reports
 * table, its header first, to out.  Problems are told to say().  Returns TOLL_OK when every
 * row was read, TOLL_EDATA when some were left out as refused,
 * TOLL_EUSAGE when the arguments do not fit the first file's columns
 * (nothing written), TOLL_EIO or TOLL_ENOMEM when reading stopped so.
 */
int toll_import_run(toll_import *im, char *const *paths, size_t n, const toll_dialect *dl,
                    toll_out *out);

/* What an import did, for its summary. */
typedef struct toll_import_counts {
	long read, written, refused, widened, defaulted, left_out, deletions, unchanged, no_figure;
	long withdrawn;           /* --releases: rows absent from a later release, written as 0 there */
} toll_import_counts;

void toll_import_get_counts(const toll_import *im, toll_import_counts *c);

/*
 * Its summary line, without newline: "acled (current layout): 5 read, 5
 * written, 0 refused, 0 widened, 0 defaulted", and what its options add.
 * Returns its length (cut to fit sz), 0 when no header was read.
 */
size_t toll_import_summary(const toll_import *im, char *buf, size_t sz);

#endif
