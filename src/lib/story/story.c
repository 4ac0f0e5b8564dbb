/*
 * story/story.c: a dataset's story as one PDF (see include/toll/story.h).
 *
 * What the pages show is what the programs print: the aggregation's
 * result (toll_agg_finish()) and the revisions (toll_revs_list()) are
 * taken as values, their tables as the texts toll-agg and toll-rev write
 * (toll_agg_result_text(), toll_rev_list_text()), and the charts are
 * made of those rows by the chart reader (read.c), as toll-plot would
 * draw them.  A series keeps one colour in every figure of the story.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "chart/chart.h"
#include "story/page.h"
#include "toll/figure.h"
#include "toll/story.h"
#include "toll/table.h"
#include "toll/timeline.h"

/*
 * What one report shows: more events than this are refused (choose one
 * with --event), longer tables are cut with a note.
 */
#define MAX_EVENTS 200
#define MAX_TABLE_ROWS 300
#define MAX_SOURCES 300

/* A small table held whole: row 0 is the header. */
struct tab {
	size_t ncol, nrow;
	char **cell;
};

/* What the story keeps of each event. */
struct event {
	long claims;
	int64_t first, last;
	int has_dates;
	long by_category[TOLL_NCATEGORIES];
};

struct toll_story {
	toll_story_opts o;
	toll_strmap *events;        /* in order of first appearance */
	struct event *ev;
	size_t ev_cap;
	toll_strmap *sources;       /* "event\tsource" */
	long *source_claims;
	char **source_url;
	size_t src_cap;
	toll_strmap *all_sources;
	long rows;
	long by_category[TOLL_NCATEGORIES];   /* the claims of each category, in all */
	int64_t first, last;
	long url_col;               /* the table's url column, or -1 */
	unsigned char by_binned[64];  /* by groups: whether each key bins a date (the first 64) */
	const char *by_example;     /* an example of --by for the table's columns */
	/* Each claim series, "event\tside\tstatus\tcategory\tsource", and its series number. */
	toll_strmap *claim_keys;
	size_t *claim_series, claim_cap;
	uint8_t *claim_aside;       /* set aside by toll-agg's rules (an adversary's), once written */
	int header_seen;
	/* The checks: every warning about the data and every known note, as said ("FILE:LINE: ..."). */
	char **checks;
	unsigned char *check_known;
	size_t nchecks, checkcap;
};

static int
oom(toll_diag *d)
{
	return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
}

toll_story *
toll_story_new(const toll_story_opts *o)
{
	toll_story *s = calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->o = *o;
	s->first = INT64_MAX;
	s->last = INT64_MIN;
	if ((s->events = toll_strmap_new()) == NULL || (s->sources = toll_strmap_new()) == NULL ||
	    (s->all_sources = toll_strmap_new()) == NULL) {
		toll_story_free(s);
		return NULL;
	}
	return s;
}

void
toll_story_free(toll_story *s)
{
	size_t i;

	if (s == NULL)
		return;
	toll_strmap_free(s->events);
	for (i = 0; s->source_url != NULL && i < toll_strmap_count(s->sources); i++)
		free(s->source_url[i]);
	toll_strmap_free(s->sources);
	toll_strmap_free(s->all_sources);
	toll_strmap_free(s->claim_keys);
	free(s->claim_series);
	free(s->claim_aside);
	free(s->source_url);
	free(s->source_claims);
	free(s->ev);
	for (i = 0; i < s->nchecks; i++)
		free(s->checks[i]);
	free(s->checks);
	free(s->check_known);
	free(s);
}

/* The text that names a claim series in the tables: "event\tside\tstatus\tcategory\tsource". */
static char *
claim_text(const char *event, const char *side, const char *status, const char *category,
           const char *source, size_t *len)
{
	size_t n = strlen(event) + strlen(side) + strlen(status) + strlen(category) + strlen(source) + 5;
	char *k = malloc(n);

	if (k != NULL)
		*len = (size_t)snprintf(k, n, "%s\t%s\t%s\t%s\t%s", event, side, status, category, source);
	return k;
}

/* Remembers claim r's series number under its text, to ask toll-agg later whether it was set aside. */
static int
claim_key(toll_story *s, const toll_report *r, size_t series, toll_diag *d)
{
	char *ev = strndup(r->event.s, r->event.len), *side = strndup(r->side.s, r->side.len);
	char *src = strndup(r->source.s, r->source.len), *k = NULL;
	size_t len = 0, id;
	int added, rc = TOLL_OK;

	if (ev && side && src)
		k = claim_text(ev, side, toll_status_names[r->status], toll_category_names[r->category], src, &len);
	if (k == NULL || (s->claim_keys == NULL && (s->claim_keys = toll_strmap_new()) == NULL) ||
	    toll_strmap_intern(s->claim_keys, k, len, &id, &added) != TOLL_OK) {
		rc = oom(d);
		goto out;
	}
	if (id >= s->claim_cap) {
		size_t cap = s->claim_cap ? s->claim_cap * 2 : 64;
		size_t *p = realloc(s->claim_series, cap * sizeof *p);

		if (p == NULL) {
			rc = oom(d);
			goto out;
		}
		s->claim_series = p;
		s->claim_cap = cap;
	}
	if (added)
		s->claim_series[id] = series;
out:
	free(ev), free(side), free(src), free(k);
	return rc;
}

int
toll_story_add(toll_story *s, const toll_reports *rd, const toll_entry *e, toll_diag *d)
{
	const toll_report *r = &e->rep;
	size_t id, n;
	int added, rc;
	struct event *ev;
	char *key;

	if (!s->header_seen) {
		s->header_seen = 1;
		s->url_col = toll_table_column(toll_reports_table(rd), "url");
		/* A country column's, else the month of death. */
		{
			static const char *const names[] = { "country", "admin1", "region", "location" };

			s->by_example = "end:month";
			for (n = sizeof names / sizeof names[0]; n-- > 0; )
				if (toll_table_column(toll_reports_table(rd), names[n]) >= 0)
					s->by_example = names[n];
		}
		/* As toll_keys_resolve() reads a key: a column's own name is that column. */
		for (n = 0; s->o.by != NULL && n < s->o.by->n && n < sizeof s->by_binned; n++) {
			const char *spec = s->o.by->k[n].spec, *colon = strrchr(spec, ':');

			s->by_binned[n] = colon != NULL && toll_table_column(toll_reports_table(rd), spec) < 0 &&
			                  toll_bin_parse(colon + 1, strlen(colon + 1)) != TOLL_BIN_NONE;
		}
	}
	if (!toll_as_of_includes(&s->o.as_of, &r->reported))
		return TOLL_OK;
	if (s->o.event != NULL && (r->event.len != strlen(s->o.event) ||
	                           memcmp(r->event.s, s->o.event, r->event.len) != 0))
		return TOLL_OK;
	s->rows++;
	s->first = r->reported.t < s->first ? r->reported.t : s->first;
	s->last = r->reported.t > s->last ? r->reported.t : s->last;
	if (toll_strmap_intern(s->events, r->event.s, r->event.len, &id, &added) != TOLL_OK)
		return oom(d);
	if (id >= s->ev_cap) {
		size_t cap = s->ev_cap ? s->ev_cap * 2 : 16;
		struct event *p = realloc(s->ev, cap * sizeof *p);
		if (p == NULL)
			return oom(d);
		memset(p + s->ev_cap, 0, (cap - s->ev_cap) * sizeof *p);
		s->ev = p;
		s->ev_cap = cap;
	}
	ev = &s->ev[id];
	if (!ev->has_dates) {
		ev->first = ev->last = r->reported.t;
		ev->has_dates = 1;
	}
	ev->first = r->reported.t < ev->first ? r->reported.t : ev->first;
	ev->last = r->reported.t > ev->last ? r->reported.t : ev->last;
	ev->claims++;
	ev->by_category[r->category]++;
	s->by_category[r->category]++;
	if (toll_strmap_intern(s->all_sources, r->source.s, r->source.len, &id, &added) != TOLL_OK)
		return oom(d);
	/* A story by groups tells no event's claims and sources one by one. */
	if (s->o.by != NULL)
		return TOLL_OK;
	if ((rc = claim_key(s, r, e->series, d)) != TOLL_OK)
		return rc;
	/* The event and the source, whole: an event's sources are the keys that start with it. */
	if ((key = malloc(r->event.len + r->source.len + 1)) == NULL)
		return oom(d);
	memcpy(key, r->event.s, r->event.len);
	key[r->event.len] = '\t';
	memcpy(key + r->event.len + 1, r->source.s, r->source.len);
	rc = toll_strmap_intern(s->sources, key, r->event.len + 1 + r->source.len, &id, &added);
	free(key);
	if (rc != TOLL_OK)
		return oom(d);
	n = toll_strmap_count(s->sources);
	if (n > s->src_cap) {
		size_t cap = s->src_cap ? s->src_cap * 2 : 64;
		long *c = realloc(s->source_claims, cap * sizeof *c);
		char **u;

		if (c == NULL)
			return oom(d);
		s->source_claims = c;
		if ((u = realloc(s->source_url, cap * sizeof *u)) == NULL)
			return oom(d);
		s->source_url = u;
		memset(c + s->src_cap, 0, (cap - s->src_cap) * sizeof *c);
		memset(u + s->src_cap, 0, (cap - s->src_cap) * sizeof *u);
		s->src_cap = cap;
	}
	s->source_claims[id]++;
	/* Every address a source's claims cite, each once, one after the other. */
	if (s->url_col >= 0 && e->row.f[s->url_col].len > 0) {
		const toll_field *f = &e->row.f[s->url_col];
		char *u = s->source_url[id], *p;
		size_t have = u ? strlen(u) : 0;
		int seen = 0;

		for (p = u; p != NULL && *p != '\0' && !seen; ) {
			char *end = strchr(p, '\n');
			size_t len = end ? (size_t)(end - p) : strlen(p);

			seen = len == f->len && memcmp(p, f->s, len) == 0;
			p = end ? end + 1 : p + len;
		}
		if (!seen) {
			if ((p = realloc(u, have + f->len + 2)) == NULL)
				return oom(d);
			if (have > 0)
				p[have++] = '\n';
			memcpy(p + have, f->s, f->len);
			p[have + f->len] = '\0';
			s->source_url[id] = p;
		}
	}
	return TOLL_OK;
}

