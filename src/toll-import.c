/*
 * toll-import: real exports (ACLED, UCDP GED, any table) written as the
 * canonical reports table of SPEC section 1, which every other program
 * reads.  Rows it cannot read are reported and left out; every good row
 * is written.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "toll/date.h"
#include "toll/figure.h"
#include "toll/json.h"
#include "toll/keys.h"
#include "toll/out.h"
#include "toll/report.h"
#include "toll/strmap.h"
#include "toll/table.h"

static const char usage_text[] =
	"Usage: toll-import FORMAT [OPTION]... [FILE]...\n"
	"Write an export as the reports table every toll program reads (TSV on\n"
	"standard output), with one line on standard error of what was decided.\n"
	"With no FILE, or when FILE is -, read standard input.  A row that cannot\n"
	"be read is reported FILE:LINE:COL and left out (exit status 1); every\n"
	"good row is still written.\n"
	"\n"
	"Formats:\n"
	"  acled     ACLED exports: the current layout, the older one (data_id,\n"
	"            event_id_no_cnty) and the upper-case one, found by the header.\n"
	"            event: event_id_cnty (else data_id); start, end and reported:\n"
	"            event_date; source ACLED (ACLED's own in acled_source); side\n"
	"            all; status civilian for violence against civilians, else\n"
	"            all; category killed; best: fatalities\n"
	"  ucdp-ged  UCDP GED: event: id; low, best, high; start, end: date_start,\n"
	"            date_end; reported: --reported DATE, else date_end; source\n"
	"            UCDP GED; low, best and high out of order widen the interval\n"
	"  table     any table, by --map and --set; columns named as the reports\n"
	"            table's are taken as they are (claimant, within, qualifier),\n"
	"            the others kept\n"
	"Any format reads TSV, CSV, or JSON (an array of records, or one record a\n"
	"line), found by its first bytes: a nested field is named by its dotted\n"
	"path (location.country); the columns are the first 1,000 records' keys.\n"
	"ACLED and UCDP code their own estimates from many sources: their rows have\n"
	"no claimant, as an independent source's (counted for every side).  A table\n"
	"says who made each claim with --map claimant=COLUMN or --set claimant=SIDE.\n";

static const char usage_options[] =
	"\n"
	"ACLED:\n"
	"      --reported=WHAT    event_date (default), or timestamp: successive\n"
	"                         exports become revisions of their events (an\n"
	"                         event unchanged since an earlier export is\n"
	"                         written once)\n"
	"      --deleted=FILE     ACLED's list of deleted events (event_id_cnty,\n"
	"                         deleted_timestamp): each a revision of 0 at its\n"
	"                         time, with note '[correction] deleted by ACLED'\n"
	"      --time-precision=N leave out rows with time_precision above N\n"
	"      --geo-precision=N  leave out rows with geo_precision above N\n"
	"UCDP GED:\n"
	"      --reported=DATE    the release's date, for every row\n"
	"      --release=R        the release (24.1), in a column 'release';\n"
	"                         needs --reported\n"
	"      --split-sides      also a row per side, of low 0, best its deaths, high\n"
	"                         the event's: deaths_a (side_a, military), deaths_b\n"
	"                         (side_b, military), deaths_civilians (all, civilian),\n"
	"                         deaths_unknown (all, unknown)\n"

	"      --max-date-prec=N  leave out rows with date_prec above N\n"
	"      --max-where-prec=N leave out rows with where_prec above N\n"
	"Table:\n"
	"      --row-events       each row its own event (FILE:LINE), of best 1\n"
	"                         unless mapped: for lists of victims\n"
	"      --wide=CAT[/STATUS]=IN,...  a wide table: each row becomes a row per\n"
	"                         figure column IN, of category CAT (and status),\n"
	"                         best from IN (killed=deaths,wounded=injured,\n"
	"                         killed/civilian=civ_dead); one output, one header\n";

/* Split from usage_options: C99 promises strings of 4,095 bytes, no more. */
static const char usage_any[] =
	"Any format:\n"
	"      --map=OUT=IN,...   column OUT from input column IN (reported, start\n"
	"                         and end are read as dates, low, best and high as\n"
	"                         numbers, value in the value notation); IN=A+B\n"
	"                         joins columns' values with '/' (event=iso+month);\n"
	"                         for acled and ucdp-ged, what a reduced export\n"
	"                         lacks, or another column than the format's\n"
	"      --keep=IN,...      the input columns kept (default: acled's and\n"
	"                         ucdp-ged's own lists, a table's columns not used;\n"
	"                         '' for none); acled's timestamp written as a date\n"
	"      --strict           refuse a row that states no figure (empty, or one\n"
	"                         of --na's spellings) instead of leaving it out and\n"
	"                         counting it; for ucdp-ged, also low, best and high\n"
	"                         out of order instead of widening [low, high]\n"
	"      --set=OUT=VALUE    column OUT is VALUE, for a column the file does not\n"
	"                         have (with --map OUT=IN: where IN is empty); may\n"
	"                         be repeated\n"
	"      --value-map=OUT:A=B,...  in column OUT, A becomes B; may be repeated\n"
	CLI_HELP_OPTIONS
	"\n"
	"-m's default is 0 here: every good row is written, however many are refused.\n"
	"\n"
	"Output columns: event, reported, source, side, category, status, low,\n"
	"best, high, start, end, then the columns kept.  Dates are written as\n"
	"YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ), numbers as plain digits.\n"
	"Exit status: 0 success, 1 rows refused, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-import acled export.csv | toll-agg -g country,start:month\n"
	"  toll-import ucdp-ged --split-sides ged231.csv >ged.tsv\n"
	"  toll-import table --map event=battle,side=country,best=numbers \\\n"
	"      --set reported=2018-11-11,source=Wikipedia,category=casualties \\\n"
	"      --date-format %m/%d/%Y wwi.csv\n"
	"  toll-import table --set event=invasion,side=Russia,category=killed \\\n"
	"      --map reported=date,source=source.name,best=personnel,qualifier=personnel* \\\n"
	"      losses.json\n";

enum format { FMT_ACLED, FMT_UCDP, FMT_TABLE };
enum kind { K_TEXT, K_DATE, K_NUMBER, K_EPOCH, K_VALUE };

/* The output columns every format writes first, in this order. */
enum {
	O_EVENT, O_REPORTED, O_SOURCE, O_SIDE, O_CATEGORY, O_STATUS, O_LOW, O_BEST, O_HIGH,
	O_START, O_END, O_FIXED
};
static const char *const fixed_names[O_FIXED] = {
	"event", "reported", "source", "side", "category", "status", "low", "best", "high",
	"start", "end"
};

#define MAX_COLS 1024
#define MAX_SETS 64
#define SCRATCH 48
#define MAX_PARTS 8         /* columns of one composite key, --map event=A+B */
#define MAX_COMPOSITE 8     /* composite output columns */
#define COMPOSITE 512       /* bytes of a composite value */

/* One output column: where its value comes from. */
struct col {
	const char *name;
	long src, alt;          /* input columns (-1: none); alt is read where src is empty */
	const char *constant;   /* where no input column gives a value (NULL: empty) */
	int kind;
	int vmap;               /* the --value-map of this column, or -1 */
	long parts[MAX_PARTS];  /* a composite (--map OUT=A+B): its input columns */
	int nparts;             /* 0 or 1: src alone */
	int comp;               /* its buffer in struct rowbuf's comp[] */
	int kept;               /* an input column kept as it is: a later file may lack it */
};

/* A --value-map: in column col, from[i] becomes to[i]. */
struct vmap {
	char *spec;             /* owned copy, cut in place */
	const char *col;
	const char **from, **to;
	size_t n;
};

struct opts {
	enum format fmt;
	const char *reported, *release, *deleted, *keep;
	int split, strict, row_events;
	long time_prec, geo_prec, date_prec, where_prec;   /* -1: no limit */
	char *map[MAX_SETS], *set[MAX_SETS];               /* OUT=IN and OUT=VALUE, cut in place */
	size_t nmap, nset;
	char *wide[MAX_SETS];                              /* CATEGORY[/STATUS]=IN, cut in place */
	size_t nwide;
	struct vmap vm[MAX_SETS];
	size_t nvm;
};

struct imp {
	struct opts *o;
	const char *layout;
	struct col c[MAX_COLS];
	size_t n;
	toll_schema schema;
	/* Input columns the format reads besides the mapped ones. */
	long event_type, time_precision, geo_precision, date_prec, where_prec;
	long deaths[4], side_a, side_b;
	/* ACLED: the status of each event read, for --deleted. */
	toll_strmap *events;
	unsigned char *civilian;
	size_t civcap;
	/* ACLED --reported timestamp: each (event, timestamp) read, and its best. */
	toll_strmap *seen;
	int64_t *seen_best;
	size_t seencap;
	long read, written, refused, widened, defaulted, left_out, deletions, unchanged, no_figure;
	int status_set;         /* --set status=...: ACLED's rule gives way */
	long qual;              /* the output column qualifier, or -1 */
	/* --wide: each input row is a row per figure column, of its category and status. */
	struct wide { const char *category, *status; long src; } w[MAX_SETS];
	size_t nw;
	long status_src;        /* the status column's input column, for --wide without one */
	const char *status_constant;
	int ncomp;              /* composite columns (--map OUT=A+B) */
	toll_out *out;
	cli_reader cr;
};

