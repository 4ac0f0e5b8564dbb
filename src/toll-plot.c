/*
 * toll-plot: charts of toll tables to PNG, PDF or SVG (SPEC section 2), with
 * cairo and pango.  The table is read and checked whole before any output
 * is made; a file named by -o is written under a temporary name in its
 * folder and renamed into place, so it appears whole or not at all.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "cli.h"
#include "toll/chart.h"
#include "toll/date.h"
#include "toll/figure.h"
#include "toll/keys.h"
#include "toll/strmap.h"
#include "toll/table.h"

static const char usage_text[] =
	"Usage: toll-plot KIND [OPTION]... [FILE]... -o OUT\n"
	"Draws a chart of a TSV or CSV table with a header (a reports table, or\n"
	"what toll-agg, toll-rev or toll-stats wrote) to PNG, PDF or SVG.\n"
	"With no FILE, or when FILE is -, read standard input.\n"
	"\n"
	"Kinds:\n"
	"  bar       a bar per -x category (default: the first column) of the -y\n"
	"            value; with --series, bars side by side or --stacked;\n"
	"            whiskers from the low and high columns\n"
	"  line      -y against -x (default: reported), dates or numbers; a line\n"
	"            per --series value and a band from low to high\n"
	"  step      as line, each value held until the next: tolls against\n"
	"            their report date; a triangle marks an open-ended figure\n"
	"  interval  one row per table row: a dot at best, a segment from low to\n"
	"            high (an arrow when high is open), labelled by the -y column\n"
	"            (default: source), coloured by --series\n"
	"  hist      a histogram of the -x column (default: best)\n"
	"\n"
	"  -o, --output=OUT     the chart's file; - for standard output\n"
	"  -x COLUMN            the categories (bar), x values (line, step) or\n"
	"                       values (hist)\n"
	"  -y COLUMN            the values (default: best), or interval's labels;\n"
	"                       low and high are used with best\n"
	"      --series=COLUMN  a bar, line or colour per value of COLUMN\n"
	"                       (COLUMN,COLUMN... joins several)\n"
	"      --stacked        bar: stack the series\n"
	"      --no-interval    no whiskers, bands or arrows from low and high\n"
	"      --bins=N         hist: N bins (default: Freedman-Diaconis, rounded)\n"
	"      --title=TEXT  --subtitle=TEXT  --xlabel=TEXT  --ylabel=TEXT\n"
	"                       texts (axis labels default to the column names)\n"
	"      --caption=TEXT   the line under the chart (default: \"Source: \" and\n"
	"                       the sources of the rows drawn; '' for none)\n"
	"      --size=WxH       the size (default 800x500): pixels for PNG,\n"
	"                       points for PDF and SVG\n"
	"      --scale=N        PNG pixels per unit, for sharper images (default 1)\n"
	"      --format=FMT     png, pdf or svg (default: -o's extension, else png)\n"
	"      --log-y          a logarithmic value axis\n"
	"      --ymin=N  --ymax=N  the value axis's range\n"
	"      --palette=NAME   okabe-ito (default), viridis or grey\n"
	"      --font=FAMILY    the font (default DejaVu Sans)\n"
	CLI_HELP_OPTIONS
	"\n"
	"Rows with an empty -x or -y value are left out.  low, best and high of a\n"
	"table of figures are read as every toll program reads them.  x may be\n"
	"dates, or toll-agg's bins (2022-09, 2022-W37, 2022-Q3): a bar chart of\n"
	"periods keeps the empty ones.  A line or step has one figure per x in a\n"
	"series: two are an error.  PDF files get a date only from\n"
	"SOURCE_DATE_EPOCH.  The same input gives the same bytes.\n"
	"Exit status: 0 success, 1 invalid data, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-rev history reports.tsv | toll-plot step --series side,source -o tolls.png\n"
	"  toll-agg -g event,side reports.tsv | toll-plot bar -x event --series side -o totals.pdf\n";

enum {
	OPT_SERIES = 300, OPT_STACKED, OPT_NO_INTERVAL, OPT_BINS, OPT_TITLE, OPT_SUBTITLE,
	OPT_XLABEL, OPT_YLABEL, OPT_CAPTION, OPT_SIZE, OPT_SCALE, OPT_FORMAT, OPT_LOG_Y, OPT_YMIN,
	OPT_YMAX, OPT_PALETTE, OPT_FONT
};

/* Columns, each a list of indices joined with ", " (the labels) or one index. */
struct cols {
	long x[16], y[16], series[16];
	size_t nx, ny, nseries;
	long source;
	toll_figure_cols fc;      /* the figure's columns, read by the reader every program shares */
	int figures;              /* the table states figures (value, or low, best, high) */
	long v;                   /* the value column: -y */
	int vrole, xrole;         /* the value (x): the figure's 'l'ow, 'b'est or 'h'igh, or 0 */
};