int
toll_story_check(toll_story *s, const toll_diag *d, int known)
{
	char where[96] = "";
	size_t n;

	if (s->nchecks == s->checkcap) {
		size_t cap = s->checkcap ? 2 * s->checkcap : 16;
		char **c = realloc(s->checks, cap * sizeof *c);
		unsigned char *k;

		if (c == NULL)
			return TOLL_ENOMEM;
		s->checks = c;
		if ((k = realloc(s->check_known, cap)) == NULL)
			return TOLL_ENOMEM;
		s->check_known = k;
		s->checkcap = cap;
	}
	if (d->file != NULL && d->line > 0)
		snprintf(where, sizeof where, "%s:%ld: ", d->file, d->line);
	n = strlen(where) + strlen(d->msg) + 1;
	if ((s->checks[s->nchecks] = malloc(n)) == NULL)
		return TOLL_ENOMEM;
	snprintf(s->checks[s->nchecks], n, "%s%s", where, d->msg);
	s->check_known[s->nchecks++] = (unsigned char)(known != 0);
	return TOLL_OK;
}

int
toll_story_has_event(const toll_story *s)
{
	return s->o.event == NULL || toll_strmap_count(s->events) > 0;
}

/* ---- the tables, as the programs write them ---- */

static void
tab_free(struct tab *t)
{
	size_t i;

	for (i = 0; t->cell != NULL && i < (t->nrow + 1) * t->ncol; i++)
		free(t->cell[i]);
	free(t->cell);
	memset(t, 0, sizeof *t);
}

/* An empty table of ncol columns and nrow rows (cells NULL); 0, or -1 out of memory. */
static int
tab_new(struct tab *t, size_t ncol, size_t nrow)
{
	memset(t, 0, sizeof *t);
	if ((t->cell = calloc((nrow + 1) * ncol + 1, sizeof *t->cell)) == NULL)
		return -1;
	t->ncol = ncol;
	t->nrow = nrow;
	return 0;
}

/* Cell (r, c) of t: a copy of s[0..len); 0, or -1 out of memory. */
static int
tab_put(struct tab *t, size_t r, size_t c, const char *s, size_t len)
{
	return (t->cell[r * t->ncol + c] = strndup(s, len)) == NULL ? -1 : 0;
}

/* toll-agg's table of res. */
static int
agg_tab(const toll_agg_result *res, struct tab *t, toll_diag *d)
{
	size_t nc = toll_agg_result_columns(res), r, c;
	char buf[TOLL_AGG_TEXT];

	if (tab_new(t, nc, res->n) != 0)
		return oom(d);
	for (c = 0; c < nc; c++)
		if (tab_put(t, 0, c, toll_agg_result_column(res, c), strlen(toll_agg_result_column(res, c))) != 0)
			return oom(d);
	for (r = 0; r < res->n; r++)
		for (c = 0; c < nc; c++) {
			const char *text = toll_agg_result_text(res, r, c, buf);

			if (tab_put(t, r + 1, c, text, strlen(text)) != 0)
				return oom(d);
		}
	return TOLL_OK;
}

/* toll-rev's table which of l. */
static int
rev_tab(const toll_rev_list *l, enum toll_rev_table which, struct tab *t, toll_diag *d)
{
	size_t nc, nr = toll_rev_list_rows(l, which), r, c;
	const char *const *names = toll_rev_columns(which, &nc);
	char buf[TOLL_REV_TEXT];

	if (tab_new(t, nc, nr) != 0)
		return oom(d);
	for (c = 0; c < nc; c++)
		if (tab_put(t, 0, c, names[c], strlen(names[c])) != 0)
			return oom(d);
	for (r = 0; r < nr; r++)
		for (c = 0; c < nc; c++) {
			toll_str text = toll_rev_list_text(l, which, r, c, buf);

			if (tab_put(t, r + 1, c, text.s, text.len) != 0)
				return oom(d);
		}
	return TOLL_OK;
}

/*
 * The unit of the periods: one that gives a table a reader takes in over
 * the dataset's span (days for a month, weeks for half a year, months
 * for three years, quarters for twelve, else years).
 */
static int
unit_of(const toll_story *s)
{
	int64_t days = (s->last - s->first) / 86400;

	return days <= 31 ? TOLL_BIN_DAY : days <= 183 ? TOLL_BIN_WEEK : days <= 3 * 366 ? TOLL_BIN_MONTH :
	       days <= 12 * 366 ? TOLL_BIN_QUARTER : TOLL_BIN_YEAR;
}

/*
 * toll-rev series' table (by event and category) of the periods with a
 * report: the others carry the toll forward.
 */
static int
period_tab(toll_agg *a, const toll_reports *rd, int unit, struct tab *t, toll_diag *d)
{
	toll_timeline *tl;
	toll_timeline_row row;
	size_t n, nc, i, r, c, keep = 0;
	int rc;

	if (toll_agg_set_every(a, unit) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "internal error: the periods' "
		                     "aggregation keeps no revision");
	if ((rc = toll_agg_timeline(a, rd, &tl, d)) != TOLL_OK)
		return rc;
	n = toll_timeline_rows(tl);
	nc = toll_timeline_columns(tl);
	for (i = 0; i < n; i++) {
		toll_timeline_row_at(tl, i, &row);
		keep += row.updated > 0;
	}
	if (tab_new(t, nc, keep) != 0) {
		toll_timeline_free(tl);
		return oom(d);
	}
	for (c = 0; c < nc; c++)
		if (tab_put(t, 0, c, toll_timeline_column(tl, c), strlen(toll_timeline_column(tl, c))) != 0)
			goto nomem;
	for (i = 0, r = 1; i < n; i++) {
		char buf[TOLL_AGG_TEXT];

		toll_timeline_row_at(tl, i, &row);
		if (row.updated == 0)
			continue;
		for (c = 0; c < nc; c++) {
			const char *text = toll_timeline_text(tl, i, c, buf);

			if (tab_put(t, r, c, text, strlen(text)) != 0)
				goto nomem;
		}
		r++;
	}
	toll_timeline_free(tl);
	return TOLL_OK;
nomem:
	toll_timeline_free(tl);
	return oom(d);
}

static const char *
cell(const struct tab *t, size_t r, const char *col)
{
	size_t c;

	for (c = 0; c < t->ncol; c++)
		if (strcmp(t->cell[c], col) == 0)
			return t->cell[r * t->ncol + c];
	return "";
}

/* Whether row r of the history is its series' last revision (the history is by series, then report). */
static int
last_of_series(const struct tab *h, size_t r)
{
	return r == h->nrow || strcmp(cell(h, r + 1, "revision"), "1") == 0;
}

/* ---- the pages ---- */

struct ctx {
	toll_story *s;
	struct doc doc;
	const char *evcol;         /* the column whose value a page is of: "event", or the first key */
	struct tab totals, sides, history, summary;
	struct tab all, first;     /* by groups: the totals in all, and by the first key */
	struct tab hist_series;    /* the history with a series column, for the step charts */
	struct tab latest;         /* each series' latest claim, for the interval charts */
	struct tab periods;        /* each event's toll at the end of each period with a report */
	int unit;                  /* of the periods */
	toll_strmap *colours;      /* series label -> its colour's number, story-wide */
	toll_diag *d;
	int rc;
};

static void
date_text(int64_t t, char *buf, size_t sz)
{
	int64_t days = t / 86400 - (t % 86400 < 0), y;
	int m, dd;

	toll_civil_from_days(days, &y, &m, &dd);
	snprintf(buf, sz, "%04d-%02d-%02d", (int)y, m, dd);
}

/* A figure of a table of toll-agg's, in the notation: "≥6,501", "20–100", "~600". */
static void
notation(const char *low, const char *best, const char *high, const char *qualifier, char *buf,
         size_t sz)
{
	toll_range g;
	double l = 0, b = 0, h = 0;
	int q = toll_qualifier_read(qualifier, strlen(qualifier));

	memset(&g, 0, sizeof g);
	g.qualifier = q > 0 ? (char)q : '\0';
	toll_decimal_parse(low, strlen(low), &l);
	toll_decimal_parse(best, strlen(best), &b);
	g.open = *high == '\0';
	if (!g.open)
		toll_decimal_parse(high, strlen(high), &h);
	g.low = toll_num_any(l);
	g.best = toll_num_any(b);
	g.high = toll_num_any(g.open ? b : h);
	toll_range_notation(&g, buf, sz);
}

/* The sides' colours, one each, in the order of the sides table: the same in every chart. */
static toll_strmap *
side_colours(const struct ctx *x)
{
	toll_strmap *m = toll_strmap_new();
	size_t r, id;
	int added;

	for (r = 1; m != NULL && r <= x->sides.nrow; r++) {
		const char *sd = cell(&x->sides, r, "side");

		if (toll_strmap_intern(m, sd, strlen(sd), &id, &added) != TOLL_OK) {
			toll_strmap_free(m);
			return NULL;
		}
	}
	return m;
}

/*
 * Gives every series of a chart its story-wide colour: its side's (the
 * label up to " (" or ", "), so that a side has one colour in every
 * figure.  Another series of a side already drawn takes a colour no side
 * has, else that of a side not in this chart, else its side's again
 * (which the chart then dashes).
 */
