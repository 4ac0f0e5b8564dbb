/* stats.c: grouped statistics with GSL; see stats.h. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_statistics_double.h>

#include "hashtab.h"
#include "toll/figure.h"
#include "toll/stats.h"
#include "toll/strmap.h"

/* The running figures of one column in one group. */
struct acc {
	size_t n;
	long double sum;         /* 64-bit mantissa: sums of whole numbers stay exact far longer */
	double min, max;
};

/*
 * The statistics: one descriptor each, in the order of enum toll_stat_kind
 * (stats.h), the only place one is named.  Adding one: its value in the
 * enum, a row here, and the function that computes it, from the group's
 * kept values (values) or from its running figures (running).
 */
enum {
	STAT_INTEGER = 1,     /* the number of values, written as a whole number (count) */
	STAT_VALUES = 2,      /* reads the group's kept values, computed before the writing */
	STAT_SORTED = 4,      /* ... sorted (the bootstrap draws from them in order) */
	STAT_AT_LEAST_2 = 8,  /* needs two values: fewer give an empty field */
	STAT_TWO = 16,        /* writes two columns, NAME_lo and NAME_hi */
	STAT_COUNTS = 32,     /* reads its column's values as counts (whole numbers) */
	STAT_WORK = 64,       /* needs room for the group's values (mad) */
	STAT_RANDOM = 128     /* draws random numbers (gsl_rng, from the seed) */
};

struct stat_ctx;   /* what a computation from kept values may use: see compute_group() */

struct stat_desc {
	const char *name;     /* NULL for pN, found by its pattern */
	const char *label;    /* its name in the help ("pN") */
	const char *help;     /* what the help says of it, lines ended by '\n' but the last; or NULL */
	int line;             /* its line in the help: those of a line are set side by side */
	unsigned flags;
	/* x[0] (and x[1] with STAT_TWO) of data[0..n), n > 0. */
	void (*values)(const struct stat_ctx *c, const toll_stat_op *op, double *data, size_t n,
	               double *x);
	/* x[0] (and x[1]) of the running figures of a group of n > 0 values. */
	void (*running)(const struct acc *a, double *x);
};

