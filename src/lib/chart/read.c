/*
 * chart/read.c: a table read into a chart's points, as toll-plot and
 * toll-report draw them.  Columns are found by name (a list joined with
 * ", " for labels and series), figures read by the reader every program
 * shares, x as dates, toll's bin labels or numbers; the kind's descriptor
 * says what a row gives.  Nothing is printed: problems come back as
 * diagnostics at their field.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chart/chart.h"
#include "toll/date.h"
#include "toll/figure.h"
#include "toll/keys.h"

/*
 * What a chart can show: labels are laid out one by one and each series
 * needs a colour and a legend entry, so tables past these limits are
 * refused rather than drawn for minutes into an unreadable picture.
 */
#define MAX_CATEGORIES 10000
#define MAX_SERIES 100

/* Columns, each a list of indices joined with ", " (the labels) or one index. */
struct cols {
	long x[16], y[16], series[16];
	size_t nx, ny, nseries;
	long source;
	long best_by;             /* toll-agg's: 'toll' when toll supplied the best */
	long category;            /* the category column: one value drawn names the value axis */
	long adversary;           /* toll-agg's: what the other side claims, set aside */
	long set_aside;           /* INTERVAL: "yes" for a claim set aside (toll-report's) */
	toll_figure_cols fc;      /* the figure's columns, read by the reader every program shares */
	int figures;              /* the table states figures (value, or low, best, high) */
	long v;                   /* the value column: -y */
	int vrole, xrole;         /* the value (x): the figure's 'l'ow, 'b'est or 'h'igh, or 0 */
};

struct toll_chart_reader {
	toll_chart *ch;           /* what the rows are drawn on */
	const struct toll_chart_kind_desc *k;
	const char *xcol, *ycol, *seriescol;
	char *first;              /* the first column's name, BAR's default x (allocated) */
	struct cols c;
	int band;                 /* low/high (or value) give the figure's range */
	int dates;                /* -1 unknown yet, 0 numbers, 1 dates */
	int times;                /* some dates have a time of day */
	int bin;                  /* x's bin labels: -1 none yet, -2 not all of one unit, else the unit */
	int xwhole, xfour;        /* numbers on x: all whole; all whole from 1000 to 9999 */
	uint32_t (*where)[3];     /* LINE, STEP: each point's file, line and x column */
	size_t where_cap;
	toll_strmap *sources;     /* for the default caption */
	toll_strmap *bars;        /* BAR: (category, series) pairs seen, and their lines */
	long *bar_line;
	size_t bar_cap;
	int too_many;             /* a limit was passed: one message, then stop */
	char *join;               /* a label being joined */
	size_t join_cap;
	char *caption, *xlabel;   /* the defaults made, which the chart borrows */
	char *category;           /* the category of every row drawn ("killed"), or NULL */
	int categories;           /* 0 none read, 1 one, 2 several */
	char xtitle[192], ytitle[192];   /* the axis titles in words */
	uint32_t *src;            /* each point's source in sources, +1; 0 none */
	size_t src_cap;
};

/* ---- the table ---- */

