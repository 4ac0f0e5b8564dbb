/* rev.c: revision history, summaries and diffs; see rev.h. */
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

/* A revision's qualifier as toll-check writes it: ~, vague, or nothing. */
static void
write_qualifier(toll_out *o, const struct rev *v)
{
	toll_out_str(o, toll_qualifier_text(v->qualifier));
}

struct toll_revs {
	toll_as_of as_of;
	struct rev *v;
	size_t n, cap;
	char *buf;
	size_t buflen, bufcap;
};

/* A revision with the key of its series, for sorting. */
struct item {
	const struct rev *r;
	const toll_series_key *k;
	const toll_revs *from;
	size_t rank;             /* its series' place in the order of series */
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
item_cmp(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	int c = key_cmp(a->k, b->k);

	if (c != 0)
		return c;
	return (a->r->t > b->r->t) - (a->r->t < b->r->t);
}

/* Within one table, series are ranked once: revisions then sort by numbers. */
static int
rank_cmp(const void *x, const void *y)
{
	const struct item *a = x, *b = y;

	if (a->rank != b->rank)
		return (a->rank > b->rank) - (a->rank < b->rank);
	return (a->r->t > b->r->t) - (a->r->t < b->r->t);
}

static const toll_series_key *rank_keys;

static int
series_cmp(const void *x, const void *y)
{
	return key_cmp(&rank_keys[*(const size_t *)x], &rank_keys[*(const size_t *)y]);
}

/*
 * The revisions of r sorted by series and instant, with the keys of their
 * series (keys[] is filled here and must hold every series of x).
 */
static struct item *
sorted(const toll_revs *r, const toll_series_index *x, toll_series_key **keys)
{
	size_t i, ns = toll_series_index_count(x), *order, *rank;
	struct item *it = malloc((r->n ? r->n : 1) * sizeof *it);

	*keys = malloc((ns ? ns : 1) * sizeof **keys);
	order = malloc((ns ? ns : 1) * sizeof *order);
	rank = malloc((ns ? ns : 1) * sizeof *rank);
	if (it == NULL || *keys == NULL || order == NULL || rank == NULL) {
		free(it);
		free(*keys);
		free(order);
		free(rank);
		*keys = NULL;
		return NULL;
	}
	for (i = 0; i < ns; i++) {
		toll_series_index_key(x, i, &(*keys)[i]);
		order[i] = i;
	}
	rank_keys = *keys;
	qsort(order, ns, sizeof *order, series_cmp);
	for (i = 0; i < ns; i++)
		rank[order[i]] = i;
	for (i = 0; i < r->n; i++) {
		it[i].r = &r->v[i];
		it[i].k = &(*keys)[r->v[i].series];
		it[i].from = r;
		it[i].rank = rank[r->v[i].series];
	}
	qsort(it, r->n, sizeof *it, rank_cmp);
	free(order);
	free(rank);
	return it;
}

static void
write_key(toll_out *o, const toll_series_key *k)
{
	toll_out_field(o, k->event.s, k->event.len);
	toll_out_tab(o);
	toll_out_field(o, k->side.s, k->side.len);
	toll_out_tab(o);
	toll_out_str(o, toll_status_names[k->status]);
	toll_out_tab(o);
	toll_out_str(o, toll_category_names[k->category]);
	toll_out_tab(o);
	toll_out_field(o, k->source.s, k->source.len);
}

static void
write_reported(toll_out *o, const toll_revs *r, const struct rev *v)
{
	toll_out_field(o, r->buf + v->text, v->textlen);
}

static void
write_figure(toll_out *o, const struct rev *v)
{
	toll_out_int(o, v->low);
	toll_out_tab(o);
	toll_out_int(o, v->best);
	toll_out_tab(o);
	if (!v->open)
		toll_out_int(o, v->high);
}

/*
 * Days from a to b: whole days when neither has a time of day, else with
 * one decimal (rounded half up).
 */
static void
write_days(toll_out *o, const struct rev *a, const struct rev *b)
{
	int64_t s = b->t - a->t, tenths;

	if (!a->has_time && !b->has_time) {
		toll_out_int(o, s / 86400);
		return;
	}
	tenths = (s * 10 + 43200) / 86400;
	toll_out_int(o, tenths / 10);
	toll_out_write(o, ".", 1);
	toll_out_int(o, tenths % 10);
}

static const char series_header[] = "event\tside\tstatus\tcategory\tsource\t";

int
toll_revs_history(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d)
{
	static const char tail[] = "reported\tlow\tbest\thigh\trevision\tdelta\tdays\tqualifier\n";
	toll_series_key *keys;
	struct item *it = sorted(r, x, &keys);
	size_t i, first = 0;

	if (it == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	toll_out_write(o, series_header, sizeof series_header - 1);
	toll_out_write(o, tail, sizeof tail - 1);
	for (i = 0; i < r->n; i++) {
		const struct rev *v = it[i].r;

		if (i == 0 || it[i].k != it[i - 1].k)
			first = i;
		write_key(o, it[i].k);
		toll_out_tab(o);
		write_reported(o, r, v);
		toll_out_tab(o);
		write_figure(o, v);
		toll_out_tab(o);
		toll_out_int(o, (int64_t)(i - first + 1));
		toll_out_tab(o);
		if (i > first)
			toll_out_int(o, v->best - it[i - 1].r->best);
		toll_out_tab(o);
		write_days(o, it[first].r, v);
		toll_out_tab(o);
		write_qualifier(o, v);
		toll_out_eol(o);
	}
	free(it);
	free(keys);
	return TOLL_OK;
}

int
toll_revs_summary(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d)
{
	static const char tail[] = "revisions\tfirst_reported\tfirst_best\tlast_reported\t"
	                           "last_best\tchange\tratio\tdays\tfalls\tlast_qualifier\n";
	toll_series_key *keys;
	struct item *it = sorted(r, x, &keys);
	size_t i, first;

	if (it == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	toll_out_write(o, series_header, sizeof series_header - 1);
	toll_out_write(o, tail, sizeof tail - 1);
	for (first = 0; first < r->n; first = i) {
		const struct rev *a = it[first].r, *b;
		int64_t falls = 0;

		/* Falls: revisions whose best is below the one before (a series is cumulative). */
		for (i = first + 1; i < r->n && it[i].k == it[first].k; i++)
			falls += it[i].r->best < it[i - 1].r->best;
		b = it[i - 1].r;
		write_key(o, it[first].k);
		toll_out_tab(o);
		toll_out_int(o, (int64_t)(i - first));
		toll_out_tab(o);
		write_reported(o, r, a);
		toll_out_tab(o);
		toll_out_int(o, a->best);
		toll_out_tab(o);
		write_reported(o, r, b);
		toll_out_tab(o);
		toll_out_int(o, b->best);
		toll_out_tab(o);
		toll_out_int(o, b->best - a->best);
		toll_out_tab(o);
		if (a->best != 0)
			toll_out_double(o, (double)b->best / (double)a->best);
		toll_out_tab(o);
		write_days(o, a, b);
		toll_out_tab(o);
		toll_out_int(o, falls);
		toll_out_tab(o);
		write_qualifier(o, b);
		toll_out_eol(o);
	}
	free(it);
	free(keys);
	return TOLL_OK;
}

static int
same_figure(const struct rev *a, const struct rev *b)
{
	return a->low == b->low && a->best == b->best && a->open == b->open &&
	       (a->open || a->high == b->high);
}

static void
write_change(toll_out *o, const char *what, const struct item *old, const struct item *new_)
{
	const struct item *at = new_ ? new_ : old;

	toll_out_str(o, what);
	toll_out_tab(o);
	write_key(o, at->k);
	toll_out_tab(o);
	write_reported(o, at->from, at->r);
	toll_out_tab(o);
	if (old != NULL)
		write_figure(o, old->r);
	else
		toll_out_write(o, "\t\t", 2);
	toll_out_tab(o);
	if (new_ != NULL)
		write_figure(o, new_->r);
	else
		toll_out_write(o, "\t\t", 2);
	toll_out_eol(o);
}

int
toll_revs_diff(toll_revs *old, const toll_series_index *xold, toll_revs *new_,
               const toll_series_index *xnew, toll_out *o, size_t *changes, toll_diag *d)
{
	static const char header[] = "change\tevent\tside\tstatus\tcategory\tsource\treported\t"
	                             "old_low\told_best\told_high\tnew_low\tnew_best\tnew_high\n";
	toll_series_key *ko = NULL, *kn = NULL;
	struct item *a = sorted(old, xold, &ko), *b = a ? sorted(new_, xnew, &kn) : NULL;
	size_t i = 0, j = 0;

	*changes = 0;
	if (b == NULL) {
		free(a);
		free(ko);
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	toll_out_write(o, header, sizeof header - 1);
	while (i < old->n || j < new_->n) {
		int c;

		if (i == old->n)
			c = 1;
		else if (j == new_->n)
			c = -1;
		else
			c = item_cmp(&a[i], &b[j]);
		if (c < 0) {
			write_change(o, "removed", &a[i++], NULL);
			++*changes;
		} else if (c > 0) {
			write_change(o, "added", NULL, &b[j++]);
			++*changes;
		} else {
			if (!same_figure(a[i].r, b[j].r)) {
				write_change(o, "changed", &a[i], &b[j]);
				++*changes;
			}
			i++;
			j++;
		}
	}
	free(a);
	free(b);
	free(ko);
	free(kn);
	return TOLL_OK;
}
