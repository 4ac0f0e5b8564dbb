/*
 * import/formats.c: the formats, in the order of the help, and the
 * options of an import.
 *
 * Adding a format: src/lib/import/FORMAT.c with its descriptor (struct
 * imp_format: name, help, its options' help, the options it takes, a
 * check, its plan, its row hooks), its declaration in imp.h and a row in
 * formats[].  Adding an option: its value in enum toll_import_opt
 * (include/toll/import.h) and a row in options[].  toll-import's help, its
 * getopt table, the completion of formats and the refusal of another
 * format's options follow from the rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp.h"

static const struct imp_format *const formats[] = { &imp_acled, &imp_ucdp, &imp_table };
static const size_t nformats = sizeof formats / sizeof formats[0];

/* The options: name, whether it takes a value, its help (the common ones), a hint where refused. */
static const struct {
	const char *name;
	int has_arg;
	const char *help, *hint;
} options[TOLL_IMPORT_NOPTS] = {
	[TOLL_IMPORT_REPORTED] = { "reported", 1, NULL, "give --set reported=DATE" },
	[TOLL_IMPORT_DELETED] = { "deleted", 1, NULL, NULL },
	[TOLL_IMPORT_TIME_PREC] = { "time-precision", 1, NULL, NULL },
	[TOLL_IMPORT_GEO_PREC] = { "geo-precision", 1, NULL, NULL },
	[TOLL_IMPORT_RELEASE] = { "release", 1, NULL, NULL },
	[TOLL_IMPORT_SPLIT_SIDES] = { "split-sides", 0, NULL, NULL },
	[TOLL_IMPORT_DATE_PREC] = { "max-date-prec", 1, NULL, NULL },
	[TOLL_IMPORT_WHERE_PREC] = { "max-where-prec", 1, NULL, NULL },
	[TOLL_IMPORT_ROW_EVENTS] = { "row-events", 0, NULL, NULL },
	[TOLL_IMPORT_WIDE] = { "wide", 1, NULL, NULL },
	[TOLL_IMPORT_RELEASES] = { "releases", 1, NULL, NULL },
	[TOLL_IMPORT_MAP] = { "map", 1,
	"      --map=OUT=IN,...   column OUT from input column IN (reported, start\n"
	"                         and end are read as dates, low, best and high as\n"
	"                         numbers, value in the value notation); IN=A+B\n"
	"                         joins columns' values with '/' (event=iso+month);\n"
	"                         for acled and ucdp-ged, what a reduced export\n"
	"                         lacks, or another column than the format's\n", NULL },
	[TOLL_IMPORT_KEEP] = { "keep", 1,
	"      --keep=IN,...      the input columns kept (default: acled's and\n"
	"                         ucdp-ged's own lists, a table's columns not used;\n"
	"                         '' for none); acled's timestamp written as a date\n", NULL },
	[TOLL_IMPORT_STRICT] = { "strict", 0,
	"      --strict           refuse a row that states no figure (empty, or one\n"
	"                         of --na's spellings) instead of leaving it out and\n"
	"                         counting it; for ucdp-ged, also low, best and high\n"
	"                         out of order instead of widening [low, high]\n", NULL },
	[TOLL_IMPORT_SET] = { "set", 1,
	"      --set=OUT=VALUE    column OUT is VALUE, for a column the file does not\n"
	"                         have (with --map OUT=IN: where IN is empty); may\n"
	"                         be repeated\n", NULL },
	[TOLL_IMPORT_VALUE_MAP] = { "value-map", 1,
	"      --value-map=OUT:A=B,...  in column OUT, A becomes B; may be repeated\n", NULL },
};

size_t
toll_import_formats(void)
{
	return nformats;
}

const char *
toll_import_format_name(size_t i)
{
	return i < nformats ? formats[i]->name : NULL;
}

const char *
toll_import_format_help(size_t i)
{
	return i < nformats ? formats[i]->help : NULL;
}

const char *
toll_import_format_options_help(size_t i)
{
	return i < nformats ? formats[i]->options_help : NULL;
}

const char *
toll_import_option_name(int opt)
{
	return opt >= 0 && opt < TOLL_IMPORT_NOPTS ? options[opt].name : NULL;
}

