/*
 * chart/layout.c: where everything goes.  Top to bottom: title, subtitle,
 * legend (above the data, so it never covers it), the plot with its axes,
 * the x-axis label, the caption.  Every piece of text is measured before
 * anything is drawn and the plot area is what is left, so no label is
 * clipped; tick labels that would overlap are thinned (fewer ticks),
 * category labels are wrapped, then turned 45 degrees, then thinned.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"

void
toll_ch_free_categories(struct layout *L)
{
	size_t i;

	for (i = 0; L->catl != NULL && i < L->ncat; i++)
		if (L->catl[i])
			g_object_unref(L->catl[i]);
	free(L->catl);
	L->catl = NULL;
	L->ncat = 0;
}

void
toll_ch_layout_free(struct layout *L)
{
	size_t i;

	if (L->title)
		g_object_unref(L->title);
	if (L->sub)
		g_object_unref(L->sub);
	if (L->caption)
		g_object_unref(L->caption);
	if (L->xlabel)
		g_object_unref(L->xlabel);
	if (L->ylabel)
		g_object_unref(L->ylabel);
	toll_ch_free_categories(L);
	for (i = 0; i < L->nleg; i++)
		if (L->legl && L->legl[i])
			g_object_unref(L->legl[i]);
	free(L->legl);
	free(L->legser);
	free(L->legkind);
	free(L->legx);
	free(L->legy);
}

static const char OPEN_LABEL[] = "at least (no upper bound given)";
static const char ADVERSARY_LABEL[] = "the other side's claim (set aside)";
static const char APPROX_LABEL[] = "about (an approximate figure)";

/* Legend items in rows across the width, in text of size; returns 0 or -1. */
static int
legend_at(toll_chart *c, struct layout *L, double x0, double width, double y0, double size)
{
	size_t ns = toll_strmap_count(c->series), i;
	double x = x0, y = y0, lh = toll_ch_line_height(c, size);

	size_t nshow = 0;

	/* Series with nothing between --xmin and --xmax are not in the legend. */
	if ((L->legser = malloc((ns ? ns : 1) * sizeof *L->legser)) == NULL)
		return -1;
	for (i = 0; i < ns && ns > 1; i++)
		if (toll_ch_series_shown(c, (uint32_t)i))
			L->legser[nshow++] = i;
	L->nleg = (ns > 1 ? nshow : 0) + (c->any_open ? 1 : 0) + (c->any_approx ? 1 : 0) + (c->any_adversary ? 1 : 0);
	L->leg_h = 0;
	if (L->nleg == 0)
		return 0;
	L->legl = calloc(L->nleg, sizeof *L->legl);
	if ((L->legkind = calloc(L->nleg, sizeof *L->legkind)) == NULL)
		return -1;
	L->legx = calloc(L->nleg, sizeof *L->legx);
	L->legy = calloc(L->nleg, sizeof *L->legy);
	if (!L->legl || !L->legx || !L->legy)
		return -1;
	for (i = 0; i < L->nleg; i++) {
		char buf[TOLL_CHART_TEXT_BUF];
		const char *s;
		double w;
		size_t nser = ns > 1 ? nshow : 0;

		/* The series, then the signs: "at least", the other side's claim. */
		{
			/* The series, then the signs in order: "at least", "about", the other side's claim. */
			size_t k = i - nser;
			int kinds[3], nk = 0;

			if (c->any_open)
				kinds[nk++] = LEG_OPEN;
			if (c->any_approx)
				kinds[nk++] = LEG_APPROX;
			if (c->any_adversary)
				kinds[nk++] = LEG_ADVERSARY;
			L->legkind[i] = i < nser ? LEG_SERIES : kinds[k < (size_t)nk ? k : 0];
		}
		if (L->legkind[i] == LEG_SERIES) {
			toll_str k = toll_strmap_key(c->series, L->legser[i]);
			s = toll_ch_shown(k.s, k.len, buf);
		} else {
			s = L->legkind[i] == LEG_OPEN ? OPEN_LABEL : L->legkind[i] == LEG_APPROX ? APPROX_LABEL :
			    ADVERSARY_LABEL;
		}
		L->legl[i] = toll_ch_text(c, s, size, 0, width - SWATCH - 6, 1);
		toll_ch_extent(L->legl[i], &w, NULL);
		w += SWATCH + 6;
		if (x > x0 && x + w > x0 + width) {
			x = x0;
			y += lh + 4;
		}
		L->legx[i] = x;
		L->legy[i] = y;
		x += w + 18;
	}
	L->leg_h = y + lh - y0;
	L->leg_size = size;
	return 0;
}

