/*
 * story.h: a dataset's story as one PDF (toll-report): what was claimed,
 * by whom, how it was revised, and what it adds up to.
 *
 * The rows of a reports table are handed to toll_story_add() as the
 * reader gives them (with history, so each revision once), alongside the
 * aggregations and the revisions the caller keeps with the library's
 * own functions (agg.h, rev.h): the story draws what those write, as
 * toll-agg and toll-rev print it, and its charts as toll-plot draws
 * them (chart.h).  Pages: a title page with the dataset's summary, then
 * per event its totals, the revision step chart, the claims' interval
 * chart, the revision summary and the sources with their addresses;
 * page numbers, and a footer with the data's name and SHA-256.  The same
 * data and options give the same bytes.
 */
#ifndef TOLL_STORY_H
#define TOLL_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "toll/agg.h"
#include "toll/chart.h"
#include "toll/diag.h"
#include "toll/keys.h"
#include "toll/reports.h"
#include "toll/rev.h"

typedef struct toll_story_opts {
	const char *title;          /* NULL: "Casualty reports: " and the data's name */
	const char *data_name;      /* the data, as the footer names it ("datasets/x.tsv") */
	const char *sha256;         /* its SHA-256 in hex, or NULL */
	const char *version;        /* toll's version, for the title page */
	const char *policy;         /* the combine policy's name, as given */
	const char *event;          /* NULL: every event; else this one */
	const toll_keys *by;        /* NULL: a story by event; else by these groups (toll_story_write_groups()) */
	int letter;                 /* US letter pages, else A4 */
	toll_as_of as_of;           /* what was known then (TOLL_AS_OF_ALL: everything) */
	int64_t pdf_date;           /* the PDF's date (SOURCE_DATE_EPOCH) ... */
	int has_pdf_date;           /* ... when set */
} toll_story_opts;

typedef struct toll_story toll_story;

/* A new story with options o (its strings borrowed); NULL when out of memory. */
toll_story *toll_story_new(const toll_story_opts *o);
void toll_story_free(toll_story *s);

/*
 * Keeps what the story tells of a valid row: its event, source and
 * address, its dates, and the claim itself for the interval chart (rows
 * reported after the as-of instant are counted out).  Returns TOLL_OK or
 * TOLL_ENOMEM (*d filled).
 */
int toll_story_add(toll_story *s, const toll_reports *rd, const toll_entry *e, toll_diag *d);

/*
 * Keeps a warning about the data (known 0) or a note the data says is
 * known (known 1), for the report's checks.  Returns TOLL_OK or TOLL_ENOMEM.
 */
int toll_story_check(toll_story *s, const toll_diag *d, int known);

/* Whether the event named by the options was seen (always 1 without one). */
int toll_story_has_event(const toll_story *s);

/*
 * Writes the PDF to write.  totals: an aggregation grouped by
 * event,category; sides: by event,side,category; periods: by
 * event,category, keeping every revision (toll_agg_set_every(), any
 * unit: the story chooses one by the dataset's span, for each event's
 * toll period by period); revs: every revision.  All by the same policy
 * and as-of instant as the options say.  Returns
 * TOLL_OK; TOLL_EDATA, TOLL_ENOMEM or TOLL_EIO with *d filled (EIO also
 * when write failed).
 */
int toll_story_write(toll_story *s, const toll_reports *rd, toll_agg *totals, toll_agg *sides,
                     toll_agg *periods, toll_revs *revs, toll_chart_write_fn write, void *closure,
                     toll_diag *d);

/*
 * Writes the PDF of a story by groups (the options' by, KEYS): for data
 * of many events (an ACLED or UCDP export), told group by group rather
 * than event by event.  all: an aggregation grouped by category; first:
 * by the first key, category; groups: by KEYS,category; sides: by
 * KEYS,side,category (KEYS,category when side is a key).  A title page
 * with the whole data's totals, a page of the first key's groups (a
 * chart and a table), with two keys or more a section for each value of
 * the first (its groups by the rest), and the checks.  Returns as
 * toll_story_write(); TOLL_EDATA when the first key has more than 200
 * values.
 */
int toll_story_write_groups(toll_story *s, const toll_reports *rd, toll_agg *all, toll_agg *first,
                            toll_agg *groups, toll_agg *sides, toll_chart_write_fn write, void *closure,
                            toll_diag *d);

/*
 * The SHA-256 of the files' bytes, one after the other, in hex into
 * hex[65].  Returns TOLL_OK, or TOLL_EIO with *d when one cannot be read.
 */
int toll_sha256_files(char *const *paths, size_t n, char hex[65], toll_diag *d);

#endif
