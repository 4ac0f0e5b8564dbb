/*
 * reports.h: reading report tables with every check of toll(7), THE REPORTS TABLE.
 *
 * A toll_reports reads one or more files as one reports table and hands
 * out its valid rows, each with its checked toll_report and its series,
 * and one diagnostic at a time for everything wrong: the table's own
 * problems, the header, each row's rules, duplicate and conflicting
 * revisions.  toll-check, toll-agg and toll-rev all read through it, so
 * they reject the same input with the same messages.
 *
 * Revisions are checked with a toll_series_index.  Without history, regular
 * files that deliver a series' revisions out of order of report are read a
 * second time, after the last row (see series.h); the second reading only
 * reports, it hands out no rows.  A row handed out may therefore turn out
 * to be a duplicate only in the second reading, so a reader that must
 * see every revision exactly once asks for history.
 */
#ifndef TOLL_REPORTS_H
#define TOLL_REPORTS_H

#include <stddef.h>
#include <stdint.h>

#include "toll/diag.h"
#include "toll/report.h"
#include "toll/series.h"
#include "toll/table.h"

typedef struct toll_reports toll_reports;

/* One valid row: the row (valid until the next call), its report and its series. */
typedef struct toll_entry {
	toll_row row;
	toll_report rep;
	size_t series;   /* toll_series_index_last() for this row */
} toll_entry;

enum toll_reports_mode {
	TOLL_REPORTS_AUTO = 0,  /* history only when an input cannot be read twice */
	TOLL_REPORTS_HISTORY    /* keep every revision, one reading */
};

/*
 * A reader of paths[0..n) (standard input when n is 0 or a name is "-").
 * Returns TOLL_OK or TOLL_ENOMEM.  paths must outlive the reader.
 */
int toll_reports_new(toll_reports **out, char *const *paths, size_t n, const toll_dialect *dl,
                     enum toll_reports_mode mode);

/*
 * Reads regular TSV files with n threads (1, the default: in the calling
 * thread only): rows are split and checked in chunks in worker threads
 * (see toll_table_set_threads()) and handed out in order, with the same
 * messages and line numbers.  Call before the first toll_reports_next().
 * Returns TOLL_OK, or TOLL_EUSAGE when n is below 1.
 */
int toll_reports_set_threads(toll_reports *rd, int n);

/*
 * Warnings have their own codes: a duplicate revision (counted once, not
 * handed out), and a note on the row handed out just before, which stays
 * a row: a cumulative figure that fell below the revision before it (in
 * killed, wounded and casualties: missing and captured may fall as the
 * missing are found and prisoners freed), or a side spelled like the
 * reserved side 'all' ("all sides", "All") that is another side.
 */
/* TOLL_WARNING and TOLL_NOTE are in enum toll_status (diag.h). */

/*
 * Reads on.  Returns:
 *   TOLL_HEADER   the first file's header was read and is a valid reports
 *                 header: toll_reports_schema() and _table() are set;
 *   TOLL_OK       a valid row, in *e;
 *   TOLL_WARNING  a duplicate revision, described in *d (the row is not
 *                 handed out: it is counted once);
 *   TOLL_NOTE     a warning on the row handed out before, in *d;
 *   TOLL_EDATA    a problem with the data, in *d;
 *   TOLL_EIO, TOLL_ENOMEM  as for toll_table_next();
 *   TOLL_END      everything is read (after a bad header, nothing more is).
 * Calling again after anything but TOLL_END goes on.
 */
int toll_reports_next(toll_reports *rd, toll_entry *e, toll_diag *d);

/*
 * Reads only part i of k (1 <= i <= k): the rows whose event, as read
 * (after CSV quoting, TSV escapes and a byte-order mark), has a hash
 * (toll_event_hash()) that leaves i - 1 divided by k, so that the k parts
 * hold every row once and an event's rows all in one part.  A row the
 * table reader cannot split (no event to hash) is said by part 1 alone.
 * Messages name the file and line read, as without parts.  Call before
 * the first toll_reports_next().  Returns TOLL_OK, or TOLL_EUSAGE when i
 * or k is out of range.
 */
int toll_reports_set_part(toll_reports *rd, uint64_t i, uint64_t k);

/*
 * The hash of an event's bytes that parts go by: 64-bit FNV-1a (offset
 * 14695981039346656037, prime 1099511628211), then MurmurHash3's fmix64
 * (h ^= h >> 33; h *= 0xff51afd7ed558ccd; h ^= h >> 33;
 * h *= 0xc4ceb9fe1a85ec53; h ^= h >> 33).
 */
uint64_t toll_event_hash(const char *s, size_t len);

/* Valid after TOLL_HEADER. */
const toll_schema *toll_reports_schema(const toll_reports *rd);
const toll_table *toll_reports_table(const toll_reports *rd);

const toll_series_index *toll_reports_index(const toll_reports *rd);

/* The name of file number fileno, as given ("-" for standard input). */
const char *toll_reports_file(const toll_reports *rd, size_t fileno);

void toll_reports_free(toll_reports *rd);

#endif