/* Adds an output column; returns it. */
static struct col *
add_col(struct imp *im, const char *name, long src, const char *constant, int kind)
{
	struct col *c = &im->c[im->n++];

	c->name = name;
	c->src = src;
	c->alt = -1;
	c->constant = constant;
	c->kind = kind;
	c->vmap = -1;
	c->nparts = 0;
	c->kept = 0;
	return c;
}

static long
find_col(struct imp *im, const char *name)
{
	size_t i;

	for (i = 0; i < im->n; i++)
		if (strcmp(im->c[i].name, name) == 0)
			return (long)i;
	return -1;
}

static int
kind_of(const char *name)
{
	if (strcmp(name, "reported") == 0 || strcmp(name, "start") == 0 || strcmp(name, "end") == 0)
		return K_DATE;
	if (strcmp(name, "low") == 0 || strcmp(name, "best") == 0 || strcmp(name, "high") == 0)
		return K_NUMBER;
	if (strcmp(name, "value") == 0)
		return K_VALUE;
	return K_TEXT;
}

static int
field_is(const toll_field *f, const char *s)
{
	size_t n = strlen(s);

	return f->len == n && memcmp(f->s, s, n) == 0;
}

/* The same, whatever the case of ASCII letters: older ACLED releases spell
 * one event type two ways ("Violence Against Civilians"). */
static int
field_is_nocase(const toll_field *f, const char *s)
{
	size_t n = strlen(s);

	return f->len == n && strncasecmp(f->s, s, n) == 0;
}

/*
 * The message that a column the format needs is missing, at the header;
 * with the output column that --map could give instead (a reduced export).
 */
static int
missing_or_map(const toll_table *t, const toll_row *h, const char *what, const char *name,
               const char *out, toll_diag *d)
{
	char msg[TOLL_DIAG_MSG];
	size_t n;
	const toll_field *cols = toll_table_columns(t, &n);

	toll_column_problem(cols, n, what, name, strlen(name), NULL, msg, sizeof msg);
	if (out == NULL)
		return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 0, "%s", msg);
	return toll_diag_set(d, TOLL_EDATA, h->file, h->line, 0, "%s; a reduced export: give --map "
	                     "%s=COLUMN", msg, out);
}

/* The message that a column the format needs is missing, at the header. */
static int
missing(const toll_table *t, const toll_row *h, const char *what, const char *name, toll_diag *d)
{
	return missing_or_map(t, h, what, name, NULL, d);
}

/* The input column IN of --map OUT=IN, or its parts A+B (a composite); -1 and *d if unknown. */
static int
map_source(struct imp *im, const toll_table *t, const char *out, const char *in, long *parts,
           int *nparts, toll_diag *d)
{
	size_t ncols, len;
	const toll_field *cols = toll_table_columns(t, &ncols);
	const char *p = in, *plus;
	char name[256], msg[TOLL_DIAG_MSG], where[TOLL_DIAG_MSG / 4];

	(void)im;
	*nparts = 0;
	/* A column whose name holds '+' is that column. */
	if ((parts[0] = toll_table_column(t, in)) >= 0) {
		*nparts = 1;
		return TOLL_OK;
	}
	do {
		plus = strchr(p, '+');
		len = plus ? (size_t)(plus - p) : strlen(p);
		if (len >= sizeof name)
			len = sizeof name - 1;
		memcpy(name, p, len);
		name[len] = '\0';
		if (*nparts == MAX_PARTS)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--map %s=%s: at most %d columns in a "
			                     "composite", out, in, MAX_PARTS);
		if ((parts[*nparts] = toll_table_column(t, name)) < 0) {
			snprintf(where, sizeof where, " in --map %s=%s", out, in);
			toll_column_problem(cols, ncols, "unknown column", name, strlen(name), where, msg,
			                    sizeof msg);
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "%s", msg);
		}
		(*nparts)++;
		p = plus ? plus + 1 : NULL;
	} while (p != NULL);
	return TOLL_OK;
}

/*
 * --map OUT=IN for every format: OUT is read from IN (a composite of
 * A+B: their values joined by '/'), replacing what the format reads it
 * from, or a new column.  used[] marks the input columns taken.
 */
static int
apply_maps(struct imp *im, const toll_table *t, char *used, toll_diag *d)
{
	size_t i;
	int j;

	for (i = 0; i < im->o->nmap; i++) {
		const char *out = im->o->map[i], *in = out + strlen(out) + 1;
		long parts[MAX_PARTS], k = find_col(im, out);
		int nparts, r;
		struct col *c;

		if ((r = map_source(im, t, out, in, parts, &nparts, d)) != TOLL_OK)
			return r;
		if (im->n >= MAX_COLS - 1)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "too many output columns (at most %d)",
			                     MAX_COLS - 1);
		if (strcmp(out, "value") == 0 && k < 0)
			c = add_col(im, "value", parts[0], NULL, K_VALUE);
		else if (k >= 0)
			c = &im->c[k];
		else
			c = add_col(im, out, parts[0], NULL, K_TEXT);
		if (c->nparts > 0)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "column '%s' is mapped twice", out);
		c->src = parts[0];
		c->alt = -1;
		c->nparts = nparts;
		if (nparts > 1) {
			if (im->ncomp == MAX_COMPOSITE)
				return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "at most %d composite columns",
				                     MAX_COMPOSITE);
			c->comp = im->ncomp++;
			memcpy(c->parts, parts, (size_t)nparts * sizeof *parts);
		}
		for (j = 0; j < nparts; j++)
			used[parts[j]] = 1;
	}
	return TOLL_OK;
}

/* Whether --map gives the output column out. */
static int
is_mapped(const struct opts *o, const char *out)
{
	size_t i;

	for (i = 0; i < o->nmap; i++)
		if (strcmp(o->map[i], out) == 0)
			return 1;
	return 0;
}

/* Adds the input column src to the output, as itself. */
static int
keep_col(struct imp *im, const toll_table *t, long src, toll_diag *d)
{
	size_t ncols;
	const toll_field *cols = toll_table_columns(t, &ncols);
	struct col *c;

	if (find_col(im, cols[src].s) >= 0)
		return TOLL_OK;
	if (im->n >= MAX_COLS - 1)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "too many columns to keep (at most %d in "
		                     "all): choose them with --keep", MAX_COLS - 1);
	/* ACLED's timestamp is Unix time: written as a date, as every date is. */
	c = add_col(im, cols[src].s, src, NULL,
	            im->o->fmt == FMT_ACLED && strcmp(cols[src].s, "timestamp") == 0 ? K_EPOCH : K_TEXT);
	c->kept = 1;
	return TOLL_OK;
}

/*
 * The columns kept: --keep's, or by default the format's list (dflt, n
 * names; NULL: every column not used).  A column 'value' beside a figure
 * from low, best or high would be a second figure, which the reports
 * table refuses: not kept.
 */
static int
keep_columns(struct imp *im, const toll_table *t, char *used, const char *const *dflt, size_t n,
             toll_diag *d)
{
	size_t i, ncols;
	const toll_field *cols = toll_table_columns(t, &ncols);
	char *list, *p, *save = NULL;
	int r = TOLL_OK;

	if (im->o->keep == NULL) {
		for (i = 0; i < ncols && dflt == NULL; i++)
			if (!used[i] && strcmp(cols[i].s, "value") == 0) {
				fprintf(stderr, "%s: warning: column 'value' is not kept: the figure comes "
				        "from low, best or high (keep it as text with --map "
				        "value_text=value)\n", cli_prog);
				used[i] = 1;
			}
		for (i = 0; i < (dflt ? n : ncols) && r == TOLL_OK; i++) {
			long src = dflt ? toll_table_column(t, dflt[i]) : (long)i;

			if (src >= 0 && (dflt || !used[src]))
				r = keep_col(im, t, src, d);
		}
		return r;
	}
	if ((list = strdup(im->o->keep)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	for (p = strtok_r(list, ",", &save); p != NULL && r == TOLL_OK; p = strtok_r(NULL, ",", &save)) {
		long src = toll_table_column(t, p);

		if (src < 0) {
			char msg[TOLL_DIAG_MSG];

			toll_column_problem(cols, ncols, "unknown column", p, strlen(p), " in --keep", msg,
			                    sizeof msg);
			r = toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "%s", msg);
		} else if (strcmp(p, "value") == 0 && !used[src]) {
			r = toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--keep value: the figure comes from low, "
			                  "best or high, and a column 'value' would be a second one (keep it "
			                  "as text with --map value_text=value)");
		} else {
			r = keep_col(im, t, src, d);
		}
	}
	free(list);
	return r;
}

