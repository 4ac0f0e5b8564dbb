/*
 * chart/kinds.c: the chart kinds, in the order of enum toll_chart_kind,
 * and the palettes and output formats by name.
 *
 * Adding a kind: src/lib/chart/KIND.c with its struct
 * toll_chart_kind_desc (name, help, default columns, flags, its range,
 * layout and drawing functions), its value in enum toll_chart_kind
 * (include/toll/chart.h), its declaration in chart/chart.h and a row
 * here.  toll-plot's help and messages, the option checks and the
 * completion of kinds follow from the row.
 */
#include <string.h>
#include <strings.h>

#include "chart/chart.h"

const struct toll_chart_kind_desc *const toll_ch_kinds[] = {
	[TOLL_CHART_BAR] = &toll_ch_bar,
	[TOLL_CHART_LINE] = &toll_ch_line,
	[TOLL_CHART_STEP] = &toll_ch_step,
	[TOLL_CHART_INTERVAL] = &toll_ch_interval,
	[TOLL_CHART_HIST] = &toll_ch_hist,
	[TOLL_CHART_DOT] = &toll_ch_dot,
};

const size_t toll_ch_nkinds = sizeof toll_ch_kinds / sizeof toll_ch_kinds[0];

int
toll_chart_kind_find(const char *name, enum toll_chart_kind *kind)
{
	size_t i;

	for (i = 0; i < toll_ch_nkinds; i++)
		if (strcmp(toll_ch_kinds[i]->name, name) == 0) {
			*kind = (enum toll_chart_kind)i;
			return 0;
		}
	return -1;
}

size_t
toll_chart_kinds(void)
{
	return toll_ch_nkinds;
}

const char *
toll_chart_kind_name(enum toll_chart_kind kind)
{
	return (size_t)kind < toll_ch_nkinds ? toll_ch_kinds[kind]->name : NULL;
}

const char *
toll_chart_kind_help(enum toll_chart_kind kind)
{
	return (size_t)kind < toll_ch_nkinds ? toll_ch_kinds[kind]->help : NULL;
}

/* The names of the kinds that have (or lack) flag: "bar", "line, step and hist". */
static void
kinds_with(unsigned flag, int with, char *buf, size_t sz)
{
	size_t i, n = 0, k = 0, len = 0;

	for (i = 0; i < toll_ch_nkinds; i++)
		n += ((toll_ch_kinds[i]->flags & flag) != 0) == with;
	buf[0] = '\0';
	for (i = 0; i < toll_ch_nkinds; i++)
		if (((toll_ch_kinds[i]->flags & flag) != 0) == with)
			len = toll_list_add(buf, sz, len, toll_ch_kinds[i]->name, k++, n, " and ");
}

