/*
 * import/row.c: each row of an import, converted, checked as every toll
 * program will read it, written or refused; the reading of the files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "imp.h"
#include "toll/date.h"
#include "toll/figure.h"
#include "toll/json.h"

int
imp_field_is(const toll_field *f, const char *s)
{
	size_t n = strlen(s);

	return f->len == n && memcmp(f->s, s, n) == 0;
}

/* The same, whatever the case of ASCII letters: older ACLED releases spell
 * one event type two ways ("Violence Against Civilians"). */
int
imp_field_is_nocase(const toll_field *f, const char *s)
{
	size_t n = strlen(s);

	return f->len == n && strncasecmp(f->s, s, n) == 0;
}

/* Says a warning. */
void
imp_warn(toll_import *im, toll_diag *d)
{
	im->say(im->say_ctx, d, TOLL_OK);
}

/* Says problems of the data; returns 0 when reading must stop (too many). */
int
imp_problems(toll_import *im, toll_diag *d, int n)
{
	int i;

	im->refusals = 1;
	for (i = 0; i < n; i++)
		if (!im->say(im->say_ctx, &d[i], TOLL_EDATA)) {
			im->stopped = 1;
			return 0;
		}
	return 1;
}

int
imp_nomem(toll_import *im)
{
	toll_diag d;

	toll_diag_set(&d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	im->say(im->say_ctx, &d, TOLL_ENOMEM);
	im->trouble = TOLL_ENOMEM;
	im->stopped = 1;
	return 0;
}

/* Writes a line of the output columns, all but 'value' (it becomes low, best and high). */
static void
write_fields(toll_import *im, const toll_field *f)
{
	size_t i;
	int first = 1;

	for (i = 0; i < im->n; i++) {
		if (im->c[i].kind == K_VALUE)
			continue;
		if (!first)
			toll_out_tab(im->out);
		toll_out_field(im->out, f[i].s, f[i].len);
		first = 0;
	}
	toll_out_eol(im->out);
}

void
imp_write_row(toll_import *im)
{
	write_fields(im, im->rb.f);
	im->k.written++;
}

/* The header: the output columns' names. */
static void
write_header(toll_import *im)
{
	size_t i;

	for (i = 0; i < im->n; i++) {
		im->rb.f[i].s = im->c[i].name;
		im->rb.f[i].len = strlen(im->c[i].name);
	}
	write_fields(im, im->rb.f);
}

/* Writes v as n digits at p. */
static void
put_digits(char *p, int64_t v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/*
 * A date as the reports table writes it: YYYY-MM-DD, or with its time in
 * UTC, YYYY-MM-DDTHH:MM:SSZ (years 1 to 9999, as the date reader reads),
 * into buf of IMP_SCRATCH bytes.
 */
size_t
imp_iso_text(int64_t t, char *buf)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), y, sec = t - days * 86400;
	int m, dd;

	toll_civil_from_days(days, &y, &m, &dd);
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, dd, 2);
	if (sec == 0)
		return 10;
	buf[10] = 'T';
	put_digits(buf + 11, sec / 3600, 2);
	buf[13] = ':';
	put_digits(buf + 14, sec / 60 % 60, 2);
	buf[16] = ':';
	put_digits(buf + 17, sec % 60, 2);
	buf[19] = 'Z';
	return 20;
}

/* The problem of field f of input column src: "WHAT 'VALUE' in column 'NAME'[: why]". */
int
imp_bad_field(const toll_table *t, const toll_row *r, long src, const char *what, const char *why,
              toll_diag *d)
{
	size_t n, len;
	int code = toll_row_problem(r, (size_t)src, toll_table_columns(t, &n), what, d);

	len = strlen(d->msg);
	if (why != NULL && len < sizeof d->msg)
		snprintf(d->msg + len, sizeof d->msg - len, ": %s", why);
	return code;
}

/* A whole number from 0 written as digits into buf; -1 (and *d) when f is not one. */
int
imp_number_text(const toll_table *t, const toll_row *r, long src, const toll_field *f, char *buf,
                size_t *len, int64_t *v, toll_diag *d)
{
	int e = toll_number_parse(f->s, f->len, v);

	if (e != TOLL_FIG_OK) {
		/* Said as every figure reader says it: "not a whole number '8.5' in column 'x'". */
		const char *what = e == TOLL_FIG_SYNTAX ? "invalid number" : toll_figure_strerror(e),
		           *why = e == TOLL_FIG_SYNTAX ? "expected a whole number from 0" : NULL;

		if (src >= 0)
			imp_bad_field(t, r, src, what, why, d);
		else
			toll_diag_set(d, TOLL_EDATA, r->file, r->line, 0, "%s '%.*s'%s%s", what,
			              (int)(f->len > 40 ? 40 : f->len), f->s, why ? ": " : "", why ? why : "");
		return -1;
	}
	*len = (size_t)snprintf(buf, IMP_SCRATCH, "%lld", (long long)*v);
	return 0;
}