static void st_sum(const struct acc *a, double *x);
static void st_mean(const struct acc *a, double *x);
static void st_min(const struct acc *a, double *x);
static void st_max(const struct acc *a, double *x);
static void st_poisson95(const struct acc *a, double *x);
static void st_median(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_q1(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_q3(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_pct(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_iqr(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_sd(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_var(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_mad(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);
static void st_ci95(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x);

/*
 * The operations, in the order of enum toll_stat: the only place one is
 * named and described.  Adding one: its value in the enum (stats.h), a
 * row here (name, its label and help in toll-stats' help and the line of
 * the help it goes on, flags, and one of its two functions) and the
 * function.  toll-stats' help is made from the table.
 */
static const struct stat_desc stat_table[] = {
	[TOLL_STAT_COUNT] = { "count", "count", NULL, 0, STAT_INTEGER, NULL, NULL },
	[TOLL_STAT_SUM] = { "sum", "sum", NULL, 0, 0, NULL, st_sum },
	[TOLL_STAT_MEAN] = { "mean", "mean", NULL, 0, 0, NULL, st_mean },
	[TOLL_STAT_MEDIAN] = { "median", "median", NULL, 1, STAT_VALUES, st_median, NULL },
	[TOLL_STAT_Q1] = { "q1", "q1", NULL, 1, STAT_VALUES, st_q1, NULL },
	[TOLL_STAT_Q3] = { "q3", "q3", NULL, 1, STAT_VALUES, st_q3, NULL },
	[TOLL_STAT_PCT] = { NULL, "pN", "(the N-th percentile, N from 0 to 100)", 1, STAT_VALUES, st_pct,
		NULL },
	[TOLL_STAT_IQR] = { "iqr", "iqr", NULL, 1, STAT_VALUES, st_iqr, NULL },
	[TOLL_STAT_MIN] = { "min", "min", NULL, 0, 0, NULL, st_min },
	[TOLL_STAT_MAX] = { "max", "max", NULL, 0, 0, NULL, st_max },
	[TOLL_STAT_SD] = { "sd", "sd", NULL, 2, STAT_VALUES | STAT_AT_LEAST_2, st_sd, NULL },
	[TOLL_STAT_VAR] = { "var", "var", "(sample: n - 1)", 2, STAT_VALUES | STAT_AT_LEAST_2, st_var,
		NULL },
	[TOLL_STAT_MAD] = { "mad", "mad", "(median absolute deviation, times 1.4826)", 2,
		STAT_VALUES | STAT_WORK, st_mad, NULL },
	[TOLL_STAT_POISSON95] = { "poisson95", "poisson95", "exact (Garwood) 95% interval of the sum of "
		"counts: two\ncolumns, _lo and _hi", 3, STAT_TWO | STAT_COUNTS, NULL, st_poisson95 },
	[TOLL_STAT_CI95] = { "ci95", "ci95", "bootstrap 95% interval of the mean: two columns", 4,
		STAT_VALUES | STAT_SORTED | STAT_TWO | STAT_RANDOM, st_ci95, NULL },
};

#define NSTATS (sizeof stat_table / sizeof stat_table[0])

size_t
toll_stats_count(void)
{
	return NSTATS;
}

const char *
toll_stat_label(size_t i, const char **help, int *line)
{
	if (i >= NSTATS)
		return NULL;
	*help = stat_table[i].help;
	*line = stat_table[i].line;
	return stat_table[i].label;
}

/* The flags of operation k. */
#define FLAGS(s, k) (stat_table[(s)->ops[k].stat].flags)

/*
 * The kept values of one column in one group, in order of arrival: a
 * group's only value in one, so that many groups of one row each take
 * no allocation of their own.
 */
struct kept {
	double *v;               /* from the second value; NULL before */
	size_t n, cap;
	double one;              /* the value while it is the only one */
};

static double *
kept_values(struct kept *k)
{
	return k->v != NULL ? k->v : &k->one;
}

/* A column that some operation reads. */
struct vcol {
	long col;                /* -1 for a figure column a value table has no column of */
	int role;                /* 0, or which of the figure it is: 'l', 'b' or 'h' */
	int store;               /* its values are kept (quantiles, spread, bootstrap) */
	int sort;                /* and sorted within each group (bootstrap: see below) */
	int counts;              /* poisson95: whole numbers from 0 */
	struct kept *g;          /* when stored: per group, its values (nothing to sort out at the end) */
	size_t ng, gcap;
};

struct toll_stats {
	toll_stat_op *ops;
	size_t nops;
	toll_keys *keys;
	unsigned long seed;
	size_t resamples;
	struct vcol *vc;
	size_t nvc;
	size_t *opcol;           /* per operation: its column in vc, SIZE_MAX for rows */
	toll_strmap *groups;
	size_t *rows;            /* per group */
	size_t *approx;          /* per group: rows whose figure is approximate or vague */
	size_t approxcap;
	int says_approx;         /* the figure has a qualifier (or value) column: count them */
	struct acc *acc;         /* per group, nvc each */
	size_t rowcap, acccap;
	char *kbuf;
	size_t kcap;
	const toll_field *cols;  /* the table's column names, for messages */
	toll_figure_cols fc;     /* a table's figure: read whole when a column of it is asked for */
	int figure;              /* some operation reads low, best or high */
	int widen;               /* a table of claims: figures out of order are widened */
	size_t widened;          /* rows counted whose figure was widened */
	const char *widened_file;  /* the first of them */
	long widened_line;
	toll_str last;           /* the previous row's key, and its group */
	size_t last_gid;
	int have_last;
	const toll_table *t;     /* read with threads: rows come with their values read */
	int threads;             /* and the groups' results computed with as many */
	struct work_reading *work;  /* what the workers read, a copy of their own */
};

/* How a row's values are read: all a worker thread needs (see toll_stats_set_threads()). */
struct reading {
	toll_figure_cols fc;
	int figure;
	int widen;
	size_t nvc;
	const struct vcol *vc;
	const toll_field *cols;
};

/* The workers' copy, on cache lines of their own: s changes with every row. */
struct work_reading {
	struct reading r;
	struct vcol vc[];
};

/* A row's values, read in a worker. */
struct values {
	int ok;                  /* else the row has a problem, found again to say it */
	int approx;              /* its figure is approximate or vague (1), widened (2) */
	double x[];
};

/* Values are read in workers for at most this many columns. */
#define WORK_MAX_VALUES 64

/* The stat named s[0..len), or -1; pN is TOLL_STAT_PCT with *p set. */
static int
stat_lookup(const char *s, size_t len, double *p)
{
	size_t i;
	double v;

	for (i = 0; i < NSTATS; i++)
		if (stat_table[i].name != NULL && strlen(stat_table[i].name) == len &&
		    memcmp(stat_table[i].name, s, len) == 0)
			return (int)i;
	if (len >= 2 && s[0] == 'p' && s[1] >= '0' && s[1] <= '9' &&
	    toll_decimal_parse(s + 1, len - 1, &v) == TOLL_FIG_OK) {
		*p = v / 100;
		return TOLL_STAT_PCT;
	}
	return -1;
}

int
toll_stat_op_is(const char *s)
{
	const char *colon = strchr(s, ':');
	double p;

	return stat_lookup(s, colon ? (size_t)(colon - s) : strlen(s), &p) >= 0;
}

int
toll_stat_op_parse(toll_stat_op *op, const char *s, toll_diag *d)
{
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);
	double p = 0;
	int stat = stat_lookup(s, len, &p);

	memset(op, 0, sizeof *op);
	op->col = -1;
	if (stat < 0)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "unknown operation '%.*s'", (int)len, s);
	if (stat == TOLL_STAT_PCT && !(p >= 0 && p <= 1))
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "percentile '%.*s' is not from p0 to "
		                     "p100", (int)len, s);
	if (colon == NULL && !(stat_table[stat].flags & STAT_INTEGER))
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "operation '%s' needs a column: "
		                     "%s:COLUMN", s, s);
	if (colon != NULL && colon[1] == '\0')
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "empty column name in '%s'", s);
	op->stat = stat;
	op->p = p;
	if (colon != NULL) {
		size_t n = len + 1 + strlen(colon + 1) + 1;

		op->column = strdup(colon + 1);
		op->name = malloc(n);
		if (op->column == NULL || op->name == NULL) {
			toll_stat_op_free(op);
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		}
		snprintf(op->name, n, "%.*s_%s", (int)len, s, colon + 1);
	} else if ((op->name = strdup("count")) == NULL) {
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	return TOLL_OK;
}

void
toll_stat_op_free(toll_stat_op *op)
{
	free(op->column);
	free(op->name);
	op->column = op->name = NULL;
}

toll_stats *
toll_stats_new(toll_stat_op *ops, size_t nops, toll_keys *keys, unsigned long seed,
               size_t resamples)
{
	toll_stats *s = calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	/* GSL reports through return values here, never by aborting. */
	gsl_set_error_handler_off();
	s->ops = ops;
	s->nops = nops;
	s->keys = keys;
	s->seed = seed;
	s->resamples = resamples;
	if ((s->groups = toll_strmap_new()) == NULL ||
	    (s->opcol = malloc((nops ? nops : 1) * sizeof *s->opcol)) == NULL ||
	    (s->vc = calloc(nops ? nops : 1, sizeof *s->vc)) == NULL) {
		toll_stats_free(s);
		return NULL;
	}
	return s;
}

void
toll_stats_free(toll_stats *s)
{
	size_t i, g;

	if (s == NULL)
		return;
	for (i = 0; s->vc != NULL && i < s->nvc; i++) {
		for (g = 0; g < s->vc[i].ng; g++)
			free(s->vc[i].g[g].v);
		free(s->vc[i].g);
	}
	free(s->vc);
	free(s->opcol);
	toll_strmap_free(s->groups);
	free(s->rows);
	free(s->approx);
	free(s->acc);
	free(s->kbuf);
	free(s->work);
	free(s);
}

int
toll_stats_header(toll_stats *s, const toll_table *t, toll_diag *d)
{
	size_t n, i, j;
	const toll_field *cols = toll_table_columns(t, &n);
	int rc;

	if ((rc = toll_keys_resolve(s->keys, cols, n, d)) != TOLL_OK)
		return rc;
	s->cols = cols;
	s->nvc = 0;
	s->figure = 0;
	toll_figure_cols_find(&s->fc, t);
	/*
	 * Figures are read as figures in a table of claims (event, reported,
	 * source) and in one toll-agg wrote (best_by); in any other table,
	 * low, best and high are numeric columns as any other: a raw export's
	 * columns of those names (UCDP GED's) are its own numbers, read as
	 * they stand, whatever their order.
	 */
	s->widen = toll_table_column(t, "event") >= 0 && toll_table_column(t, "reported") >= 0 &&
	           toll_table_column(t, "source") >= 0;
	if (!s->widen && toll_table_column(t, "best_by") < 0)
		s->fc.low = s->fc.best = s->fc.high = s->fc.value = s->fc.qualifier = -1;
	for (i = 0; i < s->nops; i++) {
		toll_stat_op *op = &s->ops[i];
		int st = op->stat, role = 0;
		struct vcol *v;

		s->opcol[i] = SIZE_MAX;
		if (op->column == NULL)
			continue;
		op->col = toll_table_column(t, op->column);
		/* A table's figure is read as every program reads it: completed, or from 'value'. */
		if (toll_figure_cols_any(&s->fc)) {
			role = strcmp(op->column, "low") == 0 ? 'l' : strcmp(op->column, "best") == 0 ? 'b' :
			       strcmp(op->column, "high") == 0 ? 'h' : 0;
			if (s->fc.value >= 0 && op->col == s->fc.value)
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "column 'value' holds figures "
				                     "in the value notation: ask for low, best or high");
		}
		if (op->col < 0 && role == 0) {
			/* The operation as written: the name's part before "_COLUMN", a colon, the column. */
			char where[TOLL_DIAG_MSG / 4], msg[TOLL_DIAG_MSG];

			snprintf(where, sizeof where, " in '%.*s:%s'",
			         (int)(strlen(op->name) - strlen(op->column) - 1), op->name, op->column);
			toll_column_problem(cols, n, "unknown column", op->column, strlen(op->column), where,
			                    msg, sizeof msg);
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s", msg);
		}
		for (j = 0; j < s->nvc; j++)
			if (role ? s->vc[j].role == role : !s->vc[j].role && s->vc[j].col == op->col)
				break;
		if (j == s->nvc) {
			s->vc[s->nvc].col = op->col;
			s->vc[s->nvc++].role = role;
		}
		s->figure |= role != 0;
		s->opcol[i] = j;
		v = &s->vc[j];
		/*
		 * Quantiles select their order statistics (GSL's quickselect,
		 * linear) rather than sort; the bootstrap draws from the sorted
		 * values, so that its result does not depend on the input order.
		 */
		v->sort |= (stat_table[st].flags & STAT_SORTED) != 0;
		v->store |= v->sort || (stat_table[st].flags & STAT_VALUES);
		v->counts |= (stat_table[st].flags & STAT_COUNTS) != 0;
	}
	/* An approximate figure is said: a qualifier column, or the value notation ("about N"). */
	s->says_approx = s->figure && (s->fc.qualifier >= 0 || s->fc.value >= 0);
	return TOLL_OK;
}

/* The group of a row whose key is s->kbuf[0..len): found, or new. */
static int
group_of(toll_stats *s, size_t len, size_t *gid)
{
	int added;
	size_t i;

	if (toll_strmap_intern(s->groups, s->kbuf, len, gid, &added) != TOLL_OK ||
	    *gid >= UINT32_MAX)
		return TOLL_ENOMEM;
	if (added) {
		if (toll_reserve((void **)&s->rows, &s->rowcap, *gid + 1, sizeof *s->rows) != 0 ||
		    toll_reserve((void **)&s->approx, &s->approxcap, *gid + 1, sizeof *s->approx) != 0 ||
		    toll_reserve((void **)&s->acc, &s->acccap, (*gid + 1) * (s->nvc ? s->nvc : 1),
		                 sizeof *s->acc) != 0)
			return TOLL_ENOMEM;
		s->rows[*gid] = 0;
		s->approx[*gid] = 0;
		for (i = 0; i < s->nvc; i++) {
			struct acc *a = &s->acc[*gid * s->nvc + i];
			struct vcol *v = &s->vc[i];

			if (v->store) {
				if (toll_reserve((void **)&v->g, &v->gcap, *gid + 1, sizeof *v->g) != 0)
					return TOLL_ENOMEM;
				v->g[*gid].v = NULL;
				v->g[*gid].n = v->g[*gid].cap = 0;
				v->ng = *gid + 1;
			}

			a->n = 0;
			a->sum = 0;
			a->min = INFINITY;
			a->max = -INFINITY;
		}
	}
	s->last = toll_strmap_key(s->groups, *gid);
	s->last_gid = *gid;
	s->have_last = 1;
	return TOLL_OK;
}

static int
keep(struct vcol *v, double x, size_t gid)
{
	struct kept *k = &v->g[gid];

	if (k->n == 0) {
		k->one = x;
		k->n = 1;
		return 0;
	}
	/* The capacity is tested here: a call per value shows in the time. */
	if (k->n >= k->cap) {
		/* From 4 values, doubling: many small groups stay small. */
		size_t cap = k->cap ? k->cap * 2 : 4;
		double *nv;

		if (cap > SIZE_MAX / 2 / sizeof *nv || (nv = realloc(k->v, cap * sizeof *nv)) == NULL)
			return -1;
		if (k->v == NULL)
			nv[0] = k->one;
		k->v = nv;
		k->cap = cap;
	}
	k->v[k->n++] = x;
	return 0;
}

/*
 * Reads the values of row that the operations ask for into xs[0..r->nvc):
 * NAN where not stated.  Every value is read before any is counted, so a
 * bad row counts nowhere.  Returns TOLL_OK or TOLL_EDATA with *d filled.
 */
static int
read_values(const struct reading *r, const toll_row *row, double *xs, int *approx, toll_diag *d)
{
	toll_range fig;
	size_t i;
	int empty = 1;

	*approx = 0;
	if (r->figure) {
		toll_diag fd[TOLL_FIGURE_MAX_PROBLEMS];

		if (toll_figure_read(&r->fc, row, r->widen ? TOLL_FIGURE_WIDEN : 0, &fig, &empty, fd) > 0) {
			*d = fd[0];
			return TOLL_EDATA;
		}
		*approx = (!empty && fig.qualifier != '\0') | (!empty && fig.widened) << 1;
	}
	for (i = 0; i < r->nvc; i++) {
		const struct vcol *v = &r->vc[i];
		const toll_field *f;
		int e;

		xs[i] = NAN;
		if (v->role != 0) {
			/* An open figure's high is unbounded: what includes it is too. */
			if (!empty)
				xs[i] = v->role == 'l' ? fig.low.d : v->role == 'b' ? fig.best.d :
				        fig.open ? INFINITY : fig.high.d;
		} else {
			f = &row->f[v->col];
			if (f->len == 0)
				continue;   /* not stated: counted in nothing */
			if ((e = toll_decimal_parse(f->s, f->len, &xs[i])) != TOLL_FIG_OK)
				return toll_row_problem(row, (size_t)v->col, r->cols,
				                        e == TOLL_FIG_RANGE ? "number out of range" :
				                        "invalid number", d);
		}
		if (v->counts && !isnan(xs[i]) && (xs[i] < 0 || xs[i] != floor(xs[i]) || isinf(xs[i])))
			return v->role != 0 && isinf(xs[i]) ?
			       toll_diag_set(d, TOLL_EDATA, row->file, row->line, 1,
			                     "poisson95 needs counts: the high of an open figure is "
			                     "unbounded") :
			       toll_row_problem(row, (size_t)(v->col >= 0 ? v->col : r->fc.value), r->cols,
			                        "poisson95 needs counts, whole numbers from 0: not", d);
	}
	return TOLL_OK;
}

/* How s reads a row's values. */
static void
reading_of(const toll_stats *s, struct reading *r)
{
	r->fc = s->fc;
	r->figure = s->figure;
	r->widen = s->widen;
	r->nvc = s->nvc;
	r->vc = s->vc;
	r->cols = s->cols;
}

static void
values_work(void *ctx, const toll_row *row, void *slot)
{
	struct values *v = slot;
	toll_diag d;

	v->ok = read_values(ctx, row, v->x, &v->approx, &d) == TOLL_OK;
}

int
toll_stats_set_threads(toll_stats *s, toll_table *t, int n)
{
	size_t size = sizeof *s->work + s->nvc * sizeof *s->vc;

	if (n < 1)
		return TOLL_EUSAGE;
	s->threads = n;
	if (n == 1 || s->nvc > WORK_MAX_VALUES)
		return toll_table_set_threads(t, n, NULL, NULL, 0);   /* values read here */
	free(s->work);
	if ((s->work = aligned_alloc(64, (size + 63) / 64 * 64)) == NULL)
		return TOLL_ENOMEM;
	reading_of(s, &s->work->r);
	memcpy(s->work->vc, s->vc, s->nvc * sizeof *s->vc);
	s->work->r.vc = s->work->vc;
	s->t = t;
	return toll_table_set_threads(t, n, values_work, &s->work->r,
	                              sizeof(struct values) + s->nvc * sizeof(double));
}

int
toll_stats_add(toll_stats *s, const toll_row *row, toll_diag *d)
{
	size_t i, len = 0, gid;
	double x[WORK_MAX_VALUES], *xs = x;
	const struct values *read = s->t != NULL ? toll_table_slot(s->t) : NULL;
	int rc = TOLL_OK, same = s->have_last, approx = 0;

	/*
	 * The key: its values, each followed by a NUL (fields hold none).
	 * While they are the previous row's, they are only compared with
	 * its key; the key is put together from the first that differs.
	 */
	for (i = 0; i < s->keys->n; i++) {
		const toll_key *k = &s->keys->k[i];
		char label[TOLL_BIN_LABEL];
		const char *v;
		size_t n;

		if ((rc = toll_key_value(k, &row->f[k->col], row->file, label, &v, &n, d)) != TOLL_OK)
			return rc;
		if (same) {
			if (len + n < s->last.len && s->last.s[len + n] == '\0' &&
			    bytes_equal(s->last.s + len, v, n)) {
				len += n + 1;
				continue;
			}
			same = 0;
			if (len > s->kcap && toll_reserve((void **)&s->kbuf, &s->kcap, len, 1) != 0)
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			if (len > 0)
				memcpy(s->kbuf, s->last.s, len);
		}
		if (len + n + 1 > s->kcap && toll_reserve((void **)&s->kbuf, &s->kcap, len + n + 1, 1) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		if (n > 0)
			memcpy(s->kbuf + len, v, n);
		s->kbuf[len + n] = '\0';
		len += n + 1;
	}
	/* Every part matched, NUL included: the key is the previous row's whole. */
	if (s->kbuf == NULL && toll_reserve((void **)&s->kbuf, &s->kcap, 1, 1) != 0)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (read != NULL && read->ok) {
		xs = (double *)read->x;
		approx = read->approx;
	} else {
		struct reading r;

		if (s->nvc > sizeof x / sizeof x[0] && (xs = malloc(s->nvc * sizeof *xs)) == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		reading_of(s, &r);
		if ((rc = read_values(&r, row, xs, &approx, d)) != TOLL_OK)
			goto out;
	}
	if (same) {
		gid = s->last_gid;
	} else if (group_of(s, len, &gid) != TOLL_OK) {
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	s->rows[gid]++;
	s->approx[gid] += approx & 1;
	if ((approx & 2) && s->widened++ == 0) {
		s->widened_file = row->file;
		s->widened_line = row->line;
	}
	for (i = 0; i < s->nvc; i++) {
		struct acc *a = &s->acc[gid * s->nvc + i];

		if (isnan(xs[i]))
			continue;
		a->n++;
		a->sum += xs[i];
		if (xs[i] < a->min)
			a->min = xs[i];
		if (xs[i] > a->max)
			a->max = xs[i];
		if (s->vc[i].store && keep(&s->vc[i], xs[i], gid) != 0) {
			rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
	}
out:
	if (xs != x && (read == NULL || !read->ok))
		free(xs);
	return rc;
}

/*
 * Order statistics k and k + 1 (k < n - 1) of data[0..n), by GSL's
 * quickselect: after it, what follows data[k] is no smaller, and the
 * least of that is the next.  data is reordered.
 */
static void
order_pair(double *data, size_t n, size_t k, double *a, double *b)
{
	size_t i;

	*a = gsl_stats_select(data, 1, n, k);
	for (*b = data[k + 1], i = k + 2; i < n; i++)
		if (data[i] < *b)
			*b = data[i];
}

/*
 * The quantile f of data[0..n), n > 0, by R's type 7: what
 * gsl_stats_quantile_from_sorted_data() gives on the sorted data, with
 * the same arithmetic, from the order statistics it needs.
 */
static double
quantile(double *data, size_t n, double f)
{
	double index = f * (double)(n - 1), delta, a, b;
	size_t lhs = (size_t)index;

	delta = index - (double)lhs;
	if (lhs >= n - 1)
		return gsl_stats_select(data, 1, n, n - 1);
	order_pair(data, n, lhs, &a, &b);
	return (1 - delta) * a + delta * b;
}

/* The median of data[0..n), n > 0, as gsl_stats_median_from_sorted_data() gives it. */
static double
median(double *data, size_t n)
{
	double a, b;

	if (n % 2 == 1)
		return gsl_stats_select(data, 1, n, n / 2);
	order_pair(data, n, n / 2 - 1, &a, &b);
	return (a + b) / 2.0;
}

/*
 * A result; one that is not a finite number (a sum past the largest
 * double) is written as nothing and counted in *bad, to be refused.
 */
static void
number(toll_out *o, double x, int *bad)
{
	if (isfinite(x))
		toll_out_double(o, x == 0 ? 0 : x);   /* no "-0" */
	else
		*bad = 1;
}

/*
 * The 95% percentile interval of the means of resamples bootstrap samples
 * of data[0..n), drawn by r from its seed: the same for the same data.
 */
static void
bootstrap(const toll_stats *s, gsl_rng *r, const double *data, size_t n, double *means,
          double *lo, double *hi)
{
	size_t b, i;

	gsl_rng_set(r, s->seed);
	for (b = 0; b < s->resamples; b++) {
		long double sum = 0;

		for (i = 0; i < n; i++)
			sum += data[gsl_rng_uniform_int(r, n)];
		means[b] = (double)(sum / (long double)n);
	}
	gsl_sort(means, 1, s->resamples);
	*lo = gsl_stats_quantile_from_sorted_data(means, 1, s->resamples, 0.025);
	*hi = gsl_stats_quantile_from_sorted_data(means, 1, s->resamples, 0.975);
}

/*
 * The p quantile of the gamma distribution of shape a (scale 1).  For
 * large shapes (a sum of counts from about 50,000) GSL's
 * gsl_cdf_gamma_Pinv() gives no number, its Newton steps not settling,
 * and gsl_cdf_gamma_P() goes wrong above the mean (0.908 for 0.841 at
 * a = 1e8, one sd up), while gsl_sf_gamma_inc_P() stays right.  So
 * gsl_cdf_gamma_Pinv()'s answer is kept when gsl_sf_gamma_inc_P() says
 * it is right, and otherwise the quantile is found by bisection on
 * gsl_sf_gamma_inc_P(), to the last bit, between bounds far out in the
 * tails (the distribution's sd is sqrt(a)).
 */
static double
gamma_quantile(double p, double a)
{
	double x = gsl_cdf_gamma_Pinv(p, a, 1.0), lo, hi, mid;

	if (isfinite(x) && fabs(gsl_sf_gamma_inc_P(a, x) - p) < 1e-9)
		return x;
	lo = fmax(0, a - 40 * sqrt(a) - 40);
	hi = a + 40 * sqrt(a) + 40;
	if (!isfinite(hi) || !(gsl_sf_gamma_inc_P(a, lo) < p) || !(gsl_sf_gamma_inc_P(a, hi) >= p))
		return NAN;
	for (;;) {
		mid = lo + (hi - lo) / 2;
		if (mid <= lo || mid >= hi)
			return mid;
		if (gsl_sf_gamma_inc_P(a, mid) < p)
			lo = mid;
		else
			hi = mid;
	}
}

/* Whether operation k reads the group's kept values (and is computed before the writing). */
static int
from_values(const toll_stats *s, size_t k)
{
	return (FLAGS(s, k) & STAT_VALUES) && s->opcol[k] != SIZE_MAX;
}

/* What a computation from kept values may use besides them. */
struct stat_ctx {
	const toll_stats *s;
	gsl_rng *r;              /* with STAT_RANDOM */
	double *work;            /* room for the largest group's values, or the resamples */
};

static void
st_median(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)c, (void)op;
	x[0] = median(d, n);
}

static void
st_q1(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)c, (void)op;
	x[0] = quantile(d, n, 0.25);
}

static void
st_q3(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)c, (void)op;
	x[0] = quantile(d, n, 0.75);
}

static void
st_pct(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)c;
	x[0] = quantile(d, n, op->p);
}

static void
st_iqr(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)c, (void)op;
	x[0] = quantile(d, n, 0.75) - quantile(d, n, 0.25);
}

static void
st_sd(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)c, (void)op;
	x[0] = gsl_stats_sd(d, 1, n);
}