int
toll_chart_opts_check(const toll_chart_opts *o, unsigned given, toll_diag *d)
{
	const struct toll_chart_kind_desc *k = toll_ch_kinds[(size_t)o->kind < toll_ch_nkinds ? o->kind : 0];
	char names[96];
	const char *opt = NULL;
	unsigned flag = 0;

	if (o->stacked && !(k->flags & KIND_STACKS))
		opt = "--stacked", flag = KIND_STACKS;
	else if (o->bins && !(k->flags & KIND_BINS))
		opt = "--bins", flag = KIND_BINS;
	else if ((given & TOLL_CHART_GIVEN_SERIES) && !(k->flags & KIND_SERIES))
		opt = "--series", flag = KIND_SERIES;
	else if (o->labels && !(k->flags & KIND_LABELS))
		opt = "--labels", flag = KIND_LABELS;
	else if ((given & TOLL_CHART_GIVEN_XRANGE) && !(k->flags & KIND_X_AXIS))
		opt = "--xmin and --xmax are", flag = KIND_X_AXIS;
	else if (o->bars != TOLL_BARS_AUTO && !(k->flags & KIND_CAT_AXIS))
		opt = o->bars == TOLL_BARS_HORIZONTAL ? "--horizontal" : "--vertical", flag = KIND_CAT_AXIS;
	else if ((given & TOLL_CHART_GIVEN_SORT) && !(k->flags & KIND_ONE_PER_CAT))
		opt = "--sort", flag = KIND_ONE_PER_CAT;
	else if (o->top > 0 && !(k->flags & KIND_ONE_PER_CAT))
		opt = "--top", flag = KIND_ONE_PER_CAT;
	if (opt == NULL && (k->flags & KIND_BARS)) {
		/* A bar is read by its length: nothing may cut it, nor a log axis stretch it. */
		double base = o->log_y ? 1 : 0;

		if (o->log_y && !(k->flags & KIND_COUNTS))
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--log-y draws no bars: a bar on a log "
			                     "axis has no true length; draw values that span orders of "
			                     "magnitude with 'toll plot dot --log-y'");
		if (o->has_ymin && o->ymin > base)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--ymin above %g would cut the bars, "
			                     "which are read by their length from %g; a dot chart "
			                     "('toll plot dot') need not start at %g", base, base, base);
		if (o->has_ymax && o->ymax < base)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--ymax below %g would cut the bars, "
			                     "which are read by their length from %g", base, base);
	}
	if (opt == NULL)
		return TOLL_OK;
	kinds_with(flag, 1, names, sizeof names);
	return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s%s for %s charts", opt,
	                     strchr(opt, ' ') ? "" : " is", names);
}

/*
 * The palettes and the output formats, by name: the only place one is
 * named.  Adding a palette: its value in enum toll_chart_palette
 * (include/toll/chart.h), its colours in palette.c and a row here;
 * adding a format: its value in enum toll_chart_format, its surface in
 * render.c and a row here.  toll-plot's help, its messages and the
 * completion of --palette and --format follow from the rows.
 */
static const struct {
	const char *name;
	enum toll_chart_palette palette;
	int alias;               /* another spelling, left out of the names */
} palettes[] = {
	{ "okabe-ito", TOLL_PALETTE_OKABE_ITO, 0 }, { "viridis", TOLL_PALETTE_VIRIDIS, 0 },
	{ "grey", TOLL_PALETTE_GREY, 0 }, { "gray", TOLL_PALETTE_GREY, 1 },
};

static const struct {
	const char *name;
	enum toll_chart_format format;
} formats[] = {
	{ "png", TOLL_CHART_PNG }, { "pdf", TOLL_CHART_PDF }, { "svg", TOLL_CHART_SVG },
};

int
toll_chart_palette_find(const char *name, enum toll_chart_palette *p)
{
	size_t i;

	for (i = 0; i < sizeof palettes / sizeof palettes[0]; i++)
		if (strcmp(palettes[i].name, name) == 0) {
			*p = palettes[i].palette;
			return 0;
		}
	return -1;
}

void
toll_chart_palette_names(char *buf, size_t sz)
{
	size_t i, n = 0, k = 0, len = 0;

	for (i = 0; i < sizeof palettes / sizeof palettes[0]; i++)
		n += !palettes[i].alias;
	if (sz > 0)
		buf[0] = '\0';
	for (i = 0; i < sizeof palettes / sizeof palettes[0]; i++)
		if (!palettes[i].alias)
			len = toll_list_add(buf, sz, len, palettes[i].name, k++, n, " or ");
}

int
toll_chart_format_find(const char *name, enum toll_chart_format *f)
{
	size_t i;

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcasecmp(formats[i].name, name) == 0) {
			*f = formats[i].format;
			return 0;
		}
	return -1;
}

void
toll_chart_format_names(char *buf, size_t sz)
{
	size_t i, n = sizeof formats / sizeof formats[0], len = 0;

	if (sz > 0)
		buf[0] = '\0';
	for (i = 0; i < n; i++)
		len = toll_list_add(buf, sz, len, formats[i].name, i, n, " or ");
}
