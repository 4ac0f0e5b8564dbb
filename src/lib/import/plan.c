/*
 * import/plan.c: the output columns of an import, from the first header:
 * what every format shares (--map, --keep, --set, --value-map, the
 * columns a reports row needs).  Each format's own plan is in its file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp.h"

const int imp_fixed_cols[O_FIXED] = {
	TOLL_COL_EVENT, TOLL_COL_REPORTED, TOLL_COL_SOURCE, TOLL_COL_SIDE, TOLL_COL_CATEGORY,
	TOLL_COL_STATUS, TOLL_COL_LOW, TOLL_COL_BEST, TOLL_COL_HIGH, TOLL_COL_START, TOLL_COL_END
};

/* Adds an output column; returns it. */
struct imp_col *
imp_add_col(toll_import *im, const char *name, long src, const char *constant, int kind)
{
	struct imp_col *c = &im->c[im->n++];

	c->name = name;
	c->src = src;
	c->alt = -1;
	c->constant = constant;
	c->kind = kind;
	c->vmap = -1;
	c->nparts = 0;
	c->kept = 0;
	return c;
}

long
imp_find_col(const toll_import *im, const char *name)
{
	size_t i;

	for (i = 0; i < im->n; i++)
		if (strcmp(im->c[i].name, name) == 0)
			return (long)i;
	return -1;
}

int
imp_kind_of(const char *name)
{
	if (strcmp(name, "reported") == 0 || strcmp(name, "start") == 0 || strcmp(name, "end") == 0)
		return K_DATE;
	if (strcmp(name, "low") == 0 || strcmp(name, "best") == 0 || strcmp(name, "high") == 0)
		return K_NUMBER;
	if (strcmp(name, "value") == 0)
		return K_VALUE;
	return K_TEXT;
}

/*
 * The message that a column the format needs is missing, at the header;
 * with the output column that --map could give instead (a reduced export).
 */
int
imp_missing_or_map(const toll_table *t, const toll_row *h, const char *what, const char *name,
                   const char *out, toll_diag *d)
{
	char msg[TOLL_DIAG_MSG];
	size_t n;
	const toll_field *cols = toll_table_columns(t, &n);

	toll_column_problem(cols, n, what, name, strlen(name), NULL, msg, sizeof msg);
	if (out == NULL)
		return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 0, "%s", msg);
	return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 0, "%s; a reduced export: give --map "
	                     "%s=COLUMN", msg, out);
}

/* The message that a column the format needs is missing, at the header. */
int
imp_missing(const toll_table *t, const toll_row *h, const char *what, const char *name, toll_diag *d)
{
	return imp_missing_or_map(t, h, what, name, NULL, d);
}

/* The input column IN of --map OUT=IN, or its parts A+B (a composite); -1 and *d if unknown. */
static int
map_source(const toll_table *t, const char *out, const char *in, long *parts, int *nparts,
           toll_diag *d)
{
	size_t ncols, len;
	const toll_field *cols = toll_table_columns(t, &ncols);
	const char *p = in, *plus;
	char name[256], msg[TOLL_DIAG_MSG], where[TOLL_DIAG_MSG / 4];

	*nparts = 0;
	/* A column whose name holds '+' is that column. */
	if ((parts[0] = toll_table_column(t, in)) >= 0) {
		*nparts = 1;
		return TOLL_OK;
	}
	do {
		plus = strchr(p, '+');
		len = plus ? (size_t)(plus - p) : strlen(p);
		if (len >= sizeof name)
			len = sizeof name - 1;
		memcpy(name, p, len);
		name[len] = '\0';
		if (*nparts == IMP_MAX_PARTS)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--map %s=%s: at most %d columns "
			                     "in a composite", out, in, IMP_MAX_PARTS);
		if ((parts[*nparts] = toll_table_column(t, name)) < 0) {
			snprintf(where, sizeof where, " in --map %s=%s", out, in);
			toll_column_problem(cols, ncols, "unknown column", name, strlen(name), where, msg,
			                    sizeof msg);
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s", msg);
		}
		(*nparts)++;
		p = plus ? plus + 1 : NULL;
	} while (p != NULL);
	return TOLL_OK;
}

/* Whether there is room for one more output column (the plan keeps one spare). */
static int
room(const toll_import *im, const char *what, toll_diag *d)
{
	if (im->n < IMP_MAX_COLS - 1)
		return TOLL_OK;
	return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "too many %s (at most %d in all)%s", what,
	                     IMP_MAX_COLS - 1,
	                     strcmp(what, "columns to keep") == 0 ? ": choose them with --keep" : "");
}