static void
legend_free(struct layout *L)
{
	size_t i;

	for (i = 0; i < L->nleg; i++)
		if (L->legl && L->legl[i])
			g_object_unref(L->legl[i]);
	free(L->legl), free(L->legser), free(L->legkind), free(L->legx), free(L->legy);
	L->legl = NULL, L->legser = NULL, L->legkind = NULL, L->legx = L->legy = NULL;
	L->nleg = 0;
}

/*
 * The legend: where it would take more than a quarter of the chart's
 * height (a small chart, many series), in smaller text, so the plot keeps
 * its room.
 */
static int
legend(toll_chart *c, struct layout *L, double x0, double width, double y0)
{
	if (legend_at(c, L, x0, width, y0, SZ_LEGEND) != 0)
		return -1;
	if (L->leg_h <= c->o.height * 0.25)
		return 0;
	legend_free(L);
	return legend_at(c, L, x0, width, y0, SZ_LEGEND - 2);
}

/*
 * A category that is a month or a day ("2022-09", "2022-09-13", as
 * toll-agg's bins and toll-rev's periods write them) as a reader writes
 * it: "Sep 2022", "13 Sep 2022"; 0 when s is no such date.
 */
static int
date_words(const char *s, size_t len, char *out, size_t sz)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	                                   "Oct", "Nov", "Dec" };
	int y, m, d = 0;
	size_t i;

	if (len != 7 && len != 10)
		return 0;
	for (i = 0; i < len; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (len == 10)
		d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || (len == 10 && (d < 1 || d > 31)))
		return 0;
	if (len == 7)
		snprintf(out, sz, "%s %04d", mon[m - 1], y);
	else
		snprintf(out, sz, "%d %s %04d", d, mon[m - 1], y);
	return 1;
}

/* Category labels of BAR and INTERVAL; months and days in words when every category is one. */
int
toll_ch_category_labels(toll_chart *c, struct layout *L, double width, int lines)
{
	size_t i;

	int dates = 1;
	char words[32];

	L->ncat = toll_strmap_count(c->cats);
	if (L->ncat == 0)
		return 0;
	if ((L->catl = calloc(L->ncat, sizeof *L->catl)) == NULL)
		return -1;
	for (i = 0; i < L->ncat && dates && !(c->kind->flags & KIND_ROWS); i++) {
		toll_str k = toll_strmap_key(c->cats, i);
		dates = date_words(k.s, k.len, words, sizeof words);
	}
	dates = dates && !(c->kind->flags & KIND_ROWS);
	for (i = 0; i < L->ncat; i++) {
		toll_str k = toll_strmap_key(c->cats, i);
		char *s = malloc(k.len + 32);

		if (s == NULL)
			return -1;
		if (!dates || !date_words(k.s, k.len, s, k.len + 32)) {
			memcpy(s, k.s, k.len);
			s[k.len] = '\0';
		}
		L->catl[i] = toll_ch_text(c, s, SZ_TICK, 0, width, lines);
		if (toll_ch_across(c))
			pango_layout_set_alignment(L->catl[i], PANGO_ALIGN_RIGHT);
		else if (!L->rotate)
			pango_layout_set_alignment(L->catl[i], PANGO_ALIGN_CENTER);
		free(s);
	}
	return 0;
}

