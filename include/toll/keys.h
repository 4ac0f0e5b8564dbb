/*
 * keys.h: grouping keys, as given to -g: column names separated by commas,
 * each optionally binned by date, "side,reported:month".
 *
 * COLUMN:UNIT bins a date column (the dates of toll(7)) by day
 * (2022-09-13), ISO week (2022-W37), month (2022-09), quarter (2022-Q3) or
 * year (2022), taken in UTC (the bins are date.h's).  A name that is itself a column of the table
 * is that column, even when it contains a colon.
 */
#ifndef TOLL_KEYS_H
#define TOLL_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "toll/date.h"
#include "toll/diag.h"
#include "toll/out.h"
#include "toll/table.h"


typedef struct toll_key {
	char *spec;    /* as written: the output column's name */
	char *name;    /* the column */
	int bin;       /* enum toll_bin */
	long col;      /* the column's index, after toll_keys_resolve(); -1 before */
} toll_key;

typedef struct toll_keys {
	toll_key *k;
	size_t n;
} toll_keys;


/*
 * Adds the keys of spec ("a,b:month"; an empty spec adds none) to *keys.
 * Returns TOLL_OK, or TOLL_EUSAGE (an empty name) or TOLL_ENOMEM with *d.
 */
int toll_keys_parse(toll_keys *keys, const char *spec, toll_diag *d);

/*
 * Finds each key's column among cols[0..n).  Returns TOLL_OK, or
 * TOLL_EUSAGE (an unknown column, an unknown unit, a key given twice) or
 * TOLL_ENOMEM with *d.
 */
int toll_keys_resolve(toll_keys *keys, const toll_field *cols, size_t n, toll_diag *d);

void toll_keys_free(toll_keys *keys);


/*
 * The value of key k in field f of a row read from file: the field's text,
 * or for a binned key the label of its date's bin, written into buf.  An
 * empty field is an empty value.  Returns TOLL_OK with *val and *len set,
 * or TOLL_EDATA with *d filled when a binned field holds no date.
 */
int toll_key_value(const toll_key *k, const toll_field *f, const char *file,
                   char buf[TOLL_BIN_LABEL], const char **val, size_t *len, toll_diag *d);

/*
 * The key columns of an output table: each key's name as written, then a
 * tab; and a group's values, given as the keys' values each followed by a
 * NUL (as programs build group keys), each then followed by a tab.
 */
void toll_keys_write_header(const toll_keys *keys, toll_out *o);
void toll_keys_write_values(const toll_keys *keys, const char *values, toll_out *o);

#endif
