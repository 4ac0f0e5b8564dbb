/*
 * json.h: JSON records read as a table, with jansson.
 *
 * A file whose first bytes are JSON ('[' then '{', or '{' then '"') is
 * not a TSV or CSV table.  The table reader refuses it, saying "this is
 * JSON", unless its dialect's json is &toll_json_table: then the file is
 * read as a table of records, an array of objects or one object after
 * another (JSON Lines), streamed (one record in memory at a time, after
 * the first 1,000).  Its columns are the keys of the first 1,000 records,
 * in the order they first appear, a nested object's keys named by their
 * dotted path ("location.country"); a key that first appears later is
 * not read, and counted (toll_table_unread_keys(), toll/table.h).  A field is a string's text, a number as JSON wrote it
 * (shortest for a decimal: 8.5), true or false, or an array or object as
 * compact JSON; null and a missing key are empty (not stated).  A field's
 * place is its record's first line and column.  Only programs that set
 * it link jansson.
 */
#ifndef TOLL_JSON_H
#define TOLL_JSON_H

#include "toll/table.h"

struct toll_table_json;

/* The JSON reader, for toll_dialect.json. */
extern const struct toll_table_json toll_json_table;

/* How many records the columns are found from. */
#define TOLL_JSON_SCAN 1000

#endif