/* The BAR category labels: wrapped in their band, else at 45 degrees; thinned if need be. */
static int
bar_labels(toll_chart *c, struct layout *L)
{
	size_t ncat = toll_strmap_count(c->cats), i;
	double band = (c->px1 - c->px0) / (double)(ncat ? ncat : 1), lh = toll_ch_line_height(c, SZ_TICK);
	double maxw = 0, maxh = 0;
	int fits = 1;

	toll_ch_free_categories(L);
	L->rotate = 0;
	L->every = 1;
	if (toll_ch_category_labels(c, L, band - 4, 3) != 0)
		return -1;
	/* Wrapped labels fit when no word had to be cut short. */
	for (i = 0; i < L->ncat; i++) {
		double w, h;
		toll_ch_extent(L->catl[i], &w, &h);
		maxh = fmax(maxh, h);
		if (pango_layout_is_ellipsized(L->catl[i]) || band < 36)
			fits = 0;
	}
	if (fits) {
		L->cat_h = maxh;
		return 0;
	}
	toll_ch_free_categories(L);
	L->rotate = 1;
	if (toll_ch_category_labels(c, L, 160, 1) != 0)
		return -1;
	for (i = 0; i < L->ncat; i++) {
		double w;
		toll_ch_extent(L->catl[i], &w, NULL);
		maxw = fmax(maxw, w);
	}
	L->cat_h = (maxw + lh) * M_SQRT1_2;
	/* Rotated labels are lh / sin 45 apart along the axis at the least. */
	L->every = (size_t)ceil(lh * 1.5 / band);
	if (L->every < 1)
		L->every = 1;
	return 0;
}

int
toll_ch_plan(toll_chart *c, struct layout *L)
{
	const toll_chart_opts *o = &c->o;
	double W = o->width, H = o->height, y = PAD, bottom = H - PAD, left = PAD, h;
	double tick_h = toll_ch_line_height(c, SZ_TICK);

	if (o->title && *o->title) {
		/* Three lines before a title is cut: a chart says what it shows. */
		L->title = toll_ch_text(c, o->title, SZ_TITLE, 1, W - 2 * PAD, 3);
		toll_ch_extent(L->title, NULL, &h);
		y += h + 2;
	}
	if (o->subtitle && *o->subtitle) {
		L->sub = toll_ch_text(c, o->subtitle, SZ_SUB, 0, W - 2 * PAD, 2);
		toll_ch_extent(L->sub, NULL, &h);
		y += h;
	}
	if (L->title || L->sub)
		y += 10;
	if (legend(c, L, PAD, W - 2 * PAD, y) != 0)
		return -1;
	if (L->nleg)
		y += L->leg_h + 10;
	L->top = y + tick_h / 2;
	if (o->caption && *o->caption) {
		L->caption = toll_ch_text(c, o->caption, SZ_CAPTION, 0, W - 2 * PAD, 3);
		toll_ch_extent(L->caption, NULL, &h);
		bottom -= h + 8;
	}
	if (o->xlabel && *o->xlabel) {
		L->xlabel = toll_ch_text(c, o->xlabel, SZ_AXIS, 0, W - 2 * PAD, 1);
		toll_ch_extent(L->xlabel, NULL, &h);
		bottom -= h + 4;
	}
	if (o->ylabel && *o->ylabel) {
		L->ylabel = toll_ch_text(c, o->ylabel, SZ_AXIS, 0, H * 0.8, 1);
		toll_ch_extent(L->ylabel, NULL, &h);
		left += h + 6;
	}
	L->bottom = bottom;
	return c->kind->layout(c, L, left, tick_h);
}

/*
 * The layout of a vertical value axis, for every kind but INTERVAL: the
 * plot's height decides the ticks, whose labels decide its left edge.
 */
