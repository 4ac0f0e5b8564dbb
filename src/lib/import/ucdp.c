/*
 * import/ucdp.c: UCDP GED exports: low, best and high out of order
 * widened, a release's date for every row, a row per side.
 */
#include <stdio.h>
#include <string.h>

#include "imp.h"
#include "toll/date.h"
#include "toll/figure.h"

static int
check(toll_import *im, toll_diag *d)
{
	toll_time tm;

	if (im->o.reported != NULL && toll_date_parse(im->o.reported, strlen(im->o.reported), &tm) != 0)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid --reported '%s': expected the "
		                     "release's date", im->o.reported);
	if (im->o.release != NULL && im->o.reported == NULL)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--release needs --reported DATE, the "
		                     "release's date: otherwise two releases of one event are reported "
		                     "the same day");
	return TOLL_OK;
}

static int
plan(toll_import *im, const toll_table *t, const toll_row *h, toll_diag *d)
{
	static const char *const need[] = { "id", "low", "best", "high", "date_start", "date_end" };
	static const char *const gives[] = { "event", "low", "best", "high", "start", "end" };
	static const char *const kept[] = {
		"type_of_violence", "conflict_name", "dyad_name", "country", "region", "where_prec",
		"date_prec", "latitude", "longitude", "active_year"
	};
	static const char *const deaths[] = {
		"deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"
	};
	size_t i;
	int r;

	im->layout = NULL;
	for (i = 0; i < sizeof need / sizeof need[0]; i++)
		if (toll_table_column(t, need[i]) < 0 && !imp_is_mapped(im, gives[i]))
			return imp_missing_or_map(t, h, "not a UCDP GED export: missing column", need[i],
			                          gives[i], d);
	imp_add_col(im, "event", toll_table_column(t, "id"), NULL, K_TEXT);
	if (im->o.reported != NULL)
		imp_add_col(im, "reported", -1, im->o.reported, K_DATE);
	else
		imp_add_col(im, "reported", toll_table_column(t, "date_end"), NULL, K_DATE);
	imp_add_col(im, "source", -1, "UCDP GED", K_TEXT);
	imp_add_col(im, "side", -1, "all", K_TEXT);
	imp_add_col(im, "category", -1, "killed", K_TEXT);
	imp_add_col(im, "status", -1, "all", K_TEXT);
	imp_add_col(im, "low", toll_table_column(t, "low"), NULL, K_NUMBER);
	imp_add_col(im, "best", toll_table_column(t, "best"), NULL, K_NUMBER);
	imp_add_col(im, "high", toll_table_column(t, "high"), NULL, K_NUMBER);
	imp_add_col(im, "start", toll_table_column(t, "date_start"), NULL, K_DATE);
	imp_add_col(im, "end", toll_table_column(t, "date_end"), NULL, K_DATE);
	if (im->o.release != NULL)
		imp_add_col(im, "release", -1, im->o.release, K_TEXT);
	if ((r = imp_plan_rest(im, t, kept, sizeof kept / sizeof kept[0], d)) != TOLL_OK)
		return r;
	if (im->o.split) {
		for (i = 0; i < 4; i++)
			if ((im->deaths[i] = toll_table_column(t, deaths[i])) < 0)
				return imp_missing(t, h, "--split-sides: missing column", deaths[i], d);
		if ((im->side_a = toll_table_column(t, "side_a")) < 0)
			return imp_missing(t, h, "--split-sides: missing column", "side_a", d);
		if ((im->side_b = toll_table_column(t, "side_b")) < 0)
			return imp_missing(t, h, "--split-sides: missing column", "side_b", d);
	}
	im->date_prec = toll_table_column(t, "date_prec");
	im->where_prec = toll_table_column(t, "where_prec");
	if (im->o.date_prec >= 0 && im->date_prec < 0)
		return imp_missing(t, h, "--max-date-prec: missing column", "date_prec", d);
	if (im->o.where_prec >= 0 && im->where_prec < 0)
		return imp_missing(t, h, "--max-where-prec: missing column", "where_prec", d);
	return TOLL_OK;
}

/*
 * low, best and high out of order (a best outside [low, high], or low
 * above high) widen the interval to the smallest that holds all three
 * (or, with --strict, are refused).  Returns the number of problems in d.
 */
