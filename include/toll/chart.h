/*
 * chart.h: report charts drawn with cairo, text set with pango.
 *
 * A chart is filled with points (toll_chart_add) and then rendered once to
 * PNG, PDF or SVG through a write callback.  The same chart and options
 * always give the same bytes: fonts are rendered without hinting and with
 * grey antialiasing whatever the machine's fontconfig says, and a PDF gets
 * its creation date only from the date given in the options.
 *
 * The chart lives in src/lib/chart/, a file per job and per kind.
 *
 * Kinds (toll-plot(1)):
 *   BAR       categories along x; one bar per series in each, side by side
 *             or stacked; whiskers from low to high;
 *   LINE      y against x (numbers or dates), one line per series, a band
 *             from low to high;
 *   STEP      as LINE, but a value holds until the next one: the revision
 *             chart; each report is marked, an open high with a triangle;
 *   INTERVAL  one row per point, top to bottom: a dot at y, a segment from
 *             low to high, an arrow for an open high, labelled by category;
 *   HIST      a histogram of x;
 *   DOT       a Cleveland dot plot: a row per category, a dot per series
 *             at its value with its range; need not start at zero.
 */
#ifndef TOLL_CHART_H
#define TOLL_CHART_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "toll/diag.h"
#include "toll/table.h"

struct _cairo;   /* cairo_t, for toll_chart_draw() */

enum toll_chart_kind {
	TOLL_CHART_BAR, TOLL_CHART_LINE, TOLL_CHART_STEP, TOLL_CHART_INTERVAL, TOLL_CHART_HIST,
	TOLL_CHART_DOT
};

enum toll_chart_format { TOLL_CHART_PNG, TOLL_CHART_PDF, TOLL_CHART_SVG };

enum toll_chart_palette { TOLL_PALETTE_OKABE_ITO, TOLL_PALETTE_VIRIDIS, TOLL_PALETTE_GREY };

/* The order of the categories (--sort): as read, largest total first, by label. */
enum toll_chart_sort { TOLL_SORT_NONE, TOLL_SORT_VALUE, TOLL_SORT_LABEL };

/* BAR's direction (--horizontal, --vertical): across when the labels do not fit under the bars. */
enum toll_chart_bars { TOLL_BARS_AUTO, TOLL_BARS_HORIZONTAL, TOLL_BARS_VERTICAL };

/*
 * A text is drawn to at most this many characters (then "…"), with its
 * line breaks as spaces; the data keep it whole.
 */
#define TOLL_CHART_TEXT_MAX 200
#define TOLL_CHART_TEXT_BUF 4096

/*
 * A chart drawn on its own (toll_chart_render()) has at most this many
 * series: each its own colour, none used twice (a reader tells no more
 * apart, and Okabe and Ito's palette has eight).
 */
#define TOLL_CHART_MAX_COLOURS 8

/* Everything but the data.  Strings are borrowed: they must outlive the chart. */
typedef struct toll_chart_opts {
	enum toll_chart_kind kind;
	enum toll_chart_format format;
	enum toll_chart_palette palette;
	const char *title, *subtitle, *xlabel, *ylabel, *caption;   /* NULL or "": none */
	const char *font;            /* the family; NULL: DejaVu Sans */
	double width, height;        /* pixels for PNG, points for PDF and SVG */
	double scale;                /* PNG pixels per unit (--scale) */
	double dpi;                  /* PNG: the resolution written in the file (0: none) */
	int svg_outlines;            /* SVG: text as glyph outlines, not <text> */
	int labels;                  /* each bar, interval or last step labelled with its figure */
	int has_xmin, has_xmax;
	double xmin, xmax;           /* the x axis (dates as seconds), when given */
	int log_y;
	int has_ymin, has_ymax;
	double ymin, ymax;           /* the value axis, when given */
	int stacked;                 /* BAR: stack the series */
	enum toll_chart_bars bars;   /* BAR: up, across, or across when labels do not fit */
	enum toll_chart_sort sort;   /* BAR, DOT: the categories' order (toll_chart_arrange()) */
	size_t top;                  /* BAR, DOT: the categories kept (toll_chart_arrange()); 0 all */
	int no_interval;             /* no whiskers or bands */
	int bins;                    /* HIST: 0 for Freedman-Diaconis */
	int x_dates;                 /* LINE, STEP: x holds seconds since 1970 (UTC) ... */
	int x_times;                 /* ... and some have a time of day */
	int x_years;                 /* numbers on x are years: no thousands separators */
	int x_bin;                   /* LINE: x are bins of this unit (keys.h), coarser than a
	                                day; a line breaks where a bin has no point */
	int64_t pdf_date;            /* PDF creation date, seconds since 1970 ... */
	int has_pdf_date;            /* ... when set (SOURCE_DATE_EPOCH) */
} toll_chart_opts;

