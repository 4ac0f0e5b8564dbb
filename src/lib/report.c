/* report.c: the columns and the per-row rules of the reports table. */
#include <stdio.h>
#include <string.h>

#include "toll/report.h"

const char *const toll_category_names[TOLL_NCATEGORIES] = {
	"killed", "wounded", "missing", "captured", "killed_or_missing", "casualties"
};

const char *const toll_status_names[TOLL_NSTATUSES] = {
	"military", "civilian", "unknown", "all"
};

const unsigned char toll_category_lengths[TOLL_NCATEGORIES] = { 6, 7, 7, 8, 17, 10 };
const unsigned char toll_status_lengths[TOLL_NSTATUSES] = { 8, 8, 7, 3 };

const char *const toll_column_names[TOLL_NCOLUMNS] = {
	"event", "reported", "source", "side", "category", "status", "low", "best", "high",
	"qualifier", "value", "start", "end", "within", "claimant", "kind"
};

const char *const toll_kind_names[TOLL_NKINDS] = { "total", "increment", "previous", "part", "other" };
static const unsigned char kind_lengths[TOLL_NKINDS] = { 5, 9, 8, 4, 5 };

static int
field_is(const toll_field *f, const char *s)
{
	size_t n = strlen(s);

	return f->len == n && memcmp(f->s, s, n) == 0;
}

/* The 1-based column of the header field named name, for messages. */
static long
header_col(const toll_row *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (field_is(&h->f[i], name))
			return h->f[i].col;
	return 1;
}

int
toll_schema_from_header(toll_schema *s, const toll_table *t, const toll_row *h, toll_diag *d)
{
	static const int required[] = {
		TOLL_COL_EVENT, TOLL_COL_REPORTED, TOLL_COL_SOURCE, TOLL_COL_SIDE, TOLL_COL_CATEGORY
	};
	size_t k;

	s->figure_flags = 0;
	for (k = 0; k < TOLL_NCOLUMNS; k++)
		s->col[k] = toll_table_column(t, toll_column_names[k]);
	for (k = 0; k < sizeof required / sizeof required[0]; k++)
		if (s->col[required[k]] < 0) {
			char msg[TOLL_DIAG_MSG];
			const char *name = toll_column_names[required[k]];
			size_t n;
			const toll_field *cols = toll_table_columns(t, &n);

			toll_column_problem(cols, n, "missing required column", name, strlen(name),
			                    toll_table_header_looks_like_data(t)
			                    ? " (the header looks like a record: if the file has no header "
			                      "line, give --no-header and --names)" : NULL,
			                    msg, sizeof msg);
			return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 1, "%s", msg);
		}
	if (s->col[TOLL_COL_VALUE] >= 0) {
		for (k = TOLL_COL_LOW; k <= TOLL_COL_QUALIFIER; k++)
			if (s->col[k] >= 0)
				return toll_diag_set(d, TOLL_EDATA, h->file, h->line,
				                     header_col(h, "value"),
				                     "columns 'value' and '%s' cannot both be given",
				                     toll_column_names[k]);
	} else if (s->col[TOLL_COL_LOW] < 0 && s->col[TOLL_COL_BEST] < 0 &&
	           s->col[TOLL_COL_HIGH] < 0) {
		return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 1,
		                     "no figure column: need 'value' or 'low', 'best', 'high'");
	}
	return TOLL_OK;
}

/* Collects problems of one row. */
struct problems {
	toll_diag *d;
	int n;
	const toll_row *row;
};

static void
problem(struct problems *p, const toll_field *f, const char *fmt, const char *a, const char *b)
{
	if (p->n >= TOLL_REPORT_MAX_PROBLEMS)
		return;
	toll_diag_set(&p->d[p->n++], TOLL_EDATA, p->row->file, f->line, f->col, fmt, a, b);
}

/* "what 'value' in column 'name'[: more]" with the value quoted safely. */
static void
value_problem(struct problems *p, const toll_field *f, const char *what, int col, const char *more)
{
	char q[200];

	if (p->n >= TOLL_REPORT_MAX_PROBLEMS)
		return;
	toll_diag_quote(q, sizeof q, f->s, f->len);
	toll_diag_set(&p->d[p->n++], TOLL_EDATA, p->row->file, f->line, f->col,
	              "%s '%s' in column '%s'%s%s", what, q, toll_column_names[col], more ? ": " : "",
	              more ? more : "");
}

static const toll_field *
get(const toll_schema *s, const toll_row *row, int col)
{
	return s->col[col] >= 0 ? &row->f[s->col[col]] : NULL;
}

