/*
 * import/acled.c: ACLED exports, in the three layouts found by the
 * header; successive exports as revisions; ACLED's list of deleted events.
 */
#include <stdlib.h>
#include <string.h>

#include "imp.h"
#include "toll/date.h"
#include "toll/figure.h"
#include "toll/strmap.h"

static int
check(toll_import *im, toll_diag *d)
{
	const char *rep = im->o.reported;

	if (rep != NULL && strcmp(rep, "event_date") != 0 && strcmp(rep, "timestamp") != 0)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid --reported '%s' for acled: "
		                     "expected event_date or timestamp", rep);
	if ((im->events == NULL && (im->events = toll_strmap_new()) == NULL) ||
	    (rep != NULL && strcmp(rep, "timestamp") == 0 && im->seen == NULL &&
	     (im->seen = toll_strmap_new()) == NULL))
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	return TOLL_OK;
}

/* The layout from the header, and its columns. */
static int
plan(toll_import *im, const toll_table *t, const toll_row *h, toll_diag *d)
{
	static const char *const kept[] = {
		"country", "admin1", "admin2", "admin3", "event_type", "sub_event_type", "actor1",
		"actor2", "latitude", "longitude", "iso3", "notes"
	};
	long ev = toll_table_column(t, "event_id_cnty"), date = toll_table_column(t, "event_date"),
	     fat = toll_table_column(t, "fatalities"), data_id = toll_table_column(t, "data_id");
	struct imp_col *c;
	int r;

	if (toll_table_column(t, "ALLY_ACTOR_1") >= 0)
		im->layout = "upper-case layout";
	else if (data_id >= 0 || toll_table_column(t, "event_id_no_cnty") >= 0)
		im->layout = "older layout";
	else
		im->layout = "current layout";
	/* A reduced export: what it lacks may come from --map. */
	if (ev < 0 && data_id < 0 && !imp_is_mapped(im, "event"))
		return imp_missing_or_map(t, h, "not an ACLED export: missing column", "event_id_cnty",
		                          "event", d);
	if (date < 0 && !imp_is_mapped(im, "reported"))
		return imp_missing_or_map(t, h, "not an ACLED export: missing column", "event_date",
		                          "reported", d);
	if (fat < 0 && !imp_is_mapped(im, "best"))
		return imp_missing_or_map(t, h, "not an ACLED export: missing column", "fatalities",
		                          "best", d);
	c = imp_add_col(im, "event", ev >= 0 ? ev : data_id, NULL, K_TEXT);
	if (ev >= 0)
		c->alt = data_id;
	if (im->seen == NULL) {
		imp_add_col(im, "reported", date, NULL, K_DATE);
	} else {
		long ts = toll_table_column(t, "timestamp");

		if (ts < 0)
			return imp_missing(t, h, "--reported timestamp: missing column", "timestamp", d);
		imp_add_col(im, "reported", ts, NULL, K_EPOCH);
	}
	imp_add_col(im, "source", -1, "ACLED", K_TEXT);
	imp_add_col(im, "side", -1, "all", K_TEXT);
	imp_add_col(im, "category", -1, "killed", K_TEXT);
	imp_add_col(im, "status", -1, "all", K_TEXT);
	imp_add_col(im, "low", -1, NULL, K_NUMBER);
	imp_add_col(im, "best", fat, NULL, K_NUMBER);
	imp_add_col(im, "high", -1, NULL, K_NUMBER);
	imp_add_col(im, "start", date, NULL, K_DATE);
	imp_add_col(im, "end", date, NULL, K_DATE);
	imp_add_col(im, "acled_source", toll_table_column(t, "source"), NULL, K_TEXT);
	if ((r = imp_plan_rest(im, t, kept, sizeof kept / sizeof kept[0], d)) != TOLL_OK)
		return r;
	/* The last column: deletions write their note there. */
	if (im->o.deleted != NULL)
		imp_add_col(im, "note", -1, NULL, K_TEXT);
	im->event_type = toll_table_column(t, "event_type");
	im->time_precision = toll_table_column(t, "time_precision");
	im->geo_precision = toll_table_column(t, "geo_precision");
	if (im->o.time_prec >= 0 && im->time_precision < 0)
		return imp_missing(t, h, "--time-precision: missing column", "time_precision", d);
	if (im->o.geo_prec >= 0 && im->geo_precision < 0)
		return imp_missing(t, h, "--geo-precision: missing column", "geo_precision", d);
	return TOLL_OK;
}

