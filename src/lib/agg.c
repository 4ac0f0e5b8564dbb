/* agg.c: revision-aware aggregation; see agg.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "toll/agg.h"
#include "toll/strmap.h"

/* Figures in halves: a median of two may end in .5.  128 bits: sums cannot wrap. */
__extension__ typedef __int128 i128;

#define I128_LIMIT ((i128)INT64_MAX * 2 + 1)   /* the largest sum in halves: 2^63 - 0.5 */

/* Where a key's value comes from. */
enum key_kind {
	K_EVENT, K_SIDE, K_STATUS, K_CATEGORY,   /* the claim group */
	K_SOURCE,                                /* the group's latest series */
	K_REPORTED_BIN,                          /* its reported instant, binned */
	K_STORED                                 /* any other column: kept per series */
};

/* The latest revision of a series as of the as-of instant: 40 bytes. */
struct aseries {
	int64_t reported;        /* INT64_MIN: none as of then */
	int64_t low, best, high; /* high -1: unbounded */
	uint32_t event;          /* its event's number */
	uint32_t claim;          /* side number << 5 | status << 3 | category: the claim within the event */
};

/* A combined claim: its figure in halves, and what it stands for. */
struct claim {
	i128 low, best, high;
	int open;
	size_t chosen;           /* series the policy chose */
	size_t rep;              /* the series key values come from */
};

/* One output row. */
struct group {
	i128 low, best, high;
	int open;
	size_t events, series;
	size_t last_event;       /* number + 1 of the last event counted */
};

struct toll_agg {
	const toll_policy *p;
	toll_keys *keys;
	int *kind;               /* per key: enum key_kind */
	size_t nstored;          /* keys of kind K_STORED */
	int64_t as_of;
	struct aseries *s;
	size_t ns, scap;
	size_t *stored;          /* per series, when keys need it: offset in buf of its values */
	size_t storedcap;
	char *buf;               /* stored key values: per series nstored of (uint32 length, bytes) */
	size_t buflen, bufcap;
	char *scratch;           /* the stored values of the row being added */
	size_t scratchlen, scratchcap;
	toll_strmap *sides;      /* side names to numbers */
	toll_str last_side;      /* the side of the previous lookup, and its number */
	size_t last_side_id;
};

int
toll_policy_parse(toll_policy *p, const char *s, char *err, size_t errsz)
{
	static const char *const names[] = {
		"range", "min", "max", "latest", "mean", "median", "prefer", "each"
	};
	size_t i;

	memset(p, 0, sizeof *p);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (i != TOLL_COMBINE_PREFER && strcmp(s, names[i]) == 0) {
			p->combine = (int)i;
			return 0;
		}
	if (strncmp(s, "prefer:", 7) == 0) {
		const char *q = s + 7;

		p->combine = TOLL_COMBINE_PREFER;
		for (;;) {
			const char *end = strchr(q, ',');
			size_t len = end ? (size_t)(end - q) : strlen(q);
			char **np;

			if (len == 0) {
				snprintf(err, errsz, "empty source name in policy '%s'", s);
				toll_policy_free(p);
				return -1;
			}
			np = realloc(p->prefer, (p->nprefer + 1) * sizeof *np);
			if (np == NULL || (np[p->nprefer] = strndup(q, len)) == NULL) {
				if (np != NULL)
					p->prefer = np;
				snprintf(err, errsz, "out of memory");
				toll_policy_free(p);
				return -1;
			}
			p->prefer = np;
			p->nprefer++;
			if (end == NULL)
				return 0;
			q = end + 1;
		}
	}
	snprintf(err, errsz,
	         "unknown policy '%s' (expected range, min, max, latest, mean, median, "
	         "prefer:SOURCE,... or each)", s);
	return -1;
}

void
toll_policy_free(toll_policy *p)
{
	size_t i;

	for (i = 0; i < p->nprefer; i++)
		free(p->prefer[i]);
	free(p->prefer);
	p->prefer = NULL;
	p->nprefer = 0;
}

toll_agg *
toll_agg_new(const toll_policy *p, toll_keys *keys, int64_t as_of)
{
	toll_agg *a = calloc(1, sizeof *a);

	if (a == NULL)
		return NULL;
	a->p = p;
	a->keys = keys;
	a->as_of = as_of;
	if ((a->kind = calloc(keys->n + 1, sizeof *a->kind)) == NULL ||
	    (a->sides = toll_strmap_new()) == NULL) {
		toll_agg_free(a);
		return NULL;
	}
	return a;
}