/* Resolves a comma-separated list of column names; returns 0, or -1 with the missing name in d. */
static int
resolve_list(const toll_table *t, const char *spec, long *idx, size_t *n, toll_diag *d)
{
	const char *p = spec;

	*n = 0;
	for (;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char name[256];

		/* A whole name that is a column wins over its parts. */
		if (*n == 0 && e != NULL && toll_table_column(t, spec) >= 0) {
			idx[0] = toll_table_column(t, spec);
			*n = 1;
			return 0;
		}
		if (len == 0 || len >= sizeof name || *n == 16) {
			toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid column list '%s'", spec);
			return -1;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		if ((idx[*n] = toll_table_column(t, name)) < 0) {
			size_t ncol;
			const toll_field *cols = toll_table_columns(t, &ncol);
			char msg[TOLL_DIAG_MSG];

			toll_column_problem(cols, ncol, "unknown column", name, len, NULL, msg, sizeof msg);
			toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s", msg);
			return -1;
		}
		(*n)++;
		if (e == NULL)
			return 0;
		p = e + 1;
	}
}

/* Which part of the figure a column name is, in a table of figures: 'l', 'b', 'h' or 0. */
static int
role_of(const struct cols *c, const char *name)
{
	if (!c->figures)
		return 0;
	if (strcmp(name, "low") == 0)
		return 'l';
	if (strcmp(name, "best") == 0 || (strcmp(name, "value") == 0 && c->fc.value >= 0))
		return 'b';
	if (strcmp(name, "high") == 0)
		return 'h';
	return 0;
}

/*
 * Resolves a column list that may name a part of the figure a table in
 * the value notation has no column of (best of 'value'): then the one
 * index is the value column.
 */
static int
resolve_value(const toll_table *t, const struct cols *c, const char *spec, long *idx, size_t *n,
              toll_diag *d)
{
	if (resolve_list(t, spec, idx, n, d) == 0)
		return 0;
	if (role_of(c, spec) == 0 || c->fc.value < 0)
		return -1;
	idx[0] = c->fc.value;
	*n = 1;
	return 0;
}


int
toll_chart_reader_header(toll_chart_reader *p, const toll_table *t, toll_diag *d)
{
	const struct toll_chart_kind_desc *k = p->k;
	struct cols *c = &p->c;
	size_t ncol;
	const toll_field *names = toll_table_columns(t, &ncol);

	toll_figure_cols_find(&c->fc, t);
	c->figures = toll_figure_cols_any(&c->fc);
	c->source = toll_table_column(t, "source");
	c->best_by = toll_table_column(t, "best_by");
	c->category = toll_table_column(t, "category");
	c->adversary = (k->flags & KIND_ONE_PER_CAT) ? toll_table_column(t, "adversary") : -1;
	c->set_aside = (k->flags & KIND_ROWS) || k->swatch == SWATCH_LINE ? toll_table_column(t, "set_aside") : -1;
	if (p->xcol == NULL) {
		if (k->x_default == NULL) {
			free(p->first);
			if ((p->first = strndup(names[0].s, names[0].len)) == NULL)
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			p->xcol = p->first;
		} else {
			p->xcol = k->x_default;
		}
	}
	if (p->ycol == NULL)
		p->ycol = k->y_default;
	if (k->x_role != ROLE_NONE && resolve_value(t, c, p->xcol, c->x, &c->nx, d) != 0)
		return TOLL_EUSAGE;
	if (k->y_role != ROLE_NONE && resolve_value(t, c, p->ycol, c->y, &c->ny, d) != 0)
		return TOLL_EUSAGE;
	if (p->seriescol && resolve_list(t, p->seriescol, c->series, &c->nseries, d) != 0)
		return TOLL_EUSAGE;
	if ((k->flags & KIND_NEEDS_FIGURE) && !c->figures)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s needs a figure: a best column (or "
		                     "low, high, value)", k->name);
	if (k->x_role == ROLE_AXIS && c->nx > 1)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "-x takes one column for %s", k->name);
	if ((k->x_role == ROLE_NUMBER && c->nx > 1) || (k->y_role == ROLE_VALUE && c->ny > 1))
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "the values come from one column");
	/* The figure's parts are read as every program reads them (completed, or from 'value'). */
	c->vrole = k->y_role == ROLE_CATEGORY ? 'b' : k->y_role == ROLE_NONE ? 0 : role_of(c, p->ycol);
	c->v = k->y_role == ROLE_NONE ? -1 : k->y_role != ROLE_CATEGORY ? c->y[0] :
	       c->fc.best >= 0 ? c->fc.best : c->fc.value >= 0 ? c->fc.value :
	       c->fc.low >= 0 ? c->fc.low : c->fc.high;   /* where an interval's messages point */
	c->xrole = k->x_role == ROLE_AXIS || k->x_role == ROLE_NUMBER ? role_of(c, p->xcol) : 0;
	/* The figure's range goes with best. */
	p->band = c->vrole == 'b' && (c->fc.low >= 0 || c->fc.high >= 0 || c->fc.value >= 0);
	return TOLL_OK;
}

static int
bad(toll_diag *d, const toll_row *r, long col, const toll_table *t, const char *what)
{
	size_t n;

	return toll_row_problem(r, (size_t)col, toll_table_columns(t, &n), what, d);
}

/* A number of a column that is not part of a figure: 12.5, -3, 6,500. */
static int
num_field(const toll_row *r, long col, const toll_table *t, double *v, int *has, toll_diag *d)
{
	const toll_field *f;
	int rc;

	*has = 0;
	if (col < 0)
		return TOLL_OK;
	f = &r->f[col];
	if (f->len == 0)
		return TOLL_OK;
	if ((rc = toll_decimal_parse(f->s, f->len, v)) != TOLL_FIG_OK)
		return bad(d, r, col, t, rc == TOLL_FIG_RANGE ? "number out of range" : "invalid number");
	*has = 1;
	return TOLL_OK;
}