static void
st_var(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)c, (void)op;
	x[0] = gsl_stats_variance(d, 1, n);
}

static void
st_mad(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)op;
	x[0] = gsl_stats_mad(d, 1, n, c->work);
}

static void
st_ci95(const struct stat_ctx *c, const toll_stat_op *op, double *d, size_t n, double *x)
{
	(void)op;
	bootstrap(c->s, c->r, d, n, c->work, &x[0], &x[1]);
}

static void
st_sum(const struct acc *a, double *x)
{
	x[0] = (double)a->sum;
}

static void
st_mean(const struct acc *a, double *x)
{
	x[0] = (double)(a->sum / (long double)a->n);
}

static void
st_min(const struct acc *a, double *x)
{
	x[0] = a->min;
}

static void
st_max(const struct acc *a, double *x)
{
	x[0] = a->max;
}

/* Garwood: the chi-square (here gamma) quantiles of an exact Poisson interval. */
static void
st_poisson95(const struct acc *a, double *x)
{
	double sum = (double)a->sum;

	x[0] = sum == 0 ? 0 : gamma_quantile(0.025, sum);
	x[1] = gamma_quantile(0.975, sum + 1);
}

/*
 * The results of group g's operations that read its kept values, into
 * res[2 * k] (and res[2 * k + 1]) for operation k.  Selection reorders
 * the values: they are computed in the order of the operations, so that
 * each sees the values as it would alone after those before it.
 */