/* One point.  Which fields count depends on the kind (see above). */
typedef struct toll_point {
	double x, y;
	double low, high;   /* when has_band; high is ignored when open */
	uint32_t series;    /* from toll_chart_series() */
	uint32_t category;  /* BAR, INTERVAL: from toll_chart_category() */
	uint8_t has_band;
	uint8_t open;       /* the high is unbounded ("at least y") */
	uint8_t supplied;   /* toll supplied y, the best (a range's middle): drawn hollow */
	uint8_t approx;     /* the figure is approximate ("~600"): drawn light, with an outline */
	uint8_t set_aside;  /* INTERVAL: a claim set aside (an adversary's): a hollow diamond */
	const char *label;  /* the figure as text, for --labels; NULL: none (copied) */
	uint8_t has_adversary;  /* BAR, DOT: the other side claims adversary of this toll */
	double adversary;       /* (toll-agg's adversary column, set aside): drawn apart */
} toll_point;

typedef struct toll_chart toll_chart;

/* A new, empty chart, or NULL when out of memory.  Free it with toll_chart_free(). */
toll_chart *toll_chart_new(const toll_chart_opts *o);
void toll_chart_free(toll_chart *c);

/* Replaces the options (those known only once the data is read: labels, dates). */
void toll_chart_set_opts(toll_chart *c, const toll_chart_opts *o);

/* The options in force (with what toll_chart_reader_finish() set). */
void toll_chart_get_opts(const toll_chart *c, toll_chart_opts *o);

/*
 * The number of the series (or category) named s[0..len), numbered from 0 in
 * order of first use: legends and axes keep that order.  Returns TOLL_OK,
 * or TOLL_ENOMEM.
 */
int toll_chart_series(toll_chart *c, const char *s, size_t len, uint32_t *id);
int toll_chart_category(toll_chart *c, const char *s, size_t len, uint32_t *id);

/*
 * Adds a point; returns TOLL_OK, or TOLL_ENOMEM.  For BAR, a category
 * and series given twice is reported by toll_chart_render() (the chart
 * draws what it is given; summing is toll-agg's job).
 */
int toll_chart_add(toll_chart *c, const toll_point *p);

/* The number of points added so far. */
size_t toll_chart_points(const toll_chart *c);

/*
 * LINE, STEP: finds two points of one series at the same x, which no line
 * can show: *found is set, with their indices in *first and *second (in
 * order of addition).  Returns TOLL_OK, or TOLL_ENOMEM.
 */
int toll_chart_same_x(const toll_chart *c, int *found, size_t *first, size_t *second);

/*
 * Sets the order of the categories to labels[0..n) (lengths lens[]),
 * which must include every category used so far; the new ones stay empty
 * (empty periods of a date axis).  Returns TOLL_OK, TOLL_ENOMEM, or
 * TOLL_EUSAGE when a category is missing from labels.
 */
int toll_chart_order_categories(toll_chart *c, char *const *labels, const size_t *lens, size_t n);

/*
 * BAR, DOT: orders the categories by sort and keeps the top with the
 * largest totals (the sum of their values), the rest summed, each
 * series apart, into one category named "N others" drawn last; top 0
 * keeps every one.  Call once the points are read.  TOLL_OK, or
 * TOLL_ENOMEM with *d.
 */
