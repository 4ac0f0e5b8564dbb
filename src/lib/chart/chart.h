/*
 * chart/chart.h: what the files of the chart share, and nothing outside
 * them sees.  The public interface is include/toll/chart.h.
 *
 * The chart is split by job: the point store (store.c), colours
 * (palette.c), text and fonts (text.c), axes and their ticks (axes.c),
 * the layout of titles, legend and plot area (layout.c), drawing helpers
 * every kind uses (draw.c), surfaces and output (render.c), and the
 * reading of a table into points (read.c).  Each kind is one file (bar.c,
 * line.c, step.c, interval.c, hist.c) that defines its descriptor, and
 * kinds.c lists the descriptors: adding a kind is one new file and one row
 * there.  Functions shared between these files are named toll_ch_*.
 */
#ifndef TOLL_CHART_INTERNAL_H
#define TOLL_CHART_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <cairo.h>
#include <gsl/gsl_histogram.h>
#include <pango/pangocairo.h>

#include "toll/chart.h"
#include "toll/strmap.h"
#include "toll/ticks.h"

/* Shared by the chart's files only: not exported from libtoll.so. */
#pragma GCC visibility push(hidden)

#define DEFAULT_FONT "DejaVu Sans"

/* Sizes, in units of the chart (points, or pixels of PNG before --scale). */
#define PAD        14.0
#define SZ_TITLE   15.0
#define SZ_SUB     11.0
#define SZ_LEGEND  10.5
#define SZ_AXIS    10.5
#define SZ_TICK    10.0
#define SZ_CAPTION  9.0
#define SZ_LABEL    9.0
#define TICK_LEN    4.0
#define LABEL_GAP   6.0
#define VALUE_INSET 6.0
#define SWATCH     16.0

typedef struct rgb { double r, g, b; } rgb;

extern const rgb toll_ch_ink, toll_ch_ink_soft, toll_ch_ink_faint, toll_ch_grid, toll_ch_axis;

enum { F_BAND = 1, F_OPEN = 2, F_SUPPLIED = 4, F_APPROX = 8, F_ASIDE = 16 };

/* A reference line of --mark, and the text it carries. */
struct toll_ch_mark {
	double at;
	char *label;
};

/* What a text drawn is (the --boxes dump names them). */
enum toll_ch_role_text {
	TX_TITLE, TX_SUBTITLE, TX_LEGEND, TX_TICK, TX_CATEGORY, TX_AXIS, TX_CAPTION, TX_LABEL, TX_MARK,
	TX_SHAPE      /* not a text: a dot or a diamond of the data, which labels keep clear of */
};

/* A text drawn: its corners, in the chart's units, clockwise from the top left as drawn. */
struct toll_ch_box {
	double q[4][2];
	int role;
	char *text;
};

/* A place a label may go: its anchor (x, y) and alignment (ax, ay); text: a shorter form, or NULL. */
struct toll_ch_spot {
	double x, y, ax, ay;
	const char *text;
	int col_white;       /* white, inside a bar */
};

#define TOLL_CH_SPOTS 6

/* A label to place once every other text is drawn. */
struct toll_ch_req {
	int role, bold;
	char *text;
	struct toll_ch_spot spots[TOLL_CH_SPOTS];
	char *alt[TOLL_CH_SPOTS];
	size_t nspots;
};

struct toll_chart {
	toll_chart_opts o;
	const struct toll_chart_kind_desc *kind;
	/* Points as columns: series, category, band and labels only once used. */
	double *x, *y, *lo, *hi;
	uint32_t *ser, *cat;
	uint8_t *flag;         /* bit 0: has band, bit 1: open high */
	uint32_t *lab;         /* a point's figure as text: a key of labels, +1; 0 for none */
	size_t n, cap;
	int frac_x, frac_y;    /* some x, or some value, is not a whole number */
	toll_strmap *series, *cats, *labels;
	/* Colours given to series values (--color): series name -> 0xRRGGBB. */
	toll_strmap *colour_names;
	uint32_t *colour_values;
	size_t ncolours;
	struct toll_ch_mark *marks;
	size_t nmarks;

