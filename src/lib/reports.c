/* reports.c: the checking reader of reports tables; see reports.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hashtab.h"
#include "toll/reports.h"
#include "toll/strmap.h"

struct toll_reports {
	char *const *paths;
	size_t npaths;
	toll_dialect dl;
	toll_table *t;
	toll_series_index *index;
	toll_schema schema;
	int have_schema;
	int pass;         /* 1, 2 (the second reading), 3 (done) */
	int trouble;      /* an I/O error or a bad header: no second reading */
	toll_diag problems[TOLL_REPORT_MAX_PROBLEMS];
	int nproblems, iproblem;
	toll_diag notes[2];     /* warnings on the last row: TOLL_NOTE, or TOLL_KNOWN */
	int note_code[2];
	int nnotes, inote;
	long note_col;          /* the note column (its tags: [correction]), or -1 */
	/* Sides within sides: per (event, side) the side that holds it, and where it was said. */
	toll_strmap *within;    /* "event\0side" to a number ... */
	toll_strmap *holders;   /* ... whose holder is this side ... */
	struct held { size_t holder; size_t fileno; long line; } *held;
	size_t heldcap, nheld;
	char *key;
	size_t keycap;
	/* Each series' claimant (its number in claimants + 1; 0 none) and its first row. */
	toll_strmap *claimants;
	struct sclaim { uint32_t claimant, fileno; long line; } *scl;
	size_t sclcap, nscl;
	uint64_t part_i, part_k;  /* part i of k (toll_reports_set_part()); k 0: every row */
	toll_table *read_t;       /* the table of the reading before, or NULL */
	/* Rows whose kind is not total (toll-extract's earlier figures, parts): left out, said once. */
	long not_totals;
	const char *nt_file;
	long nt_line;
	int nt_said, nt_pending;
	int threads;            /* toll_reports_set_threads() */
	toll_schema *work_schema;  /* the workers' copy, on cache lines of its own */
};

/* A row's report, read in a worker thread (see toll_table_set_threads()). */
struct parsed {
	toll_report_packed rep;
	int nproblems;          /* its problems are found again in the reading thread */
};

static void
parse_work(void *ctx, const toll_row *row, void *slot)
{
	struct parsed *p = slot;
	toll_diag problems[TOLL_REPORT_MAX_PROBLEMS];
	toll_report r;

	if ((p->nproblems = toll_report_parse(ctx, row, &r, problems)) == 0)
		toll_report_pack(&r, &p->rep);
}

/*
 * Reads the data rows of rd->t with rd->threads threads.  Without memory
 * for the workers' schema it returns TOLL_ENOMEM, and reading goes on in
 * one thread, as well.
 */
static int
set_threads(toll_reports *rd)
{
	if (rd->threads < 2)
		return TOLL_OK;
	if (rd->work_schema == NULL) {
		size_t n = (sizeof *rd->work_schema + 63) / 64 * 64;

		if ((rd->work_schema = aligned_alloc(64, n)) == NULL)
			return TOLL_ENOMEM;
		*rd->work_schema = rd->schema;
	}
	return toll_table_set_threads(rd->t, rd->threads, parse_work, rd->work_schema,
	                              sizeof(struct parsed));
}

int
toll_reports_set_threads(toll_reports *rd, int n)
{
	if (n < 1)
		return TOLL_EUSAGE;
	rd->threads = n;
	return TOLL_OK;
}

/* Whether every input can be read a second time (regular files only). */
static int
rereadable(char *const *paths, size_t n)
{
	size_t i;
	struct stat sb;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(paths[i], "-") == 0 || stat(paths[i], &sb) != 0 || !S_ISREG(sb.st_mode))
			return 0;
	return 1;
}

int
toll_reports_new(toll_reports **out, char *const *paths, size_t n, const toll_dialect *dl,
                 enum toll_reports_mode mode)
{
	toll_reports *rd = calloc(1, sizeof *rd);
	int history = mode == TOLL_REPORTS_HISTORY || !rereadable(paths, n);