int
toll_ch_vertical_layout(toll_chart *c, struct layout *L, double left, double tick_h)
{
	const toll_chart_opts *o = &c->o;
	double W = o->width, bottom = L->bottom, w;
	int pass, cats = (c->kind->flags & KIND_CAT_AXIS) != 0;
	double reserve = 0;

	/* Labels at the ends of lines: room right of the plot for the widest. */
	if (c->o.labels && (c->kind->flags & KIND_X_AXIS)) {
		size_t i;
		for (i = 0; i < toll_strmap_count(c->labels); i++)
			reserve = fmax(reserve, toll_ch_text_width(c, toll_strmap_key(c->labels, i).s, SZ_LABEL, 1) + 5 -
			                        PAD + 2);
		reserve = fmin(fmax(reserve, 0), W / 4);
	}

	c->py0 = L->top;
	c->px1 = W - PAD - reserve;
	c->px0 = left + 40;
	for (pass = 0; pass < 4; pass++) {
		double lab_h = tick_h, maxw = 0, over = 0;
		size_t i;

		if (cats) {
			if (bar_labels(c, L) != 0)
				return -1;
			lab_h = L->cat_h;
		}
		c->py1 = bottom - lab_h - TICK_LEN - LABEL_GAP + 2;
		if (c->py1 - c->py0 < 20)
			c->py1 = c->py0 + 20;
		/* A tick every 50 units or so, three at the least. */
		if (toll_ch_value_ticks(c, (int)fmax(3, (c->py1 - c->py0) / 50 + 1)) != 0)
			return -1;
		for (i = 0; i < c->vt.n; i++)
			maxw = fmax(maxw, toll_ch_text_width(c, c->vt.label[i], SZ_TICK, 0));
		c->px0 = left + maxw + LABEL_GAP;
		/* Labels at 45 degrees reach left of their bar: the first ones may not leave the chart. */
		if (cats && L->rotate) {
			size_t ncat = L->ncat ? L->ncat : 1, k;
			double band = (c->px1 - c->px0) / (double)ncat, need = 0;
			for (k = 0; k < L->ncat; k += L->every) {
				double lw;
				toll_ch_extent(L->catl[k], &lw, NULL);
				need = fmax(need, (lw + tick_h) * M_SQRT1_2 - 3 - band * ((double)k + 0.5));
			}
			if (c->px0 < PAD + need)
				c->px0 = PAD + need;
		}
		if (!cats) {
			if (toll_ch_x_ticks(c) != 0)
				return -1;
			if (c->xt.n > 0) {
				w = toll_ch_text_width(c, c->xt.label[c->xt.n - 1], SZ_TICK, 0);
				over = toll_ch_xmap(c, c->xt.v[c->xt.n - 1]) + w / 2 - (W - PAD);
			}
			if (over > 0.5) {
				c->px1 = W - PAD - reserve - over;
				continue;
			}
		}
		if (pass > 0 && !(cats && L->rotate && pass < 2))
			break;
	}
	return 0;
}

/* Whether every point of series s is a claim set aside (its line dotted, as in the plot). */
static int
series_aside(const toll_chart *c, size_t s)
{
	size_t i;
	int any = 0;

	if (c->flag == NULL)
		return 0;
	for (i = 0; i < c->n; i++)
		if ((c->ser != NULL ? c->ser[i] : 0) == s) {
			if (!aside_of(c, i))
				return 0;
			any = 1;
		}
	return any;
}