static void
compute_group(const toll_stats *s, size_t g, gsl_rng *r, double *work, double *res)
{
	struct stat_ctx c = { s, r, work };
	size_t i, k;

	for (i = 0; i < s->nvc; i++)
		if (s->vc[i].sort && s->vc[i].g[g].n > 1)
			gsl_sort(kept_values(&s->vc[i].g[g]), 1, s->vc[i].g[g].n);
	for (k = 0; k < s->nops; k++) {
		const toll_stat_op *op = &s->ops[k];
		double *data, *x = res + 2 * k;
		size_t n;

		if (!from_values(s, k))
			continue;
		n = s->acc[g * s->nvc + s->opcol[k]].n;
		data = kept_values(&s->vc[s->opcol[k]].g[g]);
		x[0] = x[1] = NAN;
		if (n == 0 || (n < 2 && (FLAGS(s, k) & STAT_AT_LEAST_2)))
			continue;
		stat_table[op->stat].values(&c, op, data, n, x);
	}
}

/* A share of the groups to compute, in a thread of its own or the caller's. */
struct computing {
	const toll_stats *s;
	size_t from, to;         /* groups [from, to) */
	size_t most;             /* room the work needs: the largest group, the resamples */
	int ci;                  /* a gsl_rng is needed */
	double *res;             /* 2 * nops per group */
	int failed;              /* out of memory */
	pthread_t th;
};