static int
colour_series(struct ctx *x, toll_chart *ch)
{
	size_t n = toll_strmap_count(ch->series), i, j, t, ns;
	size_t *side = calloc(n ? n : 1, sizeof *side);
	uint32_t *given = calloc(n ? n : 1, sizeof *given);
	unsigned char *first = calloc(n ? n : 1, 1);
	int pick, rc = -1;

	if (side == NULL || given == NULL || first == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		toll_str k = toll_strmap_key(ch->series, i);
		size_t len = k.len;
		int added;

		for (j = 0; j + 1 < k.len; j++)
			if ((k.s[j] == ' ' && k.s[j + 1] == '(') || (k.s[j] == ',' && k.s[j + 1] == ' ')) {
				len = j;
				break;
			}
		if (toll_strmap_intern(x->colours, k.s, len, &side[i], &added) != TOLL_OK)
			goto out;
		first[i] = 1;
		for (j = 0; j < i; j++)
			first[i] &= side[j] != side[i];
		given[i] = toll_ch_okabe(side[i]);
	}
	ns = toll_strmap_count(x->colours);
	for (i = 0; i < n; i++) {
		if (first[i])
			continue;
		for (pick = 0; pick < 2; pick++) {
			for (t = 0; t < TOLL_CH_OKABE_USED; t++) {
				uint32_t cand = toll_ch_okabe(t);
				int taken = 0;

				for (j = 0; j < n; j++)
					taken |= (first[j] || j < i) && given[j] == cand;
				for (j = 0; pick == 0 && j < ns; j++)
					taken |= toll_ch_okabe(j) == cand;
				for (j = 0; pick == 1 && j < n; j++)
					taken |= toll_ch_okabe(side[j]) == cand;
				if (!taken)
					break;
			}
			if (t < TOLL_CH_OKABE_USED) {
				given[i] = toll_ch_okabe(t);
				break;
			}
		}
	}
	for (i = 0; i < n; i++) {
		toll_str k = toll_strmap_key(ch->series, i);

		if (toll_chart_color(ch, k.s, k.len, given[i]) != 0)
			goto out;
	}
	rc = 0;
out:
	free(side);
	free(given);
	free(first);
	return rc;
}

/*
 * A chart of the rows of table t whose event is ev (and category cat,
 * when not NULL), read by the chart reader as toll-plot reads them.  A
 * chart that cannot be drawn is said so in the text.
 */
static void
chart(struct ctx *x, const struct tab *t, const char *ev, const char *cat, toll_chart_opts *o,
      const char *xcol, const char *ycol, const char *series, double h)
{
	static const char name[] = "the report";
	toll_chart *ch = toll_chart_new(o);
	toll_chart_reader *r = ch ? toll_chart_reader_new(ch, xcol, ycol, series) : NULL;
	toll_field *f = calloc(t->ncol ? t->ncol : 1, sizeof *f);
	char *one = NULL;
	toll_table *tt = NULL;
	toll_row row;
	toll_diag d;
	size_t i, c;
	int rc;

	if (r == NULL || f == NULL) {
		x->rc = oom(x->d);
		goto done;
	}
	if ((rc = toll_table_of_columns(&tt, name, (const char *const *)t->cell, t->ncol, &d)) == TOLL_OK)
		rc = toll_chart_reader_header(r, tt, &d);
	row.f = f;
	row.n = t->ncol;
	row.file = name;
	row.fileno = 0;
	for (i = 1; rc == TOLL_OK && i <= t->nrow; i++) {
		if ((ev != NULL && strcmp(cell(t, i, x->evcol), ev) != 0) ||
		    (cat != NULL && strcmp(cell(t, i, "category"), cat) != 0))
			continue;
		row.line = (long)i + 1;
		for (c = 0; c < t->ncol; c++) {
			f[c].s = t->cell[i * t->ncol + c];
			f[c].len = strlen(f[c].s);
			f[c].line = row.line;
			f[c].col = (long)c + 1;
		}
		if ((rc = toll_chart_reader_row(r, tt, &row, &d)) != TOLL_OK || toll_chart_reader_stop(r))
			break;
	}
	if (rc == TOLL_OK) {
		char *names[1] = { (char *)name };
		rc = toll_chart_reader_finish(r, tt, names, 1, &d);
	}
	if (rc == TOLL_OK && (o->kind == TOLL_CHART_BAR || o->kind == TOLL_CHART_DOT))
		rc = toll_chart_arrange(ch, o->sort, o->top, &d);
	if (rc == TOLL_OK && colour_series(x, ch) != 0)
		rc = oom(&d);
	/* One series has no legend: its name goes above the plot. */
	if (rc == TOLL_OK && toll_strmap_count(ch->series) == 1) {
		toll_chart_opts co;
		toll_str k = toll_strmap_key(ch->series, 0);

		if ((one = strndup(k.s, k.len)) == NULL) {
			rc = TOLL_ENOMEM;
		} else {
			toll_chart_get_opts(ch, &co);
			co.subtitle = one;
			toll_chart_set_opts(ch, &co);
		}
	}
	if (rc == TOLL_OK)
		rc = toll_doc_chart(&x->doc, ch, h, &d);
	if (rc == TOLL_ENOMEM) {
		x->rc = oom(x->d);
	} else if (rc != TOLL_OK) {
		char note[TOLL_DIAG_MSG + 64];
		snprintf(note, sizeof note, "(This chart cannot be drawn: %s.)", d.msg);
		toll_doc_text(&x->doc, note, DOC_BODY, 0, 1, 8);
	}
done:
	free(f);
	toll_table_free(tt);
	toll_chart_reader_free(r);
	toll_chart_free(ch);
	free(one);
}

/*
 * A report's instant as a reader writes it: "2023-09-19T22:30+04:00" as
 * "2023-09-19 22:30 +04:00" (seconds left out); a date as it is.
 */
static void
instant_words(const char *s, char *out, size_t sz)
{
	const char *t = strchr(s, 'T'), *zone;
	size_t n;

	if (t == NULL || t - s != 10) {
		snprintf(out, sz, "%s", s);
		return;
	}
	zone = t + 1 + strcspn(t + 1, "+-Z");
	n = (size_t)(zone - (t + 1));
	snprintf(out, sz, "%.10s %.*s%s%s", s, (int)(n > 5 ? 5 : n), t + 1, *zone ? " " : "",
	         strcmp(zone, "Z") == 0 ? "UTC" : zone);
}

/*
 * A count of a table as the figures are written, thousands grouped
 * ("3,782" beside "≥6,781"): the columns that hold counts; others as
 * they are (a year, a period).  buf, or s when it is no number.
 */
static const char *
grouped(const char *col, const char *s, char *buf, size_t sz)
{
	static const char *const counts[] = { "low", "best", "high", "change", "series", "events", "reports",
	                                      "falls", "claims", "revisions", "first_best", "last_best" };
	size_t i;
	double v;

	for (i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (strcmp(col, counts[i]) == 0)
			break;
	if (i == sizeof counts / sizeof counts[0] || *s == '\0' ||
	    toll_decimal_parse(s, strlen(s), &v) != TOLL_FIG_OK || !isfinite(v))
		return s;
	toll_format_number(v, v == floor(v) ? 0 : 1, buf, sz);
	return buf;
}

/*
 * Rows of t whose column evcol is ev (every row when ev is NULL), as
 * cells of the columns cols[0..n) (figure: the notation).
 */
static char **
rows_of(const struct tab *t, const char *evcol, const char *ev, const char *const *cols,
        const char *const *heads, size_t n, size_t *nrows)
{
	size_t r, c, k = 0;
	char **cells = calloc((t->nrow + 1) * n, sizeof *cells);

	if (cells == NULL)
		return NULL;
	for (c = 0; c < n; c++)
		cells[c] = strdup(heads[c]);
	for (r = 1; r <= t->nrow; r++) {
		if (ev != NULL && strcmp(cell(t, r, evcol), ev) != 0)
			continue;
		k++;
		for (c = 0; c < n; c++) {
			char buf[128];
			if (strcmp(cols[c], "figure") == 0) {
				notation(cell(t, r, "low"), cell(t, r, "best"), cell(t, r, "high"),
				         cell(t, r, "qualifier"), buf, sizeof buf);
				cells[k * n + c] = strdup(buf);
			} else if (strcmp(cols[c], "best") == 0 && strcmp(cell(t, r, "best_by"), "toll") == 0) {
				/* A best toll supplied (a range's middle): marked, and said under the table. */
				char g[64];

				snprintf(buf, sizeof buf, "%s\xe2\x80\xa0", grouped("best", cell(t, r, "best"), g, sizeof g));
				cells[k * n + c] = strdup(buf);
			} else if (strcmp(cols[c], "high") == 0 && *cell(t, r, "high") == '\0') {
				cells[k * n + c] = strdup("none");
			} else if (strcmp(cols[c], "first_reported") == 0 || strcmp(cols[c], "last_reported") == 0 ||
			           strcmp(cols[c], "reported") == 0) {
				instant_words(cell(t, r, cols[c]), buf, sizeof buf);
				cells[k * n + c] = strdup(buf);
			} else {
				cells[k * n + c] = strdup(grouped(cols[c], cell(t, r, cols[c]), buf, sizeof buf));
			}
		}
	}
	*nrows = k;
	return cells;
}

static void
table(struct ctx *x, const struct tab *t, const char *ev, const char *const *cols,
      const char *const *heads, const double *widths, const int *right, size_t n)
{
	size_t rows, i;
	char **cells = rows_of(t, x->evcol, ev, cols, heads, n, &rows);

	if (cells == NULL) {
		x->rc = oom(x->d);
		return;
	}
	/* A table a reader can take in: the first rows, and how many more the programs print. */
	toll_doc_table(&x->doc, n, widths, right, cells, rows < MAX_TABLE_ROWS ? rows : MAX_TABLE_ROWS);
	for (i = 1; i <= rows && i <= MAX_TABLE_ROWS; i++) {
		size_t c;

		for (c = 0; c < n; c++)
			if (cells[i * n + c] != NULL && strstr(cells[i * n + c], "\xe2\x80\xa0") != NULL)
				break;
		if (c < n) {
			toll_doc_text(&x->doc, "\xe2\x80\xa0 supplied by toll: no source stated a best, and toll "
			              "took the middle of the range (a hollow dot in the charts).", DOC_SMALL, 0, 1, 10);
			break;
		}
	}
	if (rows > MAX_TABLE_ROWS) {
		char note[128];
		snprintf(note, sizeof note, "(%zu more rows are not shown.)", rows - MAX_TABLE_ROWS);
		toll_doc_text(&x->doc, note, DOC_SMALL, 0, 1, 10);
	}
	for (i = 0; i < (rows + 1) * n; i++)
		free(cells[i]);
	free(cells);
}

/* The title page's head: the title (the data's name unless given) and the line under it. */
static void
title_head(struct ctx *x, const char *what)
{
	toll_story *s = x->s;
	char *title, buf[512];

	if (s->o.title) {
		title = strdup(s->o.title);
	} else {
		/* The file's name without its folder and extension: "2020-karabakh-war". */
		const char *base = strrchr(s->o.data_name, '/'), *dot;
		size_t n;

		base = base ? base + 1 : s->o.data_name;
		dot = strrchr(base, '.');
		n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
		if ((title = malloc(n + 32)) != NULL)
			snprintf(title, n + 32, "Casualty reports: %.*s", (int)n, base);
	}
	if (title == NULL) {
		x->rc = oom(x->d);
		return;
	}
	x->doc.y = x->doc.margin + 60;
	toll_doc_text(&x->doc, title, DOC_H1, 1, 0, 8);
	free(title);
	snprintf(buf, sizeof buf, "%s Made by toll %s.", what, s->o.version ? s->o.version : "");
	toll_doc_text(&x->doc, buf, DOC_H3, 0, 1, 28);
}

/* The keys of a story by groups as given: "country,end:month". */
static void
keys_text(const toll_keys *by, char *buf, size_t sz)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; by != NULL && i < by->n && len < sz; i++)
		len += (size_t)snprintf(buf + len, sz - len, "%s%s", i ? "," : "", by->k[i].spec);
}