void
toll_agg_free(toll_agg *a)
{
	if (a == NULL)
		return;
	free(a->kind);
	free(a->s);
	free(a->stored);
	free(a->buf);
	free(a->scratch);
	toll_strmap_free(a->sides);
	free(a);
}

int
toll_agg_header(toll_agg *a, const toll_reports *rd, char *err, size_t errsz)
{
	static const int figure_cols[] = {
		TOLL_COL_LOW, TOLL_COL_BEST, TOLL_COL_HIGH, TOLL_COL_VALUE, TOLL_COL_QUALIFIER
	};
	const toll_schema *s = toll_reports_schema(rd);
	size_t n, i, j;
	const toll_field *cols = toll_table_columns(toll_reports_table(rd), &n);
	toll_field *ext;
	long status_col = s->col[TOLL_COL_STATUS];
	int rc;

	/* A table without 'status' still has one: "all", the default. */
	if ((ext = malloc((n + 1) * sizeof *ext)) == NULL) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	memcpy(ext, cols, n * sizeof *ext);
	if (status_col < 0) {
		ext[n].s = "status";
		ext[n].len = 6;
		status_col = (long)n;
	}
	rc = toll_keys_resolve(a->keys, ext, status_col == (long)n ? n + 1 : n, err, errsz);
	free(ext);
	if (rc != 0)
		return -1;
	a->nstored = 0;
	for (i = 0; i < a->keys->n; i++) {
		const toll_key *k = &a->keys->k[i];

		for (j = 0; j < sizeof figure_cols / sizeof figure_cols[0]; j++)
			if (k->col == s->col[figure_cols[j]]) {
				snprintf(err, errsz, "cannot group by '%s': it is a figure column",
				         k->name);
				return -1;
			}
		if (k->bin != TOLL_BIN_NONE)
			a->kind[i] = k->col == s->col[TOLL_COL_REPORTED] ? K_REPORTED_BIN : K_STORED;
		else if (k->col == s->col[TOLL_COL_EVENT])
			a->kind[i] = K_EVENT;
		else if (k->col == s->col[TOLL_COL_SIDE])
			a->kind[i] = K_SIDE;
		else if (k->col == status_col)
			a->kind[i] = K_STATUS;
		else if (k->col == s->col[TOLL_COL_CATEGORY])
			a->kind[i] = K_CATEGORY;
		else if (k->col == s->col[TOLL_COL_SOURCE])
			a->kind[i] = K_SOURCE;
		else
			a->kind[i] = K_STORED;
		a->nstored += a->kind[i] == K_STORED;
	}
	return 0;
}

/* Appends one stored value (a uint32 length and the bytes) to the scratch buffer. */
static int
scratch_put(toll_agg *a, const char *s, size_t len)
{
	uint32_t n = (uint32_t)len;

	if (toll_reserve((void **)&a->scratch, &a->scratchcap, a->scratchlen + 4 + len, 1) != 0)
		return -1;
	memcpy(a->scratch + a->scratchlen, &n, 4);
	memcpy(a->scratch + a->scratchlen + 4, s, len);
	a->scratchlen += 4 + len;
	return 0;
}

/* The stored key values of a row, into a->scratch. */
static int
stored_values(toll_agg *a, const toll_entry *e, toll_diag *d)
{
	size_t i;

	a->scratchlen = 0;
	for (i = 0; i < a->keys->n; i++) {
		char label[TOLL_BIN_LABEL];
		const char *v;
		size_t len;
		int rc;

		if (a->kind[i] != K_STORED)
			continue;
		rc = toll_key_value(&a->keys->k[i], &e->row.f[a->keys->k[i].col], e->row.file, label,
		                    &v, &len, d);
		if (rc != TOLL_OK)
			return rc;
		if (scratch_put(a, v, len) != 0)
			return TOLL_ENOMEM;
	}
	return TOLL_OK;
}

/* Numbers the event and the claim of a new series, from its first row. */
static int
claim_of(toll_agg *a, const toll_series_index *x, const toll_entry *e)
{
	const toll_field *sd = &e->rep.side;
	size_t side, event = toll_series_index_event(x, e->series);
	int added;

	/* Sides are few: the previous one is tried first. */
	if (a->last_side.s != NULL && a->last_side.len == sd->len &&
	    memcmp(a->last_side.s, sd->s, sd->len) == 0) {
		side = a->last_side_id;
	} else {
		if (toll_strmap_intern(a->sides, sd->s, sd->len, &side, &added) != TOLL_OK)
			return TOLL_ENOMEM;
		a->last_side = toll_strmap_key(a->sides, side);
		a->last_side_id = side;
	}
	if (side >= (size_t)1 << 26 || event > UINT32_MAX)
		return TOLL_ENOMEM;
	a->s[e->series].event = (uint32_t)event;
	a->s[e->series].claim =
		(uint32_t)(side << 5 | (size_t)e->rep.status << 3 | (size_t)e->rep.category);
	return TOLL_OK;
}