/* Grows a table of n bytes a record to hold index id; -1 when out of memory. */
static int
grow(void **p, size_t *cap, size_t id, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 1024;
	unsigned char *q;

	if (id < *cap)
		return 0;
	while (ncap <= id)
		ncap *= 2;
	if ((q = realloc(*p, ncap * size)) == NULL)
		return -1;
	memset(q + *cap * size, 0, (ncap - *cap) * size);
	*p = q;
	*cap = ncap;
	return 0;
}

/* The status of the row's event (civilian for violence against civilians), remembered for --deleted. */
static int
row(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d)
{
	toll_field *ev = &im->rb.f[O_EVENT], *st = &im->rb.f[O_STATUS];
	int civ;

	(void)t;
	(void)d;
	if (im->status_set)
		return 0;
	civ = im->event_type >= 0 &&
	      imp_field_is_nocase(&r->f[im->event_type], "Violence against civilians");
	st->s = civ ? "civilian" : "all";
	st->len = strlen(st->s);
	if (im->o.deleted != NULL && ev->len > 0) {
		size_t id;
		int added;

		if (toll_strmap_intern(im->events, ev->s, ev->len, &id, &added) != TOLL_OK ||
		    grow((void **)&im->civilian, &im->civcap, id, 1) != 0)
			return -1;
		im->civilian[id] = (unsigned char)civ;
	}
	return 0;
}

/*
 * --reported timestamp: whether the row is a revision already written:
 * the same event, timestamp and figure, as in successive exports of an
 * event that did not change (1); 0 for a new one, remembered; -1 when out
 * of memory.
 */
static int
skip(toll_import *im)
{
	const toll_field *ev = &im->rb.f[O_EVENT], *rep = &im->rb.f[O_REPORTED],
	                 *best = &im->rb.f[O_BEST];
	char key[512];
	size_t id, n = ev->len + 1 + rep->len;
	int added;
	int64_t v;

	if (im->seen == NULL || n > sizeof key ||
	    toll_number_parse(best->s, best->len, &v) != TOLL_FIG_OK)
		return 0;
	memcpy(key, ev->s, ev->len);
	key[ev->len] = '\t';
	memcpy(key + ev->len + 1, rep->s, rep->len);
	if (toll_strmap_intern(im->seen, key, n, &id, &added) != TOLL_OK ||
	    grow((void **)&im->seen_best, &im->seencap, id, sizeof *im->seen_best) != 0)
		return -1;
	if (!added && im->seen_best[id] == v) {
		im->k.unchanged++;
		return 1;
	}
	/* A different figure at the same time is written: toll says it conflicts. */
	im->seen_best[id] = v;
	return 0;
}

/* A deletion: its row, or the problems put in d. */
static int
deletion(toll_import *im, const toll_table *t, const toll_row *r, long ev, long ts, toll_diag *d)
{
	struct imp_rowbuf *rb = &im->rb;
	size_t i, id;
	int64_t v;

	for (i = 0; i < im->n; i++) {
		rb->f[i].s = "";
		rb->f[i].len = 0;
		rb->f[i].line = r->line;
		rb->f[i].col = 0;
	}
	rb->f[O_EVENT] = r->f[ev];
	if (toll_number_parse(r->f[ts].s, r->f[ts].len, &v) != TOLL_FIG_OK ||
	    v > toll_days_from_civil(9999, 12, 31) * 86400)
		return imp_bad_field(t, r, ts, "invalid timestamp", "expected seconds since 1970", d), 1;
	rb->f[O_REPORTED] = r->f[ts];
	rb->f[O_REPORTED].len = imp_iso_text(v, rb->scratch[O_REPORTED]);
	rb->f[O_REPORTED].s = rb->scratch[O_REPORTED];
	rb->f[O_SOURCE].s = "ACLED";
	rb->f[O_SIDE].s = "all";
	rb->f[O_CATEGORY].s = "killed";
	rb->f[O_STATUS].s = "all";
	if (r->f[ev].len > 0 && toll_strmap_find(im->events, r->f[ev].s, r->f[ev].len, &id) == 0 &&
	    im->civilian[id])
		rb->f[O_STATUS].s = "civilian";
	rb->f[O_BEST].s = "0";
	/* note, the last column: ACLED took the event back, a known correction */
	rb->f[im->n - 1].s = TOLL_TAG_CORRECTION " deleted by ACLED";
	for (i = O_SOURCE; i <= O_BEST; i++)
		rb->f[i].len = strlen(rb->f[i].s);
	rb->f[O_LOW].len = rb->f[O_HIGH].len = 0;
	rb->f[im->n - 1].len = strlen(rb->f[im->n - 1].s);
	return imp_check_row(im, r, d);
}