static void *
compute_groups(void *arg)
{
	struct computing *c = arg;
	double *work = malloc((c->most ? c->most : 1) * sizeof *work);
	gsl_rng *r = c->ci ? gsl_rng_alloc(gsl_rng_mt19937) : NULL;
	size_t g;

	if (work == NULL || (c->ci && r == NULL)) {
		c->failed = 1;
	} else {
		for (g = c->from; g < c->to; g++)
			compute_group(c->s, g, r, work, c->res + g * 2 * c->s->nops);
	}
	free(work);
	gsl_rng_free(r);
	return NULL;
}

#define MAX_THREADS 8   /* as reading uses at most (toll_threads_default()) */
/* Groups of fewer values in all are computed in one thread: starting one costs more. */
#define COMPUTE_ALONE 65536

/*
 * Computes what every group's operations read from its kept values,
 * into res, in up to s->threads threads, each a run of groups of about
 * the same number of values.  The results do not depend on the threads.
 * Returns 0, or -1 when out of memory.
 */
static int
compute_all(const toll_stats *s, size_t ng, double *res)
{
	struct computing c[MAX_THREADS];
	size_t total = 0, g, i, k, nt = s->threads > 1 ? (size_t)s->threads : 1, done = 0, sofar = 0;
	int failed = 0, ci = 0, mad = 0;

	for (k = 0; k < s->nops; k++) {
		ci |= (FLAGS(s, k) & STAT_RANDOM) != 0;
		mad |= (FLAGS(s, k) & STAT_WORK) != 0;
	}

	for (g = 0; g < ng; g++)
		for (i = 0; i < s->nvc; i++)
			if (s->vc[i].store)
				total += s->vc[i].g[g].n;
	if (nt > MAX_THREADS)
		nt = MAX_THREADS;
	if (total < COMPUTE_ALONE)
		nt = 1;
	/*
	 * Thread t takes the groups up to about (t + 1) / nt of the values,
	 * and room for the largest of its groups' values (mad) and for the
	 * resampled means (ci95).
	 */
	for (i = 0; i < nt; i++) {
		c[i].s = s;
		c[i].most = ci ? s->resamples : 0;
		c[i].ci = ci;
		c[i].res = res;
		c[i].failed = 0;
		c[i].from = done;
		while (done < ng && (i + 1 == nt || sofar * nt < total * (i + 1))) {
			for (k = 0; k < s->nvc; k++) {
				size_t n = s->acc[done * s->nvc + k].n;

				if (s->vc[k].store)
					sofar += s->vc[k].g[done].n;
				if (mad && n > c[i].most)
					c[i].most = n;
			}
			done++;
		}
		c[i].to = done;
	}
	for (i = 1; i < nt; i++)
		if (pthread_create(&c[i].th, NULL, compute_groups, &c[i]) != 0)
			c[i].th = pthread_self();   /* none to be had: computed below, here */
	compute_groups(&c[0]);
	for (i = 1; i < nt; i++) {
		if (pthread_equal(c[i].th, pthread_self()))
			compute_groups(&c[i]);
		else
			pthread_join(c[i].th, NULL);
	}
	for (i = 0; i < nt; i++)
		failed |= c[i].failed;
	return failed ? -1 : 0;
}