	/* Rendering. */
	cairo_t *cr;
	PangoContext *pc;
	PangoFontDescription *font;
	double px0, py0, px1, py1;     /* the plot area: left, top, right, bottom */
	toll_ticks vt, xt;             /* value axis; x axis of LINE, STEP, HIST */
	double xlo, xhi;               /* x axis range */
	int any_open, any_band, any_adversary, any_approx;
	double *adv;                   /* BAR, DOT: what the other side claims of the point's toll (NAN: none) */
	size_t adv_cap;
	rgb *series_colour;            /* each series' colour, while drawing */
	char *texts;                   /* SVG: the texts drawn, as <text> elements */
	size_t ntexts, texts_cap;
	int text_failed;
	int on_page;                   /* drawn on a caller's page (toll_chart_draw) */
	int across;                    /* BAR drawn across: categories down, values across */
	/* The texts drawn (boxes.c), the labels still to place, those left out. */
	struct toll_ch_box *boxes;
	size_t nboxes, boxes_cap;
	int boxes_failed;
	int role;                      /* the role of the texts being drawn */
	cairo_matrix_t unbase;         /* from the device back to the chart's units */
	struct toll_ch_req *reqs;
	size_t nreqs, reqs_cap;
	char **dropped;
	size_t ndropped;
	/* HIST */
	gsl_histogram *hist;
};

enum { LEG_SERIES, LEG_OPEN, LEG_APPROX, LEG_ADVERSARY };

/* The layout of everything around the plot area. */
struct layout {
	double top, bottom;        /* below title, subtitle and legend; above caption and x label */
	PangoLayout *title, *sub, *caption, *xlabel, *ylabel;
	/* Category labels (BAR below the plot, INTERVAL left of it). */
	PangoLayout **catl;
	size_t ncat;
	int rotate;                /* BAR labels at 45 degrees */
	size_t every;              /* draw every n-th category label */
	double cat_h;              /* height of the BAR label area */
	/* Legend items: laid out in rows. */
	size_t nleg;
	PangoLayout **legl;
	size_t *legser;            /* the series of each item */
	int *legkind;              /* LEG_*: a series, "at least", the other side's claim */
	double *legx, *legy;
	double leg_h;
	double leg_size;           /* the legend's text size */
};

/*
 * A chart kind.  How its rows are read (what x and y are), the axes it
 * has, and the functions that do its part of the work; NULL where the
 * shared behaviour serves.
 */
enum toll_ch_role {
	ROLE_NONE,      /* not read */
	ROLE_CATEGORY,  /* text: a category (BAR's x, INTERVAL's labels) */
	ROLE_AXIS,      /* a date or a number on the x axis (LINE, STEP) */
	ROLE_NUMBER,    /* a number (HIST's values) */
	ROLE_VALUE      /* the value drawn: a figure's part, or a number */
};

enum {
	KIND_X_AXIS = 1,      /* a horizontal x axis of dates or numbers, with ticks */
	KIND_VALUE_ACROSS = 2,/* the value axis runs across (INTERVAL), else up */
	KIND_STACKS = 4,      /* --stacked */
	KIND_BINS = 8,        /* --bins */
	KIND_SERIES = 16,     /* --series */
	KIND_FROM_ZERO = 32,  /* the value axis includes 0 */
	KIND_ONE_PER_X = 64,  /* one point per x in a series */
	KIND_CAT_AXIS = 128,  /* categories along x (BAR) */
	KIND_ROWS = 256,      /* each row its own category (INTERVAL) */
	KIND_NEEDS_FIGURE = 512, /* the table must state figures */
	KIND_MARK_VALUE = 1024,  /* --mark is on the value axis */
	KIND_BARS = 2048,        /* bars: from 0 (counts on a log axis: from 1), never cut */
	KIND_COUNTS = 4096,      /* the values are counts (ticks between whole numbers allowed) */
	KIND_LABELS = 8192,      /* --labels */
	KIND_ONE_PER_CAT = 16384 /* one point per category and series (BAR, DOT) */
};

