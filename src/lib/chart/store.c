/*
 * chart/store.c: the points of a chart, kept as columns (x, y, and series,
 * category, band and label only once a point uses them), and the names
 * of its series and categories.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"


toll_chart *
toll_chart_new(const toll_chart_opts *o)
{
	toll_chart *c = calloc(1, sizeof *c);

	if (c == NULL)
		return NULL;
	toll_chart_set_opts(c, o);
	if ((c->series = toll_strmap_new()) == NULL || (c->cats = toll_strmap_new()) == NULL ||
	    (c->labels = toll_strmap_new()) == NULL || (c->colour_names = toll_strmap_new()) == NULL) {
		toll_chart_free(c);
		return NULL;
	}
	return c;
}

void
toll_chart_free(toll_chart *c)
{
	if (c == NULL)
		return;
	free(c->x);
	free(c->y);
	free(c->lo);
	free(c->hi);
	free(c->ser);
	free(c->cat);
	free(c->flag);
	free(c->lab);
	free(c->adv);
	toll_strmap_free(c->series);
	toll_strmap_free(c->cats);
	toll_strmap_free(c->labels);
	toll_strmap_free(c->colour_names);
	free(c->colour_values);
	for (size_t i = 0; i < c->nmarks; i++)
		free(c->marks[i].label);
	free(c->marks);
	if (c->hist)
		gsl_histogram_free(c->hist);
	toll_ch_boxes_free(c);
	free(c);
}

void
toll_chart_set_opts(toll_chart *c, const toll_chart_opts *o)
{
	c->o = *o;
	if (c->o.scale <= 0)
		c->o.scale = 1;
	c->kind = toll_ch_kinds[(size_t)o->kind < toll_ch_nkinds ? (size_t)o->kind : 0];
}

void
toll_chart_xrange(toll_chart *c, int has_min, double min, int has_max, double max)
{
	c->o.has_xmin = has_min;
	c->o.xmin = min;
	c->o.has_xmax = has_max;
	c->o.xmax = max;
}

static int
intern(toll_strmap *m, const char *s, size_t len, uint32_t *id)
{
	size_t v;
	int added;

	if (toll_strmap_intern(m, s, len, &v, &added) != TOLL_OK)
		return TOLL_ENOMEM;
	*id = (uint32_t)v;
	return TOLL_OK;
}

int
toll_chart_series(toll_chart *c, const char *s, size_t len, uint32_t *id)
{
	return intern(c->series, s, len, id);
}

int
toll_chart_category(toll_chart *c, const char *s, size_t len, uint32_t *id)
{
	return intern(c->cats, s, len, id);
}

size_t
toll_chart_points(const toll_chart *c)
{
	return c->n;
}

double
toll_chart_x(const toll_chart *c, size_t i)
{
	return c->x[i];
}

uint32_t
toll_chart_series_of(const toll_chart *c, size_t i)
{
	return c->ser ? c->ser[i] : 0;
}

const char *
toll_chart_series_label(const toll_chart *c, uint32_t id, size_t *len)
{
	toll_str k = toll_strmap_key(c->series, id);

	*len = k.len;
	return k.s;
}

size_t
toll_chart_categories(const toll_chart *c)
{
	return toll_strmap_count(c->cats);
}

const char *
toll_chart_category_label(const toll_chart *c, uint32_t id, size_t *len)
{
	toll_str k = toll_strmap_key(c->cats, id);

	*len = k.len;
	return k.s;
}

int
toll_chart_order_categories(toll_chart *c, char *const *labels, const size_t *lens, size_t n)
{
	toll_strmap *m = toll_strmap_new();
	size_t i, old = toll_strmap_count(c->cats), *map = malloc((old ? old : 1) * sizeof *map);
	int added, rc = TOLL_ENOMEM;

	if (m == NULL || map == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		size_t id;
		if (toll_strmap_intern(m, labels[i], lens[i], &id, &added) != TOLL_OK)
			goto fail;
	}
	for (i = 0; i < old; i++) {
		toll_str k = toll_strmap_key(c->cats, i);
		if (toll_strmap_find(m, k.s, k.len, &map[i]) != 0) {
			rc = TOLL_EUSAGE;
			goto fail;
		}
	}
	/* Without a category column every point is in category 0. */
	if (c->cat == NULL && old > 0 && map[0] != 0 && c->cap > 0) {
		if ((c->cat = calloc(c->cap, sizeof *c->cat)) == NULL)
			goto fail;
	}
	for (i = 0; c->cat != NULL && i < c->n; i++)
		c->cat[i] = (uint32_t)map[c->cat[i]];
	toll_strmap_free(c->cats);
	c->cats = m;
	free(map);
	return TOLL_OK;
fail:
	toll_strmap_free(m);
	free(map);
	return rc;
}

