/*
 * toll-plot: charts of toll tables to PNG, PDF or SVG, with
 * cairo and pango.  The table is read and checked whole before any output
 * is made (src/lib/chart/read.c); a file named by -o appears whole or not
 * at all (cli_output).  Options, usage and the loop; the chart kinds are
 * the library's table of them.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "cli.h"
#include "toll/chart.h"
#include "toll/figure.h"
#include "toll/table.h"

static const char usage_head[] =
	"Usage: toll-plot KIND [OPTION]... [FILE]... -o OUT\n"
	"Draws a chart of a TSV or CSV table with a header (a reports table, or\n"
	"what toll-agg, toll-rev or toll-stats wrote) to PNG, PDF or SVG.\n"
	"With no FILE, or when FILE is -, read standard input.\n"
	"\n"
	"Kinds:\n";

enum {
	OPT_SERIES = CLI_OPT_PROGRAM, OPT_STACKED, OPT_NO_INTERVAL, OPT_BINS, OPT_TITLE, OPT_SUBTITLE,
	OPT_XLABEL, OPT_YLABEL, OPT_CAPTION, OPT_SIZE, OPT_SCALE, OPT_FORMAT, OPT_LOG_Y, OPT_YMIN,
	OPT_YMAX, OPT_PALETTE, OPT_FONT, OPT_COLOR, OPT_MARK, OPT_LABELS, OPT_XMIN, OPT_XMAX,
	OPT_SVG_OUTLINES, OPT_DPI, OPT_BOXES, OPT_SORT, OPT_TOP, OPT_HORIZONTAL, OPT_VERTICAL
};

static cli_opt options[] = {
	{ 'o', "output", "OUT", "the chart's file; - for standard output", NULL },
	{ 'x', NULL, "COLUMN", "the categories (bar, dot), x values (line, step)\nor values (hist)", NULL },
	{ 'y', NULL, "COLUMN", "the values (default: best), or interval's labels;\n"
		"low and high are used with best", NULL },
	{ OPT_SERIES, "series", "COLUMN", "a bar, line or colour per value of COLUMN, at\n"
		"most 8 (COLUMN,COLUMN... joins several)", NULL },
	{ OPT_STACKED, "stacked", NULL, "bar: stack the series", NULL },
	{ OPT_HORIZONTAL, "horizontal", NULL, "bar: bars across, a category a row (the default\n"
		"when the labels do not fit under the bars)", NULL },
	{ OPT_VERTICAL, "vertical", NULL, "bar: bars up, the labels turned or thinned to fit", NULL },
	{ OPT_SORT, "sort", "ORDER", "bar, dot: the categories by value (the largest\n"
		"total first), label, or none (as read; the default)", NULL },
	{ OPT_TOP, "top", "N", "bar, dot: the N categories of the largest totals;\n"
		"the rest summed into one, \"K others\", drawn last", NULL },
	{ OPT_NO_INTERVAL, "no-interval", NULL, "no whiskers, bands or arrows from low and high", NULL },
	{ OPT_BINS, "bins", "N", "hist: N bins (default: Freedman-Diaconis, rounded)", NULL },
	{ OPT_TITLE, "title", "TEXT", "\ntexts (axis titles default to words for the\ncolumns: Killed, best estimate; Month of death)",
		"    --title=TEXT  --subtitle=TEXT  --xlabel=TEXT  --ylabel=TEXT" },
	{ OPT_SUBTITLE, "subtitle", "TEXT", NULL, NULL },
	{ OPT_XLABEL, "xlabel", "TEXT", NULL, NULL },
	{ OPT_YLABEL, "ylabel", "TEXT", NULL, NULL },
	{ OPT_CAPTION, "caption", "TEXT", "the line under the chart (default: \"Source: \" and\n"
		"the sources of the rows drawn; '' for none)", NULL },
	{ OPT_COLOR, "color", "VALUE=COLOR,...", "the colour of a --series value: #RRGGBB or\n"
		"an Okabe-Ito name (black, orange, sky-blue,\n"
		"bluish-green, yellow, blue, vermillion,\n"
		"reddish-purple); the others take the palette's\n"
		"colours left", NULL },
	{ OPT_COLOR, "colour", "VALUE=COLOR,...", NULL, NULL },
	{ OPT_MARK, "mark", "X[=LABEL]", "a dashed line at X on the x axis (a date or a\n"
		"number), or at the value X for bar, dot and\n"
		"interval, with LABEL beside it (may be repeated)", NULL },
	{ OPT_LABELS, "labels", NULL, "write each bar's, dot's and interval's figure,\n"
		"and the last of each line or step, in the notation\n"
		"(6,500, ~600, >=135, 20-100)", NULL },
	{ OPT_SIZE, "size", "WxH", "the size (default 800x500): pixels for PNG, points\n"
		"for PDF and SVG; or with units in, cm, mm or pt\n"
		"(6.5inx4in): the printed size, text in points", NULL },
	{ OPT_SCALE, "scale", "N", "PNG pixels per unit, for sharper images (default 1)", NULL },
	{ OPT_DPI, "dpi", "N", "PNG pixels per inch, written in the file (default\n"
		"300 for a size with units)", NULL },
	{ OPT_FORMAT, "format", "FMT", NULL /* format_help() */, NULL },
	{ OPT_SVG_OUTLINES, "svg-outlines", NULL, "SVG text as glyph outlines (default: <text>)", NULL },
	{ OPT_LOG_Y, "log-y", NULL, "a logarithmic value axis (not for bars: a bar is\nread by its length; draw dot instead)", NULL },
	{ OPT_YMIN, "ymin", "N", "the value axis's range", "    --ymin=N  --ymax=N" },
	{ OPT_YMAX, "ymax", "N", NULL, NULL },
	{ OPT_XMIN, "xmin", "X", "the x axis's range (line, step, hist): dates or\nnumbers, as x",
		"    --xmin=X  --xmax=X" },
	{ OPT_XMAX, "xmax", "X", NULL, NULL },
	{ OPT_PALETTE, "palette", "NAME", NULL /* palette_help() */, NULL },
	{ OPT_FONT, "font", "FAMILY", "the font (default DejaVu Sans)", NULL },
	{ OPT_BOXES, "boxes", "FILE", "write the box of every text drawn to FILE (a TSV\n"
		"table: role, text, corners; labels left out as\n"
		"'dropped'), to check that no two overlap", NULL },
	CLI_OPTS_COMMON,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Rows with an empty -x or -y value are left out.  low, best and high of a\n"
	"table of figures are read as every toll program reads them.  x may be\n"
	"dates, or toll-agg's bins (2022-09, 2022-W37, 2022-Q3): a bar chart of\n"
	"periods keeps the empty ones, and a line breaks at a period with no row.\n"
	"A line or step has one figure per x in a series: two are an error.\n"
	"Kinds of figure are drawn apart, with a legend entry: \"about\" (~)\n"
	"light and outlined, \"at least\" an arrow or triangle, a best toll\n"
	"supplied hollow; the other side's claim (toll-agg's adversary column, or\n"
	"set_aside \"yes\") a hollow diamond, its line dotted.\n"
	"PDF files get a date only from SOURCE_DATE_EPOCH.  The same input gives\n"
	"the same bytes.\n"
	"Exit status: 0 success, 1 invalid data, 2 usage or I/O error.\n"
	"\n"
	"Examples:\n"
	"  toll-rev history reports.tsv | toll-plot step --series side,source -o tolls.png\n"
	"  toll-agg -g event,category datasets/*.tsv | toll-plot bar -x event --series category -o totals.pdf\n";