int
toll_import_option_has_arg(int opt)
{
	return opt >= 0 && opt < TOLL_IMPORT_NOPTS && options[opt].has_arg;
}

const char *
toll_import_option_help(int opt)
{
	return opt >= 0 && opt < TOLL_IMPORT_NOPTS ? options[opt].help : NULL;
}

/* The names of the formats that take opt (all with opt < 0): "acled and ucdp-ged". */
static void
format_names(int opt, char *buf, size_t sz)
{
	size_t i, n = 0, k = 0, len = 0;

	for (i = 0; i < nformats; i++)
		n += opt < 0 || (formats[i]->options >> opt & 1u);
	buf[0] = '\0';
	for (i = 0; i < nformats; i++)
		if (opt < 0 || (formats[i]->options >> opt & 1u))
			len = toll_list_add(buf, sz, len, formats[i]->name, k++, n,
			                    opt < 0 ? " or " : " and ");
}

toll_import *
toll_import_new(toll_import_say_fn say, void *ctx)
{
	toll_import *im = calloc(1, sizeof *im);

	if (im == NULL)
		return NULL;
	im->say = say;
	im->say_ctx = ctx;
	im->o.time_prec = im->o.geo_prec = im->o.date_prec = im->o.where_prec = -1;
	im->event_type = im->time_precision = im->geo_precision = im->date_prec = im->where_prec = -1;
	im->qual = -1;
	return im;
}

void
toll_import_free(toll_import *im)
{
	size_t i;

	if (im == NULL)
		return;
	toll_strmap_free(im->events);
	toll_strmap_free(im->seen);
	free(im->seen_best);
	free(im->civilian);
	for (i = 0; i < im->o.nvm; i++) {
		free(im->o.vm[i].spec);
		free(im->o.vm[i].from);
		free(im->o.vm[i].to);
	}
	for (i = 0; i < im->o.nmap; i++)
		free(im->o.map[i]);
	for (i = 0; i < im->o.nset; i++)
		free(im->o.set[i]);
	for (i = 0; i < im->o.nwide; i++)
		free(im->o.wide[i]);
	free(im->o.reported);
	free(im->o.release);
	free(im->o.deleted);
	free(im->o.keep);
	free(im->o.rel);
	imp_releases_free(im);
	free(im);
}

/* A copy of s in *into (the one before freed). */
static int
copy(char **into, const char *s, toll_diag *d)
{
	char *c = strdup(s);

	if (c == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	free(*into);
	*into = c;
	return TOLL_OK;
}

/* A limit of a precision option: a whole number to 100. */
static int
limit(const char *name, const char *arg, long *out, toll_diag *d)
{
	long v = 0;
	const char *s = arg;

	for (; *s >= '0' && *s <= '9' && v <= 100; s++)
		v = v * 10 + (*s - '0');
	if (*arg == '\0' || *s != '\0' || v > 100)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid --%s '%s': expected a whole "
		                     "number", name, arg);
	*out = v;
	return TOLL_OK;
}