/*
 * What follows a format's own columns: those kept (its list dflt[0..n),
 * every one even where the export lacks it, or --keep's), then --map's.
 */
static int
plan_rest(struct imp *im, const toll_table *t, const char *const *dflt, size_t n, toll_diag *d)
{
	size_t i, ncols;
	char *used;
	int r;

	(void)toll_table_columns(t, &ncols);
	if ((used = calloc(ncols ? ncols : 1, 1)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (im->o->keep == NULL) {
		for (i = 0; i < n; i++)
			if (find_col(im, dflt[i]) < 0) {
				struct col *c = add_col(im, dflt[i], toll_table_column(t, dflt[i]), NULL, K_TEXT);

				c->kept = 1;
			}
		r = TOLL_OK;
	} else {
		r = keep_columns(im, t, used, NULL, 0, d);
	}
	if (r == TOLL_OK)
		r = apply_maps(im, t, used, d);
	free(used);
	return r;
}

/* ACLED: the layout from the header, and its columns. */
static int
plan_acled(struct imp *im, const toll_table *t, const toll_row *h, toll_diag *d)
{
	static const char *const kept[] = {
		"country", "admin1", "admin2", "admin3", "event_type", "sub_event_type", "actor1",
		"actor2", "latitude", "longitude", "iso3", "notes"
	};
	long ev = toll_table_column(t, "event_id_cnty"), date = toll_table_column(t, "event_date"),
	     fat = toll_table_column(t, "fatalities"), data_id = toll_table_column(t, "data_id");
	struct col *c;
	int r;

	if (toll_table_column(t, "ALLY_ACTOR_1") >= 0)
		im->layout = "upper-case layout";
	else if (data_id >= 0 || toll_table_column(t, "event_id_no_cnty") >= 0)
		im->layout = "older layout";
	else
		im->layout = "current layout";
	/* A reduced export: what it lacks may come from --map. */
	if (ev < 0 && data_id < 0 && !is_mapped(im->o, "event"))
		return missing_or_map(t, h, "not an ACLED export: missing column", "event_id_cnty",
		                      "event", d);
	if (date < 0 && !is_mapped(im->o, "reported"))
		return missing_or_map(t, h, "not an ACLED export: missing column", "event_date",
		                      "reported", d);
	if (fat < 0 && !is_mapped(im->o, "best"))
		return missing_or_map(t, h, "not an ACLED export: missing column", "fatalities", "best",
		                      d);
	c = add_col(im, "event", ev >= 0 ? ev : data_id, NULL, K_TEXT);
	if (ev >= 0)
		c->alt = data_id;
	if (im->o->reported == NULL || strcmp(im->o->reported, "event_date") == 0) {
		add_col(im, "reported", date, NULL, K_DATE);
	} else if (strcmp(im->o->reported, "timestamp") == 0) {
		long ts = toll_table_column(t, "timestamp");

		if (ts < 0)
			return missing(t, h, "--reported timestamp: missing column", "timestamp", d);
		add_col(im, "reported", ts, NULL, K_EPOCH);
	} else {
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0,
		                     "invalid --reported '%s' for acled: expected event_date or timestamp",
		                     im->o->reported);
	}
	add_col(im, "source", -1, "ACLED", K_TEXT);
	add_col(im, "side", -1, "all", K_TEXT);
	add_col(im, "category", -1, "killed", K_TEXT);
	add_col(im, "status", -1, "all", K_TEXT);
	add_col(im, "low", -1, NULL, K_NUMBER);
	add_col(im, "best", fat, NULL, K_NUMBER);
	add_col(im, "high", -1, NULL, K_NUMBER);
	add_col(im, "start", date, NULL, K_DATE);
	add_col(im, "end", date, NULL, K_DATE);
	add_col(im, "acled_source", toll_table_column(t, "source"), NULL, K_TEXT);
	if ((r = plan_rest(im, t, kept, sizeof kept / sizeof kept[0], d)) != TOLL_OK)
		return r;
	/* The last column: deletions write their note there. */
	if (im->o->deleted != NULL)
		add_col(im, "note", -1, NULL, K_TEXT);
	im->event_type = toll_table_column(t, "event_type");
	im->time_precision = toll_table_column(t, "time_precision");
	im->geo_precision = toll_table_column(t, "geo_precision");
	if (im->o->time_prec >= 0 && im->time_precision < 0)
		return missing(t, h, "--time-precision: missing column", "time_precision", d);
	if (im->o->geo_prec >= 0 && im->geo_precision < 0)
		return missing(t, h, "--geo-precision: missing column", "geo_precision", d);
	return TOLL_OK;
}

static int
plan_ucdp(struct imp *im, const toll_table *t, const toll_row *h, toll_diag *d)
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
		if (toll_table_column(t, need[i]) < 0 && !is_mapped(im->o, gives[i]))
			return missing_or_map(t, h, "not a UCDP GED export: missing column", need[i],
			                      gives[i], d);
	add_col(im, "event", toll_table_column(t, "id"), NULL, K_TEXT);
	if (im->o->reported != NULL)
		add_col(im, "reported", -1, im->o->reported, K_DATE);
	else
		add_col(im, "reported", toll_table_column(t, "date_end"), NULL, K_DATE);
	add_col(im, "source", -1, "UCDP GED", K_TEXT);
	add_col(im, "side", -1, "all", K_TEXT);
	add_col(im, "category", -1, "killed", K_TEXT);
	add_col(im, "status", -1, "all", K_TEXT);
	add_col(im, "low", toll_table_column(t, "low"), NULL, K_NUMBER);
	add_col(im, "best", toll_table_column(t, "best"), NULL, K_NUMBER);
	add_col(im, "high", toll_table_column(t, "high"), NULL, K_NUMBER);
	add_col(im, "start", toll_table_column(t, "date_start"), NULL, K_DATE);
	add_col(im, "end", toll_table_column(t, "date_end"), NULL, K_DATE);
	if (im->o->release != NULL)
		add_col(im, "release", -1, im->o->release, K_TEXT);
	if ((r = plan_rest(im, t, kept, sizeof kept / sizeof kept[0], d)) != TOLL_OK)
		return r;
	if (im->o->split) {
		for (i = 0; i < 4; i++)
			if ((im->deaths[i] = toll_table_column(t, deaths[i])) < 0)
				return missing(t, h, "--split-sides: missing column", deaths[i], d);
		if ((im->side_a = toll_table_column(t, "side_a")) < 0)
			return missing(t, h, "--split-sides: missing column", "side_a", d);
		if ((im->side_b = toll_table_column(t, "side_b")) < 0)
			return missing(t, h, "--split-sides: missing column", "side_b", d);
	}
	im->date_prec = toll_table_column(t, "date_prec");
	im->where_prec = toll_table_column(t, "where_prec");
	if (im->o->date_prec >= 0 && im->date_prec < 0)
		return missing(t, h, "--max-date-prec: missing column", "date_prec", d);
	if (im->o->where_prec >= 0 && im->where_prec < 0)
		return missing(t, h, "--max-where-prec: missing column", "where_prec", d);
	return TOLL_OK;
}

/* Splits "OUT=REST" in place; returns REST, or NULL without '='. */
static char *
split_eq(char *s)
{
	char *eq = strchr(s, '=');

	if (eq == NULL || eq == s)
		return NULL;
	*eq = '\0';
	return eq + 1;
}

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
plan_wide(struct imp *im, const toll_table *t, char *used, toll_diag *d)
{
	size_t i, ncols;
	const toll_field *cols = toll_table_columns(t, &ncols);

	im->nw = 0;
	if (im->o->nwide == 0)
		return TOLL_OK;
	if (im->c[O_LOW].src >= 0 || im->c[O_BEST].src >= 0 || im->c[O_HIGH].src >= 0 ||
	    find_col(im, "value") >= 0 || im->c[O_CATEGORY].src >= 0)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--wide gives the figures and their "
		                     "categories: low, best, high, value and category cannot be mapped too");
	for (i = 0; i < im->o->nwide; i++) {
		char *cat = im->o->wide[i], *in = cat + strlen(cat) + 1, *slash = strchr(cat, '/');
		struct wide *w = &im->w[im->nw++];

		w->status = NULL;
		if (slash != NULL) {
			*slash = '\0';
			w->status = slash + 1;
			if (name_index(toll_status_names, TOLL_NSTATUSES, w->status) < 0)
				return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--wide %s/%s=%s: invalid status "
				                     "'%s': expected military, civilian, unknown or all", cat,
				                     w->status, in, w->status);
			if (im->c[O_STATUS].src >= 0 && is_mapped(im->o, "status"))
				return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--wide %s/%s=%s gives the status: "
				                     "'status' cannot be mapped too", cat, w->status, in);
		}
		w->category = cat;
		if (name_index(toll_category_names, TOLL_NCATEGORIES, cat) < 0)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--wide %s=%s: invalid category '%s': "
			                     "expected killed, wounded, missing, captured, killed_or_missing or "
			                     "casualties", cat, in, cat);
		if ((w->src = toll_table_column(t, in)) < 0) {
			char msg[TOLL_DIAG_MSG], where[TOLL_DIAG_MSG / 4];

			snprintf(where, sizeof where, " in --wide %s=%s", cat, in);
			toll_column_problem(cols, ncols, "unknown column", in, strlen(in), where, msg,
			                    sizeof msg);
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "%s", msg);
		}
		used[w->src] = 1;
	}
	/* The first column's, for the checks of the plan; each row sets its own. */
	im->c[O_BEST].src = im->w[0].src;
	im->c[O_CATEGORY].constant = im->w[0].category;
	im->c[O_CATEGORY].src = -1;
	return TOLL_OK;
}