/* The title page's table of the data: what it is, how much, when, and how it was combined. */
static void
data_table(struct ctx *x)
{
	toll_story *s = x->s;
	char first[16] = "", last[16] = "", asof[32] = "everything reported", keys[256];
	char *cells[2 * 14];
	static const double w2[] = { 0.22, 0.78 };
	static const int r2[] = { 0, 0 };
	size_t n = 0;

	x->doc.y += 14;
	if (s->rows > 0) {
		date_text(s->first, first, sizeof first);
		date_text(s->last, last, sizeof last);
	}
	if (toll_as_of_limits(&s->o.as_of))
		toll_as_of_text(&s->o.as_of, asof, sizeof asof);
	keys_text(s->o.by, keys, sizeof keys);
#define ROW(k, v) do { cells[2 * n] = (char *)(k); cells[2 * n + 1] = (v); n++; } while (0)
	{
		char rows[32], events[32], sources[32], groups[32];

		snprintf(rows, sizeof rows, "%ld", s->rows);
		snprintf(events, sizeof events, "%zu", toll_strmap_count(s->events));
		snprintf(sources, sizeof sources, "%zu", toll_strmap_count(s->all_sources));
		ROW("The data", "");   /* the header */
		ROW("Data", (char *)s->o.data_name);
		ROW("SHA-256", (char *)(s->o.sha256 ? s->o.sha256 :
		                        "not computed (the data was read once, from a pipe)"));
		ROW("Claims (rows)", rows);
		ROW("Events", events);
		if (s->o.by != NULL) {
			ROW("Grouped by", keys);
			snprintf(groups, sizeof groups, "%zu", x->totals.nrow);
			ROW("Groups (with a category)", groups);
		}
		ROW("Sources", sources);
		ROW("First report", first);
		ROW("Last report", last);
		ROW("As of", asof);
		ROW("Sources combined by", (char *)(s->o.policy ? s->o.policy : "consensus"));
		ROW("toll", (char *)(s->o.version ? s->o.version : ""));
		toll_doc_table(&x->doc, 2, w2, r2, cells, n - 1);
	}
#undef ROW
}

/* The notation: how a figure is written (the same in every report). */
#define NOTATION_WORDS \
	"A figure is written as its range and best: \xe2\x80\x9c" "20\xe2\x80\x93" "100\xe2\x80\x9d is " \
	"anything from 20 to 100, \xe2\x80\x9c\xe2\x89\xa5" "135\xe2\x80\x9d at least 135 (no upper " \
	"bound given), \xe2\x80\x9c~600\xe2\x80\x9d about 600. "

static void
title_page(struct ctx *x)
{
	toll_story *s = x->s;
	size_t i;

	title_head(x, "What was claimed, by whom, how it was revised, and what it adds up to.");
	if (x->rc != TOLL_OK)
		return;
	toll_doc_text(&x->doc, "Events: what each comes to", DOC_H3, 1, 0, 4);
	for (i = 0; i < toll_strmap_count(s->events); i++) {
		toll_str k = toll_strmap_key(s->events, i);
		char a[16], b[16], *line, *ev;
		size_t n = k.len + 96, len = 0, j;

		date_text(s->ev[i].first, a, sizeof a);
		date_text(s->ev[i].last, b, sizeof b);
		if ((ev = strndup(k.s, k.len)) == NULL || (line = malloc(n + 1024)) == NULL) {
			free(ev);
			x->rc = oom(x->d);
			return;
		}
		toll_doc_text(&x->doc, ev, DOC_BODY, 1, 0, 1);
		/* Its headline totals, each in the notation, then where they come from. */
		line[0] = '\0';
		for (j = 1; j <= x->totals.nrow && len < n + 900; j++) {
			char fig[128];

			if (strcmp(cell(&x->totals, j, "event"), ev) != 0)
				continue;
			notation(cell(&x->totals, j, "low"), cell(&x->totals, j, "best"), cell(&x->totals, j, "high"),
			         cell(&x->totals, j, "qualifier"), fig, sizeof fig);
			len += (size_t)snprintf(line + len, n + 1024 - len, "%s%s %s", len ? "; " : "",
			                        cell(&x->totals, j, "category"), fig);
		}
		snprintf(line + len, n + 1024 - len, "%s%ld claim%s, reported %s to %s.", len ? ". From " : "",
		         s->ev[i].claims, s->ev[i].claims == 1 ? "" : "s", a, b);
		toll_doc_text(&x->doc, line, DOC_BODY, 0, 1, 6);
		free(line);
		free(ev);
	}
	data_table(x);
	toll_doc_text(&x->doc, "How to read it", DOC_H3, 1, 0, 4);
	toll_doc_text(&x->doc, "Each event's totals combine the sources' latest figures by the policy named above: "
	         "totals and their parts are reconciled, never added, and each death is counted once. "
	         NOTATION_WORDS "A side's figures are its own "
	         "and independent sources' claims; what the other side says of its losses is shown apart. "
	         "The step charts show each source's figure from the day it was made public; the interval "
	         "charts each source's latest claim, its dot the best (hollow where no source stated one "
	         "and toll took the middle of the range) and its line the range. The last page, Checks, "
	         "lists what the data contradicts and what toll set aside or supplied.", DOC_BODY, 0, 1, 14);
}

/* The category an event's charts show: killed when claimed, else the most claimed. */
static int
category_of(const char *name)
{
	int c;

	for (c = 0; c < TOLL_NCATEGORIES; c++)
		if (strcmp(toll_category_names[c], name) == 0)
			return c;
	return 0;
}

static const char *
headline(const struct event *ev)
{
	int c, best = category_of("killed");

	if (ev->by_category[best] > 0)
		return toll_category_names[best];
	for (c = 0; c < TOLL_NCATEGORIES; c++)
		if (ev->by_category[c] > ev->by_category[best])
			best = c;
	return toll_category_names[best];
}

/*
 * The event's toll period by period, when it grew over three periods or
 * more: what toll-rev series gives, the periods without a report left out.
 */
static void
period_table(struct ctx *x, const char *ev)
{
	static const char *const cols[] = { "period", "as_of", "category", "figure", "change" };
	static const char *const heads[] = { "period", "as of", "category", "toll", "change" };
	static const double w[] = { 0.2, 0.2, 0.24, 0.18, 0.18 };
	static const int r[] = { 0, 0, 0, 1, 1 };
	char buf[256];
	size_t j, rows = 0;

	for (j = 1; j <= x->periods.nrow; j++)
		rows += strcmp(cell(&x->periods, j, "event"), ev) == 0;
	if (rows < 3)
		return;
	snprintf(buf, sizeof buf, "The toll %s by %s", toll_bin_name(x->unit), toll_bin_name(x->unit));
	toll_doc_need(&x->doc, 80);
	toll_doc_text(&x->doc, buf, DOC_H3, 1, 0, 4);
	snprintf(buf, sizeof buf, "What was known at the end of each %s with a report (by toll-agg's rules, "
	         "as toll-rev series --every %s gives it); the change is what the %s's reports added, "
	         "below 0 where the toll fell (a correction; the missing found).", toll_bin_name(x->unit),
	         toll_bin_name(x->unit), toll_bin_name(x->unit));
	toll_doc_text(&x->doc, buf, DOC_SMALL, 0, 1, 4);
	table(x, &x->periods, ev, cols, heads, w, r, 5);
}

/*
 * One function (157 lines): an event's pages in the order a reader meets them
 * (its totals, its chart, its claims, its checks); split by page when the
 * report leaves the chart wing (issue 30).
 */