static int
widen(toll_import *im, const toll_row *r, toll_diag *d)
{
	struct imp_rowbuf *rb = &im->rb;
	int64_t *n = rb->num;
	toll_range g;

	if (toll_range_complete_widened(rb->has_num[0], toll_num_whole(n[0]), rb->has_num[1],
	                                toll_num_whole(n[1]), rb->has_num[2], toll_num_whole(n[2]),
	                                &g) != TOLL_FIG_OK || !g.widened)
		return 0;
	if (im->o.strict) {
		const toll_field *f = &rb->f[O_BEST];

		toll_diag_set(d, TOLL_EDATA, r->file, f->line, f->col,
		              "low %lld, best %lld, high %lld are out of order (--strict)",
		              (long long)n[0], (long long)n[1], (long long)n[2]);
		return 1;
	}
	if (rb->has_num[0]) {
		rb->f[O_LOW].len = (size_t)snprintf(rb->scratch[O_LOW], IMP_SCRATCH, "%lld",
		                                    (long long)g.low.i);
		rb->f[O_LOW].s = rb->scratch[O_LOW];
	}
	if (rb->has_num[2]) {
		rb->f[O_HIGH].len = (size_t)snprintf(rb->scratch[O_HIGH], IMP_SCRATCH, "%lld",
		                                     (long long)g.high.i);
		rb->f[O_HIGH].s = rb->scratch[O_HIGH];
	}
	im->k.widened++;
	return 0;
}

/* The sides' figures are checked before anything of the row is written; then the widening. */
static int
row(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d)
{
	char tmp[IMP_SCRATCH];
	int i;

	for (i = 0; i < 4 && im->o.split; i++) {
		const toll_field *f = &r->f[im->deaths[i]];
		int64_t v;
		size_t len;

		if (f->len > 0 && imp_number_text(t, r, im->deaths[i], f, tmp, &len, &v, d) != 0)
			return 1;
	}
	return widen(im, r, d);
}

/* --split-sides: a row per side after the event's own. */
static void
after(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d)
{
	/* deaths_a and deaths_b are the sides' soldiers; then civilians, then unknown. */
	static const int status[] = { TOLL_STATUS_MILITARY, TOLL_STATUS_MILITARY, TOLL_STATUS_CIVILIAN,
	                              TOLL_STATUS_UNKNOWN };
	struct imp_rowbuf *rb = &im->rb;
	toll_field keep[O_FIXED];
	size_t i;

	if (!im->o.split)
		return;
	memcpy(keep, rb->f, sizeof keep);
	for (i = 0; i < 4; i++) {
		const toll_field *deaths = &r->f[im->deaths[i]];
		int64_t v;
		size_t len;

		/* Read by row() already: a figure here. */
		if (deaths->len == 0 ||
		    imp_number_text(t, r, im->deaths[i], deaths, rb->scratch[O_BEST], &len, &v, d) != 0)
			continue;
		rb->f[O_SIDE] = i == 0 ? r->f[im->side_a] : i == 1 ? r->f[im->side_b] : keep[O_SIDE];
		if (rb->f[O_SIDE].len == 0)
			rb->f[O_SIDE] = keep[O_SIDE];
		rb->f[O_STATUS].s = toll_status_names[status[i]];
		rb->f[O_STATUS].len = strlen(toll_status_names[status[i]]);
		/* UCDP splits its best alone: a side's deaths are from 0 to the event's high. */
		rb->f[O_LOW].s = "0";
		rb->f[O_LOW].len = 1;
		rb->f[O_HIGH] = keep[O_HIGH];
		rb->f[O_BEST] = *deaths;
		rb->f[O_BEST].s = rb->scratch[O_BEST];
		rb->f[O_BEST].len = len;
		imp_write_row(im);
	}
	memcpy(rb->f, keep, sizeof keep);
}

const struct imp_format imp_ucdp = {
	.name = "ucdp-ged",
	.help =
	"UCDP GED: event: id; low, best, high; start, end: date_start,\n"
	"date_end; reported: --reported DATE, else date_end; source\n"
	"UCDP GED; low, best and high out of order widen the interval\n",
	.options_help =
	"UCDP GED:\n"
	"      --reported=DATE    the release's date, for every row\n"
	"      --release=R        the release (24.1), in a column 'release';\n"
	"                         needs --reported\n"
	"      --split-sides      also a row per side, of low 0, best its deaths, high\n"
	"                         the event's: deaths_a (side_a, military), deaths_b\n"
	"                         (side_b, military), deaths_civilians (all, civilian),\n"
	"                         deaths_unknown (all, unknown)\n"
	"      --max-date-prec=N  leave out rows with date_prec above N\n"
	"      --max-where-prec=N leave out rows with where_prec above N\n",
	.options = 1u << TOLL_IMPORT_REPORTED | 1u << TOLL_IMPORT_RELEASE |
	           1u << TOLL_IMPORT_SPLIT_SIDES | 1u << TOLL_IMPORT_DATE_PREC |
	           1u << TOLL_IMPORT_WHERE_PREC,
	.check = check,
	.plan = plan,
	.row = row,
	.after = after,
};