/*
 * Writes the value(s) of operation k for group g, those read from the
 * kept values computed before into res; *bad is set for a result that is
 * no number.
 */
static void
write_op(const toll_stats *s, size_t k, size_t g, const double *res, toll_out *o, int *bad)
{
	const toll_stat_op *op = &s->ops[k];
	const struct acc *a;
	size_t n;
	double x[2] = { NAN, NAN };
	int unbounded = 0;

	if (s->opcol[k] == SIZE_MAX) {
		toll_out_int(o, (int64_t)s->rows[g]);
		return;
	}
	a = &s->acc[g * s->nvc + s->opcol[k]];
	n = a->n;
	/* An unbounded high makes what includes it unbounded: an empty field, not a problem. */
	if (n > 0 && (isinf(a->max) || isinf(a->min)))
		bad = &unbounded;
	if (stat_table[op->stat].flags & STAT_INTEGER) {
		toll_out_int(o, (int64_t)n);
		return;
	}
	if (n > 0 && !from_values(s, k))
		stat_table[op->stat].running(a, x);
	else if (n > 0)
		x[0] = res[2 * k], x[1] = res[2 * k + 1];
	if (stat_table[op->stat].flags & STAT_TWO) {
		if (n > 0) {
			number(o, x[0], bad);
			toll_out_tab(o);
			number(o, x[1], bad);
		} else {
			toll_out_tab(o);
		}
		return;
	}
	/* No values (or one, for what needs two): an empty field. */
	if (n > 0 && !(n < 2 && (stat_table[op->stat].flags & STAT_AT_LEAST_2)))
		number(o, x[0], bad);
}