static void
event_pages(struct ctx *x, size_t i)
{
	toll_story *s = x->s;
	toll_str k = toll_strmap_key(s->events, i);
	char *ev, buf[1024], a[16], b[16];
	const char *cat = headline(&s->ev[i]);
	toll_chart_opts o;
	size_t j, nsrc = 0;
	long step_rows = 0, latest_rows;
	double interval_h;

	if ((ev = strndup(k.s, k.len)) == NULL) {
		x->rc = oom(x->d);
		return;
	}
	for (j = 0; j < toll_strmap_count(s->sources); j++) {
		toll_str sk = toll_strmap_key(s->sources, j);
		nsrc += sk.len > k.len && memcmp(sk.s, k.s, k.len) == 0 && sk.s[k.len] == '\t';
	}
	toll_doc_page(&x->doc);
	toll_doc_text(&x->doc, ev, DOC_H2, 1, 0, 4);
	date_text(s->ev[i].first, a, sizeof a);
	date_text(s->ev[i].last, b, sizeof b);
	snprintf(buf, sizeof buf, "%ld claim%s by %zu source%s, reported from %s to %s.", s->ev[i].claims,
	         s->ev[i].claims == 1 ? "" : "s", nsrc, nsrc == 1 ? "" : "s", a, b);
	toll_doc_text(&x->doc, buf, DOC_BODY, 0, 1, 12);

	toll_doc_text(&x->doc, "What it comes to", DOC_H3, 1, 0, 4);
	{
		static const char *const cols[] = { "category", "figure", "low", "best", "high", "series" };
		static const char *const heads[] = { "category", "figure", "low", "best", "high", "series" };
		static const double w[] = { 0.25, 0.23, 0.13, 0.13, 0.13, 0.13 };
		static const int r[] = { 0, 1, 1, 1, 1, 1 };
		table(x, &x->totals, ev, cols, heads, w, r, 6);
	}
	toll_doc_text(&x->doc, "By side", DOC_H3, 1, 0, 4);
	{
		static const char *const cols[] = { "side", "category", "figure", "low", "best", "high",
		                                    "adversary" };
		static const char *const heads[] = { "side", "category", "figure", "low", "best", "high",
		                                     "other side says" };
		static const double w[] = { 0.22, 0.15, 0.17, 0.1, 0.1, 0.1, 0.16 };
		static const int r[] = { 0, 0, 1, 1, 1, 1, 1 };
		int adv = 0;

		/* What the other side says: a column when it says something. */
		for (j = 1; j <= x->sides.nrow; j++)
			adv |= strcmp(cell(&x->sides, j, "event"), ev) == 0 &&
			       *cell(&x->sides, j, "adversary") != '\0';
		table(x, &x->sides, ev, cols, heads, w, r, adv ? 7 : 6);
	}
	for (j = 1; j <= x->history.nrow; j++)
		step_rows += strcmp(cell(&x->history, j, "event"), ev) == 0 &&
		             strcmp(cell(&x->history, j, "category"), cat) == 0 &&
		             strcmp(cell(&x->history, j, "revision"), "1") != 0;
	memset(&o, 0, sizeof o);
	o.format = TOLL_CHART_PDF;
	o.caption = "";
	o.xlabel = "reported";
	o.ylabel = cat;
	o.has_pdf_date = 0;
	snprintf(buf, sizeof buf, "How the figures of the %s were revised", cat);
	/* A chart's heading goes on the chart's page. */
	toll_doc_need(&x->doc, step_rows > 0 ? 380 : 40);
	toll_doc_text(&x->doc, buf, DOC_H3, 1, 0, 4);
	if (step_rows > 0) {
		o.kind = TOLL_CHART_STEP;
		o.labels = 1;
		toll_doc_text(&x->doc, "Each source's figure from the day it was made public, for the figures revised at "
		         "least once; a triangle: at least.", DOC_SMALL, 0, 1, 4);
		chart(x, &x->hist_series, ev, cat, &o, "reported", "best", "series", 330);
	} else {
		snprintf(buf, sizeof buf, "No figure of the %s was revised: each source reported its own once.", cat);
		toll_doc_text(&x->doc, buf, DOC_BODY, 0, 1, 12);
	}
	snprintf(buf, sizeof buf, "What each source claims of the %s: its latest figure", cat);
	for (j = 1, latest_rows = 0; j <= x->history.nrow; j++)
		latest_rows += strcmp(cell(&x->history, j, "event"), ev) == 0 &&
		               strcmp(cell(&x->history, j, "category"), cat) == 0 && last_of_series(&x->history, j);
	/* A row of two lines a claim: its name whole ("2023-04-17, Armenian government (civilian)"). */
	interval_h = fmin(120 + 30.0 * (double)latest_rows, 640);
	toll_doc_need(&x->doc, interval_h + 30);
	toll_doc_text(&x->doc, buf, DOC_H3, 1, 0, 4);
	o.kind = TOLL_CHART_INTERVAL;
	/* Each claim's figure beside it: "~430", "≥49". */
	o.labels = 1;
	o.xlabel = cat;
	o.ylabel = "";
	/* A row per series, 17 points each. */
	chart(x, &x->latest, ev, cat, &o, NULL, "claim", "series", interval_h);
	period_table(x, ev);
	toll_doc_text(&x->doc, "Revisions, source by source", DOC_H3, 1, 0, 4);
	{
		static const char *const cols[] = { "side", "status", "category", "source", "revisions",
		                                    "first_reported", "first_best", "last_reported",
		                                    "last_best", "falls" };
		static const char *const heads[] = { "side", "status", "category", "source", "reports",
		                                     "first", "best", "last", "best", "falls" };
		static const double w[] = { 0.11, 0.1, 0.12, 0.19, 0.08, 0.1, 0.07, 0.1, 0.07, 0.06 };
		static const int r[] = { 0, 0, 0, 0, 1, 0, 1, 0, 1, 1 };
		table(x, &x->summary, ev, cols, heads, w, r, 10);
	}
	toll_doc_text(&x->doc, "Sources", DOC_H3, 1, 0, 4);
	{
		/* A row per address a source's claims cite: the source and its claims on the first. */
		size_t n = 0, cap = 16, used = 0;
		char **cells = malloc(cap * 3 * sizeof *cells);
		static const double w[] = { 0.3, 0.1, 0.6 };
		static const int r[] = { 0, 1, 0 };

		if (cells == NULL) {
			x->rc = oom(x->d);
			goto out;
		}
		cells[0] = strdup("source");
		cells[1] = strdup("claims");
		cells[2] = strdup("address");
		for (j = 0; j < toll_strmap_count(s->sources); j++) {
			toll_str sk = toll_strmap_key(s->sources, j);
			const char *u = s->source_url[j] ? s->source_url[j] : "";
			int first = 1;

			if (!(sk.len > k.len && memcmp(sk.s, k.s, k.len) == 0 && sk.s[k.len] == '\t') ||
			    used >= MAX_SOURCES)
				continue;
			used++;
			do {
				const char *end = strchr(u, '\n');
				size_t len = end ? (size_t)(end - u) : strlen(u);
				char count[32];

				if ((n + 2) * 3 > cap * 3) {
					char **c2 = realloc(cells, (cap *= 2) * 3 * sizeof *c2);
					if (c2 == NULL) {
						for (; n > 0; n--)
							free(cells[n * 3]), free(cells[n * 3 + 1]), free(cells[n * 3 + 2]);
						free(cells[0]), free(cells[1]), free(cells[2]);
						free(cells);
						x->rc = oom(x->d);
						goto out;
					}
					cells = c2;
				}
				n++;
				snprintf(count, sizeof count, "%ld", s->source_claims[j]);
				cells[n * 3] = first ? strndup(sk.s + k.len + 1, sk.len - k.len - 1) : strdup("");
				cells[n * 3 + 1] = strdup(first ? count : "");
				cells[n * 3 + 2] = strndup(u, len);
				first = 0;
				u = end ? end + 1 : u + len;
			} while (*u != '\0');
		}
		toll_doc_table(&x->doc, 3, w, r, cells, n);
		for (j = 0; j < (n + 1) * 3; j++)
			free(cells[j]);
		free(cells);
	}
out:
	free(ev);
}

/*
 * The group row r of t is of, as the checks name it: its event, or in a
 * story by groups its keys' values ("Sudan, 2020-05"; side and category
 * are named apart).  Allocated; NULL out of memory.
 */
static char *
group_of(const struct ctx *x, const struct tab *t, size_t r)
{
	const toll_keys *by = x->s->o.by;
	GString *g;
	size_t i;

	char *out;

	if (by == NULL)
		return strdup(cell(t, r, "event"));
	g = g_string_new("");
	for (i = 0; i < by->n; i++) {
		const char *v = cell(t, r, by->k[i].spec);

		if (strcmp(by->k[i].spec, "side") == 0)
			continue;
		g_string_append_printf(g, "%s%s", g->len ? ", " : "", *v ? v : "(none)");
	}
	out = strdup(g->str);
	g_string_free(g, TRUE);
	return out;
}

/* One line of the checks: a bullet and its text. */
static void
check_line(struct ctx *x, const char *text)
{
	size_t n = strlen(text) + 8;
	char *line = malloc(n);

	if (line == NULL) {
		x->rc = oom(x->d);
		return;
	}
	snprintf(line, n, "\xe2\x80\xa2 %s", text);
	toll_doc_text(&x->doc, line, DOC_SMALL + 1, 0, 0, 3);
	free(line);
}

/*
 * The checks: every warning about the data, every warning the data says
 * is known, the claims of one party about another set aside, and every
 * best toll supplied: what a reader must know before quoting a figure.
 */
static void
checks_page(struct ctx *x)
{
	toll_story *s = x->s;
	size_t i, n;
	int any;

	toll_doc_page(&x->doc);
	toll_doc_text(&x->doc, "Checks", DOC_H2, 1, 0, 6);
	toll_doc_text(&x->doc, "What a reader must know before quoting a figure of this report: what the "
	         "data contradicts, what its notes say is known, the claims toll set aside, and the bests "
	         "toll supplied.", DOC_BODY, 0, 1, 10);
	for (any = 0, n = 0; n < 2; n++) {
		toll_doc_text(&x->doc, n == 0 ? "Warnings" : "Known, said in the data's notes", DOC_H3, 1, 0, 4);
		for (i = 0, any = 0; i < s->nchecks; i++)
			if (s->check_known[i] == n) {
				check_line(x, s->checks[i]);
				any = 1;
			}
		if (!any)
			toll_doc_text(&x->doc, n == 0 ? "None." : "None.", DOC_BODY, 0, 1, 6);
		toll_doc_text(&x->doc, "", DOC_SMALL, 0, 0, 4);
	}
	toll_doc_text(&x->doc, "Claims of one party about another's losses, set aside", DOC_H3, 1, 0, 4);
	for (i = 1, any = 0; i <= x->sides.nrow; i++)
		if (*cell(&x->sides, i, "adversary") != '\0') {
			char *line, *g = group_of(x, &x->sides, i);
			size_t len = (g ? strlen(g) : 0) + strlen(cell(&x->sides, i, "side")) + 160;

			if (g == NULL || (line = malloc(len)) == NULL) {
				free(g);
				x->rc = oom(x->d);
				return;
			}
			snprintf(line, len, "%s%s%s, %s: the other side says %s; not counted in the side's figure",
			         g, *g ? ": " : "", cell(&x->sides, i, "side"),
			         cell(&x->sides, i, "category"), cell(&x->sides, i, "adversary"));
			check_line(x, line);
			free(line);
			free(g);
			any = 1;
		}
	if (!any)
		toll_doc_text(&x->doc, "None.", DOC_BODY, 0, 1, 6);
	toll_doc_text(&x->doc, "", DOC_SMALL, 0, 0, 4);
	toll_doc_text(&x->doc, "Bests toll supplied", DOC_H3, 1, 0, 4);
	for (i = 1, any = 0; i <= x->sides.nrow; i++)
		if (strcmp(cell(&x->sides, i, "best_by"), "toll") == 0) {
			char *line, fig[128], *g = group_of(x, &x->sides, i);
			size_t len = (g ? strlen(g) : 0) + strlen(cell(&x->sides, i, "side")) + 300;

			if (g == NULL || (line = malloc(len)) == NULL) {
				free(g);
				x->rc = oom(x->d);
				return;
			}
			notation(cell(&x->sides, i, "low"), cell(&x->sides, i, "best"), cell(&x->sides, i, "high"),
			         cell(&x->sides, i, "qualifier"), fig, sizeof fig);
			snprintf(line, len, "%s%s%s, %s: %s, best %s: no source stated a best; toll took the "
			         "middle of the range (a hollow dot in the charts)", g, *g ? ": " : "",
			         cell(&x->sides, i, "side"),
			         cell(&x->sides, i, "category"), fig, cell(&x->sides, i, "best"));
			check_line(x, line);
			free(line);
			free(g);
			any = 1;
		}
	if (!any)
		toll_doc_text(&x->doc, "None.", DOC_BODY, 0, 1, 6);
}