int
toll_schema_check_file(const toll_schema *s, const toll_table *t, const toll_row *h, toll_diag *d)
{
	static const int required[] = {
		TOLL_COL_EVENT, TOLL_COL_REPORTED, TOLL_COL_SOURCE, TOLL_COL_SIDE, TOLL_COL_CATEGORY
	};
	static const int figure[] = { TOLL_COL_VALUE, TOLL_COL_LOW, TOLL_COL_BEST, TOLL_COL_HIGH };
	size_t k;
	int any = 0;

	for (k = 0; k < sizeof required / sizeof required[0]; k++)
		if (!toll_table_file_has(t, s->col[required[k]]))
			return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 1, "no column '%s', which the "
			                     "first file has: a reports table needs it; the file is skipped",
			                     toll_column_names[required[k]]);
	for (k = 0; k < sizeof figure / sizeof figure[0]; k++)
		any |= s->col[figure[k]] >= 0 && toll_table_file_has(t, s->col[figure[k]]);
	if (!any)
		return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 1, "no figure: none of the "
		                     "columns 'value', 'low', 'best' and 'high' that the first file has; "
		                     "the file is skipped");
	return TOLL_OK;
}

/* A required text column: present and not empty. */
static void
required_text(struct problems *p, const toll_schema *s, int col, toll_field *out)
{
	const toll_field *f = get(s, p->row, col);

	*out = *f;
	if (f->len == 0)
		problem(p, f, "missing value in column '%s'%s", toll_column_names[col], "");
}

static int
lookup(const toll_field *f, const char *const *names, const unsigned char *lengths, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (f->len == lengths[i] && f->s[0] == names[i][0] && memcmp(f->s, names[i], f->len) == 0)
			return i;
	return -1;
}

/* A date column; returns 1 when a valid date was read into *t. */
static int
date_column(struct problems *p, const toll_schema *s, int col, toll_time *t)
{
	const toll_field *f = get(s, p->row, col);

	if (f == NULL || f->len == 0) {
		if (f != NULL && col == TOLL_COL_REPORTED)
			problem(p, f, "missing value in column '%s'%s", toll_column_names[col], "");
		return 0;
	}
	if (toll_date_parse(f->s, f->len, t) != 0) {
		char why[160];

		toll_date_why(f->s, f->len, why, sizeof why);
		value_problem(p, f, "invalid date", col, why);
		return 0;
	}
	return 1;
}

/* The figure: low, best, high or the value notation, by the reader every program shares. */
static void
figure(struct problems *p, const toll_schema *s, toll_report *r)
{
	toll_figure_cols fc;
	toll_diag d[TOLL_FIGURE_MAX_PROBLEMS];
	toll_range g;
	int n, i, empty;

	fc.low = s->col[TOLL_COL_LOW];
	fc.best = s->col[TOLL_COL_BEST];
	fc.high = s->col[TOLL_COL_HIGH];
	fc.value = s->col[TOLL_COL_VALUE];
	fc.qualifier = s->col[TOLL_COL_QUALIFIER];
	n = toll_figure_read(&fc, p->row, TOLL_FIGURE_WHOLE | s->figure_flags, &g, &empty, d);
	for (i = 0; i < n && p->n < TOLL_REPORT_MAX_PROBLEMS; i++)
		p->d[p->n++] = d[i];
	if (n > 0)
		return;
	if (empty) {
		const toll_field *f;

		if (fc.value >= 0) {
			problem(p, get(s, p->row, TOLL_COL_VALUE), "missing value in column '%s'%s", "value", "");
			return;
		}
		f = get(s, p->row, TOLL_COL_LOW);
		if (f == NULL)
			f = get(s, p->row, TOLL_COL_BEST);
		if (f == NULL)
			f = get(s, p->row, TOLL_COL_HIGH);
		problem(p, f, "no figure: 'low', 'best' and 'high' are all empty%s%s", "", "");
		return;
	}
	toll_figure_from_range(&g, &r->fig);
}

