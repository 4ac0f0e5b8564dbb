/*
 * json.c: JSON records as a table (toll/json.h), with jansson.
 *
 * jansson parses one value from a buffer and says how many bytes it took
 * (JSON_DISABLE_EOF_CHECK): the file is read through the table reader's
 * buffer, one record at a time, the array's brackets and commas skipped
 * here, and a record cut by the buffer's end parsed again once more is
 * read.  Each field is made text in a buffer of the record's own.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "table_int.h"
#include "toll/json.h"

/* A column: the keys of its path, and its dotted name. */
struct jcol {
	char **keys;
	size_t nkeys;
	char *name;
};

struct js {
	int array;              /* the file is an array of records (else one after another) */
	int started;            /* the opening bracket, if any, is behind */
	int ended;              /* the closing bracket is behind */
	int header_done;        /* the column names were handed out */
	long col;               /* the column of buf[pos] (t->line is its line) */
	struct jcol *cols;
	size_t ncols, colcap;
	json_t **queue;         /* the first records, read to find the columns */
	long *qline, *qcol;
	size_t nq, iq;
	char *text;             /* the current record's fields */
	size_t textcap, textlen;
	size_t *off;            /* where each field starts in text */
	size_t offcap;
	size_t found;           /* the current record's leaves that its columns read */
	int failed;             /* a bad record among the first: said after those before it */
	int errcode;
	toll_diag err;
};

static void
js_free(toll_table *t)
{
	struct js *j = t->js;
	size_t i, k;

	if (j == NULL)
		return;
	for (i = 0; i < j->ncols; i++) {
		for (k = 0; k < j->cols[i].nkeys; k++)
			free(j->cols[i].keys[k]);
		free(j->cols[i].keys);
		free(j->cols[i].name);
	}
	free(j->cols);
	for (i = j->iq; i < j->nq; i++)
		json_decref(j->queue[i]);
	free(j->queue);
	free(j->qline);
	free(j->qcol);
	free(j->text);
	free(j->off);
	free(j);
	t->js = NULL;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The line and byte column of buf[pos + n], from those of buf[pos]. */
static void
place(const toll_table *t, const struct js *j, size_t n, long *line, long *col)
{
	const char *p = t->buf + t->pos, *end, *nl;

	if (n > t->end - t->pos)
		n = t->end - t->pos;
	end = p + n;
	*line = t->line;
	*col = j->col;
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		(*line)++;
		*col = 1;
		p = nl + 1;
	}
	*col += end - p;
}

/* Moves over buf[pos..pos + n), counting its lines and columns. */
static void
advance(toll_table *t, struct js *j, size_t n)
{
	long line, col;

	place(t, j, n, &line, &col);
	t->line = line;
	j->col = col;
	t->pos += n;
}

/* Skips white space; reads more as needed. */
static int
skip(toll_table *t, struct js *j, toll_diag *d)
{
	int r;

	for (;;) {
		while (t->pos < t->end && is_space(t->buf[t->pos]))
			advance(t, j, 1);
		if (t->pos < t->end || t->eof)
			return TOLL_OK;
		if ((r = toll_table_fill(t, d)) != TOLL_OK)
			return r;
	}
}

/*
 * The next record: TOLL_OK with *v (its line and column), TOLL_END after
 * the last, or an error at its place.
 */
