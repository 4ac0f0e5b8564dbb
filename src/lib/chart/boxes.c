/*
 * chart/boxes.c: every text a chart draws, as the box it takes, and the
 * one step that places the texts that may move (labels of figures, of
 * marks): each goes to the first of its spots where it covers no other
 * text and stays on the chart, or is left out, and counted.  The texts
 * whose place the layout decides (titles, legend, ticks, category
 * labels, axis titles, caption) are drawn first, so a label knows them
 * all.  The boxes can be written out (toll-plot --boxes) for the tests
 * to check that no two texts overlap.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"

static const char *const role_names[] = {
	[TX_TITLE] = "title", [TX_SUBTITLE] = "subtitle", [TX_LEGEND] = "legend", [TX_TICK] = "tick",
	[TX_CATEGORY] = "category", [TX_AXIS] = "axis", [TX_CAPTION] = "caption", [TX_LABEL] = "label",
	[TX_MARK] = "mark", [TX_SHAPE] = "shape",
};

/* The corners of l drawn at (x, y) under the transformation in force, in the chart's units. */
void
toll_ch_box_of(toll_chart *c, PangoLayout *l, double x, double y, double q[4][2])
{
	PangoRectangle ink, lg;
	double x0, y0, x1, y1;
	int k;

	pango_layout_get_extents(l, &ink, &lg);
	x0 = x + (double)lg.x / PANGO_SCALE;
	y0 = y + (double)lg.y / PANGO_SCALE;
	x1 = x0 + (double)lg.width / PANGO_SCALE;
	y1 = y0 + (double)lg.height / PANGO_SCALE;
	q[0][0] = x0, q[0][1] = y0;
	q[1][0] = x1, q[1][1] = y0;
	q[2][0] = x1, q[2][1] = y1;
	q[3][0] = x0, q[3][1] = y1;
	for (k = 0; k < 4; k++) {
		cairo_user_to_device(c->cr, &q[k][0], &q[k][1]);
		cairo_matrix_transform_point(&c->unbase, &q[k][0], &q[k][1]);
	}
}

/* Whether convex quadrilaterals a and b overlap by more than eps (separating axes). */
static int
overlap(double a[4][2], double b[4][2], double eps)
{
	double (*const qs[2])[2] = { a, b };
	int s, e, k;

	for (s = 0; s < 2; s++)
		for (e = 0; e < 2; e++) {
			double (*q)[2] = qs[s];
			double nx = -(q[e + 1][1] - q[e][1]), ny = q[e + 1][0] - q[e][0];
			double len = hypot(nx, ny), amin = INFINITY, amax = -INFINITY, bmin = INFINITY,
			       bmax = -INFINITY;

			if (len == 0)
				continue;
			nx /= len, ny /= len;
			for (k = 0; k < 4; k++) {
				double pa = a[k][0] * nx + a[k][1] * ny, pb = b[k][0] * nx + b[k][1] * ny;
				amin = fmin(amin, pa), amax = fmax(amax, pa);
				bmin = fmin(bmin, pb), bmax = fmax(bmax, pb);
			}
			if (amax - eps <= bmin || bmax - eps <= amin)
				return 0;
		}
	return 1;
}

int
toll_ch_quads_overlap(double a[4][2], double b[4][2])
{
	return overlap(a, b, 0.5);
}

static char *
dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

/* The next box of c, room made for it; NULL (remembered) when out of memory. */
static struct toll_ch_box *
box_slot(toll_chart *c)
{
	if (c->nboxes == c->boxes_cap) {
		size_t cap = c->boxes_cap ? c->boxes_cap * 2 : 64;
		void *p = realloc(c->boxes, cap * sizeof *c->boxes);

		if (p == NULL) {
			c->boxes_failed = 1;
			return NULL;
		}
		c->boxes = p;
		c->boxes_cap = cap;
	}
	return &c->boxes[c->nboxes];
}

/* Keeps the box of a text drawn (role c->role); out of memory is remembered, not fatal to the drawing. */
void
toll_ch_box_add(toll_chart *c, PangoLayout *l, double x, double y)
{
	struct toll_ch_box *b;

	if ((b = box_slot(c)) == NULL)
		return;
	toll_ch_box_of(c, l, x, y, b->q);
	b->role = c->role;
	if ((b->text = dup(pango_layout_get_text(l))) == NULL) {
		c->boxes_failed = 1;
		return;
	}
	c->nboxes++;
}

void
toll_ch_shape_add(toll_chart *c, double x, double y, double r)
{
	toll_ch_rect_add(c, x - r, y - r, x + r, y + r);
}

void
toll_ch_rect_add(toll_chart *c, double x0, double y0, double x1, double y1)
{
	struct toll_ch_box *b;
	int k;

	if ((b = box_slot(c)) == NULL)
		return;
	b->q[0][0] = x0, b->q[0][1] = y0;
	b->q[1][0] = x1, b->q[1][1] = y0;
	b->q[2][0] = x1, b->q[2][1] = y1;
	b->q[3][0] = x0, b->q[3][1] = y1;
	for (k = 0; k < 4; k++) {
		cairo_user_to_device(c->cr, &b->q[k][0], &b->q[k][1]);
		cairo_matrix_transform_point(&c->unbase, &b->q[k][0], &b->q[k][1]);
	}
	b->role = TX_SHAPE;
	if ((b->text = malloc(1)) == NULL) {
		c->boxes_failed = 1;
		return;
	}
	b->text[0] = '\0';
	c->nboxes++;
}