static int
plan_table(struct imp *im, const toll_table *t, const toll_row *h, toll_diag *d)
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
		add_col(im, fixed_names[i], -1, NULL, kind_of(fixed_names[i]));
	if ((r = apply_maps(im, t, used, d)) != TOLL_OK)
		goto out;
	if (im->o->row_events && im->c[O_EVENT].src >= 0) {
		r = toll_diag_set(d, TOLL_EIO, NULL, 0, 0,
		                  "--row-events makes the events: 'event' cannot be mapped too");
		goto out;
	}
	if ((r = plan_wide(im, t, used, d)) != TOLL_OK)
		goto out;
	/* A column named as a fixed one is that one, unless mapped. */
	for (i = 0; i < O_FIXED; i++) {
		long src;

		if (im->c[i].src >= 0 || (i == O_EVENT && im->o->row_events))
			continue;
		if ((src = toll_table_column(t, fixed_names[i])) >= 0 && !used[src]) {
			im->c[i].src = src;
			used[src] = 1;
		}
	}
	/* A column 'value' (the notation) stands for low, best and high when none is given. */
	if (find_col(im, "value") < 0 && im->c[O_LOW].src < 0 && im->c[O_BEST].src < 0 &&
	    im->c[O_HIGH].src < 0) {
		long src = toll_table_column(t, "value");

		if (src >= 0 && !used[src]) {
			add_col(im, "value", src, NULL, K_VALUE);
			used[src] = 1;
		}
	}
	r = keep_columns(im, t, used, NULL, 0, d);
out:
	free(used);
	return r;
}

/* --set and --value-map, on the plan of any format; then what every reports row needs. */
static int
plan_common(struct imp *im, const toll_table *t, toll_diag *d)
{
	size_t i;
	long k;

	for (i = 0; i < im->o->nset; i++) {
		const char *out = im->o->set[i], *val = out + strlen(out) + 1;

		im->status_set |= strcmp(out, "status") == 0;
		/*
		 * The file's own column of that name is not replaced silently:
		 * --map says to fill its empty fields, or to keep it apart.
		 */
		if ((k = find_col(im, out)) >= 0 && im->c[k].src >= 0 && im->c[k].nparts == 0 &&
		    im->c[k].src == toll_table_column(t, out))
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--set %s=%s: the file has a column "
			                     "'%s': give --map %s=%s as well to fill only its empty fields, "
			                     "or --map OTHER=%s to keep it under another name", out, val, out,
			                     out, out, out);
		if (k < 0) {
			if (im->n >= MAX_COLS - 1)
				return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "too many output columns (at most %d)", MAX_COLS - 1);
			add_col(im, out, -1, val, kind_of(out) == K_VALUE ? K_TEXT : kind_of(out));
		} else {
			im->c[k].constant = val;
		}
	}
	for (i = 0; i < im->o->nvm; i++) {
		if ((k = find_col(im, im->o->vm[i].col)) < 0)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "--value-map: no output column '%s'",
			                     im->o->vm[i].col);
		im->c[k].vmap = (int)i;
	}
	/* --wide sets each row's status where it names one: the others are these. */
	im->status_src = im->c[O_STATUS].src;
	im->status_constant = im->c[O_STATUS].constant;
	/* The value notation's "about" goes on as the reports table's qualifier. */
	im->qual = find_col(im, "qualifier");
	if (im->qual < 0 && find_col(im, "value") >= 0) {
		if (im->n >= MAX_COLS - 1)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "too many output columns (at most %d)", MAX_COLS - 1);
		add_col(im, "qualifier", -1, NULL, K_TEXT);
		im->qual = (long)im->n - 1;
	}
	if (im->o->row_events) {
		if (im->c[O_BEST].src < 0 && im->c[O_BEST].constant == NULL && im->c[O_LOW].src < 0 &&
		    im->c[O_HIGH].src < 0 && find_col(im, "value") < 0)
			im->c[O_BEST].constant = "1";
	}
	for (i = 0; i < O_FIXED; i++) {
		static const int required[] = { O_EVENT, O_REPORTED, O_SOURCE, O_SIDE, O_CATEGORY };
		size_t r;

		for (r = 0; r < sizeof required / sizeof required[0]; r++)
			if ((int)i == required[r] && im->c[i].src < 0 && im->c[i].constant == NULL &&
			    !(i == O_EVENT && im->o->row_events))
				return toll_diag_set(d, TOLL_EIO, NULL, 0, 0,
				                     "no column gives '%s': give --map %s=COLUMN or "
				                     "--set %s=VALUE", im->c[i].name, im->c[i].name,
				                     im->c[i].name);
	}
	if (im->c[O_LOW].src < 0 && im->c[O_BEST].src < 0 && im->c[O_HIGH].src < 0 &&
	    im->c[O_LOW].constant == NULL && im->c[O_BEST].constant == NULL &&
	    im->c[O_HIGH].constant == NULL && find_col(im, "value") < 0)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0,
		                     "no column gives the figure: give --map best=COLUMN (or low, "
		                     "high, value)");
	/* Where each reports column is, for the checks of every row. */
	for (i = 0; i < TOLL_NCOLUMNS; i++)
		im->schema.col[i] = -1;
	for (i = 0; i < (size_t)TOLL_NCOLUMNS; i++) {
		k = find_col(im, toll_column_names[i]);
		if (k >= 0 && im->c[k].kind != K_VALUE)
			im->schema.col[i] = k;
	}
	return TOLL_OK;
}

/* Writes a line of the output columns, all but 'value' (it becomes low, best and high). */
static void
write_fields(struct imp *im, const toll_field *f)
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
 * UTC, YYYY-MM-DDTHH:MM:SSZ (years 1 to 9999, as the date reader reads).
 */