struct plot {
	toll_chart_opts o;
	const char *xcol, *ycol, *seriescol, *out;
	struct cols c;
	int band;                 /* low/high (or value) give the figure's range */
	int dates;                /* -1 unknown yet, 0 numbers, 1 dates */
	int times;                /* some dates have a time of day */
	int xwhole, xfour;        /* numbers on x: all whole; all whole from 1000 to 9999 */
	uint32_t (*where)[3];     /* LINE, STEP: each point's file, line and x column */
	size_t where_cap;
	toll_strmap *sources;     /* for the default caption */
	toll_strmap *bars;        /* BAR: (category, series) pairs seen, and their lines */
	long *bar_line;
	size_t bar_cap;
	int too_many;             /* a limit was passed: one message, then stop */
	toll_chart *ch;           /* what the rows are drawn on */
	char *join;               /* a label being joined */
	size_t join_cap;
};

/* ---- the temporary file that becomes -o ---- */

static char tmp_path[4096];
static volatile sig_atomic_t tmp_live;

static void
on_signal(int sig)
{
	if (tmp_live)
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

struct writer {
	int fd;
	int err;                  /* errno of the first failure */
	unsigned char buf[1 << 16];
	size_t len;
};

static int
flush_writer(struct writer *w)
{
	size_t off = 0;

	while (off < w->len && w->err == 0) {
		ssize_t k = write(w->fd, w->buf + off, w->len - off);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			w->err = errno;
		} else {
			off += (size_t)k;
		}
	}
	w->len = 0;
	return w->err ? -1 : 0;
}

static int
write_bytes(void *closure, const unsigned char *data, size_t len)
{
	struct writer *w = closure;

	while (len > 0 && w->err == 0) {
		size_t k = sizeof w->buf - w->len;
		if (k > len)
			k = len;
		memcpy(w->buf + w->len, data, k);
		w->len += k;
		data += k;
		len -= k;
		if (w->len == sizeof w->buf)
			flush_writer(w);
	}
	return w->err ? -1 : 0;
}

/* ---- options ---- */

static int
parse_number(const char *s, double *v)
{
	return toll_decimal_parse(s, strlen(s), v) == TOLL_FIG_OK && isfinite(*v) ? 0 : -1;
}

static int
parse_size(const char *s, double *w, double *h)
{
	char *end;
	long a, b;

	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	a = strtol(s, &end, 10);
	if (*end != 'x' || end[1] < '0' || end[1] > '9')
		return -1;
	b = strtol(end + 1, &end, 10);
	if (*end != '\0' || errno != 0 || a < 50 || a > 10000 || b < 50 || b > 10000)
		return -1;
	*w = (double)a;
	*h = (double)b;
	return 0;
}

static int
format_of(const char *name, enum toll_chart_format *f)
{
	if (strcasecmp(name, "png") == 0)
		*f = TOLL_CHART_PNG;
	else if (strcasecmp(name, "pdf") == 0)
		*f = TOLL_CHART_PDF;
	else if (strcasecmp(name, "svg") == 0)
		*f = TOLL_CHART_SVG;
	else
		return -1;
	return 0;
}