/* ---- a story by groups ---- */

/* The category a story by groups draws: killed when claimed, else the most claimed. */
static const char *
main_category(const toll_story *s)
{
	struct event all;

	memset(&all, 0, sizeof all);
	memcpy(all.by_category, s->by_category, sizeof all.by_category);
	return headline(&all);
}

/* Whether key k of the story's keys bins a date. */
static int
key_binned(const struct ctx *x, const toll_key *k)
{
	size_t i = (size_t)(k - x->s->o.by->k);

	return i < sizeof x->s->by_binned && x->s->by_binned[i];
}

/* A key in words, for headings: "country", "month of death" (end:month). */
static void
key_words(const toll_key *k, char *buf, size_t sz)
{
	toll_ch_column_title(k->spec, NULL, buf, sz);
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] - 'A' + 'a');
}

/*
 * The totals of the rows of t whose column col is v (every row when v is
 * NULL), category by category in the notation, each with its events:
 * "killed 598 (176 events); injured ≥12 (3 events)".
 */
static void
totals_line(const struct tab *t, const char *col, const char *v, char *buf, size_t sz)
{
	size_t r, len = 0;

	buf[0] = '\0';
	for (r = 1; r <= t->nrow && len < sz; r++) {
		char fig[128], ev[64];
		double e = 0;

		if (v != NULL && strcmp(cell(t, r, col), v) != 0)
			continue;
		notation(cell(t, r, "low"), cell(t, r, "best"), cell(t, r, "high"), cell(t, r, "qualifier"), fig,
		         sizeof fig);
		toll_decimal_parse(cell(t, r, "events"), strlen(cell(t, r, "events")), &e);
		len += (size_t)snprintf(buf + len, sz - len, "%s%s %s (%s event%s)", len ? "; " : "",
		                        cell(t, r, "category"), fig, grouped("events", cell(t, r, "events"), ev, sizeof ev),
		                        e == 1 ? "" : "s");
	}
}

/*
 * The height of the chart groups_chart() draws, and the rows of t it
 * draws in *n: 0 when it draws none (fewer than three groups, or all
 * of them 0: the table says as much).
 */
static double
groups_chart_height(struct ctx *x, const struct tab *t, const char *v, const toll_key *k, const char *cat,
                    size_t top, size_t *n)
{
	size_t r;
	int any = 0;

	*n = 0;
	for (r = 1; r <= t->nrow; r++)
		if ((v == NULL || strcmp(cell(t, r, x->evcol), v) == 0) && strcmp(cell(t, r, "category"), cat) == 0) {
			(*n)++;
			any |= strcmp(cell(t, r, "best"), "0") != 0 || *cell(t, r, "high") == '\0' ||
			       strcmp(cell(t, r, "high"), "0") != 0;
		}
	if (*n < 3 || !any)
		return 0;
	return key_binned(x, k) ? 200 : 140 + 14.0 * (double)(*n > top ? top + 1 : *n);
}

/*
 * A chart of the groups of t (those whose first key is v, when v is not
 * NULL) along key k, of category cat: bars in time order for a date key,
 * else a dot per group, the largest first, at most top of them and the
 * rest summed.
 */
static void
groups_chart(struct ctx *x, const struct tab *t, const char *v, const toll_key *k, const char *cat,
             size_t top)
{
	toll_chart_opts o;
	size_t n;
	double h = groups_chart_height(x, t, v, k, cat, top, &n);

	if (h == 0)
		return;
	memset(&o, 0, sizeof o);
	o.format = TOLL_CHART_PDF;
	o.caption = "";
	o.ylabel = "";
	if (key_binned(x, k)) {
		o.kind = TOLL_CHART_BAR;
		o.bars = TOLL_BARS_VERTICAL;
		o.sort = TOLL_SORT_NONE;
		o.labels = n <= 16;
	} else {
		o.kind = TOLL_CHART_DOT;
		o.sort = TOLL_SORT_VALUE;
		o.top = n > top ? top : 0;
		o.labels = 1;
	}
	chart(x, t, v, cat, &o, k->spec, "best", "category", h);
}

/* The table of groups: keys [from, to), then category and the figures. */
static void
groups_table(struct ctx *x, const struct tab *t, const char *v, size_t from, size_t to)
{
	const toll_keys *by = x->s->o.by;
	static const char *const figs[] = { "category", "figure", "low", "best", "high", "events" };
	enum { NF = sizeof figs / sizeof figs[0] };
	const char *cols[8 + NF];
	double w[8 + NF];
	int right[8 + NF];
	size_t n = 0, i, nk = to - from < 8 ? to - from : 8;

	for (i = 0; i < nk; i++) {
		cols[n] = by->k[from + i].spec;
		w[n] = 0.3 / (double)nk;
		right[n++] = 0;
	}
	for (i = 0; i < NF; i++) {
		cols[n] = figs[i];
		w[n] = i == 0 ? 0.14 : i == 1 ? 0.16 : 0.1;
		right[n++] = i > 0;
	}
	table(x, t, v, cols, cols, w, right, n);
}

/* The title page of a story by groups: the whole data's totals, and what the pages show. */
static void
title_page_groups(struct ctx *x)
{
	toll_story *s = x->s;
	const toll_keys *by = s->o.by;
	char buf[2048], line[1024], k1[96], keys[256], a[16] = "", b[16] = "";
	char nb[32], nclaims[64], nevents[64];
	size_t n1 = 0, r;

	title_head(x, "What was claimed, and what it adds up to, group by group.");
	if (x->rc != TOLL_OK)
		return;
	key_words(&by->k[0], k1, sizeof k1);
	keys_text(by, keys, sizeof keys);
	for (r = 1; r <= x->first.nrow; r++)
		n1 += r == 1 || strcmp(cell(&x->first, r, x->evcol), cell(&x->first, r - 1, x->evcol)) != 0;
	toll_doc_text(&x->doc, "In all", DOC_H3, 1, 0, 4);
	totals_line(&x->all, "", NULL, line, sizeof line);
	if (s->rows > 0) {
		date_text(s->first, a, sizeof a);
		date_text(s->last, b, sizeof b);
	}
	snprintf(nb, sizeof nb, "%ld", s->rows);
	if (s->rows == 0)
		snprintf(buf, sizeof buf, "No claim%s.", toll_as_of_limits(&s->o.as_of) ? " reported by the as-of date" :
		         " in the data");
	else
		snprintf(buf, sizeof buf, "%s. From %s claim%s, reported %s to %s.", *line ? line : "No claim",
		         grouped("claims", nb, nclaims, sizeof nclaims), s->rows == 1 ? "" : "s", a, b);
	toll_doc_text(&x->doc, buf, DOC_BODY, 0, 0, 10);
	snprintf(nb, sizeof nb, "%zu", toll_strmap_count(s->events));
	snprintf(buf, sizeof buf, "The data holds %s event%s%s: this report tells %s by %s (as toll-agg -g "
	         "%s,category gives them). A page shows the %zu value%s of %s, each with its events' claims "
	         "combined%s.", grouped("events", nb, nevents, sizeof nevents),
	         toll_strmap_count(s->events) == 1 ? "" : "s",
	         toll_strmap_count(s->events) > MAX_EVENTS ? ", too many to tell one by one" : "",
	         toll_strmap_count(s->events) == 1 ? "it" : "them", keys, keys, n1,
	         n1 == 1 ? "" : "s", k1, by->n > 1 ? "; then a section for each shows its groups by the "
	         "other keys" : "");
	toll_doc_text(&x->doc, buf, DOC_BODY, 0, 1, 6);
	data_table(x);
	toll_doc_text(&x->doc, "How to read it", DOC_H3, 1, 0, 4);
	toll_doc_text(&x->doc, "Each group's totals are its events' claims combined by the policy named above: "
	         "the sources of one claim are combined, the claims of one event that hold one another are "
	         "reconciled, never added, and the events of a group are added, so that each death is "
	         "counted once. " NOTATION_WORDS "An event's figures are its own side's and independent "
	         "sources' claims; what one party says of another's losses is set aside and listed on the "
	         "last page, Checks, with what the data contradicts and the bests toll supplied. The charts "
	         "draw each group's best as a dot (its line the range), or as a bar along time.",
	         DOC_BODY, 0, 1, 14);
}

/* The page of the first key's groups: a chart of the largest, and the table of all. */
static void
first_key_page(struct ctx *x)
{
	const toll_keys *by = x->s->o.by;
	const char *cat = main_category(x->s);
	char buf[512], k1[96];
	size_t n;

	key_words(&by->k[0], k1, sizeof k1);
	groups_chart_height(x, &x->first, NULL, &by->k[0], cat, 34, &n);
	toll_doc_page(&x->doc);
	snprintf(buf, sizeof buf, "By %s", k1);
	toll_doc_text(&x->doc, buf, DOC_H2, 1, 0, 4);
	if (key_binned(x, &by->k[0]))
		snprintf(buf, sizeof buf, "The chart: the %s of each %s, its best, along time. The table: every "
		         "category.", cat, k1);
	else
		snprintf(buf, sizeof buf, "The chart: the %s of each %s, its best a dot and its range a line, the "
		         "largest first%s. The table: every category.", cat, k1,
		         n > 34 ? " (the 34 largest, the rest summed as one)" : "");
	toll_doc_text(&x->doc, buf, DOC_SMALL, 0, 1, 6);
	groups_chart(x, &x->first, NULL, &by->k[0], cat, 34);
	groups_table(x, &x->first, NULL, 0, 1);
}

