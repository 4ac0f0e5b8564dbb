/*
 * import/table.c: any table, by --map and --set: columns named as the
 * reports table's taken as they are, a wide table's figure columns, a
 * list of victims (a row each).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp.h"
#include "toll/figure.h"

/* The index of name among names[0..n), or -1. */
static int
name_index(const char *const *names, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/*
 * --wide CATEGORY[/STATUS]=IN,...: a wide table's figure columns, each
 * its own category (and status).  They give the figures and categories:
 * neither is mapped too.
 */
static int
plan_wide(toll_import *im, const toll_table *t, char *used, toll_diag *d)
{
	size_t i, ncols;
	const toll_field *cols = toll_table_columns(t, &ncols);

	im->nw = 0;
	if (im->o.nwide == 0)
		return TOLL_OK;
	if (im->c[O_LOW].src >= 0 || im->c[O_BEST].src >= 0 || im->c[O_HIGH].src >= 0 ||
	    imp_find_col(im, "value") >= 0 || im->c[O_CATEGORY].src >= 0)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--wide gives the figures and their "
		                     "categories: low, best, high, value and category cannot be mapped too");
	for (i = 0; i < im->o.nwide; i++) {
		char *cat = im->o.wide[i], *in = cat + strlen(cat) + 1, *slash = strchr(cat, '/');
		struct imp_wide *w = &im->w[im->nw++];

		w->status = NULL;
		if (slash != NULL) {
			*slash = '\0';
			w->status = slash + 1;
			if (name_index(toll_status_names, TOLL_NSTATUSES, w->status) < 0)
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--wide %s/%s=%s: invalid "
				                     "status '%s': expected military, civilian, unknown or all",
				                     cat, w->status, in, w->status);
			if (im->c[O_STATUS].src >= 0 && imp_is_mapped(im, "status"))
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--wide %s/%s=%s gives the "
				                     "status: 'status' cannot be mapped too", cat, w->status, in);
		}
		w->category = cat;
		if (name_index(toll_category_names, TOLL_NCATEGORIES, cat) < 0)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--wide %s=%s: invalid category "
			                     "'%s': expected killed, wounded, missing, captured, "
			                     "killed_or_missing or casualties", cat, in, cat);
		if ((w->src = toll_table_column(t, in)) < 0) {
			char msg[TOLL_DIAG_MSG], where[TOLL_DIAG_MSG / 4];

			snprintf(where, sizeof where, " in --wide %s=%s", cat, in);
			toll_column_problem(cols, ncols, "unknown column", in, strlen(in), where, msg,
			                    sizeof msg);
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s", msg);
		}
		used[w->src] = 1;
	}
	/* The first column's, for the checks of the plan; each row sets its own. */
	im->c[O_BEST].src = im->w[0].src;
	im->c[O_CATEGORY].constant = im->w[0].category;
	im->c[O_CATEGORY].src = -1;
	return TOLL_OK;
}

/* Whether --set gives column name. */
static int
is_set(const toll_import *im, const char *name)
{
	size_t i;

	for (i = 0; i < im->o.nset; i++)
		if (strcmp(im->o.set[i], name) == 0)
			return 1;
	return 0;
}