#define MAX_MARKS 32
#define MAX_COLORS 64

struct plot {
	toll_chart_opts o;
	const char *xcol, *ycol, *seriescol, *out;
	const char *marks[MAX_MARKS], *xmin, *xmax, *boxes;
	int have_sort;
	size_t nmarks;
	const char *colors[MAX_COLORS];
	size_t ncolors;
	toll_chart_reader *rd;
	int have_format, have_scale, physical;
};

/* ---- options ---- */

static int
parse_number(const char *s, double *v)
{
	return toll_decimal_parse(s, strlen(s), v) == TOLL_FIG_OK && isfinite(*v) ? 0 : -1;
}

/*
 * One side of --size: a whole number of pixels, or a number with a unit
 * (in, cm, mm, pt), in points.  Sets *physical for a unit.
 */
static int
size_side(const char *s, size_t len, double *v, int *physical)
{
	static const struct { const char *unit; double pt; } units[] = {
		{ "in", 72 }, { "cm", 72 / 2.54 }, { "mm", 72 / 25.4 }, { "pt", 1 }, { "px", 1 }
	};
	size_t n = 0, i;
	char buf[32];

	while (n < len && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.'))
		n++;
	if (n == 0 || n >= sizeof buf || s[0] == '.')
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (toll_decimal_parse(buf, n, v) != TOLL_FIG_OK)
		return -1;
	if (n == len) {
		/* Pixels are whole. */
		return *v == floor(*v) ? 0 : -1;
	}
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (len - n == 2 && strncmp(s + n, units[i].unit, 2) == 0) {
			*v *= units[i].pt;
			*physical |= i < 4;
			return 0;
		}
	return -1;
}

static int
parse_size(const char *s, double *w, double *h, int *physical)
{
	const char *x = strchr(s, 'x');

	*physical = 0;
	/* "6.5inx4in": the x after a unit. */
	while (x != NULL && x > s && x[-1] != 'n' && x[-1] != 'm' && x[-1] != 't' &&
	       !(x[-1] >= '0' && x[-1] <= '9'))
		x = strchr(x + 1, 'x');
	if (x == NULL || size_side(s, (size_t)(x - s), w, physical) != 0 ||
	    size_side(x + 1, strlen(x + 1), h, physical) != 0)
		return -1;
	return *w >= 50 && *w <= 10000 && *h >= 50 && *h <= 10000 ? 0 : -1;
}

/* --color VALUE=COLOR,...: each given to the chart; 0, or a usage error's status. */
static int
set_colors(toll_chart *ch, const char *spec)
{
	const char *p = spec;

	for (;;) {
		const char *end = strchr(p, ','), *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		uint32_t rgb;

		eq = memchr(p, '=', len);
		/* The colour follows the last '=': a value may hold one. */
		for (const char *q = eq; q != NULL && q < p + len; q = memchr(q + 1, '=', (size_t)(p + len - q - 1)))
			eq = q;
		if (eq == NULL || eq == p)
			return cli_usage_error("invalid --color '%s': expected VALUE=COLOR,...", spec);
		if (toll_chart_color_parse(eq + 1, (size_t)(p + len - eq - 1), &rgb) != 0)
			return cli_usage_error("invalid colour '%.*s' in --color: expected #RRGGBB or one of %s",
			                       (int)(p + len - eq - 1), eq + 1, toll_chart_color_names);
		if (toll_chart_color(ch, p, (size_t)(eq - p), rgb) != 0) {
			cli_error("out of memory");
			return EXIT_TROUBLE;
		}
		if (end == NULL)
			return EXIT_OK;
		p = end + 1;
	}
}

/* --mark, --xmin and --xmax, once the table says what x holds; the exit status. */
static int
positions(struct plot *p, toll_chart *ch)
{
	const char *what = toll_chart_reader_dates(p->rd) ? "a date" : "a number";
	int value = toll_chart_reader_value_axis(p->rd);
	size_t i;

	for (i = 0; i < p->nmarks; i++) {
		const char *eq = strchr(p->marks[i], '=');
		char at[64];
		double v;

		snprintf(at, sizeof at, "%.*s", (int)(eq ? (size_t)(eq - p->marks[i]) : strlen(p->marks[i])),
		         p->marks[i]);
		if (toll_chart_reader_position(p->rd, at, value, &v) != 0)
			return cli_usage_error("invalid --mark '%s': expected %s", p->marks[i],
			                       value ? "a number" : what);
		if (toll_chart_mark(ch, v, eq ? eq + 1 : NULL) != 0) {
			cli_error("out of memory");
			return EXIT_TROUBLE;
		}
	}
	if (p->xmin && toll_chart_reader_position(p->rd, p->xmin, 0, &p->o.xmin) != 0)
		return cli_usage_error("invalid --xmin '%s': expected %s", p->xmin, what);
	if (p->xmax && toll_chart_reader_position(p->rd, p->xmax, 0, &p->o.xmax) != 0)
		return cli_usage_error("invalid --xmax '%s': expected %s", p->xmax, what);
	p->o.has_xmin = p->xmin != NULL;
	p->o.has_xmax = p->xmax != NULL;
	if (p->xmin && p->xmax && !(p->o.xmin < p->o.xmax))
		return cli_usage_error("--xmin must be below --xmax");
	return EXIT_OK;
}

/*
 * The help of --palette and --format, from the library's tables: the
 * first palette is the default.
 */
static char palette_help[128], format_help[128];

static void
value_helps(void)
{
	char names[96];
	const char *comma;

	toll_chart_palette_names(names, sizeof names);
	comma = strchr(names, ',');
	snprintf(palette_help, sizeof palette_help, "%.*s (default)%s",
	         (int)(comma ? (size_t)(comma - names) : strlen(names)), names, comma ? comma : "");
	toll_chart_format_names(names, sizeof names);
	snprintf(format_help, sizeof format_help, "%s (default: -o's extension, else png)", names);
}

/* The help before the options: the kinds from the library's table of them. */
static char *
intro(void)
{
	size_t n = toll_chart_kinds(), i, len = sizeof usage_head + 2;
	char *u, *o;

	for (i = 0; i < n; i++)
		len += 16 + strlen(toll_chart_kind_help((enum toll_chart_kind)i)) * 2;
	if ((u = malloc(len)) == NULL)
		return NULL;
	o = u + sprintf(u, "%s", usage_head);
	for (i = 0; i < n; i++) {
		const char *h = toll_chart_kind_help((enum toll_chart_kind)i);

		o += sprintf(o, "  %-9s ", toll_chart_kind_name((enum toll_chart_kind)i));
		for (; *h != '\0'; h++) {
			*o++ = *h;
			if (*h == '\n')
				o += sprintf(o, "%12s", "");
		}
		*o++ = '\n';
	}
	strcpy(o, "\n");
	return u;
}

/* Says which labels were left out for want of a place that covers no other text. */
static void
dropped_note(const toll_chart *ch)
{
	size_t n = toll_chart_dropped(ch, NULL), i;
	char list[512];
	size_t len = 0;

	if (n == 0)
		return;
	list[0] = '\0';
	for (i = 0; i < n && i < 5; i++)
		len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0, "%s'%s'",
		                        i ? ", " : "", toll_chart_dropped_text(ch, i));
	cli_error("note: %zu label%s left out, every place for %s covering other text: %s%s", n,
	          n == 1 ? "" : "s", n == 1 ? "it" : "them", list, n > 5 ? ", ..." : "");
}

