/*
 * chart/palette.c: the colours of a chart's series: the palette's, in
 * order, or one given to a series value (--color), which the palette's
 * colours then leave to that value.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"

const rgb toll_ch_ink = { 0.10, 0.10, 0.10 }, toll_ch_ink_soft = { 0.27, 0.27, 0.27 },
	toll_ch_ink_faint = { 0.40, 0.40, 0.40 }, toll_ch_grid = { 0.88, 0.88, 0.88 },
	toll_ch_axis = { 0.35, 0.35, 0.35 };

/* Okabe and Ito's colours, the darker and more distinct first. */
static const unsigned okabe[] = {
	0x0072B2, 0xD55E00, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000
};

/* Their names, as Okabe and Ito give them. */
static const struct { const char *name; unsigned v; } names[] = {
	{ "black", 0x000000 }, { "orange", 0xE69F00 }, { "skyblue", 0x56B4E9 },
	{ "bluishgreen", 0x009E73 }, { "yellow", 0xF0E442 }, { "blue", 0x0072B2 },
	{ "vermillion", 0xD55E00 }, { "vermilion", 0xD55E00 }, { "reddishpurple", 0xCC79A7 }
};

uint32_t
toll_ch_okabe(size_t i)
{
	const size_t n = sizeof okabe / sizeof okabe[0];
	size_t k = i % (n - 1);

	_Static_assert(sizeof okabe / sizeof okabe[0] - 1 == TOLL_CH_OKABE_USED, "the colours gone round");

	/* Yellow (the seventh) is left out: a dot or a thin line of it is lost on white. */
	return okabe[k < 6 ? k : k + 1];
}

int
toll_ch_repeats(const toll_chart *c, size_t s)
{
	rgb a = toll_ch_colour(c, s);
	size_t j;

	for (j = 0; j < s; j++) {
		rgb b = toll_ch_colour(c, j);

		if (a.r == b.r && a.g == b.g && a.b == b.b)
			return 1;
	}
	return 0;
}

int
toll_chart_color_parse(const char *s, size_t len, uint32_t *out)
{
	char name[32];
	size_t i, n = 0;

	if (len == 7 && s[0] == '#') {
		uint32_t v = 0;
		for (i = 1; i < 7; i++) {
			if (!isxdigit((unsigned char)s[i]))
				return -1;
			v = v * 16 + (uint32_t)(isdigit((unsigned char)s[i]) ? s[i] - '0' :
			                        tolower((unsigned char)s[i]) - 'a' + 10);
		}
		*out = v;
		return 0;
	}
	/* "sky blue", "sky-blue", "Sky_Blue": the letters count. */
	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '-' || s[i] == '_')
			continue;
		if (n + 1 >= sizeof name || !isalpha((unsigned char)s[i]))
			return -1;
		name[n++] = (char)tolower((unsigned char)s[i]);
	}
	name[n] = '\0';
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].v;
			return 0;
		}
	return -1;
}

const char toll_chart_color_names[] =
	"black, orange, sky-blue, bluish-green, yellow, blue, vermillion, reddish-purple";

int
toll_chart_color(toll_chart *c, const char *value, size_t len, uint32_t rgb24)
{
	size_t id;
	int added;

	if (toll_strmap_intern(c->colour_names, value, len, &id, &added) != TOLL_OK)
		return TOLL_ENOMEM;
	if (added) {
		uint32_t *v = realloc(c->colour_values, (id + 1) * sizeof *v);
		if (v == NULL)
			return TOLL_ENOMEM;
		c->colour_values = v;
		c->ncolours = id + 1;
	}
	c->colour_values[id] = rgb24 & 0xFFFFFF;
	return TOLL_OK;
}

static rgb
hex(unsigned v)
{
	rgb c = { ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0 };
	return c;
}

/* Colour i of the palette, for n series. */
static rgb
palette(const toll_chart *c, size_t i, size_t n)
{
	/* viridis at 0, 1/8, ..., 1 (matplotlib's table). */
	static const double vir[9][3] = {
		{ 0.2670, 0.0049, 0.3294 }, { 0.2788, 0.1755, 0.4834 }, { 0.2297, 0.3224, 0.5457 },
		{ 0.1727, 0.4488, 0.5579 }, { 0.1276, 0.5669, 0.5506 }, { 0.1579, 0.6838, 0.5017 },
		{ 0.3692, 0.7889, 0.3829 }, { 0.6785, 0.8637, 0.1895 }, { 0.9932, 0.9062, 0.1439 }
	};
	double t;

	switch (c->o.palette) {
	case TOLL_PALETTE_VIRIDIS: {
		size_t k;
		double f;
		rgb r;

		/* The light yellow end is left out: it does not show on white. */
		t = n == 1 ? 0.35 : 0.85 * (double)i / (double)(n - 1);
		k = (size_t)(t * 8);
		if (k > 7)
			k = 7;
		f = t * 8 - (double)k;
		r.r = vir[k][0] + f * (vir[k + 1][0] - vir[k][0]);
		r.g = vir[k][1] + f * (vir[k + 1][1] - vir[k][1]);
		r.b = vir[k][2] + f * (vir[k + 1][2] - vir[k][2]);
		return r;
	}
	case TOLL_PALETTE_GREY: {
		rgb r;
		t = n == 1 ? 0.35 : 0.15 + 0.55 * (double)i / (double)(n - 1);
		r.r = r.g = r.b = t;
		return r;
	}
	default:
		return hex(okabe[i % (sizeof okabe / sizeof okabe[0])]);
	}
}

/*
 * Each series' colour: the one given to its value, else the palette's next
 * that no value was given (Okabe-Ito), or its place in the palette's ramp
 * (viridis, grey: a ramp keeps its order).
 */
int
toll_ch_colours(toll_chart *c)
{
	size_t ns = toll_ch_nseries(c), i, next = 0, nfixed = 0;
	int *fixed = calloc(ns, sizeof *fixed);

	free(c->series_colour);
	if ((c->series_colour = malloc(ns * sizeof *c->series_colour)) == NULL || fixed == NULL) {
		free(fixed);
		return -1;
	}
	for (i = 0; i < ns; i++) {
		toll_str k;
		size_t id;

		if (c->ncolours == 0 || toll_strmap_count(c->series) == 0)
			break;
		k = toll_strmap_key(c->series, i);
		if (toll_strmap_find(c->colour_names, k.s, k.len, &id) == 0) {
			c->series_colour[i] = hex(c->colour_values[id]);
			fixed[i] = 1;
			nfixed++;
		}
	}
	for (i = 0; i < ns; i++) {
		if (fixed[i])
			continue;
		if (c->o.palette != TOLL_PALETTE_OKABE_ITO || nfixed == 0) {
			c->series_colour[i] = palette(c, i, ns);
			continue;
		}
		/* The next Okabe-Ito colour no series was given; all taken: in order again. */
		for (size_t tries = 0; tries < sizeof okabe / sizeof okabe[0]; tries++, next++) {
			size_t k;
			unsigned v = okabe[next % (sizeof okabe / sizeof okabe[0])];
			for (k = 0; k < c->ncolours && c->colour_values[k] != v; k++)
				;
			if (k == c->ncolours)
				break;
		}
		c->series_colour[i] = hex(okabe[next++ % (sizeof okabe / sizeof okabe[0])]);
	}
	free(fixed);
	return 0;
}

rgb
toll_ch_colour(const toll_chart *c, size_t i)
{
	if (c->series_colour != NULL)
		return c->series_colour[i];
	return palette(c, i, toll_ch_nseries(c));
}

void
toll_ch_set_rgb(cairo_t *cr, rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}