/* The part role of figure g, as a double; 0 when it has none (an open figure's high). */
static int
part(const toll_range *g, int role, double *v)
{
	if (role == 'h' && g->open)
		return 0;
	*v = role == 'l' ? g->low.d : role == 'b' ? g->best.d : g->high.d;
	return 1;
}

/*
 * The y of a row, with its range when the band goes with it, by the
 * figure reader every program shares (numbers need not be whole here:
 * toll-agg writes halves).  *skip is set when the row states no value.
 */
static int
figure(toll_chart_reader *p, const toll_row *r, const toll_table *t, const toll_range *g, int empty,
       toll_point *pt, int *skip, toll_diag *d)
{
	const struct cols *c = &p->c;
	int has;

	*skip = 0;
	if (c->vrole == 0) {
		int rc = num_field(r, c->v, t, &pt->y, &has, d);

		*skip = !has;
		return rc;
	}
	if (empty || !part(g, c->vrole, &pt->y)) {
		*skip = 1;
		return TOLL_OK;
	}
	/* A best no source stated (a range's middle), here or in toll-agg's best_by: drawn hollow. */
	if (c->vrole == 'b')
		pt->supplied = (uint8_t)(g->supplied ||
		                         (c->best_by >= 0 && r->f[c->best_by].len == 4 &&
		                          memcmp(r->f[c->best_by].s, "toll", 4) == 0));
	/* An approximate best ("about 30,000"): drawn light. */
	if (c->vrole == 'b')
		pt->approx = g->qualifier == '~';
	if (p->band) {
		pt->open = (uint8_t)g->open;
		pt->low = g->low.d;
		pt->high = g->open ? pt->y : g->high.d;
		pt->has_band = g->open || pt->low < pt->y || pt->high > pt->y;
	}
	return TOLL_OK;
}

/* The text of columns idx[0..n) of r joined by ", ", in p->join; -1 when out of memory. */
static int
joined(toll_chart_reader *p, const toll_row *r, const long *idx, size_t n, size_t *len)
{
	size_t i, need = 0, off = 0;

	for (i = 0; i < n; i++)
		need += r->f[idx[i]].len + 2;
	if (need + 1 > p->join_cap) {
		char *j = realloc(p->join, need + 1);
		if (j == NULL)
			return -1;
		p->join = j;
		p->join_cap = need + 1;
	}
	for (i = 0; i < n; i++) {
		if (i > 0) {
			memcpy(p->join + off, ", ", 2);
			off += 2;
		}
		memcpy(p->join + off, r->f[idx[i]].s, r->f[idx[i]].len);
		off += r->f[idx[i]].len;
	}
	p->join[off] = '\0';
	*len = off;
	return 0;
}

/* A field of four digits and nothing else: a year, or a number. */
static int
year_alone(const toll_field *f)
{
	size_t i;

	if (f->len != 4)
		return 0;
	for (i = 0; i < 4; i++)
		if (f->s[i] < '0' || f->s[i] > '9')
			return 0;
	return 1;
}

/*
 * The x of a row of a line or step chart: a date or time, a bin label of
 * toll's (2022-09, 2022-W37, 2022-Q3: the period's start), or a number;
 * the first decides which.  A year alone (2022) is a number, unless dates
 * came first.  *skip is set when there is none.
 */
static int
x_value(toll_chart_reader *p, const toll_row *r, const toll_table *t, const toll_range *g, int empty,
        double *x, int *skip, toll_diag *d)
{
	const struct cols *c = &p->c;
	const toll_field *f = &r->f[c->x[0]];
	toll_time tm;
	int has, rc;

	*skip = 0;
	if (c->xrole) {
		if (empty || !part(g, c->xrole, x)) {
			*skip = 1;
			return TOLL_OK;
		}
		p->dates = 0;
	} else if (f->len == 0) {
		*skip = 1;
		return TOLL_OK;
	} else if (p->dates != 0 && !(p->dates < 0 && year_alone(f)) &&
	           toll_date_parse(f->s, f->len, &tm) == 0) {
		int bin;
		int64_t start;

		*x = (double)tm.t;
		p->times |= tm.has_time;
		p->dates = 1;
		/* Bin labels of one unit: a line breaks where a bin has no row. */
		if (p->bin != -2) {
			if (toll_bin_label_parse(f->s, f->len, &bin, &start) != 0 || (p->bin >= 0 && bin != p->bin))
				p->bin = -2;
			else
				p->bin = bin;
		}
		return TOLL_OK;
	} else if (p->dates == 1) {
		return bad(d, r, c->x[0], t, "invalid date");
	} else if (toll_decimal_parse(f->s, f->len, x) != TOLL_FIG_OK) {
		if ((rc = num_field(r, c->x[0], t, x, &has, d)) != TOLL_OK)
			return rc;
	}
	p->dates = 0;
	p->xwhole &= *x == floor(*x);
	p->xfour &= *x == floor(*x) && *x >= 1000 && *x <= 9999;
	return TOLL_OK;
}