int
toll_agg_add(toll_agg *a, const toll_reports *rd, const toll_entry *e, toll_diag *d)
{
	struct aseries *s;
	int rc;

	/*
	 * Series are numbered in order of arrival: a new one is the next
	 * number.  It is counted before anything can fail, so that the
	 * numbers stay in step with the reader's.
	 */
	if (e->series > a->ns)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0,
		                     "internal error: a series was skipped (rows must all be added)");
	if (e->series == a->ns) {
		if (toll_reserve((void **)&a->s, &a->scap, a->ns + 1, sizeof *a->s) != 0 ||
		    (a->nstored > 0 && toll_reserve((void **)&a->stored, &a->storedcap, a->ns + 1,
		                                    sizeof *a->stored) != 0))
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		a->s[a->ns].reported = INT64_MIN;
		if (claim_of(a, toll_reports_index(rd), e) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		a->ns++;
	}
	/* Every row's binned columns are checked, whatever the as-of date. */
	if (a->nstored > 0 && (rc = stored_values(a, e, d)) != TOLL_OK)
		return rc;
	if (e->rep.reported.t > a->as_of)
		return TOLL_OK;
	s = &a->s[e->series];
	if (s->reported != INT64_MIN && e->rep.reported.t <= s->reported)
		return TOLL_OK;   /* older, or the same instant (a duplicate: the first counts) */
	s->reported = e->rep.reported.t;
	s->low = e->rep.fig.low;
	s->best = e->rep.fig.best;
	s->high = e->rep.fig.open ? -1 : e->rep.fig.high;
	if (a->nstored > 0) {
		if (toll_reserve((void **)&a->buf, &a->bufcap, a->buflen + a->scratchlen, 1) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		memcpy(a->buf + a->buflen, a->scratch, a->scratchlen);
		a->stored[e->series] = a->buflen;
		a->buflen += a->scratchlen;
	}
	return TOLL_OK;
}

/* ---- combining ---- */

struct ctx {
	toll_agg *a;
	const toll_series_index *x;
};

static toll_str
source_of(const struct ctx *c, size_t id)
{
	toll_series_key k;

	toll_series_index_key(c->x, id, &k);
	return k.source;
}

/* Whether series i was reported after j, or at the same time by a smaller source name. */
static int
more_recent(const struct ctx *c, size_t i, size_t j)
{
	const struct aseries *si = &c->a->s[i], *sj = &c->a->s[j];

	if (si->reported != sj->reported)
		return si->reported > sj->reported;
	return toll_str_cmp(source_of(c, i), source_of(c, j)) < 0;
}

static int
cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

/* Sorts v[0..n): most claims have a few sources, best sorted by insertion. */
static void
sort_i64(int64_t *v, size_t n)
{
	size_t i, j;

	if (n > 32) {
		qsort(v, n, sizeof *v, cmp_i64);
		return;
	}
	for (i = 1; i < n; i++) {
		int64_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* The median, in halves, of v[0..n) (sorted here); INT64_MAX stands for unbounded. */
static i128
median2(int64_t *v, size_t n, int *open)
{
	sort_i64(v, n);
	*open = v[n / 2] == INT64_MAX || (n % 2 == 0 && v[n / 2 - 1] == INT64_MAX);
	if (n % 2 == 1)
		return (i128)v[n / 2] * 2;
	return (i128)v[n / 2 - 1] + v[n / 2];
}

/* The mean, in halves, rounded to a whole number unless it is exactly a half. */
static i128
mean2(const int64_t *v, size_t n)
{
	i128 sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += v[i];
	if ((sum * 2) % (i128)n == 0)
		return sum * 2 / (i128)n;
	return (sum * 2 + (i128)n) / (2 * (i128)n) * 2;
}

static void
whole(struct claim *cl, const struct aseries *s)
{
	cl->low = (i128)s->low * 2;
	cl->best = (i128)s->best * 2;
	cl->open = s->high < 0;
	cl->high = cl->open ? 0 : (i128)s->high * 2;
	cl->chosen = 1;
}

/*
 * Combines the series m[0..n) of one claim group by the policy; v is
 * room for n numbers.
 */
static void
combine(const struct ctx *c, const size_t *m, size_t n, int64_t *v, struct claim *cl)
{
	const toll_policy *p = c->a->p;
	const struct aseries *s = c->a->s;
	size_t i, pick, rep = m[0];
	int open;

	for (i = 1; i < n; i++)
		if (more_recent(c, m[i], rep))
			rep = m[i];
	cl->rep = rep;
	switch (p->combine) {
	case TOLL_COMBINE_MIN:
	case TOLL_COMBINE_MAX:
		pick = m[0];
		for (i = 1; i < n; i++) {
			int64_t b = s[m[i]].best, pb = s[pick].best;

			if (p->combine == TOLL_COMBINE_MIN ? b < pb : b > pb)
				pick = m[i];
			else if (b == pb && more_recent(c, m[i], pick))
				pick = m[i];
		}
		whole(cl, &s[pick]);
		return;
	case TOLL_COMBINE_LATEST:
	case TOLL_COMBINE_EACH:
		whole(cl, &s[rep]);
		return;
	case TOLL_COMBINE_PREFER: {
		size_t k;

		for (k = 0; k < p->nprefer; k++) {
			toll_str want;

			want.s = p->prefer[k];
			want.len = strlen(p->prefer[k]);
			for (i = 0; i < n; i++)
				if (toll_str_cmp(source_of(c, m[i]), want) == 0) {
					whole(cl, &s[m[i]]);
					return;
				}
		}
		break;   /* none of them: range */
	}
	case TOLL_COMBINE_MEAN:
		for (i = 0; i < n; i++)
			v[i] = s[m[i]].low;
		cl->low = mean2(v, n);
		for (i = 0; i < n; i++)
			v[i] = s[m[i]].best;
		cl->best = mean2(v, n);
		cl->open = 0;
		for (i = 0; i < n; i++) {
			v[i] = s[m[i]].high;
			cl->open |= s[m[i]].high < 0;
		}
		cl->high = cl->open ? 0 : mean2(v, n);
		cl->chosen = n;
		return;
	case TOLL_COMBINE_MEDIAN:
		for (i = 0; i < n; i++)
			v[i] = s[m[i]].low;
		cl->low = median2(v, n, &open);
		for (i = 0; i < n; i++)
			v[i] = s[m[i]].best;
		cl->best = median2(v, n, &open);
		for (i = 0; i < n; i++)
			v[i] = s[m[i]].high < 0 ? INT64_MAX : s[m[i]].high;
		cl->high = median2(v, n, &cl->open);
		cl->chosen = n;
		return;
	default:
		break;
	}
	/* range */
	cl->low = (i128)s[m[0]].low * 2;
	cl->high = 0;
	cl->open = 0;
	for (i = 0; i < n; i++) {
		const struct aseries *si = &s[m[i]];

		if ((i128)si->low * 2 < cl->low)
			cl->low = (i128)si->low * 2;
		if ((i128)si->high * 2 > cl->high)
			cl->high = (i128)si->high * 2;
		cl->open |= si->high < 0;
		v[i] = si->best;
	}
	cl->best = median2(v, n, &open);
	cl->chosen = n;
}

/* ---- grouping and output ---- */

/*
 * Writes the key values of a claim to *buf, each followed by a NUL; *event
 * is its event's number.
 */
static int
claim_key(const struct ctx *c, size_t rep, char **buf, size_t *cap, size_t *len, size_t *event)
{
	const toll_agg *a = c->a;
	toll_series_key key, *k = &key;
	const char *stored = a->nstored ? a->buf + a->stored[rep] : NULL;
	size_t i;

	toll_series_index_key(c->x, rep, k);
	*event = k->event_id;
	*len = 0;
	for (i = 0; i < a->keys->n; i++) {
		char label[TOLL_BIN_LABEL];
		const char *s = NULL;
		size_t n = 0;
		uint32_t sl;

		switch (a->kind[i]) {
		case K_EVENT: s = k->event.s; n = k->event.len; break;
		case K_SIDE: s = k->side.s; n = k->side.len; break;
		case K_STATUS:
			s = toll_status_names[k->status];
			n = toll_status_lengths[k->status];
			break;
		case K_CATEGORY:
			s = toll_category_names[k->category];
			n = toll_category_lengths[k->category];
			break;
		case K_SOURCE: s = k->source.s; n = k->source.len; break;
		case K_REPORTED_BIN:
			n = toll_bin_label(a->keys->k[i].bin, a->s[rep].reported, label);
			s = label;
			break;
		default:
			memcpy(&sl, stored, 4);
			s = stored + 4;
			n = sl;
			stored += 4 + sl;
			break;
		}
		if (toll_reserve((void **)buf, cap, *len + n + 1, 1) != 0)
			return -1;
		memcpy(*buf + *len, s, n);
		(*buf)[*len + n] = '\0';
		*len += n + 1;
	}
	return 0;
}

/* Writes a figure in halves: an integer, or one ending in .5. */
static void
write_half(toll_out *o, i128 v)
{
	toll_out_int(o, (int64_t)(v / 2));
	if (v % 2 != 0)
		toll_out_write(o, ".5", 2);
}

static void
write_header(const toll_agg *a, toll_out *o)
{
	static const char tail[] = "low\tbest\thigh\tevents\tseries\n";

	toll_keys_write_header(a->keys, o);
	toll_out_write(o, tail, sizeof tail - 1);
}

/* Describes a group for a message: its key values, quoted. */
static void
describe(const toll_agg *a, toll_str key, char *out, size_t outsz)
{
	size_t i, used = 0;
	const char *p = key.s;

	if (a->keys->n == 0) {
		snprintf(out, outsz, "the total");
		return;
	}
	out[0] = '\0';
	for (i = 0; i < a->keys->n && used + 1 < outsz; i++) {
		char q[64];
		size_t n = strlen(p);
		int w;

		toll_diag_quote(q, sizeof q, p, n);
		w = snprintf(out + used, outsz - used, "%s%s '%s'", i ? ", " : "",
		             a->keys->k[i].spec, q);
		if (w < 0)
			break;
		used += (size_t)w < outsz - used ? (size_t)w : outsz - used - 1;
		p += n + 1;
	}
}

static int
check_sum(const toll_agg *a, const char *what, i128 v, toll_str key, toll_diag *d)
{
	char where[TOLL_DIAG_MSG / 2];

	if (v <= I128_LIMIT)
		return TOLL_OK;
	describe(a, key, where, sizeof where);
	return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0,
	                     "the sum of '%s' for %s is larger than 9223372036854775807", what,
	                     where);
}

static int
write_rows(toll_agg *a, toll_strmap *groups, const struct group *g, toll_out *o, toll_diag *d)
{
	size_t n = toll_strmap_count(groups), i, *order;

	if ((order = toll_strmap_sorted(groups)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	/* Every sum is checked before anything is written. */
	for (i = 0; i < n; i++) {
		const struct group *gi = &g[order[i]];
		toll_str key = toll_strmap_key(groups, order[i]);

		if (check_sum(a, "low", gi->low, key, d) != TOLL_OK ||
		    check_sum(a, "best", gi->best, key, d) != TOLL_OK ||
		    (!gi->open && check_sum(a, "high", gi->high, key, d) != TOLL_OK)) {
			free(order);
			return TOLL_EDATA;
		}
	}
	write_header(a, o);
	for (i = 0; i < n; i++) {
		const struct group *gi = &g[order[i]];
		toll_str key = toll_strmap_key(groups, order[i]);

		toll_keys_write_values(a->keys, key.s, o);
		write_half(o, gi->low);
		toll_out_tab(o);
		write_half(o, gi->best);
		toll_out_tab(o);
		if (!gi->open)
			write_half(o, gi->high);
		toll_out_tab(o);
		toll_out_int(o, (int64_t)gi->events);
		toll_out_tab(o);
		toll_out_int(o, (int64_t)gi->series);
		toll_out_eol(o);
	}
	free(order);
	return TOLL_OK;
}


/*
 * The series with a revision as of then, in runs of one claim group each:
 * by event (a counting sort), then by claim (a sort within each event).
 * Fills order[0..*n) and, for each run, its start in runs[0..*nruns] (one
 * more entry: the end).  With policy each, every series is a run.
 */
static int
claim_runs(const toll_agg *a, const toll_series_index *x, size_t *order, size_t *n,
           size_t *runs, size_t *nruns)
{
	size_t nev = toll_series_index_events(x), i, e, *start;
	uint64_t *key;

	*n = *nruns = 0;
	if ((start = calloc(nev + 1, sizeof *start)) == NULL)
		return -1;
	for (i = 0; i < a->ns; i++)
		if (a->s[i].reported != INT64_MIN)
			start[a->s[i].event + 1]++;
	for (e = 0; e < nev; e++)
		start[e + 1] += start[e];
	*n = start[nev];
	if ((key = malloc((*n ? *n : 1) * sizeof *key)) == NULL) {
		free(start);
		return -1;
	}
	/* Series numbers stay below 2^32: the claim above them makes the sort key. */
	for (i = 0; i < a->ns; i++)
		if (a->s[i].reported != INT64_MIN)
			key[start[a->s[i].event]++] = (uint64_t)a->s[i].claim << 32 | i;
	for (e = nev; e > 0; e--)
		start[e] = start[e - 1];
	start[0] = 0;
	for (e = 0; e < nev; e++) {
		size_t lo = start[e], hi = start[e + 1];

		/* Claims then series numbers: the int64 order of the key (below 2^63). */
		if (a->p->combine != TOLL_COMBINE_EACH && hi - lo > 1)
			sort_i64((int64_t *)(void *)(key + lo), hi - lo);
		for (i = lo; i < hi; i++) {
			if (i == lo || a->p->combine == TOLL_COMBINE_EACH ||
			    key[i] >> 32 != key[i - 1] >> 32)
				runs[(*nruns)++] = i;
			order[i] = (size_t)(key[i] & 0xffffffffu);
		}
	}
	runs[*nruns] = *n;
	free(key);
	free(start);
	return 0;
}

int
toll_agg_write(toll_agg *a, const toll_reports *rd, toll_out *o, toll_diag *d)
{
	struct ctx c;
	size_t *runs = NULL, *members = NULL, nmembers, nruns, i, event;
	int64_t *v = NULL;
	toll_strmap *groups = NULL;
	struct group *g = NULL;
	size_t gcap = 0;
	char *kbuf = NULL;
	size_t kcap = 0, klen, *memo = NULL, k;
	int rc = TOLL_ENOMEM, by_claim = 1;

	/*
	 * When the keys are only side, status and category, a claim's group
	 * follows from its numbers: it is looked up once per claim kind.
	 */
	for (k = 0; k < a->keys->n; k++)
		by_claim &= a->kind[k] == K_SIDE || a->kind[k] == K_STATUS || a->kind[k] == K_CATEGORY;
	c.a = a;
	c.x = toll_reports_index(rd);
	if (a->ns > UINT32_MAX)
		goto out;
	runs = malloc((a->ns + 1) * sizeof *runs);
	members = malloc((a->ns ? a->ns : 1) * sizeof *members);
	v = malloc((a->ns ? a->ns : 1) * sizeof *v);
	groups = toll_strmap_new();
	if (by_claim && (memo = calloc(toll_strmap_count(a->sides) * 32 + 1, sizeof *memo)) == NULL)
		goto out;
	if (runs == NULL || members == NULL || v == NULL || groups == NULL ||
	    claim_runs(a, c.x, members, &nmembers, runs, &nruns) != 0)
		goto out;
	for (i = 0; i < nruns; i++) {
		struct claim cl;
		size_t gid;
		int added;

		combine(&c, members + runs[i], runs[i + 1] - runs[i], v, &cl);
		event = a->s[cl.rep].event;
		if (memo != NULL && memo[a->s[cl.rep].claim] != 0) {
			gid = memo[a->s[cl.rep].claim] - 1;
			added = 0;
		} else {
			if (claim_key(&c, cl.rep, &kbuf, &kcap, &klen, &event) != 0 ||
			    toll_strmap_intern(groups, kbuf ? kbuf : "", klen, &gid, &added) != TOLL_OK)
				goto out;
			if (memo != NULL)
				memo[a->s[cl.rep].claim] = gid + 1;
		}
		if (added) {
			if (toll_reserve((void **)&g, &gcap, gid + 1, sizeof *g) != 0)
				goto out;
			memset(&g[gid], 0, sizeof g[gid]);
		}
		g[gid].low += cl.low;
		g[gid].best += cl.best;
		g[gid].high += cl.high;
		g[gid].open |= cl.open;
		g[gid].series += cl.chosen;
		/* Runs come event by event: a group meets each event in one stretch. */
		if (g[gid].last_event != event + 1) {
			g[gid].last_event = event + 1;
			g[gid].events++;
		}
	}
	rc = write_rows(a, groups, g, o, d);
out:
	if (rc == TOLL_ENOMEM)
		toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	free(runs);
	free(memo);
	free(members);
	free(v);
	free(g);
	free(kbuf);
	toll_strmap_free(groups);
	return rc;
}