	*out = NULL;
	if (rd == NULL)
		return TOLL_ENOMEM;
	rd->paths = paths;
	rd->npaths = n;
	if (dl != NULL)
		rd->dl = *dl;
	else
		rd->dl = (toll_dialect)TOLL_DIALECT_INIT;
	rd->pass = 1;
	rd->threads = 1;
	if ((rd->index = toll_series_index_new(history)) == NULL ||
	    (rd->within = toll_strmap_new()) == NULL || (rd->holders = toll_strmap_new()) == NULL ||
	    (rd->claimants = toll_strmap_new()) == NULL ||
	    toll_table_new(&rd->t, paths, n, &rd->dl) != TOLL_OK) {
		toll_reports_free(rd);
		return TOLL_ENOMEM;
	}
	*out = rd;
	return TOLL_OK;
}

void
toll_reports_free(toll_reports *rd)
{
	if (rd == NULL)
		return;
	toll_table_free(rd->t);
	toll_table_free(rd->read_t);
	toll_series_index_free(rd->index);
	toll_strmap_free(rd->within);
	toll_strmap_free(rd->holders);
	toll_strmap_free(rd->claimants);
	free(rd->scl);
	free(rd->held);
	free(rd->key);
	free(rd->work_schema);
	free(rd);
}

const toll_schema *
toll_reports_schema(const toll_reports *rd)
{
	return &rd->schema;
}

const toll_table *
toll_reports_table(const toll_reports *rd)
{
	return rd->t;
}

const toll_series_index *
toll_reports_index(const toll_reports *rd)
{
	return rd->index;
}

const char *
toll_reports_file(const toll_reports *rd, size_t fileno)
{
	/*
	 * The reading before has met every file a part names; the second
	 * reading may yet have to meet one named by a row it has not read.
	 */
	if (rd->read_t != NULL || rd->t != NULL)
		return toll_table_file_name(rd->read_t != NULL ? rd->read_t : rd->t, fileno);
	if (rd->npaths == 0)
		return "-";
	return rd->paths[fileno < rd->npaths ? fileno : rd->npaths - 1];
}

/* Whether a side is spelled like the reserved side 'all' without being it. */
static int
looks_like_all(const toll_field *side)
{
	static const struct {
		const char *s;
		size_t len;
	} spellings[] = {
		{ "all", 3 }, { "all sides", 9 }, { "all parties", 11 }, { "both sides", 10 },
		{ "both parties", 12 }, { "total", 5 },
	};
	size_t i, k;
	char c0;

	/* Most sides are rejected by their length or first letter, on every row. */
	if (side->len < 3 || side->len > 12 || (side->len > 5 && side->len < 9) || side->len == 4)
		return 0;
	c0 = (char)(side->s[0] | 0x20);
	if (c0 != 'a' && c0 != 'b' && c0 != 't')
		return 0;
	if (side->len == 3 && memcmp(side->s, "all", 3) == 0)
		return 0;
	for (i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		if (side->len != spellings[i].len)
			continue;
		for (k = 0; k < side->len; k++) {
			char c = side->s[k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != spellings[i].s[k])
				break;
		}
		if (k == side->len)
			return 1;
	}
	return 0;
}

/* The field a figure's messages point at: best, else value, low or high. */
static const toll_field *
figure_field(const toll_reports *rd, const toll_row *row)
{
	static const int cols[] = { TOLL_COL_BEST, TOLL_COL_VALUE, TOLL_COL_LOW, TOLL_COL_HIGH };
	size_t i;

	for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (rd->schema.col[cols[i]] >= 0)
			return &row->f[rd->schema.col[cols[i]]];
	return &row->f[0];
}