static int
too_many(toll_chart_reader *p, toll_diag *d, const toll_row *r, long col, const toll_table *t,
         const char *what, size_t max)
{
	const toll_field *f = &r->f[col];
	size_t n;
	const toll_field *name = &toll_table_columns(t, &n)[col];
	char cn[64];

	toll_diag_quote(cn, sizeof cn, name->s, name->len);
	p->too_many = 1;
	return toll_diag_set(d, TOLL_EDATA, r->file, f->line, f->col,
	                     "more than %zu %s in column '%s': too many to draw", max, what, cn);
}

static int
oom(toll_diag *d)
{
	return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
}

/*
 * One function (121 lines): a row is read by its kind's roles (x, y, series,
 * the figure's parts), each checked at its place before the point is stored.
 */
int
toll_chart_reader_row(toll_chart_reader *p, const toll_table *t, const toll_row *r, toll_diag *d)
{
	const struct toll_chart_kind_desc *k = p->k;
	const struct cols *c = &p->c;
	toll_chart *ch = p->ch;
	toll_point pt;
	toll_range g;
	size_t len;
	int skip = 0, rc, has, empty = 1;
	char label[96];

	memset(&pt, 0, sizeof pt);
	/* The row's figure, once, when a part of it is drawn. */
	if (c->vrole || c->xrole) {
		toll_diag fd[TOLL_FIGURE_MAX_PROBLEMS];

		if (toll_figure_read(&c->fc, r, 0, &g, &empty, fd) > 0) {
			*d = fd[0];
			return TOLL_EDATA;
		}
	}
	if (k->x_role == ROLE_NUMBER) {
		if (c->xrole) {
			if (empty || !part(&g, c->xrole, &pt.x))
				return TOLL_OK;
		} else {
			if ((rc = num_field(r, c->x[0], t, &pt.x, &has, d)) != TOLL_OK)
				return rc;
			if (!has)
				return TOLL_OK;
		}
	} else {
		if ((rc = figure(p, r, t, &g, empty, &pt, &skip, d)) != TOLL_OK)
			return rc;
		if (skip)
			return TOLL_OK;
	}
	if (ch->o.log_y && k->y_role != ROLE_NONE && !(pt.y > 0))
		return bad(d, r, c->v, t, "--log-y cannot show the value");
	if (k->x_role == ROLE_AXIS) {
		if ((rc = x_value(p, r, t, &g, empty, &pt.x, &skip, d)) != TOLL_OK)
			return rc;
		if (skip)
			return TOLL_OK;
		if (toll_chart_points(ch) >= p->where_cap) {
			size_t cap = p->where_cap ? p->where_cap * 2 : 1024;
			void *w = realloc(p->where, cap * sizeof *p->where);
			if (w == NULL)
				return oom(d);
			p->where = w;
			p->where_cap = cap;
		}
		p->where[toll_chart_points(ch)][0] = (uint32_t)r->fileno;
		p->where[toll_chart_points(ch)][1] = (uint32_t)(r->line < UINT32_MAX ? r->line : UINT32_MAX);
		p->where[toll_chart_points(ch)][2] = (uint32_t)(r->f[c->x[0]].col < UINT32_MAX ?
		                                                r->f[c->x[0]].col : UINT32_MAX);
	}
	if (k->x_role == ROLE_CATEGORY || k->y_role == ROLE_CATEGORY) {
		const long *idx = k->x_role == ROLE_CATEGORY ? c->x : c->y;
		size_t n = k->x_role == ROLE_CATEGORY ? c->nx : c->ny;

		if (joined(p, r, idx, n, &len) != 0 || toll_chart_category(ch, p->join, len, &pt.category) != 0)
			return oom(d);
		/* Each category (each row of an interval chart) has a label to lay out. */
		if (pt.category >= MAX_CATEGORIES || toll_chart_points(ch) >= (k->flags & KIND_ROWS ?
		                                                                MAX_CATEGORIES : SIZE_MAX))
			return too_many(p, d, r, idx[0], t, k->flags & KIND_ROWS ? "rows" : "categories",
			                MAX_CATEGORIES);
	}
	if (c->nseries > 0) {
		if (joined(p, r, c->series, c->nseries, &len) != 0 ||
		    toll_chart_series(ch, p->join, len, &pt.series) != 0)
			return oom(d);
		/* Each series has a colour and a place in the legend. */
		if (pt.series >= MAX_SERIES)
			return too_many(p, d, r, c->series[0], t, "series", MAX_SERIES);
	}
	if (k->flags & KIND_ONE_PER_CAT) {
		/* One bar per category and series: a second is an error, not a sum. */
		uint32_t key[2] = { pt.category, pt.series };
		size_t id;
		int added;

		if (toll_strmap_intern(p->bars, (const char *)key, sizeof key, &id, &added) != TOLL_OK)
			return oom(d);
		if (!added) {
			char q[64];
			const toll_field *f = &r->f[c->x[0]];
			toll_diag_quote(q, sizeof q, f->s, f->len);
			return toll_diag_set(d, TOLL_EDATA, r->file, r->line, f->col,
			                     "a second row for the %s of '%s'%s (the first is on line %ld): "
			                     "sum rows with toll-agg first", k->flags & KIND_CAT_AXIS ? "bar" : "dot", q,
			                     c->nseries ? " in its series" : "", p->bar_line[id]);
		}
		if (id >= p->bar_cap) {
			size_t cap = p->bar_cap ? p->bar_cap * 2 : 64;
			long *bl = realloc(p->bar_line, cap * sizeof *bl);
			if (bl == NULL)
				return oom(d);
			p->bar_line = bl;
			p->bar_cap = cap;
		}
		p->bar_line[id] = r->line;
	}
	if (ch->o.labels) {
		if (c->vrole == 'b' && !empty)
			toll_range_notation(&g, label, sizeof label);
		else
			toll_format_number(pt.y, pt.y == floor(pt.y) ? 0 : 1, label, sizeof label);
		pt.label = label;
	}
	if (c->set_aside >= 0 && r->f[c->set_aside].len == 3 && memcmp(r->f[c->set_aside].s, "yes", 3) == 0)
		pt.set_aside = 1;
	/* Only beside a toll's best: a change or a count is no figure the other side claims. */
	if (c->adversary >= 0 && !ch->o.stacked && c->vrole == 'b') {
		/* The other side's claim, in toll-agg's notation: drawn apart, at its best. */
		const toll_field *f = &r->f[c->adversary];
		toll_range ag;

		if (f->len > 0 && toll_value_parse(f->s, f->len, &ag) == TOLL_FIG_OK &&
		    (!ch->o.log_y || ag.best.d > 0)) {
			pt.has_adversary = 1;
			pt.adversary = ag.best.d;
		}
	}
	if (toll_chart_add(ch, &pt) != 0)
		return oom(d);
	/* The category of the rows drawn, while it is one: "Killed, best estimate". */
	if (c->category >= 0 && p->categories < 2) {
		const toll_field *f = &r->f[c->category];

		if (p->categories == 0) {
			if ((p->category = strndup(f->s, f->len)) == NULL)
				return oom(d);
			p->categories = 1;
		} else if (strlen(p->category) != f->len || memcmp(p->category, f->s, f->len) != 0) {
			p->categories = 2;
		}
	}
	if (c->source >= 0 && ch->o.caption == NULL && toll_strmap_count(p->sources) < 1000) {
		const toll_field *f = &r->f[c->source];
		size_t id;
		int added;
		if (f->len > 0 && toll_strmap_intern(p->sources, f->s, f->len, &id, &added) != TOLL_OK)
			return oom(d);
		if (toll_chart_points(ch) > p->src_cap) {
			size_t cap = p->src_cap ? p->src_cap * 2 : 1024;
			uint32_t *v = realloc(p->src, cap * sizeof *v);

			if (v == NULL)
				return oom(d);
			memset(v + p->src_cap, 0, (cap - p->src_cap) * sizeof *v);
			p->src = v;
			p->src_cap = cap;
		}
		p->src[toll_chart_points(ch) - 1] = f->len > 0 ? (uint32_t)id + 1 : 0;
	}
	return TOLL_OK;
}