int
toll_report_parse(const toll_schema *s, const toll_row *row, toll_report *r,
                  toll_diag diags[TOLL_REPORT_MAX_PROBLEMS])
{
	struct problems p = { diags, 0, row };
	const toll_field *f;

	/* Every member is set below, or the row has a problem and *r is not used. */
	r->has_start = r->has_end = 0;
	required_text(&p, s, TOLL_COL_EVENT, &r->event);
	r->reported_text = *get(s, row, TOLL_COL_REPORTED);
	date_column(&p, s, TOLL_COL_REPORTED, &r->reported);
	required_text(&p, s, TOLL_COL_SOURCE, &r->source);
	required_text(&p, s, TOLL_COL_SIDE, &r->side);
	f = get(s, row, TOLL_COL_CATEGORY);
	if (f->len == 0)
		problem(&p, f, "missing value in column '%s'%s", "category", "");
	else if ((r->category = lookup(f, toll_category_names, toll_category_lengths, TOLL_NCATEGORIES)) < 0)
		value_problem(&p, f, "invalid category", TOLL_COL_CATEGORY,
		              "expected killed, wounded, missing, captured, killed_or_missing "
		              "or casualties");
	r->status = TOLL_STATUS_ALL;
	f = get(s, row, TOLL_COL_STATUS);
	if (f != NULL && f->len > 0 &&
	    (r->status = lookup(f, toll_status_names, toll_status_lengths, TOLL_NSTATUSES)) < 0)
		value_problem(&p, f, "invalid status", TOLL_COL_STATUS,
		              "expected military, civilian, unknown or all (the default)");
	figure(&p, s, r);
	/* A side within another; 'all' holds every side and is within none. */
	r->within.s = "";
	r->within.len = 0;
	if ((f = get(s, row, TOLL_COL_WITHIN)) != NULL && f->len > 0) {
		r->within = *f;
		if (field_is(&r->side, "all"))
			problem(&p, f, "the side 'all' holds every side: it is within none%s%s", "", "");
		else if (f->len == r->side.len && memcmp(f->s, r->side.s, f->len) == 0)
			value_problem(&p, f, "invalid side", TOLL_COL_WITHIN, "a side cannot be within itself");
	}
	/* Who claims it: one party, or none (empty: an independent source, or not known). */
	r->claimant.s = "";
	r->claimant.len = 0;
	if ((f = get(s, row, TOLL_COL_CLAIMANT)) != NULL && f->len > 0) {
		r->claimant = *f;
		if (field_is(f, "all"))
			problem(&p, f, "claimant 'all': a claim is one party's%s%s; leave it empty for a source "
			        "that is no party", "", "");
	}
	/* What the figure is: a total, or a figure no toll counts (toll-extract's kinds). */
	r->kind = TOLL_KIND_TOTAL;
	if ((f = get(s, row, TOLL_COL_KIND)) != NULL && f->len > 0 &&
	    (r->kind = lookup(f, toll_kind_names, kind_lengths, TOLL_NKINDS)) < 0)
		value_problem(&p, f, "invalid kind", TOLL_COL_KIND,
		              "expected total (the default), increment, previous, part or other");
	r->has_start = date_column(&p, s, TOLL_COL_START, &r->start);
	r->has_end = date_column(&p, s, TOLL_COL_END, &r->end);
	if (r->has_start && r->has_end && r->start.t > r->end.t) {
		const toll_field *a = get(s, row, TOLL_COL_START), *b = get(s, row, TOLL_COL_END);
		char qa[200], qb[200];

		toll_diag_quote(qa, sizeof qa, a->s, a->len);
		toll_diag_quote(qb, sizeof qb, b->s, b->len);
		problem(&p, a, "'start' %s is after 'end' %s", qa, qb);
	}
	return p.n;
}

/* The flags of a packed report. */
enum {
	PACK_REPORTED_TIME = 1, PACK_OPEN = 2, PACK_START = 4, PACK_START_TIME = 8, PACK_END = 16,
	PACK_END_TIME = 32, PACK_SUPPLIED = 64, PACK_NOT_TOTAL = 128
};

_Static_assert(sizeof(toll_report_packed) == 56, "a packed report no longer fits in 56 bytes");

void
toll_report_pack(const toll_report *r, toll_report_packed *p)
{
	p->reported = r->reported.t;
	p->offset = r->reported.offset;
	p->low = r->fig.low;
	p->best = r->fig.best;
	p->high = r->fig.high;
	p->start = r->has_start ? r->start.t : 0;
	p->end = r->has_end ? r->end.t : 0;
	p->category = (uint8_t)r->category;
	p->status = (uint8_t)r->status;
	p->qualifier = (uint8_t)r->fig.qualifier;
	p->flags = (uint8_t)((r->reported.has_time ? PACK_REPORTED_TIME : 0) |
	                     (r->fig.open ? PACK_OPEN : 0) | (r->has_start ? PACK_START : 0) |
	                     (r->has_start && r->start.has_time ? PACK_START_TIME : 0) |
	                     (r->has_end ? PACK_END : 0) |
	                     (r->has_end && r->end.has_time ? PACK_END_TIME : 0) |
	                     (r->fig.supplied ? PACK_SUPPLIED : 0) |
	                     (r->kind != TOLL_KIND_TOTAL ? PACK_NOT_TOTAL : 0));
}