/* The problem of a result that is no number: the operation, its column and the group. */
static int
not_finite(const toll_stats *s, size_t k, const char *values, toll_diag *d)
{
	char group[TOLL_DIAG_MSG / 2];
	size_t i, used = 0;

	group[0] = '\0';
	for (i = 0; i < s->keys->n && used < sizeof group; i++) {
		size_t n = strlen(values);
		char q[64];
		int w;

		toll_diag_quote(q, sizeof q, values, n);
		w = snprintf(group + used, sizeof group - used, "%s%s=%s", i ? ", " : "",
		             s->keys->k[i].name, q);
		used += w > 0 ? (size_t)w : 0;
		values += n + 1;
	}
	return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0,
	                     "'%s' (of column '%s')%s%s is beyond the largest number a double "
	                     "holds (about 1.8e308): no result written", s->ops[k].name,
	                     s->ops[k].column, s->keys->n ? " in group " : "", group);
}

size_t
toll_stats_widened(const toll_stats *s, const char **file, long *line)
{
	*file = s->widened_file;
	*line = s->widened_line;
	return s->widened;
}

int
toll_stats_write(toll_stats *s, toll_out *o, toll_diag *d)
{
	size_t ng = toll_strmap_count(s->groups), i, k, *order = NULL;
	double *res = NULL;

	/* Without keys there is one group, even for no rows. */
	if (s->keys->n == 0 && ng == 0) {
		size_t gid;

		if (toll_reserve((void **)&s->kbuf, &s->kcap, 1, 1) != 0 || group_of(s, 0, &gid) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		ng = 1;
	}
	if (ng > SIZE_MAX / sizeof *res / 2 / (s->nops ? s->nops : 1) ||
	    (res = malloc((ng ? ng : 1) * 2 * (s->nops ? s->nops : 1) * sizeof *res)) == NULL ||
	    compute_all(s, ng, res) != 0 ||
	    (order = toll_strmap_sorted(s->groups)) == NULL)
		goto nomem;
	toll_keys_write_header(s->keys, o);
	for (k = 0; k < s->nops; k++) {
		int two = (FLAGS(s, k) & STAT_TWO) != 0;

		if (k > 0)
			toll_out_tab(o);
		toll_out_str(o, s->ops[k].name);
		if (two) {
			toll_out_write(o, "_lo\t", 4);
			toll_out_str(o, s->ops[k].name);
			toll_out_write(o, "_hi", 3);
		}
	}
	/* A figure that may be approximate: how many of each group's are. */
	if (s->says_approx)
		toll_out_write(o, "\tapproximate", 12);
	toll_out_eol(o);
	for (i = 0; i < ng; i++) {
		const char *values = toll_strmap_key(s->groups, order[i]).s;

		toll_keys_write_values(s->keys, values, o);
		for (k = 0; k < s->nops; k++) {
			int bad = 0;

			if (k > 0)
				toll_out_tab(o);
			write_op(s, k, order[i], res + order[i] * 2 * s->nops, o, &bad);
			if (bad) {
				int rc = not_finite(s, k, values, d);

				free(order);
				free(res);
				return rc;
			}
		}
		if (s->says_approx) {
			toll_out_tab(o);
			toll_out_int(o, (int64_t)s->approx[order[i]]);
		}
		toll_out_eol(o);
	}
	free(order);
	free(res);
	return TOLL_OK;
nomem:
	free(order);
	free(res);
	return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
}