/* ---- the table ---- */

/* Resolves a comma-separated list of column names; returns 0, or -1 with the missing name in err. */
static int
resolve_list(const toll_table *t, const char *spec, long *idx, size_t *n, char *err, size_t errsz)
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
			snprintf(err, errsz, "invalid column list '%s'", spec);
			return -1;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		if ((idx[*n] = toll_table_column(t, name)) < 0) {
			size_t ncol;
			const toll_field *cols = toll_table_columns(t, &ncol);

			toll_column_problem(cols, ncol, "unknown column", name, len, NULL, err, errsz);
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
              char *err, size_t errsz)
{
	if (resolve_list(t, spec, idx, n, err, errsz) == 0)
		return 0;
	if (role_of(c, spec) == 0 || c->fc.value < 0)
		return -1;
	idx[0] = c->fc.value;
	*n = 1;
	return 0;
}

static int
header(struct plot *p, const toll_table *t, char *err, size_t errsz)
{
	enum toll_chart_kind k = p->o.kind;
	struct cols *c = &p->c;
	size_t ncol;
	const toll_field *names = toll_table_columns(t, &ncol);

	toll_figure_cols_find(&c->fc, t);
	c->figures = toll_figure_cols_any(&c->fc);
	c->source = toll_table_column(t, "source");
	if (p->xcol == NULL) {
		if (k == TOLL_CHART_BAR) {
			static char first[256];
			snprintf(first, sizeof first, "%.*s", (int)(names[0].len < 255 ? names[0].len : 255),
			         names[0].s);
			p->xcol = first;
		} else {
			p->xcol = k == TOLL_CHART_HIST ? "best" : "reported";
		}
	}
	if (p->ycol == NULL)
		p->ycol = k == TOLL_CHART_INTERVAL ? "source" : "best";
	if (k != TOLL_CHART_INTERVAL && resolve_value(t, c, p->xcol, c->x, &c->nx, err, errsz) != 0)
		return -1;
	if (k != TOLL_CHART_HIST && resolve_value(t, c, p->ycol, c->y, &c->ny, err, errsz) != 0)
		return -1;
	if (p->seriescol && resolve_list(t, p->seriescol, c->series, &c->nseries, err, errsz) != 0)
		return -1;
	if (k == TOLL_CHART_INTERVAL && !c->figures) {
		snprintf(err, errsz, "interval needs a figure: a best column (or low, high, value)");
		return -1;
	}
	if (k != TOLL_CHART_INTERVAL && k != TOLL_CHART_HIST && (c->nx > 1 && k != TOLL_CHART_BAR)) {
		snprintf(err, errsz, "-x takes one column for %s", k == TOLL_CHART_LINE ? "line" : "step");
		return -1;
	}
	if ((k == TOLL_CHART_HIST && c->nx > 1) || (k != TOLL_CHART_INTERVAL && c->ny > 1)) {
		snprintf(err, errsz, "the values come from one column");
		return -1;
	}
	/* The figure's parts are read as every program reads them (completed, or from 'value'). */
	c->vrole = k == TOLL_CHART_INTERVAL ? 'b' : k == TOLL_CHART_HIST ? 0 : role_of(c, p->ycol);
	c->v = k == TOLL_CHART_HIST ? -1 : k != TOLL_CHART_INTERVAL ? c->y[0] :
	       c->fc.best >= 0 ? c->fc.best : c->fc.value >= 0 ? c->fc.value :
	       c->fc.low >= 0 ? c->fc.low : c->fc.high;   /* where an interval's messages point */
	c->xrole = k == TOLL_CHART_BAR || k == TOLL_CHART_INTERVAL ? 0 : role_of(c, p->xcol);
	/* The figure's range goes with best. */
	p->band = c->vrole == 'b' && (c->fc.low >= 0 || c->fc.high >= 0 || c->fc.value >= 0);
	return 0;
}