enum toll_ch_swatch { SWATCH_LINE, SWATCH_BOX, SWATCH_DOT };

struct toll_chart_kind_desc {
	const char *name;
	const char *help;          /* for toll-plot's usage: lines after the name */
	const char *x_default;     /* NULL: the first column */
	const char *y_default;
	enum toll_ch_role x_role, y_role;
	unsigned flags;
	enum toll_ch_swatch swatch;  /* the legend's sign of a series */
	/*
	 * Before layout: what the kind computes from its points (HIST's bins);
	 * 1: cannot, 2: no point between --xmin and --xmax, -1: out of memory.
	 */
	int (*prepare)(toll_chart *c);
	/* The range of the values on the value axis, before 0 and --ymin/--ymax. */
	void (*value_range)(const toll_chart *c, double *lo, double *hi);
	/* The x range (KIND_X_AXIS), before padding. */
	void (*x_range)(const toll_chart *c, double *lo, double *hi);
	/*
	 * Lays out the plot area between L->top and L->bottom, right of left:
	 * sets px0..py1 and the ticks; -1 when it cannot.
	 */
	int (*layout)(toll_chart *c, struct layout *L, double left, double tick_h);
	/* Draws the data; -1 when out of memory. */
	int (*draw)(toll_chart *c, struct layout *L);
	/* Draws what is under the x axis (BAR's categories); NULL: ticks of xt. */
	void (*x_axis)(toll_chart *c, struct layout *L);
	/* The legend's sign for "at least" (open figures). */
	void (*open_swatch)(toll_chart *c, double x, double y);
};

extern const struct toll_chart_kind_desc toll_ch_bar, toll_ch_line, toll_ch_step, toll_ch_interval,
	toll_ch_hist, toll_ch_dot;
extern const struct toll_chart_kind_desc *const toll_ch_kinds[];
extern const size_t toll_ch_nkinds;

/* Whether the value axis runs across: INTERVAL, DOT, and BAR when its labels do not fit under it. */
static inline int toll_ch_across(const toll_chart *c)
{
	return (c->kind->flags & KIND_VALUE_ACROSS) || c->across;
}

/* store.c */
static inline uint32_t ser_of(const toll_chart *c, size_t i) { return c->ser ? c->ser[i] : 0; }
static inline uint32_t cat_of(const toll_chart *c, size_t i) { return c->cat ? c->cat[i] : 0; }
static inline int band_of(const toll_chart *c, size_t i)
{
	return c->flag && (c->flag[i] & F_BAND) && !c->o.no_interval;
}
static inline int open_of(const toll_chart *c, size_t i) { return c->flag && (c->flag[i] & F_OPEN); }
/* Whether point i's value is a best toll supplied, not a source's: drawn hollow. */
static inline int supplied_of(const toll_chart *c, size_t i) { return c->flag && (c->flag[i] & F_SUPPLIED); }
/* Whether point i's figure is approximate ("~600"): drawn light, its outline the series' colour. */
static inline int approx_of(const toll_chart *c, size_t i) { return c->flag && (c->flag[i] & F_APPROX); }
/* Whether point i is a claim set aside (an adversary's, column set_aside): a hollow diamond. */
static inline int aside_of(const toll_chart *c, size_t i) { return c->flag && (c->flag[i] & F_ASIDE); }
/* A colour halfway to white: an approximate figure's fill. */
static inline rgb toll_ch_light(rgb c) { rgb l = { (c.r + 1) / 2, (c.g + 1) / 2, (c.b + 1) / 2 }; return l; }
size_t toll_ch_nseries(const toll_chart *c);
/*
 * A step chart cut by --xmin: each series' last x before it, whose value
 * holds into the range (*held, malloc'd; NULL for other charts).  0, or -1
 * out of memory.
 */
int toll_ch_step_held(const toll_chart *c, double **held);
/*
 * Whether point i is drawn between --xmin and --xmax (held: from
 * toll_ch_step_held()), and whether series s has such a point.
 */