/*
 * --deleted: ACLED's deleted events, each a revision of 0 at its deletion
 * time, with the status the event had where it was read (else all).
 */
static int
finish(toll_import *im, const toll_dialect *dl)
{
	char *paths[1];
	toll_table *t;
	toll_row r;
	toll_diag d[TOLL_REPORT_MAX_PROBLEMS];
	long ev = -1, ts = -1;
	int code, go = 1;

	if (im->o.deleted == NULL)
		return TOLL_OK;
	paths[0] = im->o.deleted;
	if (toll_table_new(&t, paths, 1, dl) != TOLL_OK)
		return imp_nomem(im), TOLL_ENOMEM;
	while (go && (code = toll_table_next(t, &r, d)) != TOLL_END) {
		int n;

		if (code == TOLL_HEADER) {
			if ((ev = toll_table_column(t, "event_id_cnty")) < 0 ||
			    (ts = toll_table_column(t, "deleted_timestamp")) < 0) {
				imp_missing(t, &r, "not an ACLED deletion list: missing column",
				            ev < 0 ? "event_id_cnty" : "deleted_timestamp", d);
				imp_problems(im, d, 1);
				break;
			}
			continue;
		}
		if (code != TOLL_OK) {
			if (code == TOLL_ENOMEM || code == TOLL_EIO) {
				im->trouble = code;
				im->say(im->say_ctx, d, code);
				break;
			}
			go = imp_problems(im, d, 1);
			continue;
		}
		n = deletion(im, t, &r, ev, ts, d);
		im->k.read++;
		if (n > 0) {
			im->k.refused++;
			go = imp_problems(im, d, n);
			continue;
		}
		imp_write_row(im);
		im->k.deletions++;
	}
	toll_table_free(t);
	return im->trouble;
}

const struct imp_format imp_acled = {
	.name = "acled",
	.help =
	"ACLED exports: the current layout, the older one (data_id,\n"
	"event_id_no_cnty) and the upper-case one, found by the header.\n"
	"event: event_id_cnty (else data_id); start, end and reported:\n"
	"event_date; source ACLED (ACLED's own in acled_source); side\n"
	"all; status civilian for violence against civilians, else\n"
	"all; category killed; best: fatalities\n",
	.options_help =
	"ACLED:\n"
	"      --reported=WHAT    event_date (default), or timestamp: successive\n"
	"                         exports become revisions of their events (an\n"
	"                         event unchanged since an earlier export is\n"
	"                         written once)\n"
	"      --deleted=FILE     ACLED's list of deleted events (event_id_cnty,\n"
	"                         deleted_timestamp): each a revision of 0 at its\n"
	"                         time, with note '[correction] deleted by ACLED'\n"
	"      --time-precision=N leave out rows with time_precision above N\n"
	"      --geo-precision=N  leave out rows with geo_precision above N\n",
	.options = 1u << TOLL_IMPORT_REPORTED | 1u << TOLL_IMPORT_DELETED |
	           1u << TOLL_IMPORT_TIME_PREC | 1u << TOLL_IMPORT_GEO_PREC,
	.epoch_column = "timestamp",
	.check = check,
	.plan = plan,
	.row = row,
	.skip = skip,
	.finish = finish,
};