/* "line 12", or "FILE:12" when it is not the file of the row. */
static void
where_of(const toll_reports *rd, const toll_revision_ref *ref, size_t fileno, char *buf, size_t sz)
{
	if (ref->fileno == fileno)
		snprintf(buf, sz, "line %ld", ref->line);
	else
		snprintf(buf, sz, "%s:%ld", toll_reports_file(rd, ref->fileno), ref->line);
}

/*
 * A series is one party's claims: every revision of it has the claimant
 * of its first.  A source that relays two parties' claims (an article
 * quoting both ministries) would otherwise make one party's figure a
 * revision of the other's.  Returns TOLL_OK, TOLL_EDATA with *d filled,
 * or TOLL_ENOMEM.
 */
static int
check_claimant(toll_reports *rd, const toll_entry *e, toll_diag *d)
{
	long col = rd->schema.col[TOLL_COL_CLAIMANT];
	const toll_field *c = &e->rep.claimant;
	size_t id = 0, sid = e->series;
	int added;
	uint32_t who;

	if (col < 0)
		return TOLL_OK;
	if (c->len > 0 && toll_strmap_intern(rd->claimants, c->s, c->len, &id, &added) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	who = c->len > 0 ? (uint32_t)id + 1 : 0;
	if (sid >= rd->nscl) {
		size_t old = rd->sclcap;

		if (toll_reserve((void **)&rd->scl, &rd->sclcap, sid + 1, sizeof *rd->scl) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		memset(rd->scl + old, 0, (rd->sclcap - old) * sizeof *rd->scl);
		rd->scl[sid].claimant = who;
		rd->scl[sid].fileno = e->row.fileno < UINT32_MAX ? (uint32_t)e->row.fileno : UINT32_MAX;
		rd->scl[sid].line = e->row.line;
		rd->nscl = sid + 1;
		return TOLL_OK;
	}
	if (rd->scl[sid].claimant != who) {
		const toll_field *f = &e->row.f[col];
		toll_revision_ref first = { rd->scl[sid].fileno, rd->scl[sid].line, 0 };
		char where[TOLL_DIAG_MSG / 2], was[64] = "none", here[80] = "no claimant";
		toll_str w = { "", 0 };

		if (rd->scl[sid].claimant > 0)
			w = toll_strmap_key(rd->claimants, rd->scl[sid].claimant - 1);
		where_of(rd, &first, e->row.fileno, where, sizeof where);
		if (c->len > 0) {
			char q[56];

			toll_diag_quote(q, sizeof q, c->s, c->len);
			snprintf(here, sizeof here, "claimant '%s'", q);
		}
		if (w.len > 0) {
			char q[56];

			toll_diag_quote(q, sizeof q, w.s, w.len);
			snprintf(was, sizeof was, "'%s'", q);
		}
		return toll_diag_set(d, TOLL_EDATA, e->row.file, f->line, f->col,
		                     "%s here, %s on %s, in one series (the same event, side, status, "
		                     "category and source): a series is one party's claims; give the "
		                     "other party's claims a source of their own", here, was, where);
	}
	return TOLL_OK;
}

/*
 * Checks the row's revision against the series index.  Returns TOLL_OK
 * (a revision to hand out), TOLL_WARNING, TOLL_EDATA or TOLL_ENOMEM, or
 * TOLL_END for a row the second reading has nothing to say about; notes
 * on the row are queued.
 */
static int
check_revision(toll_reports *rd, toll_entry *e, toll_diag *d)
{
	toll_revision_ref prev, before;
	char where[TOLL_DIAG_MSG / 2];
	int kind, cat = e->rep.category;
	const toll_field *at = &e->row.f[rd->schema.col[TOLL_COL_REPORTED]];

	rd->nnotes = rd->inote = 0;
	if (toll_series_index_add(rd->index, &e->rep, e->row.fileno, e->row.line, &kind, &prev,
	                          &before) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	e->series = toll_series_index_last(rd->index);
	if (kind == TOLL_REV_NEW || kind == TOLL_REV_UNCHECKED) {
		/* A cumulative count that falls: a correction, or a slip of the keyboard. */
		if (kind == TOLL_REV_NEW && before.line > 0 && e->rep.fig.best < before.best &&
		    (cat == TOLL_CAT_KILLED || cat == TOLL_CAT_WOUNDED || cat == TOLL_CAT_CASUALTIES)) {
			const toll_field *f = figure_field(rd, &e->row);

			where_of(rd, &before, e->row.fileno, where, sizeof where);
			/* The row's note may say it is a correction: then it is a known one, said once. */
			if (toll_note_has_tag(rd->note_col >= 0 ? &e->row.f[rd->note_col] : NULL, TOLL_TAG_CORRECTION)) {
				rd->note_code[rd->nnotes] = TOLL_KNOWN;
				toll_diag_set(&rd->notes[rd->nnotes++], TOLL_EDATA, e->row.file, f->line, f->col,
				              "a known correction: 'best' %lld is below %lld, the series' revision "
				              "before it (%s)", (long long)e->rep.fig.best, (long long)before.best,
				              where);
			} else {
				rd->note_code[rd->nnotes] = TOLL_NOTE;
				toll_diag_set(&rd->notes[rd->nnotes++], TOLL_EDATA, e->row.file, f->line, f->col,
				              "'best' %lld is below %lld, the series' revision before it (%s): a "
				              "cumulative figure fell; a correction, or a transposed digit? (if "
				              "known, say %s in its note)", (long long)e->rep.fig.best,
				              (long long)before.best, where, TOLL_TAG_CORRECTION);
			}
		}
		if (rd->pass == 1 && looks_like_all(&e->rep.side)) {
			const toll_field *f = &e->row.f[rd->schema.col[TOLL_COL_SIDE]];
			char q[64];

			toll_diag_quote(q, sizeof q, f->s, f->len);
			rd->note_code[rd->nnotes] = TOLL_NOTE;
			toll_diag_set(&rd->notes[rd->nnotes++], TOLL_EDATA, e->row.file, f->line, f->col,
			              "side '%s' is a side of its own: the side that holds every side is "
			              "written 'all'", q);
		}
		return rd->pass == 1 ? TOLL_OK : TOLL_END;
	}
	/* The earlier row: by line in the same file, else by file and line. */
	where_of(rd, &prev, e->row.fileno, where, sizeof where);
	if (kind == TOLL_REV_DUPLICATE) {
		toll_diag_set(d, TOLL_EDATA, e->row.file, at->line, at->col,
		              "duplicate revision: same series, date and figure as %s; counted once",
		              where);
		return TOLL_WARNING;
	}
	return toll_diag_set(d, TOLL_EDATA, e->row.file, at->line, at->col,
	                     "conflicting revisions: same series and date as %s, different figure",
	                     where);
}

/* "event\0side" into rd->key; its length, or 0 when out of memory. */
static size_t
side_key(toll_reports *rd, const toll_field *event, const char *side, size_t len)
{
	size_t n = event->len + 1 + len;

	if (toll_reserve((void **)&rd->key, &rd->keycap, n, 1) != 0)
		return 0;
	memcpy(rd->key, event->s, event->len);
	rd->key[event->len] = '\0';
	memcpy(rd->key + event->len + 1, side, len);
	return n;
}

/*
 * A side within another: the same holder on every row of the event that
 * says one, and no side within itself by way of others.  Returns
 * TOLL_OK, TOLL_EDATA with *d filled, or TOLL_ENOMEM.
 */
static int
check_within(toll_reports *rd, const toll_entry *e, toll_diag *d)
{
	const toll_report *r = &e->rep;
	const toll_field *f = &e->row.f[rd->schema.col[TOLL_COL_WITHIN]];
	size_t n, id, holder, steps;
	int added;
	toll_str h;
	toll_revision_ref first;

	if ((n = side_key(rd, &r->event, r->side.s, r->side.len)) == 0 ||
	    toll_strmap_intern(rd->within, rd->key, n, &id, &added) != TOLL_OK ||
	    toll_strmap_intern(rd->holders, r->within.s, r->within.len, &holder, &added) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	/* Every side the map holds has its entry, zero until its holder is known. */
	if (id >= rd->nheld) {
		if (toll_reserve((void **)&rd->held, &rd->heldcap, id + 1, sizeof *rd->held) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		memset(rd->held + rd->nheld, 0, (id + 1 - rd->nheld) * sizeof *rd->held);
		rd->nheld = id + 1;
	}
	if (rd->held[id].line > 0) {
		const struct held *was = &rd->held[id];
		toll_revision_ref ref;
		char where[TOLL_DIAG_MSG / 2], q[64], p[64];

		if (was->holder == holder)
			return TOLL_OK;
		ref.fileno = was->fileno;
		ref.line = was->line;
		where_of(rd, &ref, e->row.fileno, where, sizeof where);
		h = toll_strmap_key(rd->holders, was->holder);
		toll_diag_quote(q, sizeof q, h.s, h.len);
		toll_diag_quote(p, sizeof p, f->s, f->len);
		return toll_diag_set(d, TOLL_EDATA, e->row.file, f->line, f->col,
		                     "the side is within '%s' on %s, within '%s' here: a side has one "
		                     "holder in an event", q, where, p);
	}
	/* A new holder: following holders up must not come back to this side. */
	h = toll_strmap_key(rd->holders, holder);
	first.line = 0;
	first.fileno = 0;
	for (steps = 0; steps <= toll_strmap_count(rd->within); steps++) {
		size_t up;

		if (h.len == r->side.len && memcmp(h.s, r->side.s, h.len) == 0) {
			char q[64], s[64], where[TOLL_DIAG_MSG / 2];

			toll_diag_quote(q, sizeof q, f->s, f->len);
			toll_diag_quote(s, sizeof s, r->side.s, r->side.len);
			where_of(rd, &first, e->row.fileno, where, sizeof where);
			return toll_diag_set(d, TOLL_EDATA, e->row.file, f->line, f->col,
			                     "'%s' cannot be within '%s', which is within it (%s)", s, q,
			                     where);
		}
		if ((n = side_key(rd, &r->event, h.s, h.len)) == 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		if (toll_strmap_find(rd->within, rd->key, n, &up) != 0 || up >= rd->nheld ||
		    rd->held[up].line == 0)
			break;
		if (first.line == 0) {
			first.fileno = rd->held[up].fileno;
			first.line = rd->held[up].line;
		}
		h = toll_strmap_key(rd->holders, rd->held[up].holder);
	}
	rd->held[id].holder = holder;
	rd->held[id].fileno = e->row.fileno;
	rd->held[id].line = e->row.line;
	return TOLL_OK;
}

/* Ends the first reading; starts the second when some series needs one. */
static int
end_of_pass(toll_reports *rd, toll_diag *d)
{
	/* Kept for the names of the files that parts of toll split name (toll_reports_file()). */
	toll_table_free(rd->read_t);
	rd->read_t = rd->t;
	rd->t = NULL;
	if (rd->pass == 1 && !rd->trouble && rd->have_schema &&
	    toll_series_index_second_pass(rd->index) > 0) {
		if (toll_table_new(&rd->t, rd->paths, rd->npaths, &rd->dl) != TOLL_OK) {
			rd->pass = 3;
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		}
		rd->pass = 2;
		set_threads(rd);
		return TOLL_OK;
	}
	rd->pass = 3;
	return TOLL_END;
}

uint64_t
toll_event_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	/* FNV's low bits hang on the bytes' low bits alone ("e1" and "e5" would share a part of 4): mixed. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/*
 * A file that is a part of toll split, read with --part: a part other than
 * the one read is skipped whole, TOLL_EDATA with *d; else TOLL_OK.
 */
static int
split_header(toll_reports *rd, toll_diag *d)
{
	unsigned long fi, fk;

	if (rd->part_k == 0 || !toll_table_split_part(rd->t, &fi, &fk) ||
	    (fi == rd->part_i && fk == rd->part_k))
		return TOLL_OK;
	toll_diag_set(d, TOLL_EDATA, NULL, 0, 0,
	              "'%s' is part %lu/%lu of toll split: --part %llu/%llu reads none of it",
	              toll_table_reading(rd->t), fi, fk, (unsigned long long)rd->part_i,
	              (unsigned long long)rd->part_k);
	toll_table_skip_file(rd->t);
	return TOLL_EDATA;
}

/*
 * A row of a part of toll split whose event belongs to another part: the
 * file is not one part of one split (edited, or parts of two splits put
 * together), and the event may be in two parts: TOLL_EDATA with *d.
 */
static int
split_row(toll_reports *rd, const toll_row *row, toll_diag *d)
{
	unsigned long fi, fk;
	long ec = rd->schema.col[TOLL_COL_EVENT];
	const toll_field *f;
	uint64_t j;

	if (!toll_table_split_part(rd->t, &fi, &fk) || fk < 2 || ec < 0 || (size_t)ec >= row->n)
		return TOLL_OK;
	f = &row->f[ec];
	j = toll_event_hash(f->s, f->len) % fk + 1;
	if (j == fi)
		return TOLL_OK;
	return toll_diag_set(d, TOLL_EDATA, row->file, f->line, f->col,
	                     "event '%.*s' belongs in part %llu/%lu, not in this part %lu/%lu of toll "
	                     "split: its rows could be counted in two parts", f->len > 200 ? 200 : (int)f->len,
	                     f->s, (unsigned long long)j, fk, fi, fk);
}

int
toll_reports_set_part(toll_reports *rd, uint64_t i, uint64_t k)
{
	if (k < 1 || i < 1 || i > k)
		return TOLL_EUSAGE;
	rd->part_i = i;
	rd->part_k = k;
	return TOLL_OK;
}

/*
 * One function (104 lines): the checking reader's states (the header, the
 * rows of the first reading, the second reading) hand out one thing a call.
 */
int
toll_reports_next(toll_reports *rd, toll_entry *e, toll_diag *d)
{
	int code;

	if (rd->iproblem < rd->nproblems) {
		*d = rd->problems[rd->iproblem++];
		return TOLL_EDATA;
	}
	if (rd->inote < rd->nnotes) {
		*d = rd->notes[rd->inote];
		return rd->note_code[rd->inote++];
	}
	while (rd->pass < 3) {
		if (rd->nt_pending) {
			rd->nt_pending = 0;
			code = TOLL_END;
		} else {
			code = toll_table_next(rd->t, &e->row, d);
		}
		if (code == TOLL_END) {
			if (rd->pass == 1 && rd->not_totals > 0 && !rd->nt_said) {
				rd->nt_said = rd->nt_pending = 1;
				toll_diag_set(d, TOLL_EDATA, rd->nt_file, rd->nt_line, 0,
				              "%ld row%s not a total (kind increment, previous, part or other; "
				              "the first on this line): no toll counts %s", rd->not_totals,
				              rd->not_totals == 1 ? " is" : "s are", rd->not_totals == 1 ? "it" : "them");
				return TOLL_NOTE;
			}
			if ((code = end_of_pass(rd, d)) != TOLL_OK)
				return code;
			continue;
		}
		if (code == TOLL_HEADER) {
			if (rd->have_schema) {
				/* A later file: its columns may differ, not those a reports table needs. */
				if (toll_schema_check_file(&rd->schema, rd->t, &e->row, d) != TOLL_OK) {
					toll_table_skip_file(rd->t);
					if (rd->pass == 2)
						continue;
					return TOLL_EDATA;
				}
				if (split_header(rd, d) != TOLL_OK) {
					if (rd->pass == 2)
						continue;
					return TOLL_EDATA;
				}
				if (toll_table_header_note(rd->t, d) && rd->pass == 1)
					return TOLL_NOTE;
				continue;
			}
			if (toll_schema_from_header(&rd->schema, rd->t, &e->row, d) != TOLL_OK) {
				/* Every later file names the same columns: none can be read. */
				rd->trouble = 1;
				toll_table_free(rd->t);
				rd->t = NULL;
				rd->pass = 3;
				return TOLL_EDATA;
			}
			rd->have_schema = 1;
			rd->note_col = toll_table_column(rd->t, "note");
			set_threads(rd);
			if (split_header(rd, &rd->problems[0]) != TOLL_OK) {
				/* Said after the header. */
				rd->nproblems = 1;
				rd->iproblem = 0;
			}
			return TOLL_HEADER;
		}
		if (code == TOLL_OK && (code = split_row(rd, &e->row, d)) != TOLL_OK) {
			if (rd->pass == 2)
				continue;
			return code;
		}
		/* A row of another part is not this reading's: not checked, not said. */
		if (rd->part_k > 1 && code == TOLL_OK) {
			long ec = rd->schema.col[TOLL_COL_EVENT];
			const toll_field *f = ec >= 0 && (size_t)ec < e->row.n ? &e->row.f[ec] : NULL;

			if (toll_event_hash(f ? f->s : "", f ? f->len : 0) % rd->part_k != rd->part_i - 1)
				continue;
		}
		if (rd->part_k > 1 && code == TOLL_EDATA && rd->part_i != 1)
			continue;
		if (code != TOLL_OK) {
			if (code != TOLL_EDATA)
				rd->trouble = 1;
			if (code == TOLL_ENOMEM)
				rd->pass = 3;
			/* The second reading met these problems already in the first. */
			if (rd->pass == 2 && code == TOLL_EDATA)
				continue;
			return code;
		}
		{
			const struct parsed *p = toll_table_slot(rd->t);

			if (p != NULL && p->nproblems == 0) {
				toll_report_unpack(&rd->schema, &e->row, &p->rep, &e->rep);
				rd->nproblems = 0;
			} else {
				rd->nproblems = toll_report_parse(&rd->schema, &e->row, &e->rep,
				                                  rd->problems);
			}
		}
		if (rd->nproblems > 0) {
			if (rd->pass == 2) {
				rd->nproblems = 0;
				continue;
			}
			rd->iproblem = 1;
			*d = rd->problems[0];
			return TOLL_EDATA;
		}
		/* A figure that is not a toll (an earlier one, a part): no series holds it. */
		if (e->rep.kind != TOLL_KIND_TOTAL) {
			if (rd->pass == 1 && rd->not_totals++ == 0) {
				rd->nt_file = e->row.file;
				rd->nt_line = e->row.line;
			}
			continue;
		}
		if (rd->pass == 1 && e->rep.within.len > 0 && (code = check_within(rd, e, d)) != TOLL_OK) {
			if (code == TOLL_ENOMEM) {
				rd->trouble = 1;
				rd->pass = 3;
			}
			return code;
		}
		code = check_revision(rd, e, d);
		if (rd->pass == 1 && code == TOLL_OK) {
			int c2 = check_claimant(rd, e, d);

			if (c2 != TOLL_OK) {
				rd->nnotes = rd->inote = 0;
				code = c2;
			}
		}
		if (code == TOLL_ENOMEM) {
			rd->trouble = 1;
			rd->pass = 3;
		}
		if (code != TOLL_END)
			return code;
		/* The second reading hands out no rows, only what it found. */
		if (rd->inote < rd->nnotes) {
			*d = rd->notes[rd->inote];
			return rd->note_code[rd->inote++];
		}
	}
	return TOLL_END;
}