/* With two keys or more, a section for each value of the first: its totals, its groups by the rest. */
static void
group_sections(struct ctx *x)
{
	const toll_keys *by = x->s->o.by;
	const char *cat = main_category(x->s);
	char buf[1024], line[800], k1[96], rest[256];
	size_t r, i, len = 0;

	if (by->n < 2)
		return;
	key_words(&by->k[0], k1, sizeof k1);
	for (i = 1; i < by->n && len < sizeof rest; i++) {
		char w[96];

		key_words(&by->k[i], w, sizeof w);
		len += (size_t)snprintf(rest + len, sizeof rest - len, "%s%s", i > 1 ? ", " : "", w);
	}
	toll_doc_page(&x->doc);
	snprintf(buf, sizeof buf, "By %s, then %s", k1, rest);
	toll_doc_text(&x->doc, buf, DOC_H2, 1, 0, 4);
	for (r = 1; r <= x->first.nrow && x->rc == TOLL_OK; r++) {
		const char *v = cell(&x->first, r, x->evcol);

		if (r > 1 && strcmp(v, cell(&x->first, r - 1, x->evcol)) == 0)
			continue;
		/* The heading stays with its chart, or with its table's first rows. */
		{
			size_t n, rows = 0, q;
			double h = by->n == 2 ? groups_chart_height(x, &x->totals, v, &by->k[1], cat, 20, &n) : 0;

			for (q = 1; q <= x->totals.nrow; q++)
				rows += strcmp(cell(&x->totals, q, x->evcol), v) == 0;
			toll_doc_need(&x->doc, 40 + (h > 0 ? h + 12 : 16.0 * (double)(rows < 6 ? rows + 1 : 6)));
		}
		toll_doc_text(&x->doc, v, DOC_H3, 1, 0, 2);
		totals_line(&x->first, x->evcol, v, line, sizeof line);
		snprintf(buf, sizeof buf, "%s.", line);
		toll_doc_text(&x->doc, buf, DOC_SMALL, 0, 1, 4);
		if (by->n == 2)
			groups_chart(x, &x->totals, v, &by->k[1], cat, 20);
		groups_table(x, &x->totals, v, 1, by->n);
		x->doc.y += 6;
	}
}

/* The series' label of row r of the history: "Armenia (military), MoD". */
static char *
series_label(const struct tab *h, size_t r)
{
	const char *st = cell(h, r, "status"), *sd = cell(h, r, "side"), *src = cell(h, r, "source");
	size_t n = strlen(sd) + strlen(st) + strlen(src) + 8;
	char *label = malloc(n);

	if (label == NULL)
		return NULL;
	if (strcmp(st, "all") != 0 && *st != '\0')
		snprintf(label, n, "%s (%s), %s", sd, st, src);
	else
		snprintf(label, n, "%s, %s", sd, src);
	return label;
}

/* Column col of t, "set_aside": "yes" where toll-agg set the claim aside (an adversary's). */
static int
set_aside_column(struct ctx *x, struct tab *t, size_t col)
{
	size_t r, id, len;

	if (tab_put(t, 0, col, "set_aside", 9) != 0)
		return oom(x->d);
	for (r = 1; r <= t->nrow; r++) {
		char *k = claim_text(cell(t, r, "event"), cell(t, r, "side"), cell(t, r, "status"),
		                     cell(t, r, "category"), cell(t, r, "source"), &len);
		int aside;

		if (k == NULL)
			return oom(x->d);
		aside = x->s->claim_keys && x->s->claim_aside &&
		        toll_strmap_find(x->s->claim_keys, k, len, &id) == 0 && x->s->claim_aside[id];
		free(k);
		if (tab_put(t, r, col, aside ? "yes" : "", aside ? 3 : 0) != 0)
			return oom(x->d);
	}
	return TOLL_OK;
}

/*
 * The history with a series column, for the step charts: only series
 * revised at least once; and set_aside (set_aside_column()).
 */
static int
series_history(struct ctx *x)
{
	const struct tab *h = &x->history;
	struct tab *t = &x->hist_series;
	size_t r, c, k, n = 0;

	for (r = 1; r <= h->nrow; r++)
		n += !(strcmp(cell(h, r, "revision"), "1") == 0 && last_of_series(h, r));
	if (tab_new(t, h->ncol + 2, n) != 0)
		return oom(x->d);
	for (r = 0, k = 0; r <= h->nrow; r++) {
		char *label;

		/* The others are single claims, in the interval chart. */
		if (r > 0 && strcmp(cell(h, r, "revision"), "1") == 0 && last_of_series(h, r))
			continue;
		for (c = 0; c < h->ncol; c++)
			if (tab_put(t, k, c, h->cell[r * h->ncol + c], strlen(h->cell[r * h->ncol + c])) != 0)
				return oom(x->d);
		if ((label = r == 0 ? strdup("series") : series_label(h, r)) == NULL)
			return oom(x->d);
		t->cell[k * t->ncol + h->ncol] = label;
		k++;
	}
	/* A series toll-agg set aside (the other side's claim) is drawn apart, as in the interval charts. */
	return set_aside_column(x, t, h->ncol + 1);
}

/*
 * Each series' latest claim (the last revision of each series of the
 * history), for the interval charts: the claims the totals combine,
 * coloured by side.
 */

/*
 * Column col of t, "claim": each claim's label in the interval chart, its
 * date and source, and where another claim of its event and category has
 * both, what tells them apart (side, status): "2023-04-17, Armenian
 * government (military)" beside "... (civilian)".
 */
static int
claim_labels(struct ctx *x, struct tab *t, size_t col)
{
	static const char *const apart[] = { "side", "status" };
	size_t r, q, a;
	char buf[600];

	if (tab_put(t, 0, col, "claim", 5) != 0)
		return oom(x->d);
	for (r = 1; r <= t->nrow; r++) {
		char when[64];
		size_t len;

		instant_words(cell(t, r, "reported"), when, sizeof when);
		len = (size_t)snprintf(buf, sizeof buf, "%s, %s", when, cell(t, r, "source"));
		int differs[2] = { 0, 0 }, twin = 0;

		for (q = 1; q <= t->nrow; q++) {
			if (q == r || strcmp(cell(t, q, "event"), cell(t, r, "event")) != 0 ||
			    strcmp(cell(t, q, "category"), cell(t, r, "category")) != 0 ||
			    strcmp(cell(t, q, "reported"), cell(t, r, "reported")) != 0 ||
			    strcmp(cell(t, q, "source"), cell(t, r, "source")) != 0)
				continue;
			twin = 1;
			for (a = 0; a < 2; a++)
				differs[a] |= strcmp(cell(t, q, apart[a]), cell(t, r, apart[a])) != 0;
		}
		if (twin && len < sizeof buf) {
			int any = 0;

			len += (size_t)snprintf(buf + len, sizeof buf - len, " (");
			for (a = 0; a < 2 && len < sizeof buf; a++)
				if (differs[a])
					len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", any++ ? ", " : "",
					                        cell(t, r, apart[a]));
			if (len < sizeof buf)
				len += (size_t)snprintf(buf + len, sizeof buf - len, ")");
		}
		if (len >= sizeof buf)
			len = sizeof buf - 1;
		if (tab_put(t, r, col, buf, len) != 0)
			return oom(x->d);
	}
	return TOLL_OK;
}

static int
latest_claims(struct ctx *x)
{
	static const int cols[] = { TOLL_CLAIM_COLUMNS };
	enum { NC = sizeof cols / sizeof cols[0] };
	const struct tab *h = &x->history;
	struct tab *t = &x->latest;
	size_t r, c, k, n = 0;

	for (r = 1; r <= h->nrow; r++)
		n += last_of_series(h, r);
	if (tab_new(t, NC + 3, n) != 0)
		return oom(x->d);
	for (r = 0, k = 0; r <= h->nrow; r++) {
		if (r > 0 && !last_of_series(h, r))
			continue;
		for (c = 0; c < NC; c++) {
			const char *v = r == 0 ? toll_column_names[cols[c]] : cell(h, r, toll_column_names[cols[c]]);

			if (tab_put(t, k, c, v, strlen(v)) != 0)
				return oom(x->d);
		}
		if (tab_put(t, k, NC, r == 0 ? "series" : cell(h, r, "side"),
		            strlen(r == 0 ? "series" : cell(h, r, "side"))) != 0)
			return oom(x->d);
		k++;
	}
	if (claim_labels(x, t, NC + 1) != TOLL_OK)
		return TOLL_ENOMEM;
	return set_aside_column(x, t, NC + 2);
}

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure, (void)data, (void)len;
	return CAIRO_STATUS_SUCCESS;
}

/* One pass over the whole document, onto a PDF surface writing to fn. */
static int
pass(struct ctx *x, cairo_write_func_t fn, void *closure)
{
	toll_story *s = x->s;
	double W = s->o.letter ? 612 : 595.28, H = s->o.letter ? 792 : 841.89;
	cairo_surface_t *sf = cairo_pdf_surface_create_for_stream(fn, closure, W, H);
	char date[32] = "", *footer, *name, *title;
	cairo_status_t st;
	size_t i;

	if (s->o.has_pdf_date)
		toll_ch_iso_date(s->o.pdf_date, date, sizeof date);
	/* No date unless one is given: an empty one keeps cairo from using the clock. */
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_MOD_DATE, date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "toll-report");
	/* Names from the command line may be any bytes: cairo takes UTF-8 only. */
	name = toll_ch_shown_dup(s->o.data_name, strlen(s->o.data_name), 300);
	title = s->o.title ? toll_ch_shown_dup(s->o.title, strlen(s->o.title), 300) : name ? strdup(name) : NULL;
	footer = name ? malloc(strlen(name) + 128) : NULL;
	if (title == NULL || footer == NULL) {
		free(name);
		free(title);
		free(footer);
		cairo_surface_destroy(sf);
		return oom(x->d);
	}
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, title);
	x->doc.cr = cairo_create(sf);
	x->doc.sf = sf;
	x->doc.W = W;
	x->doc.H = H;
	x->doc.margin = 50;
	snprintf(footer, strlen(name) + 128, "%s\nSHA-256 %s", name,
	         s->o.sha256 ? s->o.sha256 : "not computed (the data was read once, from a pipe)");
	x->doc.footer = footer;
	pango_cairo_update_context(x->doc.cr, x->doc.pc);
	toll_doc_start(&x->doc);
	if (s->o.by != NULL) {
		title_page_groups(x);
		if (x->rc == TOLL_OK)
			first_key_page(x);
		if (x->rc == TOLL_OK)
			group_sections(x);
	} else {
		title_page(x);
		for (i = 0; i < toll_strmap_count(s->events) && x->rc == TOLL_OK; i++)
			event_pages(x, i);
	}
	if (x->rc == TOLL_OK)
		checks_page(x);
	toll_doc_finish(&x->doc);
	st = cairo_status(x->doc.cr);
	cairo_destroy(x->doc.cr);
	x->doc.cr = NULL;
	cairo_surface_finish(sf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	free(name);
	free(title);
	free(footer);
	x->doc.footer = NULL;
	if (x->rc != TOLL_OK)
		return x->rc;
	if (st == CAIRO_STATUS_NO_MEMORY)
		return oom(x->d);
	if (st != CAIRO_STATUS_SUCCESS && st != CAIRO_STATUS_WRITE_ERROR)
		return toll_diag_set(x->d, TOLL_EIO, NULL, 0, 0, "cairo: %s", cairo_status_to_string(st));
	return st == CAIRO_STATUS_WRITE_ERROR ? TOLL_EIO : TOLL_OK;
}