static int
next_value(toll_table *t, struct js *j, json_t **v, long *line, long *col, toll_diag *d)
{
	json_error_t e;
	int r;

	if (j->ended)
		return TOLL_END;
	if (!j->started) {
		j->started = 1;
		if (t->end - t->pos >= 3 && memcmp(t->buf + t->pos, "\xef\xbb\xbf", 3) == 0)
			t->pos += 3;
		if ((r = skip(t, j, d)) != TOLL_OK)
			return r;
		if (t->pos < t->end && t->buf[t->pos] == '[') {
			j->array = 1;
			advance(t, j, 1);
		}
	} else {
		/* After a record of an array: a comma and the next, or the end. */
		if ((r = skip(t, j, d)) != TOLL_OK)
			return r;
		if (j->array && t->pos < t->end && t->buf[t->pos] == ',') {
			advance(t, j, 1);
			if ((r = skip(t, j, d)) != TOLL_OK)
				return r;
			if (t->pos < t->end && t->buf[t->pos] == ']')
				return toll_diag_set(d, TOLL_EDATA, t->name, t->line, j->col,
				                     "invalid JSON: a record expected after ','");
		} else if (j->array && t->pos < t->end && t->buf[t->pos] != ']') {
			return toll_diag_set(d, TOLL_EDATA, t->name, t->line, j->col,
			                     "invalid JSON: ',' or ']' expected after a record");
		}
	}
	if ((r = skip(t, j, d)) != TOLL_OK)
		return r;
	if (t->pos == t->end) {
		if (j->array)
			return toll_diag_set(d, TOLL_EDATA, t->name, t->line, j->col,
			                     "the JSON array is not closed: ']' expected");
		j->ended = 1;
		return TOLL_END;
	}
	if (j->array && t->buf[t->pos] == ']') {
		advance(t, j, 1);
		if ((r = skip(t, j, d)) != TOLL_OK)
			return r;
		if (t->pos < t->end)
			return toll_diag_set(d, TOLL_EDATA, t->name, t->line, j->col,
			                     "text after the JSON array's end");
		j->ended = 1;
		return TOLL_END;
	}
	*line = t->line;
	*col = j->col;
	for (;;) {
		size_t avail = t->end - t->pos;

		/* (With JSON_DISABLE_EOF_CHECK, e.position is what it took, even without an error.) */
		*v = json_loadb(t->buf + t->pos, avail, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &e);
		if (*v != NULL)
			break;
		/* Cut by the buffer's end: read more, and parse it again. */
		if (!t->eof && (size_t)e.position >= avail) {
			if ((r = toll_table_fill(t, d)) != TOLL_OK)
				return r;
			continue;
		}
		{
			long l, c;

			place(t, j, e.position > 0 ? (size_t)e.position - 1 : 0, &l, &c);
			if (strstr(e.text, "JSON_ALLOW_NUL") != NULL)
				return toll_diag_set(d, TOLL_EDATA, t->name, l, c, "invalid JSON: a NUL "
				                     "character (\\u0000) in a string");
			return toll_diag_set(d, TOLL_EDATA, t->name, l, c, "invalid JSON: %s", e.text);
		}
	}
	if (!json_is_object(*v)) {
		static const char *const kind[] = {
			"an object", "an array", "a string", "a number", "a number", "true", "false", "null"
		};
		int k = json_typeof(*v);

		json_decref(*v);
		return toll_diag_set(d, TOLL_EDATA, t->name, *line, *col, "a JSON record is an object "
		                     "of named fields, not %s", k >= 0 && k < 8 ? kind[k] : "this");
	}
	advance(t, j, (size_t)e.position);
	return TOLL_OK;
}

/* Adds the column of path keys[0..n) unless there is one. */
static int
add_column(struct js *j, const char *const *keys, size_t n)
{
	struct jcol *c;
	size_t i, k, len = 1;

	for (i = 0; i < j->ncols; i++) {
		if (j->cols[i].nkeys != n)
			continue;
		for (k = 0; k < n && strcmp(j->cols[i].keys[k], keys[k]) == 0; k++)
			;
		if (k == n)
			return TOLL_OK;
	}
	if (toll_reserve((void **)&j->cols, &j->colcap, j->ncols + 1, sizeof *j->cols) != 0)
		return TOLL_ENOMEM;
	c = &j->cols[j->ncols];
	if ((c->keys = calloc(n, sizeof *c->keys)) == NULL)
		return TOLL_ENOMEM;
	c->nkeys = 0;
	c->name = NULL;
	j->ncols++;
	for (k = 0; k < n; k++) {
		if ((c->keys[k] = strdup(keys[k])) == NULL)
			return TOLL_ENOMEM;
		c->nkeys++;
		len += strlen(keys[k]) + 1;
	}
	if ((c->name = malloc(len)) == NULL)
		return TOLL_ENOMEM;
	c->name[0] = '\0';
	for (k = 0; k < n; k++) {
		if (k > 0)
			strcat(c->name, ".");
		strcat(c->name, keys[k]);
	}
	return TOLL_OK;
}

#define MAX_DEPTH 32

