/* rev.c: revision history, summaries and diffs; see rev.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "toll/rev.h"
#include "toll/strmap.h"

struct rev {
	size_t series;
	int64_t t;
	int64_t low, best, high;
	size_t text;             /* offset of the reported text, as written, in r->buf */
	uint32_t textlen;
	uint8_t open, has_time;
	char qualifier;          /* '~', 'v' or '\0' (figure.h) */
};

struct toll_revs {
	toll_as_of as_of;
	struct rev *v;
	size_t n, cap;
	char *buf;
	size_t buflen, bufcap;
};

toll_revs *
toll_revs_new(const toll_as_of *as_of)
{
	toll_revs *r = calloc(1, sizeof *r);

	if (r != NULL)
		r->as_of = *as_of;
	return r;
}

void
toll_revs_free(toll_revs *r)
{
	if (r == NULL)
		return;
	free(r->v);
	free(r->buf);
	free(r);
}

int
toll_revs_add(toll_revs *r, const toll_entry *e, toll_diag *d)
{
	struct rev *v;
	const toll_field *text = &e->rep.reported_text;

	if (!toll_as_of_includes(&r->as_of, &e->rep.reported))
		return TOLL_OK;
	if (toll_reserve((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v) != 0 ||
	    toll_reserve((void **)&r->buf, &r->bufcap, r->buflen + text->len, 1) != 0)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (text->len > 0)
		memcpy(r->buf + r->buflen, text->s, text->len);
	v = &r->v[r->n++];
	v->series = e->series;
	v->t = e->rep.reported.t;
	v->low = e->rep.fig.low;
	v->best = e->rep.fig.best;
	v->high = e->rep.fig.high;
	v->open = (uint8_t)e->rep.fig.open;
	v->has_time = (uint8_t)e->rep.reported.has_time;
	v->qualifier = e->rep.fig.qualifier;
	v->text = r->buflen;
	v->textlen = (uint32_t)text->len;
	r->buflen += text->len;
	return TOLL_OK;
}

/* Orders series by event, side, status, category, source, as text. */
static int
key_cmp(const toll_series_key *a, const toll_series_key *b)
{
	int c;

	if (a == b)
		return 0;
	if ((c = toll_str_cmp(a->event, b->event)) != 0 || (c = toll_str_cmp(a->side, b->side)) != 0)
		return c;
	if ((c = strcmp(toll_status_names[a->status], toll_status_names[b->status])) != 0)
		return c;
	if ((c = strcmp(toll_category_names[a->category], toll_category_names[b->category])) != 0)
		return c;
	return toll_str_cmp(a->source, b->source);
}

static int
rev_cmp(const void *x, const void *y)
{
	const toll_rev *a = x, *b = y;
	int c = key_cmp(a->key, b->key);

	if (c != 0)
		return c;
	return (a->t > b->t) - (a->t < b->t);
}

/*
 * Within one table, series are ranked once: revisions then sort by
 * numbers, small entries of their rank, instant and place (the revisions
 * themselves are placed once, in order).
 */
struct ranked {
	size_t rank;
	int64_t t;
	size_t i;
};

static int
rank_cmp(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;

	if (a->rank != b->rank)
		return (a->rank > b->rank) - (a->rank < b->rank);
	return (a->t > b->t) - (a->t < b->t);
}

static const toll_series_key *rank_keys;

static int
series_cmp(const void *x, const void *y)
{
	return key_cmp(&rank_keys[*(const size_t *)x], &rank_keys[*(const size_t *)y]);
}

void
toll_rev_list_free(toll_rev_list *l)
{
	if (l == NULL)
		return;
	free(l->rev);
	free(l->keys);
	free(l->first);
	free(l);
}

int
toll_revs_list(const toll_revs *r, const toll_series_index *x, toll_rev_list **out, toll_diag *d)
{
	size_t i, ns = toll_series_index_count(x), *order, *rank;
	toll_rev_list *l = calloc(1, sizeof *l);
	struct ranked *by = malloc((r->n ? r->n : 1) * sizeof *by);

	*out = NULL;
	order = malloc((ns ? ns : 1) * sizeof *order);
	rank = malloc((ns ? ns : 1) * sizeof *rank);
	if (l == NULL || order == NULL || rank == NULL || by == NULL ||
	    (l->rev = malloc((r->n ? r->n : 1) * sizeof *l->rev)) == NULL ||
	    (l->keys = malloc((ns ? ns : 1) * sizeof *l->keys)) == NULL ||
	    (l->first = malloc((r->n + 1) * sizeof *l->first)) == NULL) {
		toll_rev_list_free(l);
		free(order);
		free(rank);
		free(by);
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < ns; i++) {
		toll_series_index_key(x, i, &l->keys[i]);
		order[i] = i;
	}
	rank_keys = l->keys;
	qsort(order, ns, sizeof *order, series_cmp);
	for (i = 0; i < ns; i++)
		rank[order[i]] = i;
	for (i = 0; i < r->n; i++) {
		by[i].rank = rank[r->v[i].series];
		by[i].t = r->v[i].t;
		by[i].i = i;
	}
	qsort(by, r->n, sizeof *by, rank_cmp);
	for (i = 0; i < r->n; i++) {
		const struct rev *v = &r->v[by[i].i];
		toll_rev *t = &l->rev[i];

		t->key = &l->keys[v->series];
		t->reported.s = r->buf + v->text;
		t->reported.len = v->textlen;
		t->t = v->t;
		t->has_time = v->has_time;
		t->low = v->low;
		t->best = v->best;
		t->high = v->high;
		t->open = v->open;
		t->qualifier = v->qualifier;
	}
	for (i = 0; i < r->n; i++) {
		l->rev[i].revision = i > 0 && l->rev[i].key == l->rev[i - 1].key ?
		                     l->rev[i - 1].revision + 1 : 1;
		if (l->rev[i].revision == 1)
			l->first[l->nseries++] = i;
	}
	l->first[l->nseries] = r->n;
	l->n = r->n;
	free(order);
	free(rank);
	free(by);
	*out = l;
	return TOLL_OK;
}

static void
write_figure(toll_out *o, const toll_rev *v)
{
	toll_out_int(o, v->low);
	toll_out_tab(o);
	toll_out_int(o, v->best);
	toll_out_tab(o);
	if (!v->open)
		toll_out_int(o, v->high);
}

void
toll_rev_days_text(const toll_rev *a, const toll_rev *b, char *buf, size_t sz)
{
	int64_t s = b->t - a->t, tenths;

	char n[TOLL_INT_TEXT];

	if (!a->has_time && !b->has_time) {
		toll_int_text(s / 86400, n);
		snprintf(buf, sz, "%s", n);
		return;
	}
	tenths = (s * 10 + 43200) / 86400;
	toll_int_text(tenths / 10, n);
	snprintf(buf, sz, "%s.%d", n, (int)(tenths % 10));
}

/* The tables' columns: the series', then each table's own. */
enum { R_EVENT, R_SIDE, R_STATUS, R_CATEGORY, R_SOURCE, R_KEY };
static const char *const history_columns[] = {
	"event", "side", "status", "category", "source",
	"reported", "low", "best", "high", "revision", "delta", "days", "qualifier"
};
static const char *const summary_columns[] = {
	"event", "side", "status", "category", "source",
	"revisions", "first_reported", "first_best", "last_reported", "last_best", "change", "ratio",
	"days", "falls", "last_qualifier"
};

size_t
toll_rev_list_rows(const toll_rev_list *l, enum toll_rev_table t)
{
	return t == TOLL_REV_HISTORY ? l->n : l->nseries;
}

const char *const *
toll_rev_columns(enum toll_rev_table t, size_t *n)
{
	*n = t == TOLL_REV_HISTORY ? sizeof history_columns / sizeof history_columns[0] :
	     sizeof summary_columns / sizeof summary_columns[0];
	return t == TOLL_REV_HISTORY ? history_columns : summary_columns;
}

static toll_str
text(const char *s)
{
	toll_str t;

	t.s = s;
	t.len = strlen(s);
	return t;
}

static toll_str
number(int64_t v, char *buf)
{
	toll_str t;

	t.s = buf;
	t.len = toll_int_text(v, buf);
	return t;
}

static toll_str
key_text(const toll_series_key *k, size_t col)
{
	switch (col) {
	case R_EVENT: return k->event;
	case R_SIDE: return k->side;
	case R_STATUS: return text(toll_status_names[k->status]);
	case R_CATEGORY: return text(toll_category_names[k->category]);
	default: return k->source;
	}
}

/* A cell of the history: revision row of l. */
static toll_str
history_text(const toll_rev_list *l, size_t row, size_t col, char *buf)
{
	const toll_rev *v = &l->rev[row];

	buf[0] = '\0';
	switch (col) {
	case R_KEY: return v->reported;
	case R_KEY + 1: return number(v->low, buf);
	case R_KEY + 2: return number(v->best, buf);
	case R_KEY + 3: return v->open ? text(buf) : number(v->high, buf);
	case R_KEY + 4: return number((int64_t)v->revision, buf);
	case R_KEY + 5: return v->revision > 1 ? number(v->best - l->rev[row - 1].best, buf) : text(buf);
	case R_KEY + 6:
		toll_rev_days_text(v - (v->revision - 1), v, buf, TOLL_REV_TEXT);
		return text(buf);
	case R_KEY + 7: return text(toll_qualifier_text(v->qualifier));
	default: return key_text(v->key, col);
	}
}

/* A cell of the summary: series row of l. */
static toll_str
summary_text(const toll_rev_list *l, size_t row, size_t col, char *buf)
{
	const toll_rev *a = &l->rev[l->first[row]], *b = &l->rev[l->first[row + 1] - 1], *v;
	int64_t falls = 0;

	buf[0] = '\0';
	switch (col) {
	case R_KEY: return number((int64_t)(b - a + 1), buf);
	case R_KEY + 1: return a->reported;
	case R_KEY + 2: return number(a->best, buf);
	case R_KEY + 3: return b->reported;
	case R_KEY + 4: return number(b->best, buf);
	case R_KEY + 5: return number(b->best - a->best, buf);
	case R_KEY + 6:
		if (a->best != 0)
			toll_double_text((double)b->best / (double)a->best, buf, TOLL_REV_TEXT);
		return text(buf);
	case R_KEY + 7:
		toll_rev_days_text(a, b, buf, TOLL_REV_TEXT);
		return text(buf);
	case R_KEY + 8:
		/* Falls: revisions whose best is below the one before (a series is cumulative). */
		for (v = a + 1; v <= b; v++)
			falls += v->best < v[-1].best;
		return number(falls, buf);
	case R_KEY + 9: return text(toll_qualifier_text(b->qualifier));
	default: return key_text(a->key, col);
	}
}

toll_str
toll_rev_list_text(const toll_rev_list *l, enum toll_rev_table t, size_t row, size_t col,
                   char buf[TOLL_REV_TEXT])
{
	return t == TOLL_REV_HISTORY ? history_text(l, row, col, buf) : summary_text(l, row, col, buf);
}

void
toll_rev_list_write(const toll_rev_list *l, enum toll_rev_table t, toll_out *o)
{
	size_t nc, c, r, nr = toll_rev_list_rows(l, t);
	const char *const *cols = toll_rev_columns(t, &nc);
	char buf[TOLL_REV_TEXT];

	for (c = 0; c < nc; c++) {
		if (c > 0)
			toll_out_tab(o);
		toll_out_str(o, cols[c]);
	}
	toll_out_eol(o);
	for (r = 0; r < nr; r++) {
		for (c = 0; c < nc; c++) {
			toll_str s = toll_rev_list_text(l, t, r, c, buf);

			if (c > 0)
				toll_out_tab(o);
			toll_out_field(o, s.s, s.len);
		}
		toll_out_eol(o);
	}
}

/* toll_revs_list(), then the table t written */
static int
list_write(toll_revs *r, const toll_series_index *x, toll_out *o, enum toll_rev_table t, toll_diag *d)
{
	toll_rev_list *l;

	if (toll_revs_list(r, x, &l, d) != TOLL_OK)
		return TOLL_ENOMEM;
	toll_rev_list_write(l, t, o);
	toll_rev_list_free(l);
	return TOLL_OK;
}

int
toll_revs_history(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d)
{
	return list_write(r, x, o, TOLL_REV_HISTORY, d);
}

int
toll_revs_summary(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d)
{
	return list_write(r, x, o, TOLL_REV_SUMMARY, d);
}

static int
same_figure(const toll_rev *a, const toll_rev *b)
{
	return a->low == b->low && a->best == b->best && a->open == b->open &&
	       (a->open || a->high == b->high);
}

static void
write_change(toll_out *o, const char *what, const toll_rev *old, const toll_rev *new_)
{
	const toll_rev *at = new_ ? new_ : old;

	size_t c;

	toll_out_str(o, what);
	toll_out_tab(o);
	for (c = 0; c < R_KEY; c++) {
		toll_str k = key_text(at->key, c);

		toll_out_field(o, k.s, k.len);
		toll_out_tab(o);
	}
	toll_out_field(o, at->reported.s, at->reported.len);
	toll_out_tab(o);
	if (old != NULL)
		write_figure(o, old);
	else
		toll_out_write(o, "\t\t", 2);
	toll_out_tab(o);
	if (new_ != NULL)
		write_figure(o, new_);
	else
		toll_out_write(o, "\t\t", 2);
	toll_out_eol(o);
}

/*
 * The latest of each series: c < 0, only in the old (removed); c > 0, only
 * in the new (added); 0, in both (changed when its figure differs).
 */
static void
diff_latest(const toll_rev_list *a, const toll_rev_list *b, toll_out *o, size_t *changes)
{
	size_t i = 0, j = 0;

	while (i < a->nseries || j < b->nseries) {
		const toll_rev *x = i < a->nseries ? &a->rev[a->first[i + 1] - 1] : NULL;
		const toll_rev *y = j < b->nseries ? &b->rev[b->first[j + 1] - 1] : NULL;
		int c = x == NULL ? 1 : y == NULL ? -1 : key_cmp(x->key, y->key);

		if (c < 0) {
			write_change(o, "removed", x, NULL);
			++*changes;
			i++;
		} else if (c > 0) {
			write_change(o, "added", NULL, y);
			++*changes;
			j++;
		} else {
			if (!same_figure(x, y)) {
				write_change(o, "changed", x, y);
				++*changes;
			}
			i++;
			j++;
		}
	}
}

int
toll_revs_diff(toll_revs *old, const toll_series_index *xold, toll_revs *new_,
               const toll_series_index *xnew, int latest, toll_out *o, size_t *changes,
               toll_diag *d)
{
	static const char header[] = "change\tevent\tside\tstatus\tcategory\tsource\treported\t"
	                             "old_low\told_best\told_high\tnew_low\tnew_best\tnew_high\n";
	toll_rev_list *a = NULL, *b = NULL;
	size_t i = 0, j = 0;

	*changes = 0;
	if (toll_revs_list(old, xold, &a, d) != TOLL_OK || toll_revs_list(new_, xnew, &b, d) != TOLL_OK) {
		toll_rev_list_free(a);
		return TOLL_ENOMEM;
	}
	toll_out_write(o, header, sizeof header - 1);
	if (latest)
		diff_latest(a, b, o, changes);
	while (!latest && (i < a->n || j < b->n)) {
		int c;

		if (i == a->n)
			c = 1;
		else if (j == b->n)
			c = -1;
		else
			c = rev_cmp(&a->rev[i], &b->rev[j]);
		if (c < 0) {
			write_change(o, "removed", &a->rev[i++], NULL);
			++*changes;
		} else if (c > 0) {
			write_change(o, "added", NULL, &b->rev[j++]);
			++*changes;
		} else {
			if (!same_figure(&a->rev[i], &b->rev[j])) {
				write_change(o, "changed", &a->rev[i], &b->rev[j]);
				++*changes;
			}
			i++;
			j++;
		}
	}
	toll_rev_list_free(a);
	toll_rev_list_free(b);
	return TOLL_OK;
}