static int
plan(toll_import *im, const toll_table *t, const toll_row *h, toll_diag *d)
{
	size_t i, ncols;
	char *used;
	int r;

	(void)h;
	(void)toll_table_columns(t, &ncols);
	if ((used = calloc(ncols ? ncols : 1, 1)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	im->layout = NULL;
	for (i = 0; i < O_FIXED; i++)
		imp_add_col(im, IMP_FIXED_NAME(i), -1, NULL, imp_kind_of(IMP_FIXED_NAME(i)));
	if ((r = imp_apply_maps(im, t, used, d)) != TOLL_OK)
		goto out;
	if (im->o.row_events && im->c[O_EVENT].src >= 0) {
		r = toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0,
		                  "--row-events makes the events: 'event' cannot be mapped too");
		goto out;
	}
	if ((r = plan_wide(im, t, used, d)) != TOLL_OK)
		goto out;

	/* A column named as a fixed one is that one, unless mapped. */
	for (i = 0; i < O_FIXED; i++) {
		long src;

		if (im->c[i].src >= 0 || (i == O_EVENT && im->o.row_events))
			continue;
		if ((src = toll_table_column(t, IMP_FIXED_NAME(i))) >= 0 && !used[src]) {
			im->c[i].src = src;
			used[src] = 1;
		}
	}
	if (im->o.nrel > 0 && (im->c[O_REPORTED].src >= 0 || is_set(im, "reported"))) {
		r = toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--releases dates the rows: 'reported' "
		                  "cannot be %s too", im->c[O_REPORTED].src >= 0 && !imp_is_mapped(im, "reported") ?
		                  "a column of the file (rename it with --names)" : "mapped or set");
		goto out;
	}
	if (im->o.nrel > 0)
		im->c[O_REPORTED].constant = im->o.rel[0];   /* each file's, from its header on */
	/* A column 'value' (the notation) stands for low, best and high when none is given. */
	if (imp_find_col(im, "value") < 0 && im->c[O_LOW].src < 0 && im->c[O_BEST].src < 0 &&
	    im->c[O_HIGH].src < 0) {
		long src = toll_table_column(t, "value");

		if (src >= 0 && !used[src]) {
			imp_add_col(im, "value", src, NULL, K_VALUE);
			used[src] = 1;
		}
	}
	r = imp_keep_columns(im, t, used, d);
	/* --releases: withdrawals write their note there. */
	if (r == TOLL_OK && im->o.nrel > 0 && imp_find_col(im, "note") < 0)
		imp_add_col(im, "note", -1, NULL, K_TEXT);
	im->rel_note_col = imp_find_col(im, "note");
out:
	free(used);
	return r;
}

/* --row-events: the row's event is its place, FILE:LINE. */
static int
row(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d)
{
	struct imp_rowbuf *rb = &im->rb;
	const char *base;
	int n;

	(void)t;
	(void)d;
	if (!im->o.row_events)
		return 0;
	base = strrchr(r->file, '/');
	n = snprintf(rb->event, sizeof rb->event, "%s:%ld", base ? base + 1 : r->file, r->line);
	rb->f[O_EVENT].s = rb->event;
	rb->f[O_EVENT].len = n > 0 && (size_t)n < sizeof rb->event ? (size_t)n : sizeof rb->event - 1;
	return 0;
}

static int
check(toll_import *im, toll_diag *d)
{
	if (im->o.nrel > 0 && im->o.row_events)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--releases matches rows from one release "
		                     "to the next by their event: --row-events names them by their line; "
		                     "map event to the list's id (--map event=ID)");
	return TOLL_OK;
}

static int
finish(toll_import *im, const toll_dialect *dl)
{
	(void)dl;
	return imp_release_finish(im);
}

const struct imp_format imp_table = {
	.name = "table",
	.help =
	"any table, by --map and --set; columns named as the reports\n"
	"table's are taken as they are (claimant, within, qualifier),\n"
	"the others kept\n",
	.options_help =
	"Table:\n"
	"      --row-events       each row its own event (FILE:LINE), of best 1\n"
	"                         unless mapped: for lists of victims\n"
	"      --wide=CAT[/STATUS]=IN,...  a wide table: each row becomes a row per\n"
	"                         figure column IN, of category CAT (and status),\n"
	"                         best from IN (killed=deaths,wounded=injured,\n"
	"                         killed/civilian=civ_dead); one output, one header\n"
	"      --releases=DATE,...  each FILE a whole release of a list as of its\n"
	"                         DATE (one a file, in order): rows are reported\n"
	"                         then; a row (its event, side, status, category,\n"
	"                         source) absent from a later release is withdrawn\n"
	"                         there, a revision of 0 noted '[correction]'; one\n"
	"                         as in the release before is not written again\n",
	.options = 1u << TOLL_IMPORT_ROW_EVENTS | 1u << TOLL_IMPORT_WIDE | 1u << TOLL_IMPORT_RELEASES,
	.check = check,
	.plan = plan,
	.row = row,
	.skip = imp_release_skip,
	.finish = finish,
};
