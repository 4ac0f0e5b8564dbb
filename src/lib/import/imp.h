/*
 * import/imp.h: the import module's own: the plan of output columns, the
 * row buffer, and the format descriptor.  A new format is a file with its
 * descriptor and a row in formats.c.
 */
#ifndef TOLL_IMPORT_IMP_H
#define TOLL_IMPORT_IMP_H

#include <stdint.h>

#include "toll/import.h"
#include "toll/report.h"
#include "toll/strmap.h"

enum imp_kind { K_TEXT, K_DATE, K_NUMBER, K_EPOCH, K_VALUE };

/* The output columns every format writes first, in this order. */
enum {
	O_EVENT, O_REPORTED, O_SOURCE, O_SIDE, O_CATEGORY, O_STATUS, O_LOW, O_BEST, O_HIGH,
	O_START, O_END, O_FIXED
};
/* Their columns of the reports table (toll_column_names), in this order. */
extern const int imp_fixed_cols[O_FIXED];
#define IMP_FIXED_NAME(i) (toll_column_names[imp_fixed_cols[i]])

#define IMP_MAX_COLS 1024
#define IMP_MAX_SETS 64
#define IMP_SCRATCH 48
#define IMP_MAX_PARTS 8         /* columns of one composite key, --map event=A+B */
#define IMP_MAX_COMPOSITE 8     /* composite output columns */
#define IMP_COMPOSITE 512       /* bytes of a composite value */

/* One output column: where its value comes from. */
struct imp_col {
	const char *name;
	long src, alt;          /* input columns (-1: none); alt is read where src is empty */
	const char *constant;   /* where no input column gives a value (NULL: empty) */
	int kind;
	int vmap;               /* the --value-map of this column, or -1 */
	long parts[IMP_MAX_PARTS];  /* a composite (--map OUT=A+B): its input columns */
	int nparts;             /* 0 or 1: src alone */
	int comp;               /* its buffer in struct imp_rowbuf's comp[] */
	int kept;               /* an input column kept as it is: a later file may lack it */
};

/* A --value-map: in column col, from[i] becomes to[i]. */
struct imp_vmap {
	char *spec;             /* owned copy, cut in place */
	const char *col;
	const char **from, **to;
	size_t n;
};

/* The options, as given. */
struct imp_opts {
	unsigned given;                                    /* 1u << enum toll_import_opt */
	char *reported, *release, *deleted, *keep;         /* owned copies */
	int split, strict, row_events;
	long time_prec, geo_prec, date_prec, where_prec;   /* -1: no limit */
	char *map[IMP_MAX_SETS], *set[IMP_MAX_SETS];       /* OUT=IN and OUT=VALUE, owned, cut */
	size_t nmap, nset;
	char *wide[IMP_MAX_SETS];                          /* CATEGORY[/STATUS]=IN, owned, cut */
	size_t nwide;
	struct imp_vmap vm[IMP_MAX_SETS];
	size_t nvm;
	char (*rel)[IMP_SCRATCH];                          /* --releases: each file's date, as written out */
	size_t nrel;
	int64_t rel_t;                                     /* the last one, while parsing */
};

/* Per row: the output fields, and their converted text. */
struct imp_rowbuf {
	toll_field f[IMP_MAX_COLS];
	char scratch[IMP_MAX_COLS][IMP_SCRATCH];
	char event[IMP_SCRATCH * 4];
	int has_num[3];
	int64_t num[3];          /* low, best, high as read */
	char vq;                 /* the qualifier of a value read: '~', 'v' or '\0' */
	char comp[IMP_MAX_COMPOSITE][IMP_COMPOSITE];  /* the composite columns' values */
};

struct imp_format;