int toll_chart_arrange(toll_chart *c, enum toll_chart_sort sort, size_t top, toll_diag *d);

/* Point i's x, its series, and a series' name (its length in *len). */
double toll_chart_x(const toll_chart *c, size_t i);
uint32_t toll_chart_series_of(const toll_chart *c, size_t i);
const char *toll_chart_series_label(const toll_chart *c, uint32_t id, size_t *len);

/* The label of category id (toll_chart_category()), its length in *len. */
const char *toll_chart_category_label(const toll_chart *c, uint32_t id, size_t *len);
size_t toll_chart_categories(const toll_chart *c);

/*
 * Gives the series named value[0..len) the colour rgb (0xRRGGBB) in every
 * chart it is drawn in; the palette's colours skip the colours given.
 * Returns TOLL_OK, or TOLL_ENOMEM.
 */
int toll_chart_color(toll_chart *c, const char *value, size_t len, uint32_t rgb);

/* Parses "#RRGGBB" or an Okabe-Ito colour name ("sky-blue"); 0, or -1. */
int toll_chart_color_parse(const char *s, size_t len, uint32_t *rgb);

/* The names toll_chart_color_parse() knows, for messages. */
extern const char toll_chart_color_names[];

/*
 * A reference line at at (x: seconds for a date axis, or a number; the
 * value for BAR and INTERVAL), labelled label (NULL: none; copied).
 * Returns TOLL_OK, or TOLL_ENOMEM.
 */
int toll_chart_mark(toll_chart *c, double at, const char *label);

/*
 * The x axis's range, where only the table says what x holds (after
 * toll_chart_reader_finish(): dates or numbers): has_min/has_max say
 * which bound is given.
 */
void toll_chart_xrange(toll_chart *c, int has_min, double min, int has_max, double max);

/*
 * Whether the options suit the kind: --stacked, --bins, --series (given
 * TOLL_CHART_GIVEN_SERIES), --labels, --xmin/--xmax (given
 * TOLL_CHART_GIVEN_XRANGE), --sort (given TOLL_CHART_GIVEN_SORT), --top,
 * --horizontal and --vertical.  TOLL_OK, or TOLL_EUSAGE with *d.
 */
enum { TOLL_CHART_GIVEN_SERIES = 1, TOLL_CHART_GIVEN_XRANGE = 2, TOLL_CHART_GIVEN_SORT = 4 };
int toll_chart_opts_check(const toll_chart_opts *o, unsigned given, toll_diag *d);

/* The kinds by name ("bar", ...): 0 and *kind set, or -1. */
int toll_chart_kind_find(const char *name, enum toll_chart_kind *kind);
size_t toll_chart_kinds(void);
const char *toll_chart_kind_name(enum toll_chart_kind kind);
/* A kind's description for a usage text, lines of at most 60 characters. */
const char *toll_chart_kind_help(enum toll_chart_kind kind);

/*
 * The palettes by name ("okabe-ito", "viridis", "grey" or "gray") and the
 * output formats by name, whatever the case ("png", "pdf", "svg"): 0 and
 * the value set, or -1.  Their names for a message, written into buf:
 * "okabe-ito, viridis or grey", "png, pdf or svg".
 */
int toll_chart_palette_find(const char *name, enum toll_chart_palette *p);
void toll_chart_palette_names(char *buf, size_t sz);
int toll_chart_format_find(const char *name, enum toll_chart_format *f);
void toll_chart_format_names(char *buf, size_t sz);

/* Where rendered bytes go; returns 0, or -1 to stop with an I/O error. */
typedef int (*toll_chart_write_fn)(void *closure, const unsigned char *data, size_t len);

/*
 * Draws the chart and hands its bytes to write.  Returns TOLL_OK; TOLL_EDATA
 * when the data cannot be drawn (a value that is not positive on a log
 * axis, two bars for one category and series, no points), with the point's
 * index in d->line (1-based) for the caller to place; TOLL_EIO when write
 * failed; TOLL_ENOMEM, or TOLL_EIO naming cairo's status, when cairo
 * failed.
 */
int toll_chart_render(toll_chart *c, toll_chart_write_fn write, void *closure, toll_diag *d);