/* The columns of object o, under the path keys[0..depth). */
static int
columns_of(struct js *j, json_t *o, const char **keys, size_t depth)
{
	const char *key;
	json_t *v;
	int r;

	json_object_foreach(o, key, v) {
		keys[depth] = key;
		if (json_is_object(v) && json_object_size(v) > 0 && depth + 1 < MAX_DEPTH)
			r = columns_of(j, v, keys, depth + 1);
		else
			r = add_column(j, keys, depth + 1);
		if (r != TOLL_OK)
			return r;
	}
	return TOLL_OK;
}

/* The leaves of object o, whose keys are at depth depth: counted as columns_of() makes columns. */
static size_t
leaves(json_t *o, size_t depth)
{
	const char *key;
	json_t *v;
	size_t n = 0;

	json_object_foreach(o, key, v)
		n += json_is_object(v) && json_object_size(v) > 0 && depth + 1 < MAX_DEPTH ?
		     leaves(v, depth + 1) : 1;
	return n;
}

/* Whether the column path keys[0..n) is read: a column is it, or holds it (an object dumped). */
static int
is_read(const struct js *j, const char *const *keys, size_t n)
{
	size_t i, k;

	for (i = 0; i < j->ncols; i++) {
		const struct jcol *c = &j->cols[i];

		for (k = 0; k < c->nkeys && k < n && strcmp(c->keys[k], keys[k]) == 0; k++)
			;
		if (k == c->nkeys && k <= n)
			return 1;
	}
	return 0;
}

/* The first leaf of o (keys at depth) that no column reads, as a dotted path in buf; 0 if none. */
static int
first_unread(const struct js *j, json_t *o, const char **keys, size_t depth, char *buf, size_t sz)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v) {
		keys[depth] = key;
		if (json_is_object(v) && json_object_size(v) > 0 && depth + 1 < MAX_DEPTH) {
			if (first_unread(j, v, keys, depth + 1, buf, sz))
				return 1;
		} else if (!is_read(j, keys, depth + 1)) {
			size_t k, len = 0;

			buf[0] = '\0';
			for (k = 0; k <= depth && len < sz; k++)
				len += (size_t)snprintf(buf + len, sz - len, "%s%s", k ? "." : "", keys[k]);
			return 1;
		}
	}
	return 0;
}

/* Appends n bytes to the record's text; their offset, or (size_t)-1 without memory. */
static size_t
put(struct js *j, const char *s, size_t n)
{
	size_t at = j->textlen;

	if (toll_reserve((void **)&j->text, &j->textcap, j->textlen + n + 1, 1) != 0)
		return (size_t)-1;
	if (n > 0)
		memcpy(j->text + j->textlen, s, n);
	j->textlen += n;
	return at;
}