struct toll_import {
	struct imp_opts o;
	const struct imp_format *fmt;
	toll_import_say_fn say;
	void *say_ctx;
	const char *layout;
	struct imp_col c[IMP_MAX_COLS];
	size_t n;
	toll_schema schema;
	int planned, stopped, trouble, refusals;
	/* Input columns the formats read besides the mapped ones. */
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
	toll_import_counts k;
	int status_set;         /* --set status=...: ACLED's rule gives way */
	long qual;              /* the output column qualifier, or -1 */
	/* --wide: each input row is a row per figure column, of its category and status. */
	struct imp_wide { const char *category, *status; long src; } w[IMP_MAX_SETS];
	size_t nw;
	long status_src;        /* the status column's input column, for --wide without one */
	const char *status_constant;
	int ncomp;              /* composite columns (--map OUT=A+B) */
	toll_out *out;
	struct imp_rowbuf rb;
	/* --releases: each series written (event, side, status, category, source), and its state. */
	toll_strmap *rel_keys;
	struct imp_relstate { uint64_t print; size_t seen; int out; } *rel_st;  /* seen: release + 1 */
	size_t rel_cap, rel_cur;   /* rel_cur: the release being read + 1; 0 before the first */
	char rel_note[96];         /* a withdrawal's note */
	long rel_note_col;         /* its column (the plan's: the header's names are gone by the end) */
};

/*
 * A format.  Hooks left NULL do nothing.  check: its options together,
 * when the format is set (TOLL_EUSAGE); plan: the output columns from the
 * first header (then imp_plan_common() adds --set's and --value-map's);
 * row: its rule on a converted row, before the checks every row gets
 * (returns the problems put in d, or -1 out of memory); skip: whether a
 * good row is left out unwritten (1, 0, -1 out of memory); after: once
 * the row is written (more rows); finish: after every file.
 */
struct imp_format {
	const char *name, *help, *options_help;
	unsigned options;           /* 1u << TOLL_IMPORT_x for each of its own it takes */
	const char *epoch_column;   /* a kept column of Unix time, written as a date */
	int (*check)(toll_import *im, toll_diag *d);
	int (*plan)(toll_import *im, const toll_table *t, const toll_row *h, toll_diag *d);
	int (*row)(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d);
	int (*skip)(toll_import *im);
	void (*after)(toll_import *im, const toll_table *t, const toll_row *r, toll_diag *d);
	int (*finish)(toll_import *im, const toll_dialect *dl);
};

extern const struct imp_format imp_acled, imp_ucdp, imp_table;

/* plan.c */
struct imp_col *imp_add_col(toll_import *im, const char *name, long src, const char *constant,
                            int kind);
long imp_find_col(const toll_import *im, const char *name);
int imp_kind_of(const char *name);
int imp_is_mapped(const toll_import *im, const char *out);
int imp_missing_or_map(const toll_table *t, const toll_row *h, const char *what, const char *name,
                       const char *out, toll_diag *d);
int imp_missing(const toll_table *t, const toll_row *h, const char *what, const char *name,
                toll_diag *d);
int imp_apply_maps(toll_import *im, const toll_table *t, char *used, toll_diag *d);
int imp_keep_columns(toll_import *im, const toll_table *t, char *used, toll_diag *d);
int imp_plan_rest(toll_import *im, const toll_table *t, const char *const *dflt, size_t n,
                  toll_diag *d);
int imp_plan_common(toll_import *im, const toll_table *t, toll_diag *d);

/* row.c */
int imp_field_is(const toll_field *f, const char *s);
int imp_field_is_nocase(const toll_field *f, const char *s);
size_t imp_iso_text(int64_t t, char *buf);
int imp_bad_field(const toll_table *t, const toll_row *r, long src, const char *what,
                  const char *why, toll_diag *d);
int imp_number_text(const toll_table *t, const toll_row *r, long src, const toll_field *f,
                    char *buf, size_t *len, int64_t *v, toll_diag *d);
int imp_check_row(toll_import *im, const toll_row *r, toll_diag d[TOLL_REPORT_MAX_PROBLEMS]);
void imp_write_row(toll_import *im);
int imp_problems(toll_import *im, toll_diag *d, int n);
void imp_warn(toll_import *im, toll_diag *d);
/* Out of memory: said, and reading stops. */
int imp_nomem(toll_import *im);

/* release.c: --releases, each file a whole release as of its date. */
int imp_releases_parse(struct imp_opts *o, const char *arg, toll_diag *d);
/* The header of file fileno was read: the releases before it end (their withdrawals written). */
int imp_release_begin(toll_import *im, size_t fileno);
/* A good row: remembered; 1 when it is as in the release before (not written again), -1 out of memory. */
int imp_release_skip(toll_import *im);
/* After the last file: the last releases end.  0, or -1 out of memory. */
int imp_release_finish(toll_import *im);
void imp_releases_free(toll_import *im);

#endif