/* Grows an optional column to cap elements, zero-filled from n. */
static int
column(void **col, size_t n, size_t cap, size_t sz, int needed)
{
	void *p;

	if (*col == NULL && !needed)
		return 0;
	if ((p = realloc(*col, cap * sz)) == NULL)
		return -1;
	if (*col == NULL)
		memset(p, 0, n * sz);
	*col = p;
	return 0;
}

int
toll_chart_add(toll_chart *c, const toll_point *p)
{
	uint32_t lab = 0;

	if (p->label != NULL) {
		size_t id;
		int added;

		/* With its NUL: the key is a C string. */
		if (toll_strmap_intern(c->labels, p->label, strlen(p->label) + 1, &id, &added) != TOLL_OK)
			return TOLL_ENOMEM;
		lab = (uint32_t)id + 1;
	}
	if (c->n == c->cap || (p->series && c->ser == NULL) || (p->category && c->cat == NULL) ||
	    ((p->has_band || p->open || p->supplied || p->approx || p->set_aside) && c->flag == NULL) || (lab && c->lab == NULL)) {
		size_t cap = c->n == c->cap ? (c->cap ? c->cap * 2 : 1024) : c->cap;
		void *v;

		if (cap > SIZE_MAX / sizeof(double))
			return TOLL_ENOMEM;
		if ((v = realloc(c->x, cap * sizeof *c->x)) == NULL)
			return TOLL_ENOMEM;
		c->x = v;
		if ((v = realloc(c->y, cap * sizeof *c->y)) == NULL)
			return TOLL_ENOMEM;
		c->y = v;
		if (column((void **)&c->ser, c->n, cap, sizeof *c->ser, p->series != 0) != 0 ||
		    column((void **)&c->cat, c->n, cap, sizeof *c->cat, p->category != 0) != 0 ||
		    column((void **)&c->flag, c->n, cap, sizeof *c->flag,
		           p->has_band || p->open || p->supplied || p->approx || p->set_aside) != 0 ||
		    column((void **)&c->lo, c->n, cap, sizeof *c->lo, p->has_band || p->open || p->supplied || p->approx || p->set_aside) != 0 ||
		    column((void **)&c->hi, c->n, cap, sizeof *c->hi, p->has_band || p->open || p->supplied || p->approx || p->set_aside) != 0 ||
		    column((void **)&c->lab, c->n, cap, sizeof *c->lab, lab != 0) != 0)
			return TOLL_ENOMEM;
		c->cap = cap;
	}
	c->x[c->n] = p->x;
	c->y[c->n] = p->y;
	/* Whole numbers get no ticks between them. */
	c->frac_x |= p->x != floor(p->x);
	c->frac_y |= p->y != floor(p->y) ||
	             (p->has_band && (p->low != floor(p->low) || (!p->open && p->high != floor(p->high))));
	if (c->ser)
		c->ser[c->n] = p->series;
	if (c->cat)
		c->cat[c->n] = p->category;
	if (c->flag) {
		c->flag[c->n] = (uint8_t)((p->has_band ? F_BAND : 0) | (p->open ? F_OPEN : 0) |
		                          (p->supplied ? F_SUPPLIED : 0) | (p->approx ? F_APPROX : 0) |
		                          (p->set_aside ? F_ASIDE : 0));
		c->lo[c->n] = p->has_band ? p->low : p->y;
		c->hi[c->n] = p->has_band && !p->open ? p->high : p->y;
	}
	if (c->lab)
		c->lab[c->n] = lab;
	if (p->has_adversary && c->adv == NULL) {
		/* The column of the other side's claims, NAN where there is none. */
		if ((c->adv = malloc(c->cap * sizeof *c->adv)) == NULL)
			return TOLL_ENOMEM;
		for (size_t i = 0; i < c->n; i++)
			c->adv[i] = NAN;
		c->adv_cap = c->cap;
	}
	if (c->adv) {
		if (c->adv_cap < c->cap) {
			double *v = realloc(c->adv, c->cap * sizeof *v);
			if (v == NULL)
				return TOLL_ENOMEM;
			c->adv = v;
			c->adv_cap = c->cap;
		}
		c->adv[c->n] = p->has_adversary ? p->adversary : NAN;
	}
	c->n++;
	return TOLL_OK;
}

const char *
toll_ch_label(const toll_chart *c, size_t i)
{
	if (c->lab == NULL || c->lab[i] == 0)
		return NULL;
	return toll_strmap_key(c->labels, c->lab[i] - 1).s;
}