void
toll_ch_draw_legend(toll_chart *c, struct layout *L)
{
	cairo_t *cr = c->cr;
	double lh = toll_ch_line_height(c, L->leg_size);
	size_t i;

	for (i = 0; i < L->nleg; i++) {
		double x = L->legx[i], y = L->legy[i] + lh / 2;
		int is_open = L->legkind[i] == LEG_OPEN;
		size_t s = L->legkind[i] == LEG_SERIES ? L->legser[i] : 0;

		if (L->legkind[i] == LEG_APPROX) {
			rgb soft = toll_ch_ink_soft;

			cairo_new_path(cr);
			if (c->kind->swatch == SWATCH_BOX)
				cairo_rectangle(cr, x + 2.5, y - 5, 10, 10);
			else
				cairo_arc(cr, x + SWATCH / 2, y, 4, 0, 2 * M_PI);
			toll_ch_set_rgb(cr, toll_ch_light(soft));
			cairo_fill_preserve(cr);
			toll_ch_set_rgb(cr, soft);
			cairo_set_line_width(cr, 1.2);
			cairo_stroke(cr);
			toll_ch_show(c, L->legl[i], x + SWATCH + 6, L->legy[i], 0, 0, toll_ch_ink);
			continue;
		}
		if (L->legkind[i] == LEG_ADVERSARY) {
			toll_ch_adversary_marker(c->cr, x + SWATCH / 2, y, toll_ch_ink_soft);
			toll_ch_show(c, L->legl[i], x + SWATCH + 6, L->legy[i], 0, 0, toll_ch_ink);
			continue;
		}
		rgb col = is_open ? toll_ch_ink_faint : toll_ch_colour(c, s);

		if (is_open) {
			if (c->kind->open_swatch)
				c->kind->open_swatch(c, x, y);
			else
				toll_ch_marker(cr, x + SWATCH / 2, y + 1, 1, col);
		} else if (c->kind->swatch == SWATCH_BOX) {
			cairo_rectangle(cr, x + 2, y - 5.5, 11, 11);
			toll_ch_set_rgb(cr, col);
			cairo_fill(cr);
		} else if (c->kind->swatch == SWATCH_DOT) {
			toll_ch_set_rgb(cr, col);
			cairo_set_line_width(cr, 2.5);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, x + SWATCH, y);
			cairo_stroke(cr);
			cairo_arc(cr, x + SWATCH / 2, y, 4, 0, 2 * M_PI);
			cairo_fill(cr);
		} else {
			toll_ch_set_rgb(cr, col);
			cairo_set_line_width(cr, 2.5);
			if (series_aside(c, s))
				cairo_set_dash(cr, (double[]){ 1.5, 3 }, 2, 0);
			else if (toll_ch_repeats(c, s))
				cairo_set_dash(cr, (double[]){ 4, 2 }, 2, 0);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, x + SWATCH, y);
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
		}
		toll_ch_show(c, L->legl[i], x + SWATCH + 6, L->legy[i], 0, 0, toll_ch_ink);
	}
}

void
toll_ch_draw_texts(toll_chart *c, struct layout *L)
{
	const toll_chart_opts *o = &c->o;
	double y = PAD, h;

	c->role = TX_TITLE;
	if (L->title) {
		toll_ch_show(c, L->title, PAD, y, 0, 0, toll_ch_ink);
		toll_ch_extent(L->title, NULL, &h);
		y += h + 2;
	}
	c->role = TX_SUBTITLE;
	if (L->sub)
		toll_ch_show(c, L->sub, PAD, y, 0, 0, toll_ch_ink_soft);
	c->role = TX_CAPTION;
	if (L->caption) {
		toll_ch_extent(L->caption, NULL, &h);
		toll_ch_show(c, L->caption, PAD, o->height - PAD - h, 0, 0, toll_ch_ink_faint);
	}
	c->role = TX_AXIS;
	if (L->xlabel)
		toll_ch_show(c, L->xlabel, (c->px0 + c->px1) / 2, L->bottom, 0.5, 0, toll_ch_ink_soft);
	if (L->ylabel) {
		double w;
		toll_ch_extent(L->ylabel, &w, &h);
		/* No longer than the plot is high: past it, it would run into the legend. */
		if (w > c->py1 - c->py0 && c->py1 - c->py0 > 20) {
			g_object_unref(L->ylabel);
			L->ylabel = toll_ch_text(c, o->ylabel, SZ_AXIS, 0, c->py1 - c->py0, 1);
			toll_ch_extent(L->ylabel, &w, &h);
		}
		cairo_save(c->cr);
		cairo_translate(c->cr, PAD, (c->py0 + c->py1) / 2 + w / 2);
		cairo_rotate(c->cr, -M_PI / 2);
		toll_ch_show(c, L->ylabel, 0, 0, 0, 0, toll_ch_ink_soft);
		cairo_restore(c->cr);
	}
}