int toll_ch_point_shown(const toll_chart *c, size_t i, const double *held);
int toll_ch_series_shown(const toll_chart *c, uint32_t s);
uint32_t *toll_ch_series_order(const toll_chart *c, size_t *start);
/* Point i's label (--labels), NULL when it has none. */
const char *toll_ch_label(const toll_chart *c, size_t i);

/* bar.c: the lowest and highest end of the bars (a stack's totals), 0 included; 0 or -1. */
int toll_ch_bar_ends(const toll_chart *c, double *lo, double *hi);

/* palette.c */
rgb toll_ch_colour(const toll_chart *c, size_t series);
#define TOLL_CH_OKABE_USED 7      /* the colours toll_ch_okabe() goes round */
uint32_t toll_ch_okabe(size_t i);      /* Okabe and Ito's colour i but yellow, darkest first, round again */
int toll_ch_repeats(const toll_chart *c, size_t s); /* series s has the colour of one before it: dashed */
int toll_ch_colours(toll_chart *c);    /* fills c->series_colour; -1 when out of memory */
void toll_ch_set_rgb(cairo_t *cr, rgb c);

/* text.c */
const char *toll_ch_shown(const char *s, size_t len, char buf[TOLL_CHART_TEXT_BUF]);
/* The same, of at most max characters, in memory of its own (malloc; NULL when there is none). */
char *toll_ch_shown_dup(const char *s, size_t len, size_t max);
PangoLayout *toll_ch_text(toll_chart *c, const char *s, double size, int bold, double width, int lines);
/* A layout that breaks a word, when it must, without adding a hyphen ("2022-09-/19"). */
void toll_ch_no_hyphens(PangoLayout *l);

/*
 * A column's title in words (read.c): "best" of killed rows "Killed, best
 * estimate", "end:month" "Month of death"; another column's name with
 * its first letter upper case and "_" as spaces.  category may be NULL.
 */
void toll_ch_column_title(const char *col, const char *category, char *buf, size_t sz);
/* line.c: whether a line or step of n points marks each (few enough to tell apart). */
int toll_ch_marked(const toll_chart *c, size_t n);
void toll_ch_extent(PangoLayout *l, double *w, double *h);
double toll_ch_text_width(toll_chart *c, const char *s, double size, int bold);
double toll_ch_line_height(toll_chart *c, double size);
void toll_ch_show(toll_chart *c, PangoLayout *l, double x, double y, double ax, double ay, rgb col);
void toll_ch_show_text(toll_chart *c, const char *s, double size, int bold, double x, double y,
                       double ax, double ay, rgb col);
void toll_ch_setup_text(toll_chart *c);
/*
 * A pango context for a document's text, set as charts' text is, in the
 * fonts that draw every character of texts; the caller unrefs it.
 */
PangoContext *toll_ch_document_context(const char *texts);
void toll_ch_texts_free(toll_chart *c);
/* SVG: the texts drawn, as <text> elements, to write before "</svg>". */
char *toll_ch_svg_texts(toll_chart *c, size_t *len);

/* boxes.c */
void toll_ch_box_of(toll_chart *c, PangoLayout *l, double x, double y, double q[4][2]);
void toll_ch_box_add(toll_chart *c, PangoLayout *l, double x, double y);
int toll_ch_quads_overlap(double a[4][2], double b[4][2]);
/* A shape of the data (a dot, a diamond) centred at (x, y), r across each way, that labels keep clear of. */
void toll_ch_shape_add(toll_chart *c, double x, double y, double r);
/* The same for the rectangle from (x0, y0) to (x1, y1): a bar, a whisker. */
void toll_ch_rect_add(toll_chart *c, double x0, double y0, double x1, double y1);
/*
 * Label s (bold or not), of role TX_LABEL or TX_MARK, to be drawn at the
 * first of spots[0..n) where it covers no other text and stays on the
 * chart, once every other text is drawn (toll_ch_place_all()); where
 * none is free it is left out, and counted.  0, or -1 out of memory.
 */
int toll_ch_place(toll_chart *c, int role, const char *s, int bold, const struct toll_ch_spot *spots, size_t n);
int toll_ch_place_all(toll_chart *c);
void toll_ch_boxes_clear(toll_chart *c);
void toll_ch_boxes_free(toll_chart *c);