/*
 * --map OUT=IN for every format: OUT is read from IN (a composite of
 * A+B: their values joined by '/'), replacing what the format reads it
 * from, or a new column.  used[] marks the input columns taken.
 */
int
imp_apply_maps(toll_import *im, const toll_table *t, char *used, toll_diag *d)
{
	size_t i;
	int j;

	for (i = 0; i < im->o.nmap; i++) {
		const char *out = im->o.map[i], *in = out + strlen(out) + 1;
		long parts[IMP_MAX_PARTS], k = imp_find_col(im, out);
		int nparts, r;
		struct imp_col *c;

		if ((r = map_source(t, out, in, parts, &nparts, d)) != TOLL_OK ||
		    (r = room(im, "output columns", d)) != TOLL_OK)
			return r;
		if (strcmp(out, "value") == 0 && k < 0)
			c = imp_add_col(im, "value", parts[0], NULL, K_VALUE);
		else if (k >= 0)
			c = &im->c[k];
		else
			c = imp_add_col(im, out, parts[0], NULL, K_TEXT);
		if (c->nparts > 0)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "column '%s' is mapped twice", out);
		c->src = parts[0];
		c->alt = -1;
		c->nparts = nparts;
		if (nparts > 1) {
			if (im->ncomp == IMP_MAX_COMPOSITE)
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "at most %d composite columns",
				                     IMP_MAX_COMPOSITE);
			c->comp = im->ncomp++;
			memcpy(c->parts, parts, (size_t)nparts * sizeof *parts);
		}
		for (j = 0; j < nparts; j++)
			used[parts[j]] = 1;
	}
	return TOLL_OK;
}

/* Whether --map gives the output column out. */
int
imp_is_mapped(const toll_import *im, const char *out)
{
	size_t i;

	for (i = 0; i < im->o.nmap; i++)
		if (strcmp(im->o.map[i], out) == 0)
			return 1;
	return 0;
}

/* Adds the input column src to the output, as itself. */
static int
keep_col(toll_import *im, const toll_table *t, long src, toll_diag *d)
{
	size_t ncols;
	const toll_field *cols = toll_table_columns(t, &ncols);
	const char *epoch = im->fmt->epoch_column;
	struct imp_col *c;
	int r;

	if (imp_find_col(im, cols[src].s) >= 0)
		return TOLL_OK;
	if ((r = room(im, "columns to keep", d)) != TOLL_OK)
		return r;
	/* A column of Unix time (ACLED's timestamp) is written as a date, as every date is. */
	c = imp_add_col(im, cols[src].s, src, NULL,
	                epoch != NULL && strcmp(cols[src].s, epoch) == 0 ? K_EPOCH : K_TEXT);
	c->kept = 1;
	return TOLL_OK;
}

/*
 * The columns kept: --keep's, or every column not used.  A column 'value'
 * beside a figure from low, best or high would be a second figure, which
 * the reports table refuses: not kept.
 */