static int
bad(toll_diag *d, const toll_row *r, long col, const toll_table *t, const char *what)
{
	size_t n;

	return toll_row_problem(r, (size_t)col, toll_table_columns(t, &n), what, d);
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
figure(struct plot *p, const toll_row *r, const toll_table *t, const toll_range *g, int empty,
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
joined(struct plot *p, const toll_row *r, const long *idx, size_t n, size_t *len)
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
x_value(struct plot *p, const toll_row *r, const toll_table *t, const toll_range *g, int empty,
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
		*x = (double)tm.t;
		p->times |= tm.has_time;
		p->dates = 1;
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

/*
 * What a chart can show: labels are laid out one by one and each series
 * needs a colour and a legend entry, so tables past these limits are
 * refused rather than drawn for minutes into an unreadable picture.
 */
#define MAX_CATEGORIES 10000
#define MAX_SERIES 100

static int
too_many(struct plot *p, toll_diag *d, const toll_row *r, long col, const toll_table *t,
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

static int
add_row(struct plot *p, toll_chart *ch, const toll_row *r, const toll_table *t, toll_diag *d)
{
	enum toll_chart_kind k = p->o.kind;
	const struct cols *c = &p->c;
	toll_point pt;
	toll_range g;
	size_t len;
	int skip = 0, rc, has, empty = 1;

	memset(&pt, 0, sizeof pt);
	/* The row's figure, once, when a part of it is drawn. */
	if (c->vrole || c->xrole) {
		toll_diag fd[TOLL_FIGURE_MAX_PROBLEMS];

		if (toll_figure_read(&c->fc, r, 0, &g, &empty, fd) > 0) {
			*d = fd[0];
			return TOLL_EDATA;
		}
	}
	if (k == TOLL_CHART_HIST) {
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
	if (p->o.log_y && k != TOLL_CHART_HIST && !(pt.y > 0))
		return bad(d, r, c->v, t, "--log-y cannot show the value");
	if (k == TOLL_CHART_LINE || k == TOLL_CHART_STEP) {
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
	if (k == TOLL_CHART_BAR || k == TOLL_CHART_INTERVAL) {
		const long *idx = k == TOLL_CHART_BAR ? c->x : c->y;
		size_t n = k == TOLL_CHART_BAR ? c->nx : c->ny;

		if (joined(p, r, idx, n, &len) != 0 || toll_chart_category(ch, p->join, len, &pt.category) != 0)
			return oom(d);
		/* Each category (each row of an interval chart) has a label to lay out. */
		if (pt.category >= MAX_CATEGORIES || toll_chart_points(ch) >= (k == TOLL_CHART_INTERVAL ?
		                                                                MAX_CATEGORIES : SIZE_MAX))
			return too_many(p, d, r, idx[0], t, k == TOLL_CHART_BAR ? "categories" : "rows",
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
	if (k == TOLL_CHART_BAR) {
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
			                     "a second row for the bar of '%s'%s (the first is on line %ld): "
			                     "sum rows with toll-agg first", q,
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
	if (toll_chart_add(ch, &pt) != 0)
		return oom(d);
	if (c->source >= 0 && p->o.caption == NULL && toll_strmap_count(p->sources) < 1000) {
		const toll_field *f = &r->f[c->source];
		size_t id;
		int added;
		if (f->len > 0 && toll_strmap_intern(p->sources, f->s, f->len, &id, &added) != TOLL_OK)
			return oom(d);
	}
	return TOLL_OK;
}

/*
 * A line or a step shows one figure per x in a series: two are an error
 * that names both lines (as two rows for one bar are), not a zigzag.
 * Returns the exit status.
 */
static int
one_per_x(const struct plot *p, const toll_chart *ch, const toll_table *t, char *const *files,
          size_t nfiles)
{
	size_t a, b, n;
	const uint32_t *wa, *wb;
	const toll_field *names = toll_table_columns(t, &n);
	char x[48], q[64], where[300], series[96] = "";
	int rc = toll_chart_same_x(ch, &a, &b);

	if (rc < 0) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	if (rc == 0)
		return EXIT_OK;
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
	fprintf(stderr, "%s: %s:%u:%u: a second figure%s at %s '%s' (the first is on %s): "
	        "a %s has one figure per x; give --series the column that tells them apart "
	        "(such as source), or keep one\n", cli_prog, nfiles ? files[wb[0]] : "-", wb[1], wb[2],
	        series, q, x, where, p->o.kind == TOLL_CHART_LINE ? "line" : "step");
	return EXIT_DATA;
}

/*
 * A bar chart whose categories are all dates, or bin labels of one unit
 * (2022-09, 2022-W37, 2022-Q3, 2022), shows every period from the first
 * to the last in order, the empty ones too: a gap in time is seen, not
 * closed up.  Returns the exit status.
 */
static int
periods(toll_chart *ch)
{
	size_t n = toll_chart_categories(ch), i, len, count;
	int64_t lo = INT64_MAX, hi = INT64_MIN, t, start;
	int unit = -1, bin, status = EXIT_OK;
	char **labels = NULL;
	size_t *lens = NULL;

	for (i = 0; i < n; i++) {
		const char *l = toll_chart_category_label(ch, (uint32_t)i, &len);

		if (toll_bin_label_parse(l, len, &bin, &start) != 0 || (unit >= 0 && bin != unit))
			return EXIT_OK;
		unit = bin;
		lo = start < lo ? start : lo;
		hi = start > hi ? start : hi;
	}
	for (count = 0, t = lo; t <= hi; t = toll_bin_next(unit, t))
		if (++count > MAX_CATEGORIES) {
			cli_error("the dates on x span more than %d periods: too many bars to draw",
			          MAX_CATEGORIES);
			return EXIT_DATA;
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
	cli_error("out of memory");
	status = EXIT_TROUBLE;
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

/* ---- output ---- */

/* Renders to standard output or to out by way of a temporary file; returns the exit status. */
static int
render(toll_chart *ch, const char *out)
{
	struct writer *w = calloc(1, sizeof *w);
	toll_diag d;
	int rc, status = EXIT_OK;

	if (w == NULL) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	if (out == NULL || strcmp(out, "-") == 0) {
		w->fd = STDOUT_FILENO;
		rc = toll_chart_render(ch, write_bytes, w, &d);
		if (rc == TOLL_OK)
			flush_writer(w);
		if (rc == TOLL_EIO && w->err) {
			cli_error("standard output: %s", strerror(w->err));
			status = EXIT_TROUBLE;
		} else if (rc != TOLL_OK) {
			cli_diag(&d, 0);
			status = cli_exit_status(rc);
		} else if (w->err) {
			cli_error("standard output: %s", strerror(w->err));
			status = EXIT_TROUBLE;
		}
		free(w);
		return status;
	}
	{
		const char *slash = strrchr(out, '/');
		size_t dirlen = slash ? (size_t)(slash - out) + 1 : 0;
		mode_t mask;
		struct sigaction sa;

		if (snprintf(tmp_path, sizeof tmp_path, "%.*s.%s.XXXXXX", (int)dirlen, out,
		             slash ? slash + 1 : out) >= (int)sizeof tmp_path) {
			cli_error("cannot create '%s': name too long", out);
			free(w);
			return EXIT_TROUBLE;
		}
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		if ((w->fd = mkstemp(tmp_path)) < 0) {
			cli_error("cannot create '%s': %s", out, strerror(errno));
			free(w);
			return EXIT_TROUBLE;
		}
		tmp_live = 1;
		/* The mode a new file would have: mkstemp() makes it private. */
		mask = umask(0);
		umask(mask);
		rc = toll_chart_render(ch, write_bytes, w, &d);
		if (rc == TOLL_OK)
			flush_writer(w);
		if (rc == TOLL_OK && w->err == 0 && fchmod(w->fd, 0666 & ~mask) != 0)
			w->err = errno;
		if (close(w->fd) != 0 && w->err == 0 && rc == TOLL_OK)
			w->err = errno;
		if (rc == TOLL_OK && w->err == 0 && rename(tmp_path, out) != 0)
			w->err = errno;
		if (rc != TOLL_OK && !(rc == TOLL_EIO && w->err)) {
			cli_diag(&d, 0);
			status = cli_exit_status(rc);
		} else if (w->err) {
			cli_error("cannot write '%s': %s", out, strerror(w->err));
			status = EXIT_TROUBLE;
		}
		if (status != EXIT_OK)
			unlink(tmp_path);
		tmp_live = 0;
	}
	free(w);
	return status;
}

/* The callbacks of cli_read_table(). */
static int
plot_header(void *p, const toll_table *t, char *err, size_t errsz)
{
	return header(p, t, err, errsz);
}

static int
plot_row(void *ctx, const toll_table *t, const toll_row *row, toll_diag *d, int *stop)
{
	struct plot *p = ctx;
	int code = add_row(p, p->ch, row, t, d);

	*stop = p->too_many;
	return code;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "series", required_argument, NULL, OPT_SERIES },
		{ "stacked", no_argument, NULL, OPT_STACKED },
		{ "no-interval", no_argument, NULL, OPT_NO_INTERVAL },
		{ "bins", required_argument, NULL, OPT_BINS },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "subtitle", required_argument, NULL, OPT_SUBTITLE },
		{ "xlabel", required_argument, NULL, OPT_XLABEL },
		{ "ylabel", required_argument, NULL, OPT_YLABEL },
		{ "caption", required_argument, NULL, OPT_CAPTION },
		{ "size", required_argument, NULL, OPT_SIZE },
		{ "scale", required_argument, NULL, OPT_SCALE },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "log-y", no_argument, NULL, OPT_LOG_Y },
		{ "ymin", required_argument, NULL, OPT_YMIN },
		{ "ymax", required_argument, NULL, OPT_YMAX },
		{ "palette", required_argument, NULL, OPT_PALETTE },
		{ "font", required_argument, NULL, OPT_FONT },
		CLI_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const kinds[] = { "bar", "line", "step", "interval", "hist" };
	cli_options opt = CLI_OPTIONS_INIT;
	struct plot p;
	toll_chart *ch = NULL;
	toll_table *t = NULL;
	cli_reader in;
	char *caption = NULL, *xlabel = NULL;
	const char *env;
	int c, status = EXIT_OK, have_format = 0;
	size_t i;
	long bins;

	cli_init("toll-plot");
	gsl_set_error_handler_off();
	memset(&in, 0, sizeof in);
	memset(&p, 0, sizeof p);
	p.o.width = 800;
	p.o.height = 500;
	p.o.scale = 1;
	p.dates = -1;
	p.xwhole = p.xfour = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:x:y:m:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': p.out = optarg; break;
		case 'x': p.xcol = optarg; break;
		case 'y': p.ycol = optarg; break;
		case OPT_SERIES: p.seriescol = optarg; break;
		case OPT_STACKED: p.o.stacked = 1; break;
		case OPT_NO_INTERVAL: p.o.no_interval = 1; break;
		case OPT_TITLE: p.o.title = optarg; break;
		case OPT_SUBTITLE: p.o.subtitle = optarg; break;
		case OPT_XLABEL: p.o.xlabel = optarg; break;
		case OPT_YLABEL: p.o.ylabel = optarg; break;
		case OPT_CAPTION: p.o.caption = optarg; break;
		case OPT_LOG_Y: p.o.log_y = 1; break;
		case OPT_FONT: p.o.font = optarg; break;
		case OPT_BINS:
			if (cli_parse_count(optarg, 10000, &bins) != 0 || bins < 1) {
				status = cli_usage_error("invalid --bins '%s': expected a whole number from 1 to 10000",
				                         optarg);
				goto done;
			}
			p.o.bins = (int)bins;
			break;
		case OPT_SIZE:
			if (parse_size(optarg, &p.o.width, &p.o.height) != 0) {
				status = cli_usage_error("invalid --size '%s': expected WIDTHxHEIGHT, each a whole "
				                         "number from 50 to 10000", optarg);
				goto done;
			}
			break;
		case OPT_SCALE:
			if (parse_number(optarg, &p.o.scale) != 0 || p.o.scale < 0.1 || p.o.scale > 10) {
				status = cli_usage_error("invalid --scale '%s': expected a number from 0.1 to 10",
				                         optarg);
				goto done;
			}
			break;
		case OPT_FORMAT:
			if (format_of(optarg, &p.o.format) != 0) {
				status = cli_usage_error("invalid --format '%s': expected png, pdf or svg", optarg);
				goto done;
			}
			have_format = 1;
			break;
		case OPT_YMIN:
		case OPT_YMAX:
			if (parse_number(optarg, c == OPT_YMIN ? &p.o.ymin : &p.o.ymax) != 0) {
				status = cli_usage_error("invalid --%s '%s': expected a number",
				                         c == OPT_YMIN ? "ymin" : "ymax", optarg);
				goto done;
			}
			*(c == OPT_YMIN ? &p.o.has_ymin : &p.o.has_ymax) = 1;
			break;
		case OPT_PALETTE:
			if (strcmp(optarg, "okabe-ito") == 0)
				p.o.palette = TOLL_PALETTE_OKABE_ITO;
			else if (strcmp(optarg, "viridis") == 0)
				p.o.palette = TOLL_PALETTE_VIRIDIS;
			else if (strcmp(optarg, "grey") == 0 || strcmp(optarg, "gray") == 0)
				p.o.palette = TOLL_PALETTE_GREY;
			else {
				status = cli_usage_error("invalid --palette '%s': expected okabe-ito, viridis or grey",
				                         optarg);
				goto done;
			}
			break;
		default:
			if ((status = cli_option(c, argv, usage_text, &opt)) != CLI_CONTINUE)
				goto done;
			status = EXIT_OK;
			break;
		}
	}
	if (optind >= argc) {
		status = cli_usage_error("no chart kind given (bar, line, step, interval or hist)");
		goto done;
	}
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(argv[optind], kinds[i]) == 0)
			break;
	if (i == sizeof kinds / sizeof kinds[0]) {
		status = cli_usage_error("unknown chart kind '%s' (bar, line, step, interval or hist)",
		                         argv[optind]);
		goto done;
	}
	p.o.kind = (enum toll_chart_kind)i;
	optind++;
	if (p.o.has_ymin && p.o.has_ymax && !(p.o.ymin < p.o.ymax)) {
		status = cli_usage_error("--ymin must be below --ymax");
		goto done;
	}
	if (p.o.log_y && ((p.o.has_ymin && p.o.ymin <= 0) || (p.o.has_ymax && p.o.ymax <= 0))) {
		status = cli_usage_error("--log-y needs --ymin and --ymax above 0");
		goto done;
	}
	if (p.o.stacked && p.o.kind != TOLL_CHART_BAR) {
		status = cli_usage_error("--stacked is for bar charts");
		goto done;
	}
	if (p.o.bins && p.o.kind != TOLL_CHART_HIST) {
		status = cli_usage_error("--bins is for histograms");
		goto done;
	}
	if (p.seriescol && p.o.kind == TOLL_CHART_HIST) {
		status = cli_usage_error("--series is not for histograms");
		goto done;
	}
	if (p.o.width * p.o.scale * p.o.height * p.o.scale > 1e8) {
		status = cli_usage_error("--size and --scale give more than 100 million pixels");
		goto done;
	}
	if (!have_format && p.out && strcmp(p.out, "-") != 0) {
		const char *dot = strrchr(p.out, '.'), *slash = strrchr(p.out, '/');
		if (dot == NULL || (slash && dot < slash) || format_of(dot + 1, &p.o.format) != 0) {
			status = cli_usage_error("cannot tell the format of '%s' from its name: end it in "
			                         ".png, .pdf or .svg, or give --format", p.out);
			goto done;
		}
	}
	if (p.out == NULL && isatty(STDOUT_FILENO)) {
		status = cli_usage_error("standard output is a terminal: give -o FILE (or -o - to "
		                         "write there anyway)");
		goto done;
	}
	if ((env = getenv("SOURCE_DATE_EPOCH")) != NULL && *env != '\0') {
		long v;
		if (cli_parse_count(env, 253402300799L, &v) != 0) {
			status = cli_usage_error("SOURCE_DATE_EPOCH '%s' is not a whole number of seconds",
			                         env);
			goto done;
		}
		p.o.pdf_date = v;
		p.o.has_pdf_date = 1;
	}
	if ((p.sources = toll_strmap_new()) == NULL || (p.bars = toll_strmap_new()) == NULL ||
	    (ch = toll_chart_new(&p.o)) == NULL ||
	    toll_table_new(&t, argv + optind, (size_t)(argc - optind), &opt.dl) != TOLL_OK) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	in.max_errors = opt.max_errors;
	p.ch = ch;
	/* A table without a header is a data error the reader has reported. */
	(void)cli_read_table(&in, t, plot_header, plot_row, &p);
	status = in.status;
	if (status != EXIT_OK)
		goto done;
	if (toll_chart_points(ch) == 0) {
		cli_error("nothing to draw: no row has a value");
		status = EXIT_DATA;
		goto done;
	}
	if ((p.o.kind == TOLL_CHART_LINE || p.o.kind == TOLL_CHART_STEP) &&
	    (status = one_per_x(&p, ch, t, argv + optind, (size_t)(argc - optind))) != EXIT_OK)
		goto done;
	if (p.o.kind == TOLL_CHART_BAR && p.c.nx == 1 && (status = periods(ch)) != EXIT_OK)
		goto done;
	p.o.x_years = p.dates == 0 && p.xwhole && (p.xfour || names_year(p.xcol));
	/* The options the table decides: axis labels, caption, dates. */
	if (p.o.xlabel == NULL)
		p.o.xlabel = p.o.kind == TOLL_CHART_INTERVAL ? "" : p.xcol;
	if (p.o.ylabel == NULL)
		p.o.ylabel = p.o.kind == TOLL_CHART_HIST ? "count" :
		             p.o.kind == TOLL_CHART_INTERVAL ? "" : p.ycol;
	if (p.o.caption == NULL)
		p.o.caption = caption = default_caption(p.sources);
	p.o.x_dates = p.dates == 1;
	p.o.x_times = p.dates == 1 && p.times;
	/* Times are drawn in UTC: an axis of times says so. */
	if (p.o.x_times && p.o.xlabel == p.xcol) {
		if ((xlabel = malloc(strlen(p.xcol) + 7)) == NULL) {
			cli_error("out of memory");
			status = EXIT_TROUBLE;
			goto done;
		}
		sprintf(xlabel, "%s (UTC)", p.xcol);
		p.o.xlabel = xlabel;
	}
	{
		char got[128];
		const char *want = p.o.font && *p.o.font ? p.o.font : "DejaVu Sans";
		toll_chart_font_resolved(p.o.font, got, sizeof got);
		if (strcasecmp(got, want) != 0)
			cli_error("warning: font '%s' not found; drawing with '%s'", want, got);
	}
	toll_chart_set_opts(ch, &p.o);
	status = render(ch, p.out);
done:
	toll_table_free(t);
	toll_chart_free(ch);
	toll_strmap_free(p.sources);
	toll_strmap_free(p.bars);
	free(p.bar_line);
	free(p.where);
	free(p.join);
	free(caption);
	free(xlabel);
	toll_chart_shutdown();
	return status;
}