toll_chart_reader *
toll_chart_reader_new(toll_chart *ch, const char *xcol, const char *ycol, const char *seriescol)
{
	toll_chart_reader *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->ch = ch;
	p->k = ch->kind;
	p->xcol = xcol;
	p->ycol = ycol;
	p->seriescol = seriescol;
	p->dates = -1;
	p->bin = -1;
	p->xwhole = p->xfour = 1;
	if ((p->sources = toll_strmap_new()) == NULL || (p->bars = toll_strmap_new()) == NULL) {
		toll_chart_reader_free(p);
		return NULL;
	}
	return p;
}

void
toll_chart_reader_free(toll_chart_reader *p)
{
	if (p == NULL)
		return;
	toll_strmap_free(p->sources);
	toll_strmap_free(p->bars);
	free(p->bar_line);
	free(p->where);
	free(p->join);
	free(p->caption);
	free(p->xlabel);
	free(p->first);
	free(p->category);
	free(p->src);
	free(p);
}

int
toll_chart_reader_stop(const toll_chart_reader *p)
{
	return p->too_many;
}

/*
 * A line or a step shows one figure per x in a series: two are an error
 * that names both lines (as two rows for one bar are), not a zigzag.
 */
static int
one_per_x(const toll_chart_reader *p, const toll_table *t, char *const *files, size_t nfiles,
          toll_diag *d)
{
	const toll_chart *ch = p->ch;
	size_t a, b, n;
	const uint32_t *wa, *wb;
	const toll_field *names = toll_table_columns(t, &n);
	char x[48], q[64], where[300], series[96] = "";
	int found;

	if (toll_chart_same_x(ch, &found, &a, &b) != TOLL_OK)
		return oom(d);
	if (!found)
		return TOLL_OK;
	wa = p->where[a];
	wb = p->where[b];
	if (p->dates == 1) {
		int64_t sec = (int64_t)toll_chart_x(ch, b), days = sec / 86400 - (sec % 86400 < 0), y;
		int m, dd;

		toll_civil_from_days(days, &y, &m, &dd);
		if (p->times)
			snprintf(x, sizeof x, "%04d-%02d-%02dT%02d:%02dZ", (int)y, m, dd,
			         (int)(sec - days * 86400) / 3600, (int)(sec - days * 86400) % 3600 / 60);
		else
			snprintf(x, sizeof x, "%04d-%02d-%02d", (int)y, m, dd);
	} else {
		snprintf(x, sizeof x, "%.15g", toll_chart_x(ch, b));
	}
	toll_diag_quote(q, sizeof q, names[p->c.x[0]].s, names[p->c.x[0]].len);
	if (p->c.nseries) {
		size_t len;
		const char *name = toll_chart_series_label(ch, toll_chart_series_of(ch, b), &len);
		char qs[64];

		toll_diag_quote(qs, sizeof qs, name, len);
		snprintf(series, sizeof series, " of series '%s'", qs);
	}
	if (wa[0] == wb[0])
		snprintf(where, sizeof where, "line %u", wa[1]);
	else
		snprintf(where, sizeof where, "%s:%u", nfiles ? files[wa[0]] : "-", wa[1]);
	return toll_diag_set(d, TOLL_EDATA, nfiles ? files[wb[0]] : "-", wb[1], wb[2],
	                     "a second figure%s at %s '%s' (the first is on %s): "
	                     "a %s has one figure per x; give --series the column that tells them apart "
	                     "(such as source), or keep one", series, q, x, where, p->k->name);
}

