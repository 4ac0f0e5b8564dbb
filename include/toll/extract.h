/*
 * extract.h: casualty figures out of English news text, by rules that read
 * the sentence: the number and how news writes it, what it counts (its
 * head noun), what happened to them (the verb or noun of the category),
 * whose they are, the interval words around it, and whether it is a total,
 * an increment, a previous figure or a part.  Precision before recall: a
 * number whose head is not people and whose sentence names no category is
 * not a figure.
 *
 * Each rule is a named step; the steps that fired are listed in the
 * figure's explanation, and a rejected number says which rule rejected it.
 */
#ifndef TOLL_EXTRACT_H
#define TOLL_EXTRACT_H

#include <stddef.h>

#include "toll/figure.h"
#include "toll/report.h"

/* The kinds of a figure, toll(7)'s column kind (enum toll_kind); only a total is a toll. */
enum toll_extract_kind {
	TOLL_EXTRACT_TOTAL = TOLL_KIND_TOTAL,          /* the figure as it stands */
	TOLL_EXTRACT_INCREMENT = TOLL_KIND_INCREMENT,  /* "16 more servicemen have been killed" */
	TOLL_EXTRACT_PREVIOUS = TOLL_KIND_PREVIOUS,    /* "risen from 105 to at least 135": the 105 */
	TOLL_EXTRACT_PART = TOLL_KIND_PART,            /* "168 of them in serious condition" */
	TOLL_EXTRACT_OTHER = TOLL_KIND_OTHER           /* another total of a series: see toll_extract_settle() */
};

#define toll_extract_kind_names toll_kind_names

#define TOLL_EXTRACT_EXPLAIN 512

/* One figure found. */
typedef struct toll_extracted {
	size_t offset;            /* byte offset of its sentence in the whole input */
	const char *quote;        /* the sentence (not NUL-terminated) */
	size_t quote_len;
	toll_figure fig;          /* qualifier '~' (about), 'v' (vague words) or 0 */
	int category;             /* enum toll_category */
	int status;               /* enum toll_status_kind; TOLL_STATUS_ALL when not said */
	const char *side;         /* a party named in the noun phrase, else "all" */
	const char *claimant;     /* the party whose figure it is (its speaker's), else NULL */
	int kind;                 /* enum toll_extract_kind */
	int newest;               /* said to be the newest: "rose to", "has reached", "now" */
	char explain[TOLL_EXTRACT_EXPLAIN];   /* the rules that fired (when rejected is not NULL, else empty) */
} toll_extracted;

/* A number that is not a figure, and the rule that said so (for --explain). */
typedef struct toll_rejected {
	size_t offset;            /* byte offset of the number in the whole input */
	const char *number;
	size_t number_len;
	const char *why;
} toll_rejected;

typedef void (*toll_extract_found_fn)(void *ctx, const toll_extracted *x);
typedef void (*toll_extract_rejected_fn)(void *ctx, const toll_rejected *r);

/*
 * Reads text[0..len) (UTF-8; base is its offset in the whole input) and
 * calls found for each figure, in order, and rejected (when not NULL) for
 * each number that is not one; a figure's explanation is written only
 * when rejected is not NULL (explaining is a third of the work).  A line of fewer than 50 bytes, or ending a
 * sentence, ends a sentence (headlines, bylines, "6 Reads"); other line
 * breaks are spaces (text wrapped by html2text).  Returns TOLL_OK or
 * TOLL_ENOMEM.
 */
int toll_extract(const char *text, size_t len, size_t base, toll_extract_found_fn found,
                 toll_extract_rejected_fn rejected, void *ctx);

/* What settling a run needs of a figure: its series and kind (24 bytes, for runs of millions of figures). */
typedef struct toll_extract_series {
	const char *side;         /* as toll_extracted's: static strings */
	const char *claimant;     /* or NULL */
	unsigned char category, status, kind, newest;
} toll_extract_series;

/* x's series and kind. */
void toll_extract_series_of(const toll_extracted *x, toll_extract_series *s);

/*
 * Settles the kinds of the figures x[0..n) of one run (one event, source
 * and date: each series may have one total there).  Of the totals of one
 * series (side, status, category, claimant), one stays the total: the
 * last said to be the newest ("rose to", "has reached"), else the first
 * in the text; a total before that newest one becomes previous, and any
 * other becomes TOLL_EXTRACT_OTHER (the same figure again, or a second
 * source's).  For each figure whose kind changed, in x's order, changed
 * (when not NULL) is called with its index and the index of the series'
 * total.  Linear in n (a hash table of series).  Returns TOLL_OK or
 * TOLL_ENOMEM.
 */
int toll_extract_settle(toll_extract_series *x, size_t n,
                        void (*changed)(void *ctx, size_t i, size_t total), void *ctx);

/* The side a demonym names ("Armenian" -> "Armenia"), or NULL. */
const char *toll_extract_side(const char *word, size_t len);

#endif