/* Whether box q is on the chart and at least gap units from every text drawn so far. */
static int
free_at(const toll_chart *c, double q[4][2], double gap)
{
	size_t i;
	int k;

	for (k = 0; k < 4; k++)
		if (q[k][0] < -0.5 || q[k][1] < -0.5 || q[k][0] > c->o.width + 0.5 || q[k][1] > c->o.height + 0.5)
			return 0;
	for (i = 0; i < c->nboxes; i++)
		if (overlap(q, c->boxes[i].q, c->boxes[i].role == TX_SHAPE ? -1 : -gap))
			return 0;
	return 1;
}

int
toll_ch_place(toll_chart *c, int role, const char *s, int bold, const struct toll_ch_spot *spots, size_t n)
{
	struct toll_ch_req *r;
	size_t k;

	if (c->nreqs == c->reqs_cap) {
		size_t cap = c->reqs_cap ? c->reqs_cap * 2 : 16;
		void *p = realloc(c->reqs, cap * sizeof *c->reqs);

		if (p == NULL)
			return -1;
		c->reqs = p;
		c->reqs_cap = cap;
	}
	r = &c->reqs[c->nreqs];
	memset(r, 0, sizeof *r);
	if (n > TOLL_CH_SPOTS)
		n = TOLL_CH_SPOTS;
	r->role = role;
	r->bold = bold;
	r->nspots = n;
	if ((r->text = dup(s)) == NULL)
		return -1;
	for (k = 0; k < n; k++) {
		r->spots[k] = spots[k];
		r->alt[k] = NULL;
		if (spots[k].text != NULL && (r->alt[k] = dup(spots[k].text)) == NULL) {
			c->nreqs++;
			return -1;
		}
		r->spots[k].text = NULL;
	}
	c->nreqs++;
	return 0;
}

static void
req_free(struct toll_ch_req *r)
{
	size_t k;

	free(r->text);
	for (k = 0; k < r->nspots; k++)
		free(r->alt[k]);
}

int
toll_ch_place_all(toll_chart *c)
{
	size_t i, k;
	int rc = 0;

	for (i = 0; i < c->nreqs; i++) {
		struct toll_ch_req *r = &c->reqs[i];
		int placed = 0;

		for (k = 0; k < r->nspots && !placed; k++) {
			const struct toll_ch_spot *sp = &r->spots[k];
			PangoLayout *l = toll_ch_text(c, r->alt[k] ? r->alt[k] : r->text, SZ_LABEL, r->bold, 0, 0);
			double w, h, q[4][2];

			toll_ch_extent(l, &w, &h);
			toll_ch_box_of(c, l, sp->x - sp->ax * w, sp->y - sp->ay * h, q);
			/* Labels of lines stand further apart: side by side, two read as one phrase. */
			if (free_at(c, q, r->role == TX_MARK ? 10 : 2)) {
				c->role = r->role;
				toll_ch_show(c, l, sp->x, sp->y, sp->ax, sp->ay, r->role == TX_MARK ? toll_ch_ink_soft :
				             sp->col_white ? (rgb){ 1, 1, 1 } : toll_ch_ink);
				placed = 1;
			}
			g_object_unref(l);
		}
		if (!placed) {
			char **p = realloc(c->dropped, (c->ndropped + 1) * sizeof *p);

			if (p == NULL) {
				rc = -1;
			} else {
				c->dropped = p;
				c->dropped[c->ndropped++] = r->text;
				r->text = NULL;
			}
		}
	}
	for (i = 0; i < c->nreqs; i++)
		req_free(&c->reqs[i]);
	c->nreqs = 0;
	c->role = TX_TITLE;
	return rc || c->boxes_failed ? -1 : 0;
}

void
toll_ch_boxes_clear(toll_chart *c)
{
	size_t i;

	for (i = 0; i < c->nboxes; i++)
		free(c->boxes[i].text);
	c->nboxes = 0;
	for (i = 0; i < c->nreqs; i++)
		req_free(&c->reqs[i]);
	c->nreqs = 0;
	for (i = 0; i < c->ndropped; i++)
		free(c->dropped[i]);
	free(c->dropped);
	c->dropped = NULL;
	c->ndropped = 0;
	c->boxes_failed = 0;
}

void
toll_ch_boxes_free(toll_chart *c)
{
	toll_ch_boxes_clear(c);
	free(c->boxes);
	free(c->reqs);
}

size_t
toll_chart_dropped(const toll_chart *c, const char **first)
{
	if (first)
		*first = c->ndropped ? c->dropped[0] : NULL;
	return c->ndropped;
}

const char *
toll_chart_dropped_text(const toll_chart *c, size_t i)
{
	return i < c->ndropped ? c->dropped[i] : NULL;
}

/* A text written in one line of a TSV field: tabs and line breaks as spaces. */
static void
put_text(FILE *f, const char *s)
{
	for (; *s; s++)
		putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

int
toll_chart_boxes_write(const toll_chart *c, FILE *f)
{
	size_t i;
	int k;

	fputs("role\ttext\tx0\ty0\tx1\ty1\tx2\ty2\tx3\ty3\n", f);
	for (i = 0; i < c->nboxes; i++) {
		fprintf(f, "%s\t", role_names[c->boxes[i].role]);
		put_text(f, c->boxes[i].text);
		for (k = 0; k < 4; k++)
			fprintf(f, "\t%.2f\t%.2f", c->boxes[i].q[k][0], c->boxes[i].q[k][1]);
		putc('\n', f);
	}
	for (i = 0; i < c->ndropped; i++) {
		fputs("dropped\t", f);
		put_text(f, c->dropped[i]);
		fputs("\t\t\t\t\t\t\t\t\n", f);
	}
	return ferror(f) ? -1 : 0;
}
