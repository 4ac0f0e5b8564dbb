/*
 * chart/kinds.c: the chart kinds, in the order of enum toll_chart_kind.
 * A new kind is a file with its descriptor and a row here.
 */
#include <string.h>

#include "chart/chart.h"

const struct toll_chart_kind_desc *const toll_ch_kinds[] = {
	[TOLL_CHART_BAR] = &toll_ch_bar,
	[TOLL_CHART_LINE] = &toll_ch_line,
	[TOLL_CHART_STEP] = &toll_ch_step,
	[TOLL_CHART_INTERVAL] = &toll_ch_interval,
	[TOLL_CHART_HIST] = &toll_ch_hist,
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