/*
 * Draws the chart onto cr, in cr's units taken as points, in the rectangle
 * from (0, 0) to the chart's width and height (translate cr to place it):
 * a figure on a page of a document.  Returns as toll_chart_render().
 */
int toll_chart_draw(toll_chart *c, struct _cairo *cr, toll_diag *d);

/*
 * After a render or draw: the labels left out because every place they
 * could go would have covered another text (the first in *first, when
 * first is not NULL), and the i-th of them.
 */
size_t toll_chart_dropped(const toll_chart *c, const char **first);
const char *toll_chart_dropped_text(const toll_chart *c, size_t i);

/*
 * After a render or draw: every text drawn, as a TSV table of its role
 * (title, subtitle, legend, tick, category, axis, caption, label, mark)
 * and the corners of its box in the chart's units, then the labels left
 * out (role "dropped", no corners): the tests check that no two overlap.
 * 0, or -1 when writing failed.
 */
int toll_chart_boxes_write(const toll_chart *c, FILE *f);

/*
 * A table read into a chart's points, as toll-plot reads it: a reader
 * for chart c (which it fills), with the column names of -x, -y and
 * --series (NULL: the kind's defaults, no series).  NULL when out of
 * memory.  Free it after the chart is drawn: the chart borrows its texts.
 */
typedef struct toll_chart_reader toll_chart_reader;

toll_chart_reader *toll_chart_reader_new(toll_chart *c, const char *x, const char *y, const char *series);
void toll_chart_reader_free(toll_chart_reader *r);

/* After the table's header: finds the columns; TOLL_OK, or TOLL_EUSAGE with *d. */
int toll_chart_reader_header(toll_chart_reader *r, const toll_table *t, toll_diag *d);

/*
 * Adds the point of a row (none when it states no value).  Returns
 * TOLL_OK, TOLL_EDATA (*d at the field) or TOLL_ENOMEM.  Once
 * toll_chart_reader_stop() says so (a limit passed), read no more rows.
 */
int toll_chart_reader_row(toll_chart_reader *r, const toll_table *t, const toll_row *row, toll_diag *d);
int toll_chart_reader_stop(const toll_chart_reader *r);

/*
 * After the last row: checks what only the whole table shows (nothing to
 * draw; two figures at one x of a line; too many periods) and sets the
 * options the table decides (axis labels, the caption of the sources
 * drawn, dates on x) where they are NULL.  files[0..nfiles) name the
 * table's files in messages.  Returns TOLL_OK, TOLL_EDATA or TOLL_ENOMEM.
 */
int toll_chart_reader_finish(toll_chart_reader *r, const toll_table *t, char *const *files,
                             size_t nfiles, toll_diag *d);

/*
 * After toll_chart_xrange(): the caption toll made names only the sources
 * of the points drawn between --xmin and --xmax.  TOLL_OK, or TOLL_ENOMEM
 * with *d.
 */
int toll_chart_reader_caption(toll_chart_reader *p, toll_diag *d);

/*
 * A position on the x axis (a date when x holds dates, else a number) or,
 * with value_axis, on the value axis, for --mark, --xmin and --xmax;
 * 0, or -1 when s is neither.  Valid after toll_chart_reader_finish().
 */
int toll_chart_reader_position(const toll_chart_reader *r, const char *s, int value_axis, double *out);

/* Whether --mark goes on the value axis (BAR, INTERVAL); whether x holds dates. */
int toll_chart_reader_value_axis(const toll_chart_reader *r);
int toll_chart_reader_dates(const toll_chart_reader *r);

/*
 * The font family that text in family (NULL: the default) is actually set
 * in, as fontconfig resolves it, into buf: a program can warn when it is
 * not the one asked for.
 */
void toll_chart_font_resolved(const char *family, char *buf, size_t bufsz);

/*
 * Frees the font map pango keeps for the whole process, so that a leak
 * checker sees only real leaks; cairo's and fontconfig's own caches stay.
 * Call it once, last, after every chart is freed.
 */
void toll_chart_shutdown(void);

#endif
