/*
 * chart/arrange.c: the order of a chart's categories (--sort) and the
 * many kept few (--top): the N with the largest totals drawn, the rest
 * summed into one category that says how many it holds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"

/* qsort() takes no argument: the totals and labels to sort by, one chart at a time. */
static const double *by_total;
static const toll_strmap *by_name;

static int
cmp_total(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;

	if (by_total[i] != by_total[j])
		return by_total[i] > by_total[j] ? -1 : 1;
	return i < j ? -1 : i > j;
}

static int
cmp_label(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	int r = toll_str_cmp(toll_strmap_key(by_name, i), toll_strmap_key(by_name, j));

	return r ? r : i < j ? -1 : i > j;
}

/* The figure of a sum, as --labels writes one: "≥1,234", "1,200–1,500 (1,300)", "1,234". */
static void
sum_label(double lo, double y, double hi, int band, int open, char *buf, size_t sz)
{
	char a[48], b[48], m[48];

	toll_format_number(y, 0, m, sizeof m);
	if (open) {
		snprintf(buf, sz, "\xe2\x89\xa5%s", m);
	} else if (band && (lo != y || hi != y)) {
		toll_format_number(lo, 0, a, sizeof a);
		toll_format_number(hi, 0, b, sizeof b);
		snprintf(buf, sz, "%s\xe2\x80\x93%s (%s)", a, b, m);
	} else {
		snprintf(buf, sz, "%s", m);
	}
}

/* Adds the summed points of the categories left out, one per series, in category other. */
static int
add_other(toll_chart *c, const double *sum, const uint8_t *has, size_t ns, uint32_t other, int labels)
{
	size_t s;

	for (s = 0; s < ns; s++) {
		toll_point p;
		char label[160];

		if (!has[s])
			continue;
		memset(&p, 0, sizeof p);
		p.y = sum[4 * s];
		p.low = sum[4 * s + 1];
		p.high = sum[4 * s + 2];
		p.open = (has[s] & 2) != 0;
		p.has_band = (has[s] & 4) != 0;
		p.series = (uint32_t)s;
		p.category = other;
		if (labels) {
			sum_label(p.low, p.y, p.high, p.has_band, p.open, label, sizeof label);
			p.label = label;
		}
		if (toll_chart_add(c, &p) != TOLL_OK)
			return -1;
	}
	return 0;
}

int
toll_chart_arrange(toll_chart *c, enum toll_chart_sort sort, size_t top, toll_diag *d)
{
	size_t ncat = toll_strmap_count(c->cats), ns = toll_ch_nseries(c), i, k, n = 0, nkeep;
	double *total = calloc(ncat ? ncat : 1, sizeof *total), *sum = calloc(4 * ns, sizeof *sum);
	uint32_t *order = malloc((ncat ? ncat : 1) * sizeof *order), *map = malloc((ncat ? ncat : 1) * sizeof *map);
	uint8_t *has = calloc(ns, 1);
	toll_strmap *m = toll_strmap_new();
	int rc = TOLL_ENOMEM, labels = c->lab != NULL;
	uint32_t other = UINT32_MAX;

	if (!total || !sum || !order || !map || !has || !m)
		goto done;
	if (sort == TOLL_SORT_NONE && (top == 0 || top + 1 >= ncat)) {
		rc = TOLL_OK;
		goto done;
	}
	for (i = 0; i < c->n; i++)
		total[cat_of(c, i)] += c->y[i];
	for (k = 0; k < ncat; k++)
		order[k] = (uint32_t)k;
	by_total = total;
	by_name = c->cats;
	/* Of more than N + 1, the N largest; one left over would be its own "other". */
	nkeep = top > 0 && top + 1 < ncat ? top : ncat;
	if (nkeep < ncat) {
		uint32_t *keep = malloc(ncat * sizeof *keep);
		uint8_t *kept = calloc(ncat, 1);

		if (keep == NULL || kept == NULL) {
			free(keep), free(kept);
			goto done;
		}
		memcpy(keep, order, ncat * sizeof *keep);
		qsort(keep, ncat, sizeof *keep, cmp_total);
		for (k = 0; k < nkeep; k++)
			kept[keep[k]] = 1;
		for (k = 0, n = 0; k < ncat; k++)
			if (kept[k])
				order[n++] = (uint32_t)k;
		free(keep), free(kept);
	} else {
		n = ncat;
	}
	if (sort == TOLL_SORT_VALUE)
		qsort(order, n, sizeof *order, cmp_total);
	else if (sort == TOLL_SORT_LABEL)
		qsort(order, n, sizeof *order, cmp_label);
	for (k = 0; k < ncat; k++)
		map[k] = UINT32_MAX;
	for (k = 0; k < n; k++) {
		toll_str s = toll_strmap_key(c->cats, order[k]);
		size_t id;
		int added;

		if (toll_strmap_intern(m, s.s, s.len, &id, &added) != TOLL_OK)
			goto done;
		map[order[k]] = (uint32_t)id;
	}
	if (n < ncat) {
		char name[64];
		size_t id;
		int added;

		snprintf(name, sizeof name, "%zu others", ncat - n);
		if (toll_strmap_intern(m, name, strlen(name), &id, &added) != TOLL_OK)
			goto done;
		other = (uint32_t)id;
	}
	/* The points of the categories kept, in place; the others' summed by series. */
	for (i = 0, k = 0; i < c->n; i++) {
		uint32_t to = map[cat_of(c, i)];

		if (to == UINT32_MAX) {
			size_t s = ser_of(c, i);
			sum[4 * s] += c->y[i];
			sum[4 * s + 1] += band_of(c, i) ? c->lo[i] : c->y[i];
			sum[4 * s + 2] += band_of(c, i) && !open_of(c, i) ? c->hi[i] : c->y[i];
			has[s] |= (uint8_t)(1 | (open_of(c, i) ? 2 : 0) | (band_of(c, i) ? 4 : 0));
			continue;
		}
		c->x[k] = c->x[i];
		c->y[k] = c->y[i];
		if (c->lo)
			c->lo[k] = c->lo[i], c->hi[k] = c->hi[i];
		if (c->ser)
			c->ser[k] = c->ser[i];
		if (c->flag)
			c->flag[k] = c->flag[i];
		if (c->lab)
			c->lab[k] = c->lab[i];
		if (c->adv)
			c->adv[k] = c->adv[i];
		if (c->cat == NULL && to != 0) {
			/* Without a category column every point was in category 0. */
			if ((c->cat = calloc(c->cap ? c->cap : 1, sizeof *c->cat)) == NULL)
				goto done;
		}
		if (c->cat)
			c->cat[k] = to;
		k++;
	}
	c->n = k;
	toll_strmap_free(c->cats);
	c->cats = m;
	m = NULL;
	if (other != UINT32_MAX && add_other(c, sum, has, ns, other, labels) != 0)
		goto done;
	rc = TOLL_OK;
done:
	if (rc == TOLL_ENOMEM)
		toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	toll_strmap_free(m);
	free(total), free(sum), free(order), free(map), free(has);
	return rc;
}