/* Every text of the story, to choose fonts that draw them all. */
static char *
all_texts(const struct ctx *x)
{
	const toll_story *s = x->s;
	GString *g = g_string_new(s->o.title ? s->o.title : "");
	const toll_strmap *maps[2] = { s->sources, s->events };
	const struct tab *tabs[2] = { &x->first, &x->totals };
	size_t i, k;

	/* A story by groups draws its groups' names. */
	for (k = 0; s->o.by != NULL && k < 2; k++)
		for (i = 0; tabs[k]->cell != NULL && i < (tabs[k]->nrow + 1) * tabs[k]->ncol; i++) {
			g_string_append_c(g, '\n');
			g_string_append(g, tabs[k]->cell[i]);
		}

	g_string_append(g, s->o.data_name);
	/* A story by groups names no event or source. */
	for (k = 0; s->o.by == NULL && k < 2; k++)
		for (i = 0; i < toll_strmap_count(maps[k]); i++) {
			toll_str t = toll_strmap_key(maps[k], i);
			g_string_append_c(g, '\n');
			g_string_append_len(g, t.s, (gssize)t.len);
		}
	return g_string_free(g, FALSE);
}

/* Which claims toll-agg set aside (sides, finished), for the charts to draw them apart. */
static int
claims_aside(toll_story *s, const toll_agg *sides, toll_diag *d)
{
	size_t n = s->claim_keys ? toll_strmap_count(s->claim_keys) : 0, i;

	free(s->claim_aside);
	if ((s->claim_aside = calloc(n ? n : 1, 1)) == NULL)
		return oom(d);
	for (i = 0; i < n; i++)
		s->claim_aside[i] = (uint8_t)toll_agg_series_set_aside(sides, s->claim_series[i]);
	return TOLL_OK;
}

/* Draws the document of x (its tables made) to write: the first pass counts the pages. */
static int
write_doc(struct ctx *x, toll_chart_write_fn write, void *closure)
{
	struct toll_ch_sink sk = { write, closure, 0, 0, NULL, 0, 0 };
	char *texts;
	int rc;

	if ((texts = all_texts(x)) == NULL)
		return oom(x->d);
	x->doc.pc = toll_ch_document_context(texts);
	g_free(texts);
	if ((x->colours = side_colours(x)) == NULL)
		return oom(x->d);
	if ((rc = pass(x, discard, NULL)) != TOLL_OK)
		return rc;
	x->doc.pages = x->doc.page;
	toll_strmap_free(x->colours);
	if ((x->colours = side_colours(x)) == NULL)
		return oom(x->d);
	rc = pass(x, toll_ch_sink_write, &sk);
	if (rc == TOLL_EIO && sk.failed)
		rc = toll_diag_set(x->d, TOLL_EIO, NULL, 0, 0, "write error");
	return rc;
}

static void
ctx_free(struct ctx *x)
{
	if (x->doc.pc)
		g_object_unref(x->doc.pc);
	toll_strmap_free(x->colours);
	tab_free(&x->totals);
	tab_free(&x->sides);
	tab_free(&x->all);
	tab_free(&x->first);
	tab_free(&x->history);
	tab_free(&x->summary);
	tab_free(&x->hist_series);
	tab_free(&x->latest);
	tab_free(&x->periods);
}

int
toll_story_write(toll_story *s, const toll_reports *rd, toll_agg *totals, toll_agg *sides,
                 toll_agg *periods, toll_revs *revs, toll_chart_write_fn write, void *closure,
                 toll_diag *d)
{
	struct ctx x;
	toll_agg_result *tr = NULL, *sr = NULL;
	toll_rev_list *rl = NULL;
	int rc;

	memset(&x, 0, sizeof x);
	x.s = s;
	x.d = d;
	x.evcol = "event";
	if (toll_strmap_count(s->events) > MAX_EVENTS)
		return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "%zu events: more than %d for one report; "
		                     "choose one with --event, or report them by groups with --by (--by %s)",
		                     toll_strmap_count(s->events), MAX_EVENTS, s->by_example);
	if ((rc = toll_agg_finish(totals, rd, &tr, d)) != TOLL_OK ||
	    (rc = toll_agg_finish(sides, rd, &sr, d)) != TOLL_OK || (rc = claims_aside(s, sides, d)) != TOLL_OK ||
	    (rc = toll_revs_list(revs, toll_reports_index(rd), &rl, d)) != TOLL_OK ||
	    (rc = agg_tab(tr, &x.totals, d)) != TOLL_OK || (rc = agg_tab(sr, &x.sides, d)) != TOLL_OK ||
	    (rc = rev_tab(rl, TOLL_REV_HISTORY, &x.history, d)) != TOLL_OK ||
	    (rc = rev_tab(rl, TOLL_REV_SUMMARY, &x.summary, d)) != TOLL_OK ||
	    (rc = series_history(&x)) != TOLL_OK || (rc = latest_claims(&x)) != TOLL_OK ||
	    (rc = period_tab(periods, rd, x.unit = unit_of(s), &x.periods, d)) != TOLL_OK)
		goto done;
	rc = write_doc(&x, write, closure);
done:
	ctx_free(&x);
	toll_agg_result_free(tr);
	toll_agg_result_free(sr);
	toll_rev_list_free(rl);
	return rc;
}

/* toll-agg's table of a, finished, into t. */
static int
finished_tab(toll_agg *a, const toll_reports *rd, struct tab *t, toll_diag *d)
{
	toll_agg_result *res = NULL;
	int rc = toll_agg_finish(a, rd, &res, d);

	if (rc == TOLL_OK)
		rc = agg_tab(res, t, d);
	toll_agg_result_free(res);
	return rc;
}

/*
 * A group with no value of a key is named "(none)" in the tables and
 * charts (the chart reader leaves out a row with an empty category: its
 * deaths would not be drawn).
 */
static int
none_named(struct ctx *x, struct tab *t)
{
	const toll_keys *by = x->s->o.by;
	size_t r, c, k;

	for (c = 0; c < t->ncol; c++)
		for (k = 0; k < by->n; k++)
			if (strcmp(t->cell[c], by->k[k].spec) == 0)
				for (r = 1; r <= t->nrow; r++)
					if (*t->cell[r * t->ncol + c] == '\0') {
						free(t->cell[r * t->ncol + c]);
						if (tab_put(t, r, c, "(none)", 6) != 0)
							return oom(x->d);
					}
	return TOLL_OK;
}

int
toll_story_write_groups(toll_story *s, const toll_reports *rd, toll_agg *all, toll_agg *first,
                        toll_agg *groups, toll_agg *sides, toll_chart_write_fn write, void *closure,
                        toll_diag *d)
{
	struct ctx x;
	size_t r, n1 = 0;
	int rc;

	memset(&x, 0, sizeof x);
	x.s = s;
	x.d = d;
	if (s->o.by == NULL || s->o.by->n == 0)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "a report by groups needs a key");
	x.evcol = s->o.by->k[0].spec;
	if ((rc = finished_tab(all, rd, &x.all, d)) != TOLL_OK ||
	    (rc = finished_tab(first, rd, &x.first, d)) != TOLL_OK ||
	    (rc = finished_tab(groups, rd, &x.totals, d)) != TOLL_OK ||
	    (rc = finished_tab(sides, rd, &x.sides, d)) != TOLL_OK)
		goto done;
	if ((rc = none_named(&x, &x.first)) != TOLL_OK || (rc = none_named(&x, &x.totals)) != TOLL_OK ||
	    (rc = none_named(&x, &x.sides)) != TOLL_OK)
		goto done;
	for (r = 1; r <= x.first.nrow; r++)
		n1 += r == 1 || strcmp(cell(&x.first, r, x.evcol), cell(&x.first, r - 1, x.evcol)) != 0;
	if (s->o.by->n > 1 && n1 > MAX_EVENTS) {
		rc = toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "%zu values of %s: more than %d sections for one "
		                   "report; put a key of fewer values first", n1, x.evcol, MAX_EVENTS);
		goto done;
	}
	rc = write_doc(&x, write, closure);
done:
	ctx_free(&x);
	return rc;
}

int
toll_sha256_files(char *const *paths, size_t n, char hex[65], toll_diag *d)
{
	GChecksum *g = g_checksum_new(G_CHECKSUM_SHA256);
	unsigned char buf[65536];
	size_t i;

	for (i = 0; i < n; i++) {
		FILE *f = fopen(paths[i], "rb");
		size_t k;
		int e;

		if (f == NULL) {
			e = errno;
			g_checksum_free(g);
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot open '%s': %s", paths[i], strerror(e));
		}
		while ((k = fread(buf, 1, sizeof buf, f)) > 0)
			g_checksum_update(g, buf, (gssize)k);
		if (ferror(f)) {
			fclose(f);
			g_checksum_free(g);
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot read '%s'", paths[i]);
		}
		fclose(f);
	}
	snprintf(hex, 65, "%s", g_checksum_get_string(g));
	g_checksum_free(g);
	return TOLL_OK;
}