static size_t
iso_text(int64_t t, char *buf, size_t bufsz)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), y, sec = t - days * 86400;
	int m, dd;

	(void)bufsz;
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
static int
bad_field(const toll_table *t, const toll_row *r, long src, const char *what, const char *why,
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
static int
number_text(const toll_table *t, const toll_row *r, long src, const toll_field *f, char *buf,
            size_t *len, int64_t *v, toll_diag *d)
{
	int e = toll_number_parse(f->s, f->len, v);

	if (e != TOLL_FIG_OK) {
		/* Said as every figure reader says it: "not a whole number '8.5' in column 'x'". */
		const char *what = e == TOLL_FIG_SYNTAX ? "invalid number" : toll_figure_strerror(e),
		           *why = e == TOLL_FIG_SYNTAX ? "expected a whole number from 0" : NULL;

		if (src >= 0)
			bad_field(t, r, src, what, why, d);
		else
			toll_diag_set(d, TOLL_EDATA, r->file, r->line, 0, "%s '%.*s'%s%s", what,
			              (int)(f->len > 40 ? 40 : f->len), f->s, why ? ": " : "", why ? why : "");
		return -1;
	}
	*len = (size_t)snprintf(buf, SCRATCH, "%lld", (long long)*v);
	return 0;
}

/* Per row: the output fields, and their converted text. */
struct rowbuf {
	toll_field f[MAX_COLS];
	char scratch[MAX_COLS][SCRATCH];
	char event[SCRATCH * 4];
	int has_num[3];
	int64_t num[3];          /* low, best, high as read */
	char vq;                 /* the qualifier of a value read: '~', 'v' or '\0' */
	char comp[MAX_COMPOSITE][COMPOSITE];  /* the composite columns' values */
};

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
 * at its first part's place; empty when every part is (cut at COMPOSITE
 * bytes, at a character's start).
 */
static void
composite(const struct col *c, const toll_row *r, char *buf, toll_field *f)
{
	size_t len = 0;
	int j, any = 0;

	*f = r->f[c->parts[0]];
	for (j = 0; j < c->nparts; j++) {
		const toll_field *p = &r->f[c->parts[j]];
		size_t n = p->len;

		any |= n > 0;
		if (j > 0 && len < COMPOSITE - 1)
			buf[len++] = '/';
		if (n > COMPOSITE - 1 - len) {
			n = COMPOSITE - 1 - len;
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
	f->s = q == '~' ? "~" : q == 'v' ? "vague" : "";
	f->len = strlen(f->s);
}

/*
 * A qualifier column in words ("about", "at least", "more than", "up to"):
 * the words and the row's best read together as the value notation reads
 * them ("about 2800", "more than 50"), which sets low, best, high and the
 * qualifier.  "~" and "vague" stay as they are.  Returns the problems.
 */
static int
qualifier_words(struct imp *im, const toll_table *t, const toll_row *r, struct rowbuf *rb,
                toll_diag *d)
{
	toll_field *q = &rb->f[im->qual], *best = &rb->f[O_BEST];
	char text[160];
	toll_range g;
	toll_figure fig;
	size_t j;
	int n;

	if (q->len == 0 || field_is(q, "~") || field_is(q, "vague"))
		return 0;
	if (best->len == 0 && rb->f[O_LOW].len == 0 && rb->f[O_HIGH].len == 0)
		return 0;   /* no figure: left out as any row without one */
	/* "more" and "less" alone, as daily series write them: more than, less than. */
	n = snprintf(text, sizeof text, "%.*s%s %.*s", (int)(q->len > 100 ? 100 : q->len), q->s,
	             field_is_nocase(q, "more") || field_is_nocase(q, "less") ? " than" : "",
	             (int)(best->len > 40 ? 40 : best->len), best->s);
	if (best->len == 0 || rb->f[O_LOW].len > 0 || rb->f[O_HIGH].len > 0 || q->len > 100 ||
	    toll_value_parse(text, (size_t)n, &g) != TOLL_FIG_OK) {
		const char *why = best->len == 0 || rb->f[O_LOW].len > 0 || rb->f[O_HIGH].len > 0
		                  ? "words qualify a best alone (no low, no high)"
		                  : "expected ~, vague, or words the value notation reads before a "
		                    "number: about, at least, more (than), up to, fewer than";

		if (im->c[im->qual].src >= 0)
			return bad_field(t, r, im->c[im->qual].src, "invalid qualifier", why, d), 1;
		toll_diag_set(d, TOLL_EDATA, r->file, r->line, 0, "invalid qualifier '%.*s': %s",
		              (int)(q->len > 40 ? 40 : q->len), q->s, why);
		return 1;
	}
	toll_figure_from_range(&g, &fig);
	for (j = 0; j < 3; j++) {
		int64_t v = j == 0 ? fig.low : j == 1 ? fig.best : fig.high;
		toll_field *o = &rb->f[O_LOW + j];

		o->line = best->line;
		o->col = best->col;
		if (j == 2 && fig.open) {
			o->len = 0;
			continue;
		}
		o->len = (size_t)snprintf(rb->scratch[O_LOW + j], SCRATCH, "%lld", (long long)v);
		o->s = rb->scratch[O_LOW + j];
	}
	rb->has_num[0] = rb->has_num[2] = 0;
	set_qualifier(q, g.qualifier);
	return 0;
}

/*
 * Fills rb with the output row of input row r.  Returns the number of
 * problems (each in d[]), at most TOLL_REPORT_MAX_PROBLEMS.
 */
static int
convert(struct imp *im, const toll_table *t, const toll_row *r, struct rowbuf *rb,
        toll_diag d[TOLL_REPORT_MAX_PROBLEMS], int *defaulted)
{
	size_t i, k;
	int np = 0;

	*defaulted = 0;
	rb->vq = '\0';
	rb->has_num[0] = rb->has_num[1] = rb->has_num[2] = 0;
	for (i = 0; i < im->n; i++) {
		const struct col *c = &im->c[i];
		toll_field *f = &rb->f[i];
		long src = c->src;

		f->s = "";
		f->len = 0;
		f->line = r->line;
		f->col = 0;
		if (c->nparts > 1) {
			composite(c, r, rb->comp[c->comp], f);
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
			const struct vmap *v = &im->o->vm[c->vmap];

			for (k = 0; k < v->n; k++)
				if (field_is(f, v->from[k])) {
					f->s = v->to[k];
					f->len = strlen(v->to[k]);
					break;
				}
		}
		if (f->len == 0 || np >= TOLL_REPORT_MAX_PROBLEMS)
			continue;
		switch (c->kind) {
		case K_DATE: {
			toll_time tm;
			size_t j;

			/* A column read into several (event_date: reported, start, end) is read once. */
			for (j = 0; j < i; j++)
				if (im->c[j].kind == K_DATE && im->c[j].src == c->src && c->src >= 0 &&
				    im->c[j].vmap < 0 && c->vmap < 0 && im->c[j].alt == c->alt &&
				    rb->f[j].s == rb->scratch[j])
					break;
			if (j < i) {
				rb->f[i] = rb->f[j];
				break;
			}

			if (toll_date_parse(f->s, f->len, &tm) != 0) {
				char why[200];

				/* One input column read into several (start and end): said once. */
				if (src >= 0 && said(d, np, f))
					break;

				toll_date_why(f->s, f->len, why, sizeof why);
				if (src >= 0)
					bad_field(t, r, src, "invalid date", why, &d[np++]);
				else
					toll_diag_set(&d[np++], TOLL_EDATA, r->file, r->line, 0,
					              "invalid date '%.*s' for '%s': %s",
					              (int)(f->len > 40 ? 40 : f->len), f->s, c->name, why);
				break;
			}
			f->len = iso_text(tm.t, rb->scratch[i], SCRATCH);
			f->s = rb->scratch[i];
			break;
		}
		case K_EPOCH: {
			int64_t v;

			if (toll_number_parse(f->s, f->len, &v) != TOLL_FIG_OK ||
			    v > toll_days_from_civil(9999, 12, 31) * 86400) {
				bad_field(t, r, src, "invalid timestamp", "expected seconds since 1970",
				          &d[np++]);
				break;
			}
			f->len = iso_text(v, rb->scratch[i], SCRATCH);
			f->s = rb->scratch[i];
			break;
		}
		case K_NUMBER: {
			int64_t v;
			int slot = (int)i - O_LOW;

			if (number_text(t, r, src, f, rb->scratch[i], &f->len, &v, &d[np]) != 0) {
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
			int e = toll_value_parse(f->s, f->len, &g);
			size_t j;

			if (e != TOLL_FIG_OK) {
				bad_field(t, r, src, "invalid value", toll_value_forms, &d[np++]);
				break;
			}
			toll_figure_from_range(&g, &fig);
			for (j = 0; j < 3; j++) {
				int64_t v = j == 0 ? fig.low : j == 1 ? fig.best : fig.high;
				toll_field *o = &rb->f[O_LOW + j];

				*o = *f;
				if (j == 2 && fig.open) {
					o->len = 0;
					continue;
				}
				o->len = (size_t)snprintf(rb->scratch[O_LOW + j], SCRATCH, "%lld", (long long)v);
				o->s = rb->scratch[O_LOW + j];
			}
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
		np += qualifier_words(im, t, r, rb, d);
	if (im->o->row_events && np < TOLL_REPORT_MAX_PROBLEMS) {
		const char *base = strrchr(r->file, '/');
		int n = snprintf(rb->event, sizeof rb->event, "%s:%ld", base ? base + 1 : r->file, r->line);

		rb->f[O_EVENT].s = rb->event;
		rb->f[O_EVENT].len = n > 0 && (size_t)n < sizeof rb->event ? (size_t)n : sizeof rb->event - 1;
	}
	return np;
}

/* Checks an output row as every toll program will read it. */
static int
check_row(struct imp *im, const toll_row *r, struct rowbuf *rb, toll_diag d[TOLL_REPORT_MAX_PROBLEMS])
{
	toll_row out;
	toll_report rep;

	out.f = rb->f;
	out.n = im->n;
	out.file = r->file;
	out.line = r->line;
	out.fileno = r->fileno;
	return toll_report_parse(&im->schema, &out, &rep, d);
}

static void
write_row(struct imp *im, const struct rowbuf *rb)
{
	write_fields(im, rb->f);
	im->written++;
}

/* The header: the output columns' names. */
static void
write_header(struct imp *im, struct rowbuf *rb)
{
	size_t i;

	for (i = 0; i < im->n; i++) {
		rb->f[i].s = im->c[i].name;
		rb->f[i].len = strlen(im->c[i].name);
	}
	write_fields(im, rb->f);
}

/* Prints problems; returns 0 when reading must stop (too many). */
static int
problems(struct imp *im, toll_diag *d, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!cli_reader_problem(&im->cr, &d[i], TOLL_EDATA))
			return 0;
	return 1;
}

/* Whether a precision field is above the limit (an empty or unreadable one is not). */
static int
above(const toll_row *r, long col, long limit)
{
	int64_t v;

	return limit >= 0 && col >= 0 && toll_number_parse(r->f[col].s, r->f[col].len, &v) == TOLL_FIG_OK &&
	       v > limit;
}

/* ACLED: the status of the row's event, remembered for --deleted. */
static int
acled_status(struct imp *im, const toll_row *r, struct rowbuf *rb)
{
	int civ = im->event_type >= 0 && field_is_nocase(&r->f[im->event_type], "Violence against civilians");

	rb->f[O_STATUS].s = civ ? "civilian" : "all";
	rb->f[O_STATUS].len = strlen(rb->f[O_STATUS].s);
	if (im->o->deleted != NULL && rb->f[O_EVENT].len > 0) {
		size_t id;
		int added;

		if (toll_strmap_intern(im->events, rb->f[O_EVENT].s, rb->f[O_EVENT].len, &id, &added) != TOLL_OK)
			return TOLL_ENOMEM;
		if (id >= im->civcap) {
			size_t ncap = im->civcap ? im->civcap * 2 : 1024;
			unsigned char *p;

			while (ncap <= id)
				ncap *= 2;
			if ((p = realloc(im->civilian, ncap)) == NULL)
				return TOLL_ENOMEM;
			memset(p + im->civcap, 0, ncap - im->civcap);
			im->civilian = p;
			im->civcap = ncap;
		}
		im->civilian[id] = (unsigned char)civ;
	}
	return TOLL_OK;
}

/*
 * UCDP: low, best and high out of order (a best outside [low, high], or
 * low above high) widen the interval to the smallest that holds all three
 * (or, with --strict, are refused).  Returns the number of problems in d.
 */
static int
ucdp_widen(struct imp *im, const toll_row *r, struct rowbuf *rb, toll_diag *d)
{
	int64_t *n = rb->num;
	toll_range g;

	if (toll_range_complete_widened(rb->has_num[0], toll_num_whole(n[0]), rb->has_num[1],
	                                toll_num_whole(n[1]), rb->has_num[2], toll_num_whole(n[2]),
	                                &g) != TOLL_FIG_OK || !g.widened)
		return 0;
	if (im->o->strict) {
		const toll_field *f = &rb->f[O_BEST];

		toll_diag_set(d, TOLL_EDATA, r->file, f->line, f->col,
		              "low %lld, best %lld, high %lld are out of order (--strict)",
		              (long long)n[0], (long long)n[1], (long long)n[2]);
		return 1;
	}
	if (rb->has_num[0]) {
		rb->f[O_LOW].len = (size_t)snprintf(rb->scratch[O_LOW], SCRATCH, "%lld", (long long)g.low.i);
		rb->f[O_LOW].s = rb->scratch[O_LOW];
	}
	if (rb->has_num[2]) {
		rb->f[O_HIGH].len = (size_t)snprintf(rb->scratch[O_HIGH], SCRATCH, "%lld", (long long)g.high.i);
		rb->f[O_HIGH].s = rb->scratch[O_HIGH];
	}
	im->widened++;
	return 0;
}

/* A figure column read from the input but empty: said of the input's column. */
static int
missing_figure(struct imp *im, const toll_table *t, const toll_row *r, struct rowbuf *rb,
               toll_diag *d)
{
	static const int order[] = { O_BEST, O_LOW, O_HIGH };
	size_t k, n;
	const toll_field *cols = toll_table_columns(t, &n);

	if (rb->f[O_LOW].len > 0 || rb->f[O_BEST].len > 0 || rb->f[O_HIGH].len > 0)
		return 0;
	for (k = 0; k <= sizeof order / sizeof order[0]; k++) {
		long src = k < sizeof order / sizeof order[0] ? im->c[order[k]].src : -1, v;
		char c[64];

		if (k == sizeof order / sizeof order[0] && (v = find_col(im, "value")) >= 0)
			src = im->c[v].src;
		if (src < 0)
			continue;
		toll_diag_quote(c, sizeof c, cols[src].s, cols[src].len);
		toll_diag_set(d, TOLL_EDATA, r->file, r->f[src].line, r->f[src].col,
		              "missing value in column '%s'%s", c,
		              im->o->strict ? " (--strict: a row without a figure is refused)" : "");
		return 1;
	}
	return 0;
}

/* UCDP --split-sides: a row per side after the event's own. */
static int
ucdp_split(struct imp *im, const toll_table *t, const toll_row *r, struct rowbuf *rb, toll_diag *d)
{
	static const char *const status[] = { "military", "military", "civilian", "unknown" };
	toll_field keep[O_FIXED];
	size_t i;
	int np = 0;

	memcpy(keep, rb->f, sizeof keep);
	for (i = 0; i < 4; i++) {
		const toll_field *deaths = &r->f[im->deaths[i]];
		int64_t v;
		size_t len;

		if (deaths->len == 0)
			continue;
		if (number_text(t, r, im->deaths[i], deaths, rb->scratch[O_BEST], &len, &v, &d[np]) != 0) {
			np++;
			continue;
		}
		rb->f[O_SIDE] = i == 0 ? r->f[im->side_a] : i == 1 ? r->f[im->side_b] : keep[O_SIDE];
		if (rb->f[O_SIDE].len == 0)
			rb->f[O_SIDE] = keep[O_SIDE];
		rb->f[O_STATUS].s = status[i];
		rb->f[O_STATUS].len = strlen(status[i]);
		/* UCDP splits its best alone: a side's deaths are from 0 to the event's high. */
		rb->f[O_LOW].s = "0";
		rb->f[O_LOW].len = 1;
		rb->f[O_HIGH] = keep[O_HIGH];
		rb->f[O_BEST] = *deaths;
		rb->f[O_BEST].s = rb->scratch[O_BEST];
		rb->f[O_BEST].len = len;
		write_row(im, rb);
	}
	memcpy(rb->f, keep, sizeof keep);
	return np;
}

/*
 * Whether the row is a revision already written: the same event, ACLED
 * timestamp and figure, as in successive exports of an event that did not
 * change (1); 0 for a new one, remembered; -1 when out of memory.
 */
static int
unchanged(struct imp *im, const struct rowbuf *rb)
{
	char key[512];
	const toll_field *ev = &rb->f[O_EVENT], *rep = &rb->f[O_REPORTED];
	size_t id, n = ev->len + 1 + rep->len;
	int added;
	int64_t best;

	if (n > sizeof key || toll_number_parse(rb->f[O_BEST].s, rb->f[O_BEST].len, &best) != TOLL_FIG_OK)
		return 0;
	memcpy(key, ev->s, ev->len);
	key[ev->len] = '\t';
	memcpy(key + ev->len + 1, rep->s, rep->len);
	if (toll_strmap_intern(im->seen, key, n, &id, &added) != TOLL_OK)
		return -1;
	if (id >= im->seencap) {
		size_t ncap = im->seencap ? im->seencap * 2 : 1024;
		int64_t *p;

		while (ncap <= id)
			ncap *= 2;
		if ((p = realloc(im->seen_best, ncap * sizeof *p)) == NULL)
			return -1;
		im->seen_best = p;
		im->seencap = ncap;
	}
	if (!added && im->seen_best[id] == best)
		return 1;
	/* A different figure at the same time is written: toll says it conflicts. */
	im->seen_best[id] = best;
	return 0;
}

static int import_one(struct imp *im, const toll_table *t, const toll_row *r, struct rowbuf *rb);

/* One input row: its output rows, or what is wrong with it; 0 when reading must stop. */
static int
import_row(struct imp *im, const toll_table *t, const toll_row *r, struct rowbuf *rb)
{
	const struct opts *o = im->o;
	size_t k;
	int go = 1;

	im->read++;
	if (above(r, im->time_precision, o->time_prec) || above(r, im->geo_precision, o->geo_prec) ||
	    above(r, im->date_prec, o->date_prec) || above(r, im->where_prec, o->where_prec)) {
		im->left_out++;
		return 1;
	}
	if (im->nw == 0)
		return import_one(im, t, r, rb);
	/* A wide table: a row per figure column, of its category and status. */
	for (k = 0; k < im->nw && go; k++) {
		const struct wide *w = &im->w[k];

		im->c[O_BEST].src = w->src;
		im->c[O_CATEGORY].constant = w->category;
		im->c[O_STATUS].src = w->status != NULL ? -1 : im->status_src;
		im->c[O_STATUS].constant = w->status != NULL ? w->status : im->status_constant;
		go = import_one(im, t, r, rb);
	}
	return go;
}

/* One output row of input row r: converted, checked, written (with its sides), or refused. */
static int
import_one(struct imp *im, const toll_table *t, const toll_row *r, struct rowbuf *rb)
{
	toll_diag d[TOLL_REPORT_MAX_PROBLEMS];
	int n, defaulted;
	const struct opts *o = im->o;

	n = convert(im, t, r, rb, d, &defaulted);
	if (n == 0 && o->fmt == FMT_ACLED && !im->status_set && acled_status(im, r, rb) != TOLL_OK) {
		cli_error("out of memory");
		im->cr.status = EXIT_TROUBLE;
		return 0;
	}
	if (n == 0 && o->fmt == FMT_UCDP && o->split) {
		/* The sides' figures are checked before anything of the row is written. */
		char tmp[SCRATCH];
		int i;

		for (i = 0; i < 4 && n == 0; i++) {
			const toll_field *f = &r->f[im->deaths[i]];
			int64_t v;
			size_t len;

			if (f->len > 0 && number_text(t, r, im->deaths[i], f, tmp, &len, &v, &d[0]) != 0)
				n = 1;
		}
	}
	if (n == 0 && o->fmt == FMT_UCDP)
		n = ucdp_widen(im, r, rb, d);
	if (n == 0 && (n = missing_figure(im, t, r, rb, d)) > 0 && !o->strict) {
		/* A sparse column: the row states nothing to import. */
		im->no_figure++;
		return 1;
	}
	if (n == 0)
		n = check_row(im, r, rb, d);
	if (n > 0) {
		im->refused++;
		return problems(im, d, n);
	}
	if (im->seen != NULL) {
		int u = unchanged(im, rb);

		if (u < 0) {
			cli_error("out of memory");
			im->cr.status = EXIT_TROUBLE;
			return 0;
		}
		if (u) {
			im->unchanged++;
			return 1;
		}
	}
	im->defaulted += defaulted;
	write_row(im, rb);
	if (o->fmt == FMT_UCDP && o->split)
		ucdp_split(im, t, r, rb, d);
	return 1;
}

/*
 * ACLED's deleted events: each a revision of 0 at its deletion time, with
 * the status the event had where it was read (else all).
 */
static int
import_deleted(struct imp *im, const cli_options *opt, struct rowbuf *rb)
{
	char *paths[1];
	toll_table *t;
	toll_row r;
	toll_diag d[TOLL_REPORT_MAX_PROBLEMS];
	long ev = -1, ts = -1;
	int code, go = 1;

	paths[0] = (char *)im->o->deleted;
	if (toll_table_new(&t, paths, 1, &opt->dl) != TOLL_OK) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	while (go && (code = toll_table_next(t, &r, d)) != TOLL_END) {
		size_t i, id;
		int64_t v;
		int n = 0;

		if (code == TOLL_HEADER) {
			if ((ev = toll_table_column(t, "event_id_cnty")) < 0 ||
			    (ts = toll_table_column(t, "deleted_timestamp")) < 0) {
				missing(t, &r, "not an ACLED deletion list: missing column",
				        ev < 0 ? "event_id_cnty" : "deleted_timestamp", d);
				go = problems(im, d, 1);
				break;
			}
			continue;
		}
		if (code != TOLL_OK) {
			if (code == TOLL_ENOMEM || code == TOLL_EIO) {
				cli_diag(d, 0);
				im->cr.status = EXIT_TROUBLE;
				break;
			}
			go = problems(im, d, 1);
			continue;
		}
		for (i = 0; i < im->n; i++) {
			rb->f[i].s = "";
			rb->f[i].len = 0;
			rb->f[i].line = r.line;
			rb->f[i].col = 0;
		}
		rb->f[O_EVENT] = r.f[ev];
		if (toll_number_parse(r.f[ts].s, r.f[ts].len, &v) != TOLL_FIG_OK ||
		    v > toll_days_from_civil(9999, 12, 31) * 86400) {
			bad_field(t, &r, ts, "invalid timestamp", "expected seconds since 1970", &d[n++]);
		} else {
			rb->f[O_REPORTED] = r.f[ts];
			rb->f[O_REPORTED].len = iso_text(v, rb->scratch[O_REPORTED], SCRATCH);
			rb->f[O_REPORTED].s = rb->scratch[O_REPORTED];
		}
		rb->f[O_SOURCE].s = "ACLED";
		rb->f[O_SIDE].s = "all";
		rb->f[O_CATEGORY].s = "killed";
		rb->f[O_STATUS].s = "all";
		if (r.f[ev].len > 0 && toll_strmap_find(im->events, r.f[ev].s, r.f[ev].len, &id) == 0 &&
		    im->civilian[id])
			rb->f[O_STATUS].s = "civilian";
		rb->f[O_BEST].s = "0";
		/* note, the last column: ACLED took the event back, a known correction */
		rb->f[im->n - 1].s = TOLL_TAG_CORRECTION " deleted by ACLED";
		for (i = O_SOURCE; i <= O_BEST; i++)
			rb->f[i].len = strlen(rb->f[i].s);
		rb->f[O_LOW].len = rb->f[O_HIGH].len = 0;
		rb->f[im->n - 1].len = strlen(rb->f[im->n - 1].s);
		if (n == 0)
			n = check_row(im, &r, rb, d);
		im->read++;
		if (n > 0) {
			im->refused++;
			go = problems(im, d, n);
			continue;
		}
		write_row(im, rb);
		im->deletions++;
	}
	toll_table_free(t);
	return im->cr.status;
}

/* Parses a limit of a precision option. */
static int
limit(const char *name, long *out)
{
	if (cli_parse_count(optarg, 100, out) != 0)
		return cli_usage_error("invalid --%s '%s': expected a whole number", name, optarg);
	return CLI_CONTINUE;
}

/* --value-map COL:A=B,C=D: cut in place into its pairs. */
static int
value_map(struct opts *o, const char *arg)
{
	struct vmap *v;
	char *p, *colon, *save = NULL;

	if (o->nvm == MAX_SETS)
		return cli_usage_error("at most %d --value-map", MAX_SETS);
	v = &o->vm[o->nvm];
	memset(v, 0, sizeof *v);
	if ((v->spec = strdup(arg)) == NULL) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	o->nvm++;
	colon = strchr(v->spec, ':');
	if (colon == NULL || colon == v->spec || colon[1] == '\0')
		return cli_usage_error("invalid --value-map '%s': expected COLUMN:FROM=TO,...", arg);
	*colon = '\0';
	v->col = v->spec;
	for (p = strtok_r(colon + 1, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
		char *to = strchr(p, '=');
		const char **nf, **nt;

		if (to == NULL || to == p)
			return cli_usage_error("invalid --value-map '%s': expected COLUMN:FROM=TO,...", arg);
		*to++ = '\0';
		nf = realloc(v->from, (v->n + 1) * sizeof *nf);
		if (nf != NULL)
			v->from = nf;
		nt = realloc(v->to, (v->n + 1) * sizeof *nt);
		if (nt != NULL)
			v->to = nt;
		if (nf == NULL || nt == NULL) {
			cli_error("out of memory");
			return EXIT_TROUBLE;
		}
		v->from[v->n] = p;
		v->to[v->n++] = to;
	}
	return CLI_CONTINUE;
}

/* --map A=B,C=D and --set A=B,C=D: each pair cut in place. */
static int
pairs(const char *what, char *arg, char **into, size_t *n)
{
	char *p, *save = NULL;

	for (p = strtok_r(arg, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
		if (*n == MAX_SETS)
			return cli_usage_error("at most %d --%s pairs", MAX_SETS, what);
		if (split_eq(p) == NULL)
			return cli_usage_error("invalid --%s '%s': expected %s", what, p,
			                       strcmp(what, "map") == 0 ? "COLUMN=INPUT_COLUMN" :
			                       strcmp(what, "wide") == 0 ? "CATEGORY[/STATUS]=INPUT_COLUMN" :
			                       "COLUMN=VALUE");
		into[(*n)++] = p;
	}
	return CLI_CONTINUE;
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
later_file(struct imp *im, toll_table *t, const toll_row *h, toll_diag *d)
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
		return problems(im, d, 1);
	}
	if (toll_table_header_note(t, d))
		cli_reader_warn(&im->cr, d);
	return 1;
}

static void
summary(const struct imp *im, const char *format)
{
	const struct opts *o = im->o;

	fprintf(stderr, "%s: %s%s%s%s: %ld read, %ld written, %ld refused, %ld widened, %ld defaulted",
	        cli_prog, format, im->layout ? " (" : "", im->layout ? im->layout : "",
	        im->layout ? ")" : "", im->read, im->written, im->refused, im->widened, im->defaulted);
	if (o->time_prec >= 0 || o->geo_prec >= 0 || o->date_prec >= 0 || o->where_prec >= 0)
		fprintf(stderr, ", %ld left out by precision", im->left_out);
	if (im->seen != NULL)
		fprintf(stderr, ", %ld unchanged", im->unchanged);
	if (o->deleted != NULL)
		fprintf(stderr, ", %ld deletions", im->deletions);
	if (im->no_figure > 0)
		fprintf(stderr, ", %ld skipped (no figure)", im->no_figure);
	fputc('\n', stderr);
}

int
main(int argc, char **argv)
{
	enum {
		O_REPORTED_OPT = 512, O_RELEASE, O_DELETED, O_TIME_PREC, O_GEO_PREC, O_DATE_PREC,
		O_WHERE_PREC, O_SPLIT, O_STRICT, O_MAP, O_SET, O_VALUE_MAP, O_KEEP, O_ROW_EVENTS, O_WIDE
	};
	static const struct option longopts[] = {
		{ "reported", required_argument, NULL, O_REPORTED_OPT },
		{ "release", required_argument, NULL, O_RELEASE },
		{ "deleted", required_argument, NULL, O_DELETED },
		{ "time-precision", required_argument, NULL, O_TIME_PREC },
		{ "geo-precision", required_argument, NULL, O_GEO_PREC },
		{ "max-date-prec", required_argument, NULL, O_DATE_PREC },
		{ "max-where-prec", required_argument, NULL, O_WHERE_PREC },
		{ "split-sides", no_argument, NULL, O_SPLIT },
		{ "strict", no_argument, NULL, O_STRICT },
		{ "map", required_argument, NULL, O_MAP },
		{ "set", required_argument, NULL, O_SET },
		{ "value-map", required_argument, NULL, O_VALUE_MAP },
		{ "keep", required_argument, NULL, O_KEEP },
		{ "row-events", no_argument, NULL, O_ROW_EVENTS },
		{ "wide", required_argument, NULL, O_WIDE },
		CLI_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static struct opts o;
	static struct imp im;
	static struct rowbuf rb;
	cli_options opt = CLI_OPTIONS_INIT;
	const char *format;
	toll_table *t = NULL;
	toll_row r;
	toll_diag d;
	size_t i;
	int c, code, status = EXIT_OK, planned = 0, go = 1;

	cli_init("toll-import");
	opt.max_errors = 0;
	o.time_prec = o.geo_prec = o.date_prec = o.where_prec = -1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":m:hV", longopts, NULL)) != -1) {
		status = CLI_CONTINUE;
		switch (c) {
		case O_REPORTED_OPT: o.reported = optarg; break;
		case O_RELEASE: o.release = optarg; break;
		case O_DELETED: o.deleted = optarg; break;
		case O_TIME_PREC: status = limit("time-precision", &o.time_prec); break;
		case O_GEO_PREC: status = limit("geo-precision", &o.geo_prec); break;
		case O_DATE_PREC: status = limit("max-date-prec", &o.date_prec); break;
		case O_WHERE_PREC: status = limit("max-where-prec", &o.where_prec); break;
		case O_SPLIT: o.split = 1; break;
		case O_STRICT: o.strict = 1; break;
		case O_MAP: status = pairs("map", optarg, o.map, &o.nmap); break;
		case O_SET: status = pairs("set", optarg, o.set, &o.nset); break;
		case O_VALUE_MAP: status = value_map(&o, optarg); break;
		case O_KEEP: o.keep = optarg; break;
		case O_ROW_EVENTS: o.row_events = 1; break;
		case O_WIDE: status = pairs("wide", optarg, o.wide, &o.nwide); break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(usage_options, stdout);
			fputs(usage_any, stdout);
			status = cli_close_stdout(EXIT_OK);
			break;
		default: status = cli_option(c, argv, usage_text, &opt); break;
		}
		if (status != CLI_CONTINUE)
			goto done;
	}
	status = EXIT_OK;
	if (optind >= argc) {
		status = cli_usage_error("a FORMAT is needed: acled, ucdp-ged or table");
		goto done;
	}
	format = argv[optind++];
	if (strcmp(format, "acled") == 0) {
		o.fmt = FMT_ACLED;
	} else if (strcmp(format, "ucdp-ged") == 0) {
		o.fmt = FMT_UCDP;
	} else if (strcmp(format, "table") == 0) {
		o.fmt = FMT_TABLE;
	} else {
		status = cli_usage_error("unknown format '%s': expected acled, ucdp-ged or table", format);
		goto done;
	}
	/* Options that belong to another format say so, rather than doing nothing. */
	if (o.fmt != FMT_ACLED && (o.deleted || o.time_prec >= 0 || o.geo_prec >= 0)) {
		status = cli_usage_error("--deleted, --time-precision and --geo-precision are for acled");
		goto done;
	}
	if (o.fmt != FMT_UCDP && (o.release || o.split || o.date_prec >= 0 || o.where_prec >= 0)) {
		status = cli_usage_error("--release, --split-sides, --max-date-prec and "
		                         "--max-where-prec are for ucdp-ged");
		goto done;
	}
	if (o.fmt != FMT_TABLE && (o.row_events || o.nwide)) {
		status = cli_usage_error("--row-events and --wide are for table");
		goto done;
	}
	if (o.fmt == FMT_TABLE && o.reported != NULL) {
		status = cli_usage_error("--reported is for acled and ucdp-ged: give --set reported=DATE");
		goto done;
	}
	if (o.fmt == FMT_UCDP && o.reported != NULL) {
		toll_time tm;

		if (toll_date_parse(o.reported, strlen(o.reported), &tm) != 0) {
			status = cli_usage_error("invalid --reported '%s': expected the release's date",
			                         o.reported);
			goto done;
		}
	}
	if (o.fmt == FMT_UCDP && o.release != NULL && o.reported == NULL) {
		status = cli_usage_error("--release needs --reported DATE, the release's date: "
		                         "otherwise two releases of one event are reported the same day");
		goto done;
	}
	/* JSON (an array of records, or JSON Lines) is found by its first bytes. */
	opt.dl.json = &toll_json_table;
	im.o = &o;
	im.event_type = im.time_precision = im.geo_precision = im.date_prec = im.where_prec = -1;
	memset(&im.cr, 0, sizeof im.cr);
	im.cr.max_errors = opt.max_errors;
	if ((im.out = toll_out_new(STDOUT_FILENO, 0)) == NULL || (im.events = toll_strmap_new()) == NULL ||
	    toll_table_new(&t, argv + optind, (size_t)(argc - optind), &opt.dl) != TOLL_OK) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	if (o.fmt == FMT_ACLED && o.reported != NULL && strcmp(o.reported, "timestamp") == 0 &&
	    (im.seen = toll_strmap_new()) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	while (go && !im.cr.stopped && (code = toll_table_next(t, &r, &d)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			if (planned) {
				/* A later file: what the import reads must be there; the rest may differ. */
				if (!later_file(&im, t, &r, &d))
					break;
				continue;
			}
			cli_header_check(t, &r, &im.cr);
			code = o.fmt == FMT_ACLED ? plan_acled(&im, t, &r, &d)
			     : o.fmt == FMT_UCDP ? plan_ucdp(&im, t, &r, &d) : plan_table(&im, t, &r, &d);
			if (code == TOLL_OK)
				code = plan_common(&im, t, &d);
			if (code == TOLL_EIO) {
				im.cr.status = cli_usage_error("%s", d.msg);
				break;
			}
			if (code != TOLL_OK) {
				cli_reader_problem(&im.cr, &d, code);
				break;
			}
			planned = 1;
			write_header(&im, &rb);
			continue;
		}
		if (code == TOLL_OK) {
			go = import_row(&im, t, &r, &rb);
			continue;
		}
		if (code == TOLL_EDATA && planned) {
			im.read++;
			im.refused++;
		}
		go = cli_reader_problem(&im.cr, &d, code);
	}
	if (planned && go && !im.cr.stopped && o.deleted != NULL && im.cr.status != EXIT_TROUBLE)
		import_deleted(&im, &opt, &rb);
	if (im.cr.max_errors > 0 && im.cr.errors >= im.cr.max_errors)
		cli_error("stopped after %ld errors", im.cr.errors);
	status = im.cr.status;
	/* The summary counts rows written: after a failed write, none can be said to be. */
	code = toll_out_commit(im.out, "standard output", &d);
	if (code != TOLL_OK) {
		cli_diag(&d, 0);
		status = cli_exit_status(code);
	} else if (planned) {
		summary(&im, format);
	}
	status = cli_close_stdout(status);
done:
	toll_table_free(t);
	toll_out_free(im.out);
	toll_strmap_free(im.events);
	toll_strmap_free(im.seen);
	free(im.seen_best);
	free(im.civilian);
	for (i = 0; i < o.nvm; i++) {
		free(o.vm[i].spec);
		free(o.vm[i].from);
		free(o.vm[i].to);
	}
	return status;
}
