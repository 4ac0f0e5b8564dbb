/*
 * series.h: the series index (toll(7), THE REPORTS TABLE: series and revisions).
 *
 * A series is (event, side, status, category, source); its rows are its
 * revisions.  The index finds a second row of one series and reported
 * instant, and says whether it repeats the first (a duplicate) or
 * contradicts it (a conflict); figures are compared by a 64-bit
 * fingerprint.
 *
 * With history, every revision is kept (32 bytes each) and every row is
 * checked when it is added: for input that cannot be read twice.
 * Without, only each series' latest revision is kept, so memory grows
 * with the number of series and not of rows.  A row that arrives in order
 * (reported no earlier than its series' latest) is checked at once; one
 * that arrives older is TOLL_REV_UNCHECKED and its series is marked.  If
 * any was, toll_series_index_second_pass() switches the index to a second
 * reading of the same rows in the same order, which keeps the history of
 * the marked series only and reports what the first pass could not check.
 * Files past the 16,777,215th of one run are all named as the last.
 */
#ifndef TOLL_SERIES_H
#define TOLL_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "toll/report.h"
#include "toll/str.h"

typedef struct toll_series_index toll_series_index;

enum toll_revision_kind {
	TOLL_REV_NEW = 0,     /* a revision not seen before */
	TOLL_REV_DUPLICATE,   /* same series, instant and figure as an earlier row */
	TOLL_REV_CONFLICT,    /* same series and instant, a different figure */
	TOLL_REV_UNCHECKED    /* older than its series' latest: left to the second pass */
};

/* Where an earlier revision was read, and its best. */
typedef struct toll_revision_ref {
	size_t fileno;
	long line;      /* 0: there is none */
	int64_t best;
} toll_revision_ref;

/*
 * A new, empty index (history: keep every revision), or NULL when out of
 * memory.  Free with toll_series_index_free().
 */
toll_series_index *toll_series_index_new(int history);
void toll_series_index_free(toll_series_index *x);

/*
 * Adds the revision r, read at (fileno, line).  Returns TOLL_OK and sets
 * *kind (and *earlier for a duplicate or conflict), or TOLL_ENOMEM.  For a
 * new revision checked now, *before is the revision reported just before
 * it among those added so far (line 0 when there is none): a figure that
 * falls can be questioned.  A row the first pass leaves unchecked gets its
 * *before in the second.
 */
int toll_series_index_add(toll_series_index *x, const toll_report *r, size_t fileno, long line,
                          int *kind, toll_revision_ref *earlier, toll_revision_ref *before);

/*
 * Starts the second pass: returns the number of series that need one (0:
 * every row was checked, nothing more to do).  In the second pass, add
 * the same rows again in the same order; only rows of marked series are
 * looked at, and only what the first pass left unchecked is reported.
 */
size_t toll_series_index_second_pass(toll_series_index *x);

/*
 * The series of the revision last added: a number from 0 to
 * toll_series_index_count() - 1, given to series in order of arrival.
 * Only valid after a toll_series_index_add() that returned TOLL_OK.
 */
size_t toll_series_index_last(const toll_series_index *x);

/*
 * The key of series id.  The text lives as long as the index.  The series
 * of one claim group (event, side, status, category) share event_id and
 * the first group_len bytes of group (side, status and category,
 * NUL-separated), so (event_id, group[0..group_len)) names the claim group.
 */
typedef struct toll_series_key {
	toll_str event, side, source;
	int status, category;      /* enum toll_status_kind, enum toll_category */
	size_t event_id;           /* events are numbered in order of arrival */
	const char *group;         /* side, status and category, NUL-separated */
	size_t group_len;
} toll_series_key;

void toll_series_index_key(const toll_series_index *x, size_t id, toll_series_key *k);

/* The event number of series id: its key's event_id, without the rest. */
size_t toll_series_index_event(const toll_series_index *x, size_t id);

/* Number of distinct series, and of distinct events, added so far. */
size_t toll_series_index_count(const toll_series_index *x);
size_t toll_series_index_events(const toll_series_index *x);

#endif
