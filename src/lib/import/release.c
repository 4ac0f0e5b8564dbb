/*
 * import/release.c: --releases DATE,...: each file a whole release of a
 * list as of its date (a victims list published again and again).  A row
 * is reported at its file's date; a series (event, side, status,
 * category, source) written before and absent from a later release is
 * withdrawn there: a revision of 0 with the note "[correction] withdrawn:
 * not in the release of DATE", so that the stacked releases total the
 * latest.  A row as it was in the release before is not written again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hashtab.h"
#include "imp.h"
#include "toll/date.h"

int
imp_releases_parse(struct imp_opts *o, const char *arg, toll_diag *d)
{
	const char *p = arg;
	size_t n = 1, i;

	for (i = 0; arg[i] != '\0'; i++)
		n += arg[i] == ',';
	free(o->rel);
	o->nrel = 0;
	if ((o->rel = malloc(n * sizeof *o->rel)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		toll_time t;

		if (toll_date_parse(p, len, &t) != 0) {
			char why[TOLL_DIAG_MSG / 2];

			toll_date_why(p, len, why, sizeof why);
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "invalid --releases date '%.*s': %s",
			                     (int)(len < 40 ? len : 40), p, why);
		}
		if (i > 0 && t.t <= o->rel_t) {
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "--releases dates must follow one "
			                     "another: '%.*s' is not after the one before it",
			                     (int)(len < 40 ? len : 40), p);
		}
		o->rel_t = t.t;
		o->rel[i][imp_iso_text(t.t, o->rel[i])] = '\0';
		o->nrel++;
		p = end != NULL ? end + 1 : p + len;
	}
	return TOLL_OK;
}

void
imp_releases_free(toll_import *im)
{
	toll_strmap_free(im->rel_keys);
	free(im->rel_st);
}

/* FNV-1a over the row's fields but reported: what a later release may repeat. */
static uint64_t
fingerprint(const toll_import *im)
{
	uint64_t h = 14695981039346656037u;
	size_t i, j;

	for (i = 0; i < im->n; i++) {
		const toll_field *f = &im->rb.f[i];

		if (i == O_REPORTED)
			continue;
		for (j = 0; j < f->len; j++)
			h = (h ^ (unsigned char)f->s[j]) * 1099511628211u;
		h = (h ^ 0xff) * 1099511628211u;
	}
	return h;
}

/* Writes a withdrawal of series id at release rel. */
static void
withdraw(toll_import *im, size_t id, size_t rel)
{
	static const int key_cols[] = { O_EVENT, O_SIDE, O_STATUS, O_CATEGORY, O_SOURCE };
	struct imp_rowbuf *rb = &im->rb;
	toll_str key = toll_strmap_key(im->rel_keys, id);
	const char *p = key.s;
	long note = im->rel_note_col;
	size_t i;

	for (i = 0; i < im->n; i++) {
		rb->f[i].s = "";
		rb->f[i].len = 0;
	}
	for (i = 0; i < sizeof key_cols / sizeof key_cols[0]; i++) {
		rb->f[key_cols[i]].s = p;
		rb->f[key_cols[i]].len = strlen(p);
		p += rb->f[key_cols[i]].len + 1;
	}
	rb->f[O_REPORTED].s = im->o.rel[rel];
	rb->f[O_REPORTED].len = strlen(im->o.rel[rel]);
	rb->f[O_LOW].s = rb->f[O_BEST].s = rb->f[O_HIGH].s = "0";
	rb->f[O_LOW].len = rb->f[O_BEST].len = rb->f[O_HIGH].len = 1;
	if (note >= 0) {
		snprintf(im->rel_note, sizeof im->rel_note, "%s withdrawn: not in the release of %s",
		         TOLL_TAG_CORRECTION, im->o.rel[rel]);
		rb->f[note].s = im->rel_note;
		rb->f[note].len = strlen(im->rel_note);
	}
	imp_write_row(im);
	im->k.withdrawn++;
}

/* Release rel ends: what was written before and is not in it is withdrawn. */
static void
end_release(toll_import *im, size_t rel)
{
	size_t i, n = im->rel_keys != NULL ? toll_strmap_count(im->rel_keys) : 0;

	for (i = 0; i < n; i++)
		if (!im->rel_st[i].out && im->rel_st[i].seen != rel + 1) {
			withdraw(im, i, rel);
			im->rel_st[i].out = 1;
		}
}

int
imp_release_begin(toll_import *im, size_t fileno)
{
	size_t j;

	if (im->o.nrel == 0 || fileno >= im->o.nrel)
		return 0;
	if (im->rel_keys == NULL && (im->rel_keys = toll_strmap_new()) == NULL)
		return -1;
	/* The release read, and any whose file had no header (nothing in it), end. */
	for (j = im->rel_cur; j > 0 && j <= fileno; j++)
		end_release(im, j - 1);
	im->rel_cur = fileno + 1;
	im->c[O_REPORTED].constant = im->o.rel[fileno];
	return 0;
}

int
imp_release_skip(toll_import *im)
{
	static const int key_cols[] = { O_EVENT, O_SIDE, O_STATUS, O_CATEGORY, O_SOURCE };
	char key[IMP_SCRATCH * 4 + 5 * IMP_SCRATCH];
	size_t len = 0, i, id;
	struct imp_relstate *st;
	uint64_t print;
	int added;

	if (im->o.nrel == 0 || im->rel_cur == 0)
		return 0;
	for (i = 0; i < sizeof key_cols / sizeof key_cols[0]; i++) {
		const toll_field *f = &im->rb.f[key_cols[i]];

		if (len + f->len + 1 > sizeof key)
			return 0;   /* too long to be a key: written, never withdrawn */
		memcpy(key + len, f->s, f->len);
		key[len + f->len] = '\0';
		len += f->len + 1;
	}
	if (toll_strmap_intern(im->rel_keys, key, len, &id, &added) != TOLL_OK ||
	    toll_reserve((void **)&im->rel_st, &im->rel_cap, id + 1, sizeof *im->rel_st) != 0)
		return -1;
	st = &im->rel_st[id];
	print = fingerprint(im);
	if (added) {
		memset(st, 0, sizeof *st);
	} else if (!st->out && st->seen != im->rel_cur && st->print == print) {
		st->seen = im->rel_cur;
		im->k.unchanged++;
		return 1;
	}
	st->print = print;
	st->seen = im->rel_cur;
	st->out = 0;
	return 0;
}

int
imp_release_finish(toll_import *im)
{
	size_t j;

	if (im->o.nrel == 0 || im->rel_cur == 0)
		return 0;
	for (j = im->rel_cur; j <= im->o.nrel; j++)
		end_release(im, j - 1);
	return 0;
}