int
toll_ch_step_held(const toll_chart *c, double **held)
{
	size_t ns = toll_ch_nseries(c), i;

	*held = NULL;
	if (c->kind != &toll_ch_step || !c->o.has_xmin)
		return 0;
	if ((*held = malloc(ns * sizeof **held)) == NULL)
		return -1;
	for (i = 0; i < ns; i++)
		(*held)[i] = -INFINITY;
	for (i = 0; i < c->n; i++)
		if (c->x[i] < c->o.xmin && c->x[i] > (*held)[ser_of(c, i)])
			(*held)[ser_of(c, i)] = c->x[i];
	return 0;
}

int
toll_ch_point_shown(const toll_chart *c, size_t i, const double *held)
{
	if (!(c->kind->flags & KIND_X_AXIS) || c->hist != NULL || (!c->o.has_xmin && !c->o.has_xmax))
		return 1;
	if (c->o.has_xmax && c->x[i] > c->o.xmax)
		return 0;
	if (!c->o.has_xmin || c->x[i] >= c->o.xmin)
		return 1;
	/* Before --xmin: a step's last value there holds into the range. */
	return held != NULL && c->x[i] == held[ser_of(c, i)];
}

int
toll_ch_series_shown(const toll_chart *c, uint32_t s)
{
	size_t i;
	/* A step with a point up to --xmax is drawn: from it, or from the one before --xmin it holds. */
	int step = c->kind == &toll_ch_step && c->hist == NULL;

	for (i = 0; i < c->n; i++)
		if (ser_of(c, i) == s && (step ? !c->o.has_xmax || c->x[i] <= c->o.xmax : toll_ch_point_shown(c, i, NULL)))
			return 1;
	return 0;
}

size_t
toll_ch_nseries(const toll_chart *c)
{
	size_t n = toll_strmap_count(c->series);
	return n ? n : 1;
}

/*
 * Indices of the points of each series, in x order (stable).  qsort() has
 * no argument for the comparison: the x values are passed in sort_x (a
 * chart is drawn by one thread at a time).
 */
static const double *sort_x;
static int
by_x(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	if (sort_x[i] != sort_x[j])
		return sort_x[i] < sort_x[j] ? -1 : 1;
	return i < j ? -1 : i > j;
}

uint32_t *
toll_ch_series_order(const toll_chart *c, size_t *start)
{
	size_t ns = toll_ch_nseries(c), i, s;
	uint32_t *idx = malloc((c->n ? c->n : 1) * sizeof *idx);

	if (idx == NULL)
		return NULL;
	memset(start, 0, (ns + 1) * sizeof *start);
	for (i = 0; i < c->n; i++)
		start[ser_of(c, i) + 1]++;
	for (s = 0; s < ns; s++)
		start[s + 1] += start[s];
	{
		size_t *fill = malloc(ns * sizeof *fill);
		if (fill == NULL) {
			free(idx);
			return NULL;
		}
		memcpy(fill, start, ns * sizeof *fill);
		for (i = 0; i < c->n; i++)
			idx[fill[ser_of(c, i)]++] = (uint32_t)i;
		free(fill);
	}
	sort_x = c->x;
	for (s = 0; s < ns; s++) {
		size_t a = start[s], b = start[s + 1], k;
		for (k = a + 1; k < b; k++)
			if (c->x[idx[k]] < c->x[idx[k - 1]])
				break;
		if (k < b)
			qsort(idx + a, b - a, sizeof *idx, by_x);
	}
	return idx;
}

int
toll_chart_same_x(const toll_chart *c, int *found, size_t *first, size_t *second)
{
	size_t ns = toll_ch_nseries(c), *start = malloc((ns + 1) * sizeof *start), s, k;
	uint32_t *idx;

	if (start == NULL || (idx = toll_ch_series_order(c, start)) == NULL) {
		free(start);
		return TOLL_ENOMEM;
	}
	/* In x order, stable: the earlier of two points at one x comes first. */
	*found = 0;
	for (s = 0; s < ns && !*found; s++)
		for (k = start[s] + 1; k < start[s + 1]; k++)
			if (c->x[idx[k]] == c->x[idx[k - 1]]) {
				*first = idx[k - 1];
				*second = idx[k];
				*found = 1;
				break;
			}
	free(start);
	free(idx);
	return TOLL_OK;
}

int
toll_chart_mark(toll_chart *c, double at, const char *label)
{
	struct toll_ch_mark *m = realloc(c->marks, (c->nmarks + 1) * sizeof *m);

	if (m == NULL)
		return TOLL_ENOMEM;
	c->marks = m;
	m[c->nmarks].at = at;
	m[c->nmarks].label = NULL;
	if (label != NULL && (m[c->nmarks].label = strdup(label)) == NULL)
		return TOLL_ENOMEM;
	c->nmarks++;
	return TOLL_OK;
}

void
toll_chart_get_opts(const toll_chart *c, toll_chart_opts *o)
{
	*o = c->o;
}