/* --value-map COL:A=B,C=D: cut in place into its pairs. */
static int
value_map(struct imp_opts *o, const char *arg, toll_diag *d)
{
	struct imp_vmap *v;
	char *p, *colon, *save = NULL;

	if (o->nvm == IMP_MAX_SETS)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "at most %d --value-map", IMP_MAX_SETS);
	v = &o->vm[o->nvm];
	memset(v, 0, sizeof *v);
	if ((v->spec = strdup(arg)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	o->nvm++;
	colon = strchr(v->spec, ':');
	if (colon == NULL || colon == v->spec || colon[1] == '\0')
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid --value-map '%s': expected "
		                     "COLUMN:FROM=TO,...", arg);
	*colon = '\0';
	v->col = v->spec;
	for (p = strtok_r(colon + 1, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
		char *to = strchr(p, '=');
		const char **nf, **nt;

		if (to == NULL || to == p)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid --value-map '%s': "
			                     "expected COLUMN:FROM=TO,...", arg);
		*to++ = '\0';
		nf = realloc(v->from, (v->n + 1) * sizeof *nf);
		if (nf != NULL)
			v->from = nf;
		nt = realloc(v->to, (v->n + 1) * sizeof *nt);
		if (nt != NULL)
			v->to = nt;
		if (nf == NULL || nt == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		v->from[v->n] = p;
		v->to[v->n++] = to;
	}
	return TOLL_OK;
}

/* --map A=B,C=D, --set and --wide: each pair a copy, cut at its '=' (OUT '\0' IN). */
static int
pairs(const char *what, const char *arg, char **into, size_t *n, toll_diag *d)
{
	char *list = strdup(arg), *p, *save = NULL;
	int r = TOLL_OK;

	if (list == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	for (p = strtok_r(list, ",", &save); p != NULL && r == TOLL_OK; p = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(p, '=');

		if (*n == IMP_MAX_SETS)
			r = toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "at most %d --%s pairs", IMP_MAX_SETS,
			                  what);
		else if (eq == NULL || eq == p)
			r = toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid --%s '%s': expected %s", what,
			                  p, strcmp(what, "map") == 0 ? "COLUMN=INPUT_COLUMN" :
			                  strcmp(what, "wide") == 0 ? "CATEGORY[/STATUS]=INPUT_COLUMN" :
			                  "COLUMN=VALUE");
		else if ((into[*n] = strdup(p)) == NULL)
			r = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		else
			into[(*n)++][eq - p] = '\0';
	}
	free(list);
	return r;
}

int
toll_import_option(toll_import *im, int opt, const char *arg, toll_diag *d)
{
	struct imp_opts *o = &im->o;

	if (opt < 0 || opt >= TOLL_IMPORT_NOPTS || (options[opt].has_arg && arg == NULL))
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid import option %d", opt);
	o->given |= 1u << opt;
	switch (opt) {
	case TOLL_IMPORT_REPORTED: return copy(&o->reported, arg, d);
	case TOLL_IMPORT_DELETED: return copy(&o->deleted, arg, d);
	case TOLL_IMPORT_RELEASE: return copy(&o->release, arg, d);
	case TOLL_IMPORT_KEEP: return copy(&o->keep, arg, d);
	case TOLL_IMPORT_TIME_PREC: return limit(options[opt].name, arg, &o->time_prec, d);
	case TOLL_IMPORT_GEO_PREC: return limit(options[opt].name, arg, &o->geo_prec, d);
	case TOLL_IMPORT_DATE_PREC: return limit(options[opt].name, arg, &o->date_prec, d);
	case TOLL_IMPORT_WHERE_PREC: return limit(options[opt].name, arg, &o->where_prec, d);
	case TOLL_IMPORT_SPLIT_SIDES: o->split = 1; return TOLL_OK;
	case TOLL_IMPORT_ROW_EVENTS: o->row_events = 1; return TOLL_OK;
	case TOLL_IMPORT_STRICT: o->strict = 1; return TOLL_OK;
	case TOLL_IMPORT_MAP: return pairs("map", arg, o->map, &o->nmap, d);
	case TOLL_IMPORT_SET: return pairs("set", arg, o->set, &o->nset, d);
	case TOLL_IMPORT_WIDE: return pairs("wide", arg, o->wide, &o->nwide, d);
	case TOLL_IMPORT_RELEASES: return imp_releases_parse(o, arg, d);
	default: return value_map(o, arg, d);
	}
}

int
toll_import_set_format(toll_import *im, const char *name, toll_diag *d)
{
	char names[128];
	size_t i;
	int opt;

	for (i = 0; i < nformats && strcmp(formats[i]->name, name) != 0; i++)
		;
	if (i == nformats) {
		format_names(-1, names, sizeof names);
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "unknown format '%s': expected %s", name,
		                     names);
	}
	/* An option of another format says so, rather than doing nothing. */
	for (opt = 0; opt < TOLL_IMPORT_MAP; opt++)
		if ((im->o.given >> opt & 1u) && !(formats[i]->options >> opt & 1u)) {
			format_names(opt, names, sizeof names);
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--%s is for %s%s%s",
			                     options[opt].name, names, options[opt].hint ? ": " : "",
			                     options[opt].hint ? options[opt].hint : "");
		}
	im->fmt = formats[i];
	return im->fmt->check != NULL ? im->fmt->check(im, d) : TOLL_OK;
}