int
imp_keep_columns(toll_import *im, const toll_table *t, char *used, toll_diag *d)
{
	size_t i, ncols;
	const toll_field *cols = toll_table_columns(t, &ncols);
	char *list, *p, *save = NULL;
	int r = TOLL_OK;

	if (im->o.keep == NULL) {
		for (i = 0; i < ncols; i++)
			if (!used[i] && strcmp(cols[i].s, "value") == 0) {
				toll_diag w;

				toll_diag_set(&w, TOLL_OK, NULL, 0, 0, "column 'value' is not kept: the figure "
				              "comes from low, best or high (keep it as text with --map "
				              "value_text=value)");
				imp_warn(im, &w);
				used[i] = 1;
			}
		for (i = 0; i < ncols && r == TOLL_OK; i++)
			if (!used[i])
				r = keep_col(im, t, (long)i, d);
		return r;
	}
	if ((list = strdup(im->o.keep)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	for (p = strtok_r(list, ",", &save); p != NULL && r == TOLL_OK; p = strtok_r(NULL, ",", &save)) {
		long src = toll_table_column(t, p);

		if (src < 0) {
			char msg[TOLL_DIAG_MSG];

			toll_column_problem(cols, ncols, "unknown column", p, strlen(p), " in --keep", msg,
			                    sizeof msg);
			r = toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s", msg);
		} else if (strcmp(p, "value") == 0 && !used[src]) {
			r = toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--keep value: the figure comes from "
			                  "low, best or high, and a column 'value' would be a second one "
			                  "(keep it as text with --map value_text=value)");
		} else {
			r = keep_col(im, t, src, d);
		}
	}
	free(list);
	return r;
}

/*
 * What follows a format's own columns: those kept (its list dflt[0..n),
 * every one even where the export lacks it, or --keep's), then --map's.
 */
int
imp_plan_rest(toll_import *im, const toll_table *t, const char *const *dflt, size_t n,
              toll_diag *d)
{
	size_t i, ncols;
	char *used;
	int r;

	(void)toll_table_columns(t, &ncols);
	if ((used = calloc(ncols ? ncols : 1, 1)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (im->o.keep == NULL) {
		for (i = 0; i < n; i++)
			if (imp_find_col(im, dflt[i]) < 0) {
				struct imp_col *c = imp_add_col(im, dflt[i], toll_table_column(t, dflt[i]),
				                                NULL, K_TEXT);

				c->kept = 1;
			}
		r = TOLL_OK;
	} else {
		r = imp_keep_columns(im, t, used, d);
	}
	if (r == TOLL_OK)
		r = imp_apply_maps(im, t, used, d);
	free(used);
	return r;
}

/* --set and --value-map, on the plan of any format; then what every reports row needs. */
int
imp_plan_common(toll_import *im, const toll_table *t, toll_diag *d)
{
	size_t i;
	long k;
	int r;

	for (i = 0; i < im->o.nset; i++) {
		const char *out = im->o.set[i], *val = out + strlen(out) + 1;

		im->status_set |= strcmp(out, "status") == 0;
		/*
		 * The file's own column of that name is not replaced silently:
		 * --map says to fill its empty fields, or to keep it apart.
		 */
		if ((k = imp_find_col(im, out)) >= 0 && im->c[k].src >= 0 && im->c[k].nparts == 0 &&
		    im->c[k].src == toll_table_column(t, out))
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--set %s=%s: the file has a "
			                     "column '%s': give --map %s=%s as well to fill only its empty "
			                     "fields, or --map OTHER=%s to keep it under another name", out,
			                     val, out, out, out, out);
		if (k < 0) {
			if ((r = room(im, "output columns", d)) != TOLL_OK)
				return r;
			imp_add_col(im, out, -1, val, imp_kind_of(out) == K_VALUE ? K_TEXT : imp_kind_of(out));
		} else {
			im->c[k].constant = val;
		}
	}
	for (i = 0; i < im->o.nvm; i++) {
		if ((k = imp_find_col(im, im->o.vm[i].col)) < 0)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--value-map: no output column '%s'",
			                     im->o.vm[i].col);
		im->c[k].vmap = (int)i;
	}
	/* --wide sets each row's status where it names one: the others are these. */
	im->status_src = im->c[O_STATUS].src;
	im->status_constant = im->c[O_STATUS].constant;
	/* The value notation's "about" goes on as the reports table's qualifier. */
	im->qual = imp_find_col(im, "qualifier");
	if (im->qual < 0 && imp_find_col(im, "value") >= 0) {
		if ((r = room(im, "output columns", d)) != TOLL_OK)
			return r;
		imp_add_col(im, "qualifier", -1, NULL, K_TEXT);
		im->qual = (long)im->n - 1;
	}
	if (im->o.row_events) {
		if (im->c[O_BEST].src < 0 && im->c[O_BEST].constant == NULL && im->c[O_LOW].src < 0 &&
		    im->c[O_HIGH].src < 0 && imp_find_col(im, "value") < 0)
			im->c[O_BEST].constant = "1";
	}
	for (i = 0; i < O_FIXED; i++) {
		static const int required[] = { O_EVENT, O_REPORTED, O_SOURCE, O_SIDE, O_CATEGORY };
		size_t q;

		for (q = 0; q < sizeof required / sizeof required[0]; q++)
			if ((int)i == required[q] && im->c[i].src < 0 && im->c[i].constant == NULL &&
			    !(i == O_EVENT && im->o.row_events))
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0,
				                     "no column gives '%s': give --map %s=COLUMN or "
				                     "--set %s=VALUE", im->c[i].name, im->c[i].name,
				                     im->c[i].name);
	}
	if (im->c[O_LOW].src < 0 && im->c[O_BEST].src < 0 && im->c[O_HIGH].src < 0 &&
	    im->c[O_LOW].constant == NULL && im->c[O_BEST].constant == NULL &&
	    im->c[O_HIGH].constant == NULL && imp_find_col(im, "value") < 0)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0,
		                     "no column gives the figure: give --map best=COLUMN (or low, "
		                     "high, value)");
	/* Where each reports column is, for the checks of every row. */
	for (i = 0; i < TOLL_NCOLUMNS; i++)
		im->schema.col[i] = -1;
	for (i = 0; i < (size_t)TOLL_NCOLUMNS; i++) {
		k = imp_find_col(im, toll_column_names[i]);
		if (k >= 0 && im->c[k].kind != K_VALUE)
			im->schema.col[i] = k;
	}
	return TOLL_OK;
}