/*
 * A bar chart whose categories are all dates, or bin labels of one unit
 * (2022-09, 2022-W37, 2022-Q3, 2022), shows every period from the first
 * to the last in order, the empty ones too: a gap in time is seen, not
 * closed up.
 */
static int
periods(toll_chart *ch, toll_diag *d)
{
	size_t n = toll_chart_categories(ch), i, len, count;
	int64_t lo = INT64_MAX, hi = INT64_MIN, t, start;
	int unit = -1, bin, status = TOLL_OK;
	char **labels = NULL;
	size_t *lens = NULL;

	for (i = 0; i < n; i++) {
		const char *l = toll_chart_category_label(ch, (uint32_t)i, &len);

		if (toll_bin_label_parse(l, len, &bin, &start) != 0 || (unit >= 0 && bin != unit))
			return TOLL_OK;
		unit = bin;
		lo = start < lo ? start : lo;
		hi = start > hi ? start : hi;
	}
	for (count = 0, t = lo; t <= hi; t = toll_bin_next(unit, t))
		if (++count > MAX_CATEGORIES) {
			return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "the dates on x span more than %d "
			                     "periods: too many bars to draw", MAX_CATEGORIES);
		}
	labels = calloc(count, sizeof *labels);
	lens = calloc(count, sizeof *lens);
	if (labels == NULL || lens == NULL)
		goto oom;
	for (i = 0, t = lo; i < count; i++, t = toll_bin_next(unit, t)) {
		if ((labels[i] = malloc(TOLL_BIN_LABEL)) == NULL)
			goto oom;
		lens[i] = toll_bin_label(unit, t, labels[i]);
	}
	if (toll_chart_order_categories(ch, labels, lens, count) != 0)
		goto oom;
	goto out;