void
toll_report_unpack(const toll_schema *s, const toll_row *row, const toll_report_packed *p,
                   toll_report *r)
{
	const toll_field *f;

	/* The text members are the row's fields, as toll_report_parse() sets them. */
	r->event = *get(s, row, TOLL_COL_EVENT);
	r->reported_text = *get(s, row, TOLL_COL_REPORTED);
	r->source = *get(s, row, TOLL_COL_SOURCE);
	r->side = *get(s, row, TOLL_COL_SIDE);
	if ((f = get(s, row, TOLL_COL_WITHIN)) != NULL && f->len > 0) {
		r->within = *f;
	} else {
		r->within.s = "";
		r->within.len = 0;
		r->within.line = r->within.col = 0;
	}
	if ((f = get(s, row, TOLL_COL_CLAIMANT)) != NULL && f->len > 0) {
		r->claimant = *f;
	} else {
		r->claimant.s = "";
		r->claimant.len = 0;
		r->claimant.line = r->claimant.col = 0;
	}
	r->kind = TOLL_KIND_TOTAL;
	if ((p->flags & PACK_NOT_TOTAL) && (f = get(s, row, TOLL_COL_KIND)) != NULL)
		r->kind = lookup(f, toll_kind_names, kind_lengths, TOLL_NKINDS);
	r->category = p->category;
	r->status = p->status;
	r->reported.t = p->reported;
	r->reported.offset = p->offset;
	r->reported.has_time = (p->flags & PACK_REPORTED_TIME) != 0;
	r->fig.low = p->low;
	r->fig.best = p->best;
	r->fig.high = p->high;
	r->fig.open = (p->flags & PACK_OPEN) != 0;
	r->fig.supplied = (p->flags & PACK_SUPPLIED) != 0;
	r->fig.qualifier = (char)p->qualifier;
	r->has_start = (p->flags & PACK_START) != 0;
	r->start.t = p->start;
	r->start.offset = 0;
	r->start.has_time = (p->flags & PACK_START_TIME) != 0;
	r->has_end = (p->flags & PACK_END) != 0;
	r->end.t = p->end;
	r->end.offset = 0;
	r->end.has_time = (p->flags & PACK_END_TIME) != 0;
}

/* ASCII letters in either case (not the locale's: a Turkish dotless i is no 'i'). */
static int
same_ascii(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

int
toll_note_has_tag(const toll_field *f, const char *tag)
{
	size_t n = strlen(tag), i;

	if (f == NULL || f->len < n)
		return 0;
	for (i = 0; i + n <= f->len; i++)
		if (f->s[i] == '[' && same_ascii(f->s + i, tag, n))
			return 1;
	return 0;
}

int
toll_table_header_looks_like_data(const toll_table *t)
{
	size_t i, n, skip, data = 0;
	const toll_field *cols;

	if (!toll_table_header_from_file(t, &skip))
		return 0;
	cols = toll_table_columns(t, &n);
	for (i = skip; i < n; i++) {
		double v;
		toll_time tm;

		if (toll_decimal_parse(cols[i].s, cols[i].len, &v) == TOLL_FIG_OK ||
		    toll_date_parse(cols[i].s, cols[i].len, &tm) == 0)
			data++;
	}
	return data > 0 && data * 3 >= n;
}

void
toll_columns_write(toll_out *o, const int *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			toll_out_tab(o);
		toll_out_str(o, toll_column_names[cols[i]]);
	}
}

void
toll_report_write(toll_out *o, const toll_report *r, unsigned flags)
{
	toll_out_field(o, r->event.s, r->event.len);
	toll_out_tab(o);
	toll_out_field(o, r->reported_text.s, r->reported_text.len);
	toll_out_tab(o);
	toll_out_field(o, r->source.s, r->source.len);
	toll_out_tab(o);
	toll_out_field(o, r->side.s, r->side.len);
	toll_out_tab(o);
	toll_out_str(o, toll_category_names[r->category]);
	toll_out_tab(o);
	if (!(flags & TOLL_WRITE_ALL_EMPTY) || r->status != TOLL_STATUS_ALL)
		toll_out_str(o, toll_status_names[r->status]);
	toll_out_tab(o);
	toll_out_int(o, r->fig.low);
	toll_out_tab(o);
	/* A best no source stated stays unstated: a reader completes it again, as toll's. */
	if (!r->fig.supplied || (flags & TOLL_WRITE_SUPPLIED))
		toll_out_int(o, r->fig.best);
	toll_out_tab(o);
	if (!r->fig.open)
		toll_out_int(o, r->fig.high);
	toll_out_tab(o);
	toll_out_str(o, toll_qualifier_text(r->fig.qualifier));
}
