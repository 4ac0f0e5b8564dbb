/* docs.c: the documents of toll-extract --docs, read from tables (toll/docs.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toll/date.h"
#include "toll/docs.h"
#include "toll/json.h"
#include "toll/table.h"

enum { TEXT, ID, SOURCE, REPORTED, URL, EVENT, NKEYS };

static const char *const keys[NKEYS] = { "text", "id", "source", "reported", "url", "event" };

struct toll_docs {
	char *const *paths;       /* each read as a table of its own: its own columns */
	size_t npaths, next;
	toll_table *t;            /* the one being read, or NULL */
	toll_dialect dl;
	const char *dflt[NKEYS];
	const char *name[NKEYS];  /* the column each is read from: keys[k], or one named (toll_docs_set_column()) */
	long col[NKEYS];
	char *buf[NKEYS];
	size_t cap[NKEYS];
	char place[4200];
};

int
toll_docs_new(toll_docs **out, char *const *paths, size_t n, const char *event, const char *source,
              const char *reported)
{
	toll_docs *ds = calloc(1, sizeof *ds);
	toll_dialect dl = TOLL_DIALECT_INIT;

	*out = NULL;
	if (ds == NULL)
		return TOLL_ENOMEM;
	dl.json = &toll_json_table;
	dl.na = "";   /* a text, a source or an id that reads "NA" is that */
	ds->dl = dl;
	ds->dflt[EVENT] = event != NULL ? event : "";
	ds->dflt[SOURCE] = source != NULL ? source : "";
	ds->dflt[REPORTED] = reported != NULL ? reported : "";
	ds->dflt[URL] = "";
	ds->dflt[TEXT] = "";
	ds->paths = paths;
	ds->npaths = n;
	memcpy(ds->name, keys, sizeof keys);
	*out = ds;
	return TOLL_OK;
}

/* Field k of row as a C string in ds->buf[k], or its default when empty or absent; NULL out of memory. */
static char *
field(toll_docs *ds, const toll_row *row, int k, const char *dflt)
{
	const toll_field *f;

	if (ds->col[k] < 0 || (size_t)ds->col[k] >= row->n || row->f[ds->col[k]].len == 0)
		return (char *)dflt;
	f = &row->f[ds->col[k]];
	if (f->len + 1 > ds->cap[k]) {
		char *nb = realloc(ds->buf[k], f->len + 1);

		if (nb == NULL)
			return NULL;
		ds->buf[k] = nb;
		ds->cap[k] = f->len + 1;
	}
	memcpy(ds->buf[k], f->s, f->len);
	ds->buf[k][f->len] = '\0';
	return ds->buf[k];
}

int
toll_docs_next(toll_docs *ds, toll_doc *doc, toll_diag *d)
{
	for (;;) {
		toll_row row;
		toll_time when;
		int code, k;
		char *v[NKEYS];

		if (ds->t == NULL) {
			/* The next file (standard input when none is named). */
			if (ds->next >= (ds->npaths ? ds->npaths : 1))
				return TOLL_END;
			if (toll_table_new(&ds->t, ds->npaths ? ds->paths + ds->next : NULL,
			                   ds->npaths ? 1 : 0, &ds->dl) != TOLL_OK)
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			ds->next++;
		}
		if ((code = toll_table_next(ds->t, &row, d)) == TOLL_END) {
			toll_table_free(ds->t);
			ds->t = NULL;
			continue;
		}
		if (code == TOLL_HEADER) {
			for (k = 0; k < NKEYS; k++)
				ds->col[k] = toll_table_column(ds->t, ds->name[k]);
			if (ds->col[TEXT] < 0 && ds->name[TEXT] == keys[TEXT]) {
				toll_table_skip_file(ds->t);
				return toll_diag_set(d, TOLL_EDATA, row.file, row.line, 1,
				                     "no column 'text': a document is a record with the keys "
				                     "text and id, source, reported, url, event (a file of text "
				                     "is read without --docs, or in a folder with it; another "
				                     "column by --map text=COLUMN)");
			}
			/* A column named for a key must be there. */
			for (k = 0; k < NKEYS; k++)
				if (ds->col[k] < 0 && ds->name[k] != keys[k]) {
					toll_table_skip_file(ds->t);
					return toll_diag_set(d, TOLL_EDATA, row.file, row.line, 1,
					                     "no column '%s', named for the documents' %s",
					                     ds->name[k], keys[k]);
				}
			continue;
		}
		if (code != TOLL_OK)
			return code;
		snprintf(ds->place, sizeof ds->place, "%s:%ld", row.file, row.line);
		for (k = 0; k < NKEYS; k++)
			if ((v[k] = field(ds, &row, k, k == ID ? ds->place : ds->dflt[k])) == NULL)
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		if (v[REPORTED] != ds->dflt[REPORTED] &&
		    toll_date_parse(v[REPORTED], strlen(v[REPORTED]), &when) != 0) {
			const toll_field *f = &row.f[ds->col[REPORTED]];
			char why[200];

			toll_date_why(v[REPORTED], strlen(v[REPORTED]), why, sizeof why);
			return toll_diag_set(d, TOLL_EDATA, row.file, f->line, f->col,
			                     "invalid date in 'reported': %s; the document is left out", why);
		}
		/* The text, in a buffer of its own (the caller's to mend) even when empty. */
		if (v[TEXT] == ds->dflt[TEXT]) {
			if (ds->cap[TEXT] == 0 && (ds->buf[TEXT] = malloc(ds->cap[TEXT] = 1)) == NULL)
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			ds->buf[TEXT][0] = '\0';
			v[TEXT] = ds->buf[TEXT];
		}
		doc->text = v[TEXT];
		doc->len = v[TEXT][0] == '\0' ? 0 : row.f[ds->col[TEXT]].len;
		doc->id = v[ID];
		doc->source = v[SOURCE];
		doc->reported = v[REPORTED];
		doc->url = v[URL];
		doc->event = v[EVENT];
		doc->file = row.file;
		doc->line = row.line;
		return TOLL_OK;
	}
}

int
toll_docs_set_column(toll_docs *ds, const char *key, const char *column)
{
	int k;

	for (k = 0; k < NKEYS; k++)
		if (strcmp(keys[k], key) == 0) {
			ds->name[k] = column;
			return TOLL_OK;
		}
	return TOLL_EUSAGE;
}

void
toll_docs_free(toll_docs *ds)
{
	int k;

	if (ds == NULL)
		return;
	toll_table_free(ds->t);
	for (k = 0; k < NKEYS; k++)
		free(ds->buf[k]);
	free(ds);
}