oom:
	status = oom(d);
out:
	for (i = 0; labels != NULL && i < count; i++)
		free(labels[i]);
	free(labels);
	free(lens);
	return status;
}

/* "Source: A, B, C" from the sources drawn; NULL when there are none (or out of memory). */
static char *
default_caption(const toll_strmap *sources)
{
	size_t n = toll_strmap_count(sources), i, len = 8;
	char *s;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		len += toll_strmap_key(sources, i).len + 2;
	if ((s = malloc(len + 1)) == NULL)
		return NULL;
	strcpy(s, "Source: ");
	len = 8;
	for (i = 0; i < n; i++) {
		toll_str k = toll_strmap_key(sources, i);
		if (i > 0) {
			memcpy(s + len, ", ", 2);
			len += 2;
		}
		memcpy(s + len, k.s, k.len);
		len += k.len;
	}
	s[len] = '\0';
	return s;
}

/*
 * An axis's title in words, from the column's name (toll's columns by
 * what they hold: "best" of killed rows is "Killed, best estimate",
 * "end:month" is "Month of death"); another column's name with its
 * first letter upper case and "_" as spaces.
 */
void
toll_ch_column_title(const char *col, const char *category, char *buf, size_t sz)
{
	static const struct { const char *col, *words; } known[] = {
		{ "best", "best estimate" }, { "low", "low estimate" }, { "high", "high estimate" },
		{ "value", "figure" }, { "change", "added in the period" }, { "reported", "date reported" },
		{ "as_of", "as of" }, { "period", "period" }, { "start", "first day of death" },
		{ "end", "last day of death" }, { "events", "events" }, { "series", "series" },
		{ "count", "rows" },
	};
	static const char *const units[] = { "day", "week", "month", "quarter", "year" };
	const char *colon = strchr(col, ':');
	char words[96], cat[64];
	size_t i, n;
	int of_figure = 0;

	snprintf(words, sizeof words, "%s", col);
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(col, known[i].col) == 0) {
			snprintf(words, sizeof words, "%s", known[i].words);
			of_figure = i < 5;
		}
	if (colon != NULL)
		for (i = 0; i < sizeof units / sizeof units[0]; i++)
			if (strcmp(colon + 1, units[i]) == 0) {
				size_t klen = (size_t)(colon - col);
				const char *how = klen == 3 && strncmp(col, "end", 3) == 0 ? "of death" :
				                  klen == 5 && strncmp(col, "start", 5) == 0 ? "of death (first day)" :
				                  klen == 8 && strncmp(col, "reported", 8) == 0 ? "reported" : NULL;
				if (how != NULL)
					snprintf(words, sizeof words, "%s %s", units[i], how);
			}
	if (of_figure && category != NULL && *category != '\0') {
		snprintf(cat, sizeof cat, "%s", category);
		snprintf(buf, sz, "%.63s, %.95s", cat, words);
	} else {
		snprintf(buf, sz, "%s", words);
	}
	for (n = 0; buf[n] != '\0'; n++)
		if (buf[n] == '_')
			buf[n] = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* Whether a column's name says it holds years ("year", "start:year", "Year of death"). */
static int
names_year(const char *s)
{
	for (; *s != '\0'; s++)
		if (strncasecmp(s, "year", 4) == 0)
			return 1;
	return 0;
}