/* Whether a problem at field f's place is among d[0..n) already. */
static int
said(const toll_diag *d, int n, const toll_field *f)
{
	int i;

	for (i = 0; i < n; i++)
		if (d[i].line == f->line && d[i].col == f->col)
			return 1;
	return 0;
}

/*
 * A composite column's value: its parts' values joined by '/' ("AFG/2020-01"),
 * at its first part's place; empty when every part is (cut at IMP_COMPOSITE
 * bytes, at a character's start).
 */
static void
composite(const struct imp_col *c, const toll_row *r, char *buf, toll_field *f)
{
	size_t len = 0;
	int j, any = 0;

	*f = r->f[c->parts[0]];
	for (j = 0; j < c->nparts; j++) {
		const toll_field *p = &r->f[c->parts[j]];
		size_t n = p->len;

		any |= n > 0;
		if (j > 0 && len < IMP_COMPOSITE - 1)
			buf[len++] = '/';
		if (n > IMP_COMPOSITE - 1 - len) {
			n = IMP_COMPOSITE - 1 - len;
			while (n > 0 && ((unsigned char)p->s[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(buf + len, p->s, n);
		len += n;
	}
	f->s = buf;
	f->len = any ? len : 0;
}

/* The reports table's qualifier of q: "~", "vague" or none. */
static void
set_qualifier(toll_field *f, char q)
{
	f->s = toll_qualifier_text(q);
	f->len = strlen(f->s);
}

/* low, best and high of fig into the row (high empty when open), at field at's place. */
static void
put_figure(struct imp_rowbuf *rb, const toll_figure *fig, const toll_field *at)
{
	size_t j;

	for (j = 0; j < 3; j++) {
		int64_t v = j == 0 ? fig->low : j == 1 ? fig->best : fig->high;
		toll_field *o = &rb->f[O_LOW + j];

		*o = *at;
		if (j == 2 && fig->open) {
			o->len = 0;
			continue;
		}
		o->len = (size_t)snprintf(rb->scratch[O_LOW + j], IMP_SCRATCH, "%lld", (long long)v);
		o->s = rb->scratch[O_LOW + j];
	}
}

/*
 * A qualifier column in words ("about", "at least", "more than", "up to"):
 * the words and the row's best read together as the value notation reads
 * them ("about 2800", "more than 50"), which sets low, best, high and the
 * qualifier.  "~" and "vague" stay as they are.  Returns the problems.
 */
static int
qualifier_words(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d)
{
	struct imp_rowbuf *rb = &im->rb;
	toll_field *q = &rb->f[im->qual], best = rb->f[O_BEST];
	char text[160];
	toll_range g;
	toll_figure fig;
	int n;

	if (toll_qualifier_read(q->s, q->len) >= 0)
		return 0;   /* empty, "~" or "vague": as they are */
	if (best.len == 0 && rb->f[O_LOW].len == 0 && rb->f[O_HIGH].len == 0)
		return 0;   /* no figure: left out as any row without one */
	/* "more" and "less" alone, as daily series write them: more than, less than. */
	n = snprintf(text, sizeof text, "%.*s%s %.*s", (int)(q->len > 100 ? 100 : q->len), q->s,
	             imp_field_is_nocase(q, "more") || imp_field_is_nocase(q, "less") ? " than" : "",
	             (int)(best.len > 40 ? 40 : best.len), best.s);
	if (best.len == 0 || rb->f[O_LOW].len > 0 || rb->f[O_HIGH].len > 0 || q->len > 100 ||
	    toll_value_parse(text, (size_t)n, &g) != TOLL_FIG_OK) {
		const char *why = best.len == 0 || rb->f[O_LOW].len > 0 || rb->f[O_HIGH].len > 0
		                  ? "words qualify a best alone (no low, no high)"
		                  : "expected ~, vague, or words the value notation reads before a "
		                    "number: about, at least, more (than), up to, fewer than";

		if (im->c[im->qual].src >= 0)
			return imp_bad_field(t, r, im->c[im->qual].src, "invalid qualifier", why, d), 1;
		toll_diag_set(d, TOLL_EDATA, r->file, r->line, 0, "invalid qualifier '%.*s': %s",
		              (int)(q->len > 40 ? 40 : q->len), q->s, why);
		return 1;
	}
	toll_figure_from_range(&g, &fig);
	best.len = 0;
	put_figure(rb, &fig, &best);
	rb->has_num[0] = rb->has_num[2] = 0;
	set_qualifier(q, g.qualifier);
	return 0;
}

/* A date field converted to the reports table's form; returns the problems (0 or 1). */
static int
convert_date(toll_import *im, const toll_table *t, const toll_row *r, size_t i, long src,
             toll_diag *d, int np)
{
	const struct imp_col *c = &im->c[i];
	struct imp_rowbuf *rb = &im->rb;
	toll_field *f = &rb->f[i];
	toll_time tm;
	char why[200];
	size_t j;

	/* A column read into several (event_date: reported, start, end) is read once. */
	for (j = 0; j < i; j++)
		if (im->c[j].kind == K_DATE && im->c[j].src == c->src && c->src >= 0 &&
		    im->c[j].vmap < 0 && c->vmap < 0 && im->c[j].alt == c->alt &&
		    rb->f[j].s == rb->scratch[j]) {
			rb->f[i] = rb->f[j];
			return 0;
		}
	if (toll_date_parse(f->s, f->len, &tm) == 0) {
		f->len = imp_iso_text(tm.t, rb->scratch[i]);
		f->s = rb->scratch[i];
		return 0;
	}
	/* One input column read into several (start and end): said once. */
	if (src >= 0 && said(d, np, f))
		return 0;
	toll_date_why(f->s, f->len, why, sizeof why);
	if (src >= 0)
		imp_bad_field(t, r, src, "invalid date", why, &d[np]);
	else
		toll_diag_set(&d[np], TOLL_EDATA, r->file, r->line, 0, "invalid date '%.*s' for '%s': %s",
		              (int)(f->len > 40 ? 40 : f->len), f->s, c->name, why);
	return 1;
}

/* The field of column i from its input column, constant or --value-map; returns its source column. */
static long
take(toll_import *im, const toll_row *r, size_t i, int *defaulted)
{
	const struct imp_col *c = &im->c[i];
	toll_field *f = &im->rb.f[i];
	long src = c->src;
	size_t k;

	f->s = "";
	f->len = 0;
	f->line = r->line;
	f->col = 0;
	if (c->nparts > 1) {
		composite(c, r, im->rb.comp[c->comp], f);
	} else if (src >= 0) {
		*f = r->f[src];
		if (f->len == 0 && c->alt >= 0 && r->f[c->alt].len > 0) {
			*f = r->f[c->alt];
			src = c->alt;
			*defaulted = 1;
		}
	}
	if (f->len == 0 && c->constant != NULL) {
		f->s = c->constant;
		f->len = strlen(c->constant);
		*defaulted |= src >= 0;
		src = -1;
	}
	if (c->vmap >= 0 && f->len > 0) {
		const struct imp_vmap *v = &im->o.vm[c->vmap];

		for (k = 0; k < v->n; k++)
			if (imp_field_is(f, v->from[k])) {
				f->s = v->to[k];
				f->len = strlen(v->to[k]);
				break;
			}
	}
	return src;
}

/*
 * Fills im->rb with the output row of input row r.  Returns the number
 * of problems (each in d[]), at most TOLL_REPORT_MAX_PROBLEMS.
 */
static int
convert(toll_import *im, const toll_table *t, const toll_row *r,
        toll_diag d[TOLL_REPORT_MAX_PROBLEMS], int *defaulted)
{
	struct imp_rowbuf *rb = &im->rb;
	size_t i;
	int np = 0;

	*defaulted = 0;
	rb->vq = '\0';
	rb->has_num[0] = rb->has_num[1] = rb->has_num[2] = 0;
	for (i = 0; i < im->n; i++) {
		const struct imp_col *c = &im->c[i];
		toll_field *f = &rb->f[i];
		long src = take(im, r, i, defaulted);

		if (f->len == 0 || np >= TOLL_REPORT_MAX_PROBLEMS)
			continue;
		switch (c->kind) {
		case K_DATE:
			np += convert_date(im, t, r, i, src, d, np);
			break;
		case K_EPOCH: {
			int64_t v;

			if (toll_number_parse(f->s, f->len, &v) != TOLL_FIG_OK ||
			    v > toll_days_from_civil(9999, 12, 31) * 86400) {
				imp_bad_field(t, r, src, "invalid timestamp", "expected seconds since 1970",
				              &d[np++]);
				break;
			}
			f->len = imp_iso_text(v, rb->scratch[i]);
			f->s = rb->scratch[i];
			break;
		}
		case K_NUMBER: {
			int64_t v;
			int slot = (int)i - O_LOW;

			if (imp_number_text(t, r, src, f, rb->scratch[i], &f->len, &v, &d[np]) != 0) {
				np++;
				break;
			}
			f->s = rb->scratch[i];
			if (slot >= 0 && slot < 3) {
				rb->has_num[slot] = 1;
				rb->num[slot] = v;
			}
			break;
		}
		case K_VALUE: {
			toll_range g;
			toll_figure fig;

			if (toll_value_parse(f->s, f->len, &g) != TOLL_FIG_OK) {
				imp_bad_field(t, r, src, "invalid value", toll_value_forms, &d[np++]);
				break;
			}
			toll_figure_from_range(&g, &fig);
			put_figure(rb, &fig, f);
			/* A stated best is what it was; the others were completed. */
			rb->has_num[1] = 1;
			rb->num[1] = fig.best;
			rb->vq = g.qualifier;
			break;
		}
		default:
			break;
		}
	}
	if (np == 0 && im->qual >= 0 && rb->f[im->qual].len == 0)
		set_qualifier(&rb->f[im->qual], rb->vq);
	else if (np == 0 && im->qual >= 0)
		np += qualifier_words(im, t, r, d);
	return np;
}

/* Checks the output row as every toll program will read it. */
int
imp_check_row(toll_import *im, const toll_row *r, toll_diag d[TOLL_REPORT_MAX_PROBLEMS])
{
	toll_row out;
	toll_report rep;

	out.f = im->rb.f;
	out.n = im->n;
	out.file = r->file;
	out.line = r->line;
	out.fileno = r->fileno;
	return toll_report_parse(&im->schema, &out, &rep, d);
}

/* Whether a precision field is above the limit (an empty or unreadable one is not). */
static int
above(const toll_row *r, long col, long limit)
{
	int64_t v;

	return limit >= 0 && col >= 0 && toll_number_parse(r->f[col].s, r->f[col].len, &v) == TOLL_FIG_OK &&
	       v > limit;
}

/* A figure column read from the input but empty: said of the input's column. */
static int
missing_figure(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d)
{
	static const int order[] = { O_BEST, O_LOW, O_HIGH };
	const struct imp_rowbuf *rb = &im->rb;
	size_t k, n;
	const toll_field *cols = toll_table_columns(t, &n);

	if (rb->f[O_LOW].len > 0 || rb->f[O_BEST].len > 0 || rb->f[O_HIGH].len > 0)
		return 0;
	for (k = 0; k <= sizeof order / sizeof order[0]; k++) {
		long src = k < sizeof order / sizeof order[0] ? im->c[order[k]].src : -1, v;
		char c[64];

		if (k == sizeof order / sizeof order[0] && (v = imp_find_col(im, "value")) >= 0)
			src = im->c[v].src;
		if (src < 0)
			continue;
		toll_diag_quote(c, sizeof c, cols[src].s, cols[src].len);
		toll_diag_set(d, TOLL_EDATA, r->file, r->f[src].line, r->f[src].col,
		              "missing value in column '%s'%s", c,
		              im->o.strict ? " (--strict: a row without a figure is refused)" : "");
		return 1;
	}
	return 0;
}

/* One output row of input row r: converted, checked, written (with its sides), or refused. */
static int
import_one(toll_import *im, const toll_table *t, const toll_row *r)
{
	const struct imp_format *fmt = im->fmt;
	toll_diag d[TOLL_REPORT_MAX_PROBLEMS];
	int n, defaulted;

	n = convert(im, t, r, d, &defaulted);
	if (n == 0 && fmt->row != NULL && (n = fmt->row(im, t, r, d)) < 0)
		return imp_nomem(im);
	if (n == 0 && (n = missing_figure(im, t, r, d)) > 0 && !im->o.strict) {
		/* A sparse column: the row states nothing to import. */
		im->k.no_figure++;
		return 1;
	}
	if (n == 0)
		n = imp_check_row(im, r, d);
	if (n > 0) {
		im->k.refused++;
		return imp_problems(im, d, n);
	}
	if (fmt->skip != NULL) {
		int u = fmt->skip(im);

		if (u < 0)
			return imp_nomem(im);
		if (u)
			return 1;
	}
	im->k.defaulted += defaulted;
	imp_write_row(im);
	if (fmt->after != NULL)
		fmt->after(im, t, r, d);
	return 1;
}

/* One input row: its output rows, or what is wrong with it; 0 when reading must stop. */
static int
import_row(toll_import *im, const toll_table *t, const toll_row *r)
{
	const struct imp_opts *o = &im->o;
	size_t k;
	int go = 1;

	im->k.read++;
	if (above(r, im->time_precision, o->time_prec) || above(r, im->geo_precision, o->geo_prec) ||
	    above(r, im->date_prec, o->date_prec) || above(r, im->where_prec, o->where_prec)) {
		im->k.left_out++;
		return 1;
	}
	if (im->nw == 0)
		return import_one(im, t, r);
	/* A wide table: a row per figure column, of its category and status. */
	for (k = 0; k < im->nw && go; k++) {
		const struct imp_wide *w = &im->w[k];

		im->c[O_BEST].src = w->src;
		im->c[O_CATEGORY].constant = w->category;
		im->c[O_STATUS].src = w->status != NULL ? -1 : im->status_src;
		im->c[O_STATUS].constant = w->status != NULL ? w->status : im->status_constant;
		go = import_one(im, t, r);
	}
	return go;
}

/* The input column src (a column of the first file), read by the import, in this file too. */
static int
reads_here(const toll_table *t, long src, const char **lacking)
{
	size_t n;

	if (src < 0 || toll_table_file_has(t, src))
		return 1;
	*lacking = toll_table_columns(t, &n)[src].s;
	return 0;
}

/*
 * A later file's header: refused (the file skipped) when it lacks a
 * column the import reads, else read, its other differences said.
 * Returns 0 when reading must stop.
 */
static int
later_file(toll_import *im, toll_table *t, const toll_row *h, toll_diag *d)
{
	const char *lacking = NULL;
	size_t i;
	int k, ok = 1;

	for (i = 0; i < im->n && ok; i++) {
		if (im->c[i].kept)
			continue;   /* empty where this file lacks it, as toll_table_header_note() says */
		ok = reads_here(t, im->c[i].src, &lacking) && reads_here(t, im->c[i].alt, &lacking);
		for (k = 1; k < im->c[i].nparts && ok; k++)
			ok = reads_here(t, im->c[i].parts[k], &lacking);
	}
	for (i = 0; i < im->nw && ok; i++)
		ok = reads_here(t, im->w[i].src, &lacking);
	if (!ok) {
		toll_diag_set(d, TOLL_EDATA, h->file, h->line, 1, "no column '%s', which the first file "
		              "has and the import reads; the file is skipped", lacking);
		toll_table_skip_file(t);
		return imp_problems(im, d, 1);
	}
	if (toll_table_header_note(t, d))
		imp_warn(im, d);
	return 1;
}

/* The first header: the plan of output columns, and the header written. */
static int
first_file(toll_import *im, const toll_table *t, const toll_row *h, toll_diag *d)
{
	int code;

	if (toll_table_header_looks_like_data(t)) {
		toll_diag w;

		toll_diag_set(&w, TOLL_OK, h->file, h->line, 0,
		              "the header looks like a record (its names are numbers or dates): "
		              "if the file has no header line, give --no-header (and --names)");
		imp_warn(im, &w);
	}
	code = im->fmt->plan(im, t, h, d);
	if (code == TOLL_OK)
		code = imp_plan_common(im, t, d);
	if (code != TOLL_OK) {
		im->say(im->say_ctx, d, code);
		im->trouble = code;
		im->stopped = 1;
		return 0;
	}
	im->planned = 1;
	write_header(im);
	return 1;
}

/* JSON records with keys their file's first records lack: said, as they are not read. */
static void
unread_keys(toll_import *im, const toll_table *t)
{
	const char *file, *key;
	long line, n = toll_table_unread_keys(t, &file, &line, &key);
	char q[64];
	toll_diag w;

	if (n == 0)
		return;
	toll_diag_quote(q, sizeof q, key, strlen(key));
	toll_diag_set(&w, TOLL_OK, file, line, 0, "%ld record%s ha%s keys that the first %d records "
	              "of %s file do not have (here '%s'): the columns are theirs, and these keys "
	              "are not read", n, n == 1 ? "" : "s", n == 1 ? "s" : "ve", TOLL_JSON_SCAN,
	              n == 1 ? "its" : "their", q);
	imp_warn(im, &w);
}

int
toll_import_run(toll_import *im, char *const *paths, size_t n, const toll_dialect *dl,
                toll_out *out)
{
	toll_dialect json = *dl;
	toll_table *t = NULL;
	toll_row r;
	toll_diag d;
	int code, go = 1;

	if (im->fmt == NULL || im->out != NULL) {
		toll_diag_set(&d, TOLL_EUSAGE, NULL, 0, 0, im->fmt == NULL ? "no format set "
		              "(toll_import_set_format())" : "an import runs once: make another");
		im->say(im->say_ctx, &d, TOLL_EUSAGE);
		return TOLL_EUSAGE;
	}
	im->out = out;
	if (im->o.nrel > 0 && im->o.nrel != (n > 0 ? n : 1)) {
		toll_diag_set(&d, TOLL_EUSAGE, NULL, 0, 0, "--releases gives %zu date%s for %zu file%s: "
		              "one date a file, in the files' order", im->o.nrel, im->o.nrel == 1 ? "" : "s",
		              n > 0 ? n : 1, n > 1 ? "s" : "");
		im->say(im->say_ctx, &d, TOLL_EUSAGE);
		return TOLL_EUSAGE;
	}
	/* JSON (an array of records, or JSON Lines) is found by its first bytes. */
	json.json = &toll_json_table;
	if (toll_table_new(&t, paths, n, &json) != TOLL_OK) {
		imp_nomem(im);
		return TOLL_ENOMEM;
	}
	while (go && !im->stopped && (code = toll_table_next(t, &r, &d)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			/* A later file: what the import reads must be there; the rest may differ. */
			go = im->planned ? later_file(im, t, &r, &d) : first_file(im, t, &r, &d);
			if (go && im->planned && imp_release_begin(im, r.fileno) != 0)
				go = imp_nomem(im);
			continue;
		}
		if (code == TOLL_OK) {
			go = import_row(im, t, &r);
			continue;
		}
		if (code == TOLL_EDATA && im->planned) {
			im->k.read++;
			im->k.refused++;
		}
		if (code == TOLL_EDATA) {
			go = imp_problems(im, &d, 1);
			continue;
		}
		im->trouble = code;
		go = im->say(im->say_ctx, &d, code);
		if (code == TOLL_ENOMEM)
			go = 0;
	}
	unread_keys(im, t);
	toll_table_free(t);
	if (im->planned && go && !im->stopped && im->trouble == 0 && im->fmt->finish != NULL)
		im->fmt->finish(im, &json);
	return im->trouble ? im->trouble : im->refusals ? TOLL_EDATA : TOLL_OK;
}

void
toll_import_get_counts(const toll_import *im, toll_import_counts *c)
{
	*c = im->k;
}

size_t
toll_import_summary(const toll_import *im, char *buf, size_t sz)
{
	const struct imp_opts *o = &im->o;
	const toll_import_counts *k = &im->k;
	size_t len = 0;

#define ADD(...) (len += (size_t)snprintf(buf + (len < sz ? len : sz), len < sz ? sz - len : 0, __VA_ARGS__))
	if (sz > 0)
		buf[0] = '\0';
	if (!im->planned)
		return 0;
	ADD("%s%s%s%s: %ld read, %ld written, %ld refused, %ld widened, %ld defaulted", im->fmt->name,
	    im->layout ? " (" : "", im->layout ? im->layout : "", im->layout ? ")" : "", k->read,
	    k->written, k->refused, k->widened, k->defaulted);
	if (o->time_prec >= 0 || o->geo_prec >= 0 || o->date_prec >= 0 || o->where_prec >= 0)
		ADD(", %ld left out by precision", k->left_out);
	if (im->seen != NULL)
		ADD(", %ld unchanged", k->unchanged);
	if (o->deleted != NULL)
		ADD(", %ld deletions", k->deletions);
	if (o->nrel > 0)
		ADD(", %ld unchanged since the release before, %ld withdrawn", k->unchanged, k->withdrawn);
	if (k->no_figure > 0)
		ADD(", %ld skipped (no figure)", k->no_figure);
#undef ADD
	return len < sz ? len : sz > 0 ? sz - 1 : 0;
}