/* render.c */
void toll_ch_iso_date(int64_t t, char *buf, size_t sz);

/*
 * Where cairo's bytes go (a cairo_write_func_t closure): straight to the
 * caller's write, or, with hold set (SVG with text as <text>), held until
 * the texts are put in before the closing tag.  failed: 1 when write
 * failed, 2 when out of memory.
 */
struct toll_ch_sink {
	toll_chart_write_fn write;
	void *closure;
	int failed;
	int hold;
	unsigned char *held;
	size_t len, cap;
};
cairo_status_t toll_ch_sink_write(void *closure, const unsigned char *data, unsigned int len);

/* axes.c */
double toll_ch_vmap(const toll_chart *c, double v);
double toll_ch_xmap(const toll_chart *c, double x);
double toll_ch_snap(const toll_chart *c, double v);
double toll_ch_hairline(const toll_chart *c);
double toll_ch_clip_top(const toll_chart *c);
int toll_ch_value_ticks(toll_chart *c, int m);
int toll_ch_labels_fit(toll_chart *c, const toll_ticks *t, const double *pos, double left);
int toll_ch_x_ticks(toll_chart *c);
void toll_ch_points_range(const toll_chart *c, double *lo, double *hi);
void toll_ch_draw_value_axis(toll_chart *c);
void toll_ch_draw_value_labels(toll_chart *c);
void toll_ch_draw_x_axis(toll_chart *c, struct layout *L);
int toll_ch_draw_marks(toll_chart *c);

/* layout.c */
int toll_ch_vertical_layout(toll_chart *c, struct layout *L, double left, double tick_h);
int toll_ch_plan(toll_chart *c, struct layout *L);
int toll_ch_category_labels(toll_chart *c, struct layout *L, double width, int lines);
void toll_ch_free_categories(struct layout *L);
void toll_ch_layout_free(struct layout *L);
void toll_ch_draw_legend(toll_chart *c, struct layout *L);
void toll_ch_draw_texts(toll_chart *c, struct layout *L);

/* draw.c */
void toll_ch_marker(cairo_t *cr, double x, double y, int open, rgb col);
/* The other side's claim, set aside: a hollow diamond. */
void toll_ch_adversary_marker(cairo_t *cr, double x, double y, rgb col);
/*
 * The same in a style: MARK_FULL; MARK_HOLLOW for a value toll supplied
 * (no source's); MARK_APPROX, light with its outline, for an approximate one.
 */
enum { MARK_FULL, MARK_HOLLOW, MARK_APPROX };
void toll_ch_marker_of(cairo_t *cr, double x, double y, int open, int style, rgb col);
void toll_ch_arrow_head(cairo_t *cr, double x, double y, double dx, double dy);
/* A whisker from lo to hi at x (at height x when the values run across); an arrow up (right) when open. */
void toll_ch_whisker(toll_chart *c, double x, double lo, double hi, int open, double cap);
void toll_ch_whisker_across(toll_chart *c, double y, double lo, double hi, int open, double cap);
/*
 * A figure written at (x, y) of the plot: with right set, right of the
 * point (or above it and to the left where the plot ends); else centred
 * above it (or below where the plot's top is).
 */
int toll_ch_value_label(toll_chart *c, const char *s, double x, double y, int right);

/* interval.c: what INTERVAL and DOT share, the value axis across. */
int toll_ch_across_layout(toll_chart *c, struct layout *L, double left, double tick_h);
void toll_ch_row_label(toll_chart *c, struct layout *L, size_t k, double y);
void toll_ch_row_guide(toll_chart *c, double y);
int toll_ch_across_point(toll_chart *c, size_t i, double y, double clip_h);
size_t toll_ch_rows_every(toll_chart *c, double row);
void toll_ch_across_x_axis(toll_chart *c, struct layout *L);
void toll_ch_across_open_swatch(toll_chart *c, double x, double y);

/* line.c: LINE and STEP. */
int toll_ch_draw_lines(toll_chart *c, int step);


#pragma GCC visibility pop

#endif