int
toll_chart_reader_finish(toll_chart_reader *p, const toll_table *t, char *const *files, size_t nfiles,
                         toll_diag *d)
{
	toll_chart *ch = p->ch;
	toll_chart_opts *o = &ch->o;
	const struct toll_chart_kind_desc *k = p->k;
	int rc;

	if (toll_chart_points(ch) == 0)
		return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "nothing to draw: no row has a value");
	if ((k->flags & KIND_ONE_PER_X) && (rc = one_per_x(p, t, files, nfiles, d)) != TOLL_OK)
		return rc;
	if ((k->flags & KIND_ONE_PER_CAT) && p->c.nx == 1 && (rc = periods(ch, d)) != TOLL_OK)
		return rc;
	o->x_years = p->dates == 0 && p->xwhole && (p->xfour || names_year(p->xcol));
	/* The options the table decides: axis labels, caption, dates. */
	{
		const char *cat = p->categories == 1 ? p->category : NULL;

		toll_ch_column_title(p->xcol, cat, p->xtitle, sizeof p->xtitle);
		toll_ch_column_title(k->y_role == ROLE_NONE ? "count" : k->y_role == ROLE_CATEGORY ? "best" : p->ycol, cat,
		             p->ytitle, sizeof p->ytitle);
	}
	if ((k->flags & KIND_VALUE_ACROSS)) {
		/* The values run across, under the plot; the rows name themselves. */
		if (o->xlabel == NULL)
			o->xlabel = k->x_role == ROLE_CATEGORY ? p->ytitle : p->ytitle;
		if (o->ylabel == NULL)
			o->ylabel = "";
	}
	if (o->xlabel == NULL)
		o->xlabel = k->x_role == ROLE_NONE ? "" : p->xtitle;
	if (o->ylabel == NULL)
		o->ylabel = p->ytitle;
	if (o->caption == NULL)
		o->caption = p->caption = default_caption(p->sources);
	o->x_dates = p->dates == 1;
	o->x_times = p->dates == 1 && p->times;
	o->x_bin = p->dates == 1 && p->bin > TOLL_BIN_DAY ? p->bin : 0;
	/* Times are drawn in UTC: an axis of times says so. */
	if (o->x_times && o->xlabel == p->xtitle) {
		if ((p->xlabel = malloc(strlen(p->xtitle) + 7)) == NULL)
			return oom(d);
		sprintf(p->xlabel, "%s (UTC)", p->xtitle);
		o->xlabel = p->xlabel;
	}
	return TOLL_OK;
}

int
toll_chart_reader_caption(toll_chart_reader *p, toll_diag *d)
{
	toll_chart *ch = p->ch;
	toll_strmap *shown;
	size_t i, n = toll_chart_points(ch);
	char *caption;

	/* Only a caption toll made, of a chart cut by --xmin or --xmax. */
	if (p->caption == NULL || ch->o.caption != p->caption || !(ch->kind->flags & KIND_X_AXIS) ||
	    (!ch->o.has_xmin && !ch->o.has_xmax))
		return TOLL_OK;
	double *held;

	if (toll_ch_step_held(ch, &held) != 0)
		return oom(d);
	if ((shown = toll_strmap_new()) == NULL) {
		free(held);
		return oom(d);
	}
	for (i = 0; i < n && i < p->src_cap; i++) {
		size_t id;
		int added;
		toll_str k;

		if (p->src[i] == 0 || !toll_ch_point_shown(ch, i, held))
			continue;
		k = toll_strmap_key(p->sources, p->src[i] - 1);
		if (toll_strmap_intern(shown, k.s, k.len, &id, &added) != TOLL_OK) {
			toll_strmap_free(shown);
			free(held);
			return oom(d);
		}
	}
	free(held);
	caption = default_caption(shown);
	toll_strmap_free(shown);
	free(p->caption);
	ch->o.caption = p->caption = caption;
	return TOLL_OK;
}

int
toll_chart_reader_position(const toll_chart_reader *p, const char *s, int value_axis, double *out)
{
	toll_time tm;

	if (value_axis || p->dates != 1)
		return toll_decimal_parse(s, strlen(s), out) == TOLL_FIG_OK && isfinite(*out) ? 0 : -1;
	if (toll_date_parse(s, strlen(s), &tm) != 0)
		return -1;
	*out = (double)tm.t;
	return 0;
}

int
toll_chart_reader_value_axis(const toll_chart_reader *p)
{
	return (p->k->flags & KIND_MARK_VALUE) != 0;
}

int
toll_chart_reader_dates(const toll_chart_reader *p)
{
	return p->dates == 1;
}