/* --boxes FILE: the texts' boxes; the exit status. */
static int
write_boxes(const toll_chart *ch, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");

	if (f == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		return EXIT_TROUBLE;
	}
	int bad = toll_chart_boxes_write(ch, f) != 0;

	if ((f != stdout ? fclose(f) : fflush(f)) != 0 || bad) {
		cli_error("%s: write error", path);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* Option c of the program's own: CLI_CONTINUE, an exit status, or NOT_MINE (cli_option()'s). */
#define NOT_MINE (-2)
static int
plot_option(struct plot *p, int c)
{
	long bins;

	switch (c) {
	case 'o': p->out = optarg; break;
	case 'x': p->xcol = optarg; break;
	case 'y': p->ycol = optarg; break;
	case OPT_SERIES: p->seriescol = optarg; break;
	case OPT_STACKED: p->o.stacked = 1; break;
	case OPT_HORIZONTAL: p->o.bars = TOLL_BARS_HORIZONTAL; break;
	case OPT_VERTICAL: p->o.bars = TOLL_BARS_VERTICAL; break;
	case OPT_SORT:
		if (strcmp(optarg, "value") == 0)
			p->o.sort = TOLL_SORT_VALUE;
		else if (strcmp(optarg, "label") == 0)
			p->o.sort = TOLL_SORT_LABEL;
		else if (strcmp(optarg, "none") == 0)
			p->o.sort = TOLL_SORT_NONE;
		else
			return cli_usage_error("invalid --sort '%s': expected value, label or none", optarg);
		p->have_sort = 1;
		break;
	case OPT_TOP:
		if (cli_parse_count(optarg, 10000, &bins) != 0 || bins < 1)
			return cli_usage_error("invalid --top '%s': expected a whole number from 1 to 10000",
			                       optarg);
		p->o.top = (size_t)bins;
		break;
	case OPT_NO_INTERVAL: p->o.no_interval = 1; break;
	case OPT_TITLE: p->o.title = optarg; break;
	case OPT_SUBTITLE: p->o.subtitle = optarg; break;
	case OPT_XLABEL: p->o.xlabel = optarg; break;
	case OPT_YLABEL: p->o.ylabel = optarg; break;
	case OPT_CAPTION: p->o.caption = optarg; break;
	case OPT_LOG_Y: p->o.log_y = 1; break;
	case OPT_FONT: p->o.font = optarg; break;
	case OPT_LABELS: p->o.labels = 1; break;
	case OPT_SVG_OUTLINES: p->o.svg_outlines = 1; break;
	case OPT_XMIN: p->xmin = optarg; break;
	case OPT_XMAX: p->xmax = optarg; break;
	case OPT_BOXES: p->boxes = optarg; break;
	case OPT_MARK:
		if (p->nmarks == MAX_MARKS)
			return cli_usage_error("more than %d --mark", MAX_MARKS);
		p->marks[p->nmarks++] = optarg;
		break;
	case OPT_COLOR:
		if (p->ncolors == MAX_COLORS)
			return cli_usage_error("more than %d --color", MAX_COLORS);
		p->colors[p->ncolors++] = optarg;
		break;
	case OPT_BINS:
		if (cli_parse_count(optarg, 10000, &bins) != 0 || bins < 1)
			return cli_usage_error("invalid --bins '%s': expected a whole number from 1 to 10000",
			                       optarg);
		p->o.bins = (int)bins;
		break;
	case OPT_SIZE:
		if (parse_size(optarg, &p->o.width, &p->o.height, &p->physical) != 0)
			return cli_usage_error("invalid --size '%s': expected WIDTHxHEIGHT in pixels from "
			                       "50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)",
			                       optarg);
		break;
	case OPT_SCALE:
		if (parse_number(optarg, &p->o.scale) != 0 || p->o.scale < 0.1 || p->o.scale > 10)
			return cli_usage_error("invalid --scale '%s': expected a number from 0.1 to 10",
			                       optarg);
		p->have_scale = 1;
		break;
	case OPT_DPI:
		if (parse_number(optarg, &p->o.dpi) != 0 || p->o.dpi < 36 || p->o.dpi > 1200)
			return cli_usage_error("invalid --dpi '%s': expected a number from 36 to 1200",
			                       optarg);
		break;
	case OPT_FORMAT:
		if (toll_chart_format_find(optarg, &p->o.format) != 0) {
			char names[64];

			toll_chart_format_names(names, sizeof names);
			return cli_usage_error("invalid --format '%s': expected %s", optarg, names);
		}
		p->have_format = 1;
		break;
	case OPT_YMIN:
	case OPT_YMAX:
		if (parse_number(optarg, c == OPT_YMIN ? &p->o.ymin : &p->o.ymax) != 0)
			return cli_usage_error("invalid --%s '%s': expected a number",
			                       c == OPT_YMIN ? "ymin" : "ymax", optarg);
		*(c == OPT_YMIN ? &p->o.has_ymin : &p->o.has_ymax) = 1;
		break;
	case OPT_PALETTE:
		if (toll_chart_palette_find(optarg, &p->o.palette) != 0) {
			char names[96];

			toll_chart_palette_names(names, sizeof names);
			return cli_usage_error("invalid --palette '%s': expected %s", optarg, names);
		}
		break;
	default:
		return NOT_MINE;
	}
	return CLI_CONTINUE;
}

/* The options' checks against each other and the kind; the exit status. */
static int
check_options(struct plot *p)
{
	toll_chart_opts *o = &p->o;
	toll_diag ud;

	if (o->has_ymin && o->has_ymax && !(o->ymin < o->ymax))
		return cli_usage_error("--ymin must be below --ymax");
	if (o->log_y && ((o->has_ymin && o->ymin <= 0) || (o->has_ymax && o->ymax <= 0)))
		return cli_usage_error("--log-y needs --ymin and --ymax above 0");
	if (p->ncolors && p->seriescol == NULL)
		return cli_usage_error("--color gives colours to --series values: give --series");
	if (toll_chart_opts_check(o, (p->seriescol ? TOLL_CHART_GIVEN_SERIES : 0) |
	                             (p->xmin || p->xmax ? TOLL_CHART_GIVEN_XRANGE : 0) |
	                             (p->have_sort ? TOLL_CHART_GIVEN_SORT : 0), &ud) != 0)
		return cli_usage_error("%s", ud.msg);
	if (p->physical && !p->have_scale && o->dpi == 0)
		o->dpi = 300;
	if (o->dpi > 0 && p->have_scale)
		return cli_usage_error("--dpi and --scale cannot be used together");
	if (o->dpi > 0)
		o->scale = o->dpi / 72;
	if (o->width * o->scale * o->height * o->scale > 1e8)
		return cli_usage_error("--size and --scale give more than 100 million pixels");
	if (!p->have_format && p->out && strcmp(p->out, "-") != 0) {
		const char *dot = strrchr(p->out, '.'), *slash = strrchr(p->out, '/');
		if (dot == NULL || (slash && dot < slash) || toll_chart_format_find(dot + 1, &o->format) != 0)
			return cli_usage_error("cannot tell the format of '%s' from its name: end it in "
			                       ".png, .pdf or .svg, or give --format", p->out);
	}
	if (o->format != TOLL_CHART_PNG)
		o->dpi = 0;
	if (p->out == NULL && isatty(STDOUT_FILENO))
		return cli_usage_error("standard output is a terminal: give -o FILE (or -o - to "
		                       "write there anyway)");
	return EXIT_OK;
}

/* Reads table t into the chart's points (its problems said as they come); the exit status. */
static int
read_table(struct plot *p, toll_table *t, const cli_options *opt)
{
	cli_reader in;
	toll_row row;
	toll_diag d;
	int code, rc;

	memset(&in, 0, sizeof in);
	in.max_errors = opt->max_errors;
	/* A table without a header is a data error the reader has reported. */
	while ((code = cli_table_next(&in, t, &row)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			if ((rc = toll_chart_reader_header(p->rd, t, &d)) != TOLL_OK) {
				in.status = cli_header_refused(rc, &d);
				break;
			}
		} else if ((rc = toll_chart_reader_row(p->rd, t, &row, &d)) != TOLL_OK &&
		           !cli_reader_problem(&in, &d, rc)) {
			break;
		}
		if (toll_chart_reader_stop(p->rd))
			break;
	}
	cli_reader_close(&in);
	return in.status;
}

int
main(int argc, char **argv)
{
	cli_options opt = CLI_OPTIONS_INIT;
	struct plot p;
	toll_chart *ch = NULL;
	toll_table *t = NULL;
	cli_output out;
	toll_diag d;
	char *head = intro();
	cli_program prog = { NULL, NULL, NULL };
	int c, status = EXIT_OK, rc;
	size_t i;

	cli_init("toll-plot");
	gsl_set_error_handler_off();
	memset(&p, 0, sizeof p);
	p.o.width = 800;
	p.o.height = 500;
	p.o.scale = 1;
	value_helps();
	for (i = 0; options[i].key != 0; i++)
		if (options[i].key == OPT_PALETTE || options[i].key == OPT_FORMAT)
			options[i].help = options[i].key == OPT_PALETTE ? palette_help : format_help;
	if (head == NULL || cli_program_init(&prog, head, options, usage_tail) != 0) {
		if (head == NULL)
			cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		if ((status = plot_option(&p, c)) == NOT_MINE)
			status = cli_option(c, argv, prog.usage, &opt);
		if (status != CLI_CONTINUE)
			goto done;
		status = EXIT_OK;
	}
	if (optind >= argc || toll_chart_kind_find(argv[optind], &p.o.kind) != 0) {
		char kinds[128];
		size_t k, n = toll_chart_kinds(), at = 0;

		/* The kinds, from the library's table of them. */
		for (k = 0; k < n; k++)
			at = toll_list_add(kinds, sizeof kinds, at, toll_chart_kind_name((enum toll_chart_kind)k),
			                   k, n, " or ");
		status = optind >= argc ? cli_usage_error("no chart kind given (%s)", kinds) :
		         cli_usage_error("unknown chart kind '%s' (%s)", argv[optind], kinds);
		goto done;
	}
	optind++;
	if ((status = check_options(&p)) != EXIT_OK)
		goto done;
	if ((status = cli_source_date(&p.o.pdf_date, &p.o.has_pdf_date)) != EXIT_OK)
		goto done;
	if ((ch = toll_chart_new(&p.o)) == NULL ||
	    (p.rd = toll_chart_reader_new(ch, p.xcol, p.ycol, p.seriescol)) == NULL ||
	    toll_table_new(&t, argv + optind, (size_t)(argc - optind), &opt.dl) != TOLL_OK) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	for (i = 0; i < p.ncolors; i++)
		if ((status = set_colors(ch, p.colors[i])) != EXIT_OK)
			goto done;
	if ((status = read_table(&p, t, &opt)) != EXIT_OK)
		goto done;
	if ((rc = toll_chart_reader_finish(p.rd, t, argv + optind, (size_t)(argc - optind), &d)) != TOLL_OK) {
		cli_diag(&d, 0);
		status = cli_exit_status(rc);
		goto done;
	}
	if ((status = positions(&p, ch)) != EXIT_OK)
		goto done;
	if ((rc = toll_chart_arrange(ch, p.o.sort, p.o.top, &d)) != TOLL_OK) {
		cli_diag(&d, 0);
		status = cli_exit_status(rc);
		goto done;
	}
	{
		char got[128];
		const char *want = p.o.font && *p.o.font ? p.o.font : "DejaVu Sans";
		toll_chart_font_resolved(p.o.font, got, sizeof got);
		if (strcasecmp(got, want) != 0)
			cli_error("warning: font '%s' not found; drawing with '%s'", want, got);
	}
	toll_chart_xrange(ch, p.o.has_xmin, p.o.xmin, p.o.has_xmax, p.o.xmax);
	if ((rc = toll_chart_reader_caption(p.rd, &d)) != TOLL_OK) {
		cli_diag(&d, 0);
		status = cli_exit_status(rc);
		goto done;
	}
	if ((status = cli_output_open(&out, p.out)) != EXIT_OK)
		goto done;
	rc = toll_chart_render(ch, cli_output_write, &out, &d);
	if (rc != TOLL_OK && !(rc == TOLL_EIO && toll_out_failed(out.o)))
		cli_diag(&d, 0);
	if (rc == TOLL_OK)
		dropped_note(ch);
	if (rc == TOLL_OK && p.boxes && (status = write_boxes(ch, p.boxes)) != EXIT_OK) {
		cli_output_close(&out, status);
		goto done;
	}
	status = cli_output_close(&out, rc == TOLL_EIO && toll_out_failed(out.o) ? EXIT_OK :
	                                rc != TOLL_OK ? cli_exit_status(rc) : EXIT_OK);
done:
	toll_table_free(t);
	toll_chart_reader_free(p.rd);
	toll_chart_free(ch);
	toll_chart_shutdown();
	cli_program_free(&prog);
	free(head);
	return status;
}