/* A decimal as short as it can be and still read back the same: 8.5, 0.1. */
static int
real_text(double x, char *buf, size_t sz)
{
	int prec, n = 0;

	for (prec = 15; prec <= 17; prec++) {
		n = snprintf(buf, sz, "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	return n;
}

/* Field i of record o as text; TOLL_OK, or an error at the record's place. */
static int
field_text(toll_table *t, struct js *j, json_t *o, size_t i, long line, long col, toll_diag *d)
{
	const struct jcol *c = &j->cols[i];
	toll_field *f = &t->f[i];
	json_t *v = o;
	size_t k, at, n = 0;
	char num[64];
	char *dump = NULL;
	const char *s = "";

	f->line = line;
	f->col = col;
	for (k = 0; k < c->nkeys && v != NULL; k++)
		v = json_is_object(v) ? json_object_get(v, c->keys[k]) : NULL;
	if (v != NULL)
		j->found += json_is_object(v) && json_object_size(v) > 0 && c->nkeys < MAX_DEPTH ?
		            leaves(v, c->nkeys) : 1;
	switch (v == NULL ? JSON_NULL : json_typeof(v)) {
	case JSON_STRING:
		s = json_string_value(v);   /* no NUL: jansson refuses \u0000 */
		n = json_string_length(v);
		break;
	case JSON_INTEGER:
		n = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		s = num;
		break;
	case JSON_REAL:
		n = (size_t)real_text(json_real_value(v), num, sizeof num);
		s = num;
		break;
	case JSON_TRUE:
		s = "true";
		n = 4;
		break;
	case JSON_FALSE:
		s = "false";
		n = 5;
		break;
	case JSON_OBJECT:
	case JSON_ARRAY:
		if ((dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		s = dump;
		n = strlen(dump);
		break;
	default:
		break;
	}
	at = put(j, s, n);
	free(dump);
	if (at == (size_t)-1)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	f->len = n;
	j->off[i] = at;   /* made a pointer in record(), once the text stops moving */
	return TOLL_OK;
}

/* Fills t->f with the fields of record o. */
static int
record(toll_table *t, struct js *j, json_t *o, long line, long col, toll_diag *d)
{
	size_t i;
	int r;

	while (t->fcap < j->ncols)
		if (toll_table_grow_fields(t) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (toll_reserve((void **)&j->off, &j->offcap, j->ncols, sizeof *j->off) != 0)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	j->textlen = 0;
	j->found = 0;
	for (i = 0; i < j->ncols; i++)
		if ((r = field_text(t, j, o, i, line, col, d)) != TOLL_OK)
			return r;
	/* A key the first records did not have is not read: counted, the first one named. */
	if (j->found < leaves(o, 0)) {
		const char *keys[MAX_DEPTH];

		if (t->unread++ == 0) {
			t->unread_file = t->name;
			t->unread_line = line;
			if (!first_unread(j, o, keys, 0, t->unread_key, sizeof t->unread_key))
				t->unread_key[0] = '\0';
		}
	}
	for (i = 0; i < j->ncols; i++)
		t->f[i].s = j->text != NULL ? j->text + j->off[i] : "";
	t->nf = j->ncols;
	return TOLL_OK;
}

/* The first records, read to find the columns. */
static int
scan(toll_table *t, struct js *j, toll_diag *d)
{
	const char *keys[MAX_DEPTH];
	int r = TOLL_OK;

	if ((j->queue = malloc(TOLL_JSON_SCAN * sizeof *j->queue)) == NULL ||
	    (j->qline = malloc(TOLL_JSON_SCAN * sizeof *j->qline)) == NULL ||
	    (j->qcol = malloc(TOLL_JSON_SCAN * sizeof *j->qcol)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	while (j->nq < TOLL_JSON_SCAN) {
		json_t *v;

		if ((r = next_value(t, j, &v, &j->qline[j->nq], &j->qcol[j->nq], d)) != TOLL_OK)
			break;
		j->queue[j->nq++] = v;
		if (columns_of(j, v, keys, 0) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if (r == TOLL_END && j->nq == 0)
		return toll_diag_set(d, TOLL_EDATA, t->name, t->line, j->col, "no records in this JSON");
	if (r == TOLL_END || r == TOLL_OK || r == TOLL_ENOMEM || j->nq == 0)
		return r == TOLL_END ? TOLL_OK : r;
	/* A bad record among the first is said where it is, after those before it. */
	j->failed = 1;
	j->errcode = r;
	j->err = *d;
	return TOLL_OK;
}

static int
js_fields(toll_table *t, long *line, toll_diag *d)
{
	struct js *j = t->js;
	json_t *v;
	long col;
	int r;

	if (j == NULL) {
		if ((j = calloc(1, sizeof *j)) == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		t->js = j;
		j->col = 1;
	}
	if (!j->header_done) {
		size_t i;

		if ((r = scan(t, j, d)) != TOLL_OK)
			return r;
		while (t->fcap < j->ncols)
			if (toll_table_grow_fields(t) != TOLL_OK)
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		for (i = 0; i < j->ncols; i++) {
			t->f[i].s = j->cols[i].name;
			t->f[i].len = strlen(j->cols[i].name);
			t->f[i].line = j->qline[0];
			t->f[i].col = j->qcol[0];
		}
		t->nf = j->ncols;
		*line = j->qline[0];
		j->header_done = 1;
		return TOLL_OK;
	}
	if (j->iq < j->nq) {
		v = j->queue[j->iq];
		*line = j->qline[j->iq];
		col = j->qcol[j->iq];
		j->iq++;
		r = record(t, j, v, *line, col, d);
		json_decref(v);
		return r;
	}
	if (j->failed) {
		*d = j->err;
		return j->errcode;
	}
	if ((r = next_value(t, j, &v, line, &col, d)) != TOLL_OK)
		return r;
	r = record(t, j, v, *line, col, d);
	json_decref(v);
	return r;
}

const struct toll_table_json toll_json_table = { js_fields, js_free };
