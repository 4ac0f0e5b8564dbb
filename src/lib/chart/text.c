/*
 * chart/text.c: text set with pango, and the fonts it is set in.  In SVG,
 * unless outlines are asked for, text is not drawn but recorded, and
 * written as <text> elements that an editor can restyle (render.c puts
 * them in).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "chart/chart.h"
#include "toll/utf8.h"

#if defined(__SANITIZE_ADDRESS__)
#define TOLL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TOLL_ASAN 1
#endif
#endif


#ifdef TOLL_ASAN
/*
 * Built with AddressSanitizer: LeakSanitizer reads these suppressions
 * from the program itself, so that every run of a program that draws
 * charts, not only the test suite's, is told that fontconfig keeps what
 * it read of font files for the life of the process (freeing it with
 * FcFini could race with the thread in which pango calls FcInit).  Symbols
 * LeakSanitizer looks for by name; they live here, with the module that
 * loads fontconfig, so every program and fuzz target linking it has them.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ... and says nothing of them. */
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

/*
 * What is shown of s[0..len), into out (outcap bytes, at least 8): invalid
 * UTF-8 as U+FFFD (a byte at a time), line breaks, tabs and other control
 * characters as spaces; at most max characters as a reader counts them
 * (grapheme clusters, by pango's Unicode text segmentation: a letter and
 * its accents, an emoji of several code points, are one), and what fits
 * in outcap; cut at the end of a cluster, then "…".  Measuring text with
 * pango costs time and memory with its length, so only a window of the
 * text is looked at (the data keep it whole).
 */
static void
shown(const char *s, size_t len, size_t max, char *out, size_t outcap)
{
	size_t i = 0, o = 0, room = outcap - 4, nchars, k, clusters = 0, cut = 0;
	PangoLogAttr *attrs;
	const char *p;
	int more;

	while (i < len && o + 4 <= room) {
		unsigned char b = (unsigned char)s[i];
		size_t n = toll_utf8_valid_prefix(s + i, len - i);

		if (n == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		} else if (b < 0x20 || b == 0x7f) {
			out[o++] = ' ';
			i++;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
		}
	}
	more = i < len;
	out[o] = '\0';
	nchars = (size_t)g_utf8_strlen(out, (gssize)o);
	if ((attrs = g_try_new(PangoLogAttr, nchars + 1)) == NULL) {
		out[0] = '\0';
		return;
	}
	pango_get_log_attrs(out, (int)o, -1, pango_language_from_string("en"), attrs, (int)nchars + 1);
	/* cut: the byte offset of the last cluster boundary that keeps within max (and the window). */
	for (k = 0, p = out; k <= nchars; k++) {
		if (k > 0 && attrs[k].is_cursor_position) {
			if (k == nchars && !more && clusters < max) {
				cut = o;   /* the whole text */
				break;
			}
			if (k == nchars || clusters == max)
				break;
			clusters++;
			cut = (size_t)(p - out);
		}
		if (k < nchars)
			p = g_utf8_next_char(p);
	}
	g_free(attrs);
	if (cut < o || more) {
		memcpy(out + cut, "\xe2\x80\xa6", 3);   /* … */
		cut += 3;
	}
	out[cut] = '\0';
}

const char *
toll_ch_shown(const char *s, size_t len, char buf[TOLL_CHART_TEXT_BUF])
{
	shown(s, len, TOLL_CHART_TEXT_MAX, buf, TOLL_CHART_TEXT_BUF);
	return buf;
}

char *
toll_ch_shown_dup(const char *s, size_t len, size_t max)
{
	size_t cap = max * 32 + 8;
	char *out;

	if (cap > len * 3 + 8)
		cap = len * 3 + 8;
	if ((out = malloc(cap)) != NULL)
		shown(s, len, max, out, cap);
	return out;
}

void
toll_ch_no_hyphens(PangoLayout *l)
{
	PangoAttrList *al = pango_attr_list_new();

	pango_attr_list_insert(al, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

PangoLayout *
toll_ch_text(toll_chart *c, const char *s, double size, int bold, double width, int lines)
{
	PangoLayout *l = pango_layout_new(c->pc);
	char buf[TOLL_CHART_TEXT_BUF];

	pango_font_description_set_absolute_size(c->font, size * PANGO_SCALE);
	pango_font_description_set_weight(c->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, c->font);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		toll_ch_no_hyphens(l);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l, -lines);
	}
	pango_layout_set_text(l, toll_ch_shown(s, strlen(s), buf), -1);
	return l;
}

void
toll_ch_extent(PangoLayout *l, double *w, double *h)
{
	PangoRectangle ink_r, log_r;

	pango_layout_get_extents(l, &ink_r, &log_r);
	if (w)
		*w = (double)log_r.width / PANGO_SCALE;
	if (h)
		*h = (double)log_r.height / PANGO_SCALE;
}

/* Measures s in one line. */
double
toll_ch_text_width(toll_chart *c, const char *s, double size, int bold)
{
	PangoLayout *l = toll_ch_text(c, s, size, bold, 0, 0);
	double w;

	toll_ch_extent(l, &w, NULL);
	g_object_unref(l);
	return w;
}

double
toll_ch_line_height(toll_chart *c, double size)
{
	PangoLayout *l = toll_ch_text(c, "0", size, 0, 0, 0);
	double h;

	toll_ch_extent(l, NULL, &h);
	g_object_unref(l);
	return h;
}

/*
 * SVG text: each line of a layout as one <text> element, at its baseline,
 * under the transformation in force (rotated labels stay rotated), in the
 * chart's font family, size, weight and colour.
 */
static void
svg_append(toll_chart *c, const char *s, size_t len)
{
	if (c->text_failed)
		return;
	if (c->ntexts + len + 1 > c->texts_cap) {
		size_t cap = c->texts_cap ? c->texts_cap : 4096;
		char *t;

		while (cap < c->ntexts + len + 1)
			cap *= 2;
		if ((t = realloc(c->texts, cap)) == NULL) {
			c->text_failed = 1;
			return;
		}
		c->texts = t;
		c->texts_cap = cap;
	}
	memcpy(c->texts + c->ntexts, s, len);
	c->ntexts += len;
	c->texts[c->ntexts] = '\0';
}

static void
svg_escaped(toll_chart *c, const char *s, size_t len)
{
	size_t i, from = 0;

	for (i = 0; i < len; i++) {
		const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;" :
		                s[i] == '"' ? "&quot;" : NULL;
		if (e == NULL)
			continue;
		svg_append(c, s + from, i - from);
		svg_append(c, e, strlen(e));
		from = i + 1;
	}
	svg_append(c, s + from, len - from);
}

static void
record(toll_chart *c, PangoLayout *l, double x, double y, rgb col)
{
	const PangoFontDescription *fd = pango_layout_get_font_description(l);
	const char *text = pango_layout_get_text(l);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	cairo_matrix_t m;
	char buf[512];
	int bold = fd && pango_font_description_get_weight(fd) >= PANGO_WEIGHT_BOLD;
	double size = fd ? (double)pango_font_description_get_size(fd) / PANGO_SCALE : 10;
	const char *family = fd && pango_font_description_get_family(fd) ? pango_font_description_get_family(fd) :
	                     DEFAULT_FONT;
	int last;

	cairo_get_matrix(c->cr, &m);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle r;
		double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		size_t start = (size_t)line->start_index, len = (size_t)line->length;
		GSList *run;
		size_t glyphs = 0;

		/* The line's place in the layout, its alignment's offset in it (a centred second line). */
		pango_layout_iter_get_line_extents(it, NULL, &r);
		last = !pango_layout_iter_next_line(it);
		/* An ellipsized line: as many characters as it has glyphs, the last one "…". */
		for (run = line->runs; run != NULL; run = run->next)
			glyphs += (size_t)((PangoGlyphItem *)run->data)->glyphs->num_glyphs;
		while (len > 0 && (text[start + len - 1] == ' ' || text[start + len - 1] == '\n'))
			len--;
		svg_append(c, "<text ", 6);
		if (m.xx != 1 || m.yx != 0 || m.xy != 0 || m.yy != 1 || m.x0 != 0 || m.y0 != 0) {
			snprintf(buf, sizeof buf, "transform=\"matrix(%.4f %.4f %.4f %.4f %.3f %.3f)\" ",
			         m.xx, m.yx, m.xy, m.yy, m.x0, m.y0);
			svg_append(c, buf, strlen(buf));
		}
		snprintf(buf, sizeof buf, "x=\"%.3f\" y=\"%.3f\" font-family=\"", x + (double)r.x / PANGO_SCALE,
		         y + base);
		svg_append(c, buf, strlen(buf));
		svg_escaped(c, family, strlen(family));
		snprintf(buf, sizeof buf, "\" font-size=\"%.2f\"%s fill=\"#%02x%02x%02x\" "
		         "xml:space=\"preserve\">", size, bold ? " font-weight=\"bold\"" : "",
		         (unsigned)(col.r * 255 + 0.5), (unsigned)(col.g * 255 + 0.5), (unsigned)(col.b * 255 + 0.5));
		svg_append(c, buf, strlen(buf));
		if (last && pango_layout_is_ellipsized(l) && glyphs > 0) {
			const char *p = text + start, *end = text + start + len;
			size_t n = 0;

			while (p < end && n + 1 < glyphs) {
				p = g_utf8_next_char(p);
				n++;
			}
			if (p > end)
				p = end;
			svg_escaped(c, text + start, (size_t)(p - (text + start)));
			svg_append(c, "\xe2\x80\xa6", 3);
		} else {
			svg_escaped(c, text + start, len);
		}
		svg_append(c, "</text>\n", 8);
	} while (!last);
	pango_layout_iter_free(it);
}

char *
toll_ch_svg_texts(toll_chart *c, size_t *len)
{
	*len = c->ntexts;
	return c->text_failed ? NULL : c->texts;
}

void
toll_ch_texts_free(toll_chart *c)
{
	free(c->texts);
	c->texts = NULL;
	c->ntexts = c->texts_cap = 0;
	c->text_failed = 0;
}

/* Draws l with its (ax, ay) anchor (0 left/top, 0.5 centre, 1 right/bottom) at (x, y). */
void
toll_ch_show(toll_chart *c, PangoLayout *l, double x, double y, double ax, double ay, rgb col)
{
	double w, h;

	toll_ch_extent(l, &w, &h);
	if (pango_layout_get_width(l) > 0 && pango_layout_get_alignment(l) != PANGO_ALIGN_LEFT)
		w = (double)pango_layout_get_width(l) / PANGO_SCALE;
	toll_ch_box_add(c, l, x - ax * w, y - ay * h);
	if (c->o.format == TOLL_CHART_SVG && !c->o.svg_outlines) {
		record(c, l, x - ax * w, y - ay * h, col);
		return;
	}
	cairo_save(c->cr);
	toll_ch_set_rgb(c->cr, col);
	cairo_move_to(c->cr, x - ax * w, y - ay * h);
	pango_cairo_show_layout(c->cr, l);
	cairo_restore(c->cr);
}

void
toll_ch_show_text(toll_chart *c, const char *s, double size, int bold, double x, double y, double ax,
                  double ay, rgb col)
{
	PangoLayout *l = toll_ch_text(c, s, size, bold, 0, 0);

	toll_ch_show(c, l, x, y, ax, ay, col);
	g_object_unref(l);
}

/* Where Debian's fonts-dejavu-core puts the default font. */
#define DEJAVU_DIR "/usr/share/fonts/truetype/dejavu"

static PangoFontMap *font_map;   /* one for the process, made when first needed */
static int font_map_system;

/*
 * The font map.  Unless system is set it knows only DejaVu Sans's two files
 * (regular and bold), when they are there: that saves reading the system's
 * whole fontconfig configuration, a third of a small chart's time, and
 * keeps the machine's font settings out of the charts.  Otherwise, or when
 * the files are not there, it has the system's fonts.
 */
static PangoFontMap *
fonts(int system)
{
	FcConfig *cfg = NULL;

	if (font_map != NULL && (font_map_system || !system))
		return font_map;
	if (font_map != NULL)
		g_object_unref(font_map);
	if (!system && (cfg = FcConfigCreate()) != NULL &&
	    (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)DEJAVU_DIR "/DejaVuSans.ttf") ||
	     !FcConfigAppFontAddFile(cfg, (const FcChar8 *)DEJAVU_DIR "/DejaVuSans-Bold.ttf"))) {
		FcConfigDestroy(cfg);
		cfg = NULL;
	}
	if (cfg != NULL) {
		/*
		 * Made current before pango starts its thread that calls FcInit():
		 * with a current configuration that returns at once instead of
		 * reading the system's.
		 */
		FcConfigSetCurrent(cfg);
	} else {
		/* The system's, made current too: pango's FcInit() has nothing left to read. */
		cfg = FcInitLoadConfigAndFonts();
		FcConfigSetCurrent(cfg);
		system = 1;
	}
	font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map), cfg);
	FcConfigDestroy(cfg);   /* the font map holds its own reference */
	font_map_system = system;
	return font_map;
}

static const char *
family(const toll_chart *c)
{
	return c->o.font && *c->o.font ? c->o.font : DEFAULT_FONT;
}

/* Whether some text of the chart has characters DejaVu Sans does not draw. */
static int
needs_more_fonts(toll_chart *c)
{
	const char *texts[] = { c->o.title, c->o.subtitle, c->o.xlabel, c->o.ylabel, c->o.caption };
	PangoContext *pc;
	PangoLayout *l;
	GString *all = g_string_new(NULL);
	toll_strmap *maps[2] = { c->series, c->cats };
	size_t i, k;
	int missing;
	char buf[TOLL_CHART_TEXT_BUF];

	if (g_ascii_strcasecmp(family(c), DEFAULT_FONT) != 0)
		return 1;
	/* What is drawn of each text, one line each. */
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i])
			g_string_append(all, toll_ch_shown(texts[i], strlen(texts[i]), buf)), g_string_append_c(all, '\n');
	for (k = 0; k < 2; k++)
		for (i = 0; i < toll_strmap_count(maps[k]); i++) {
			toll_str t = toll_strmap_key(maps[k], i);
			g_string_append(all, toll_ch_shown(t.s, t.len, buf));
			g_string_append_c(all, '\n');
		}
	pc = pango_font_map_create_context(fonts(0));
	l = pango_layout_new(pc);
	pango_layout_set_text(l, all->str, (int)all->len);
	missing = pango_layout_get_unknown_glyphs_count(l) > 0;
	g_object_unref(l);
	g_object_unref(pc);
	g_string_free(all, TRUE);
	return missing;
}

/* A context of font map fm set as every chart's text is: the same glyphs on every machine. */
static PangoContext *
context(PangoFontMap *fm)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	PangoContext *pc = pango_font_map_create_context(fm);

	/* No hinting, grey antialiasing. */
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72);
	pango_context_set_round_glyph_positions(pc, FALSE);
	pango_context_set_base_dir(pc, PANGO_DIRECTION_LTR);
	return pc;
}

void
toll_ch_setup_text(toll_chart *c)
{
	c->pc = context(fonts(font_map_system || needs_more_fonts(c)));
	c->font = pango_font_description_new();
	pango_font_description_set_family(c->font, family(c));
}

PangoContext *
toll_ch_document_context(const char *texts)
{
	PangoContext *pc = pango_font_map_create_context(fonts(0));
	PangoLayout *l = pango_layout_new(pc);
	const char *p = texts;
	int missing = 0;

	/*
	 * DejaVu Sans alone, unless some text has characters it does not draw.
	 * A layout's work grows faster than its text: the texts are laid out a
	 * few kilobytes at a time, cut at line ends, until one misses a glyph.
	 */
	while (*p != '\0' && !missing) {
		size_t n = strnlen(p, 4096), k;

		/* When the text goes on: cut after the window's last line end, else between characters. */
		if (p[n] != '\0') {
			for (k = n; k > 0 && p[k - 1] != '\n'; k--)
				;
			if (k > 0)
				n = k;
			else
				while (n > 1 && ((unsigned char)p[n] & 0xC0) == 0x80)
					n--;
		}
		pango_layout_set_text(l, p, (int)n);
		missing = pango_layout_get_unknown_glyphs_count(l) > 0;
		p += n;
	}
	g_object_unref(l);
	g_object_unref(pc);
	return context(fonts(font_map_system || missing));
}


void
toll_chart_shutdown(void)
{
	/*
	 * The font map holds fontconfig's patterns.  FcFini() is not called:
	 * pango's own thread may still be in FcInit(), and fontconfig's caches
	 * of font files are its own business (__lsan_default_suppressions above
	 * names them).
	 */
	if (font_map != NULL)
		g_object_unref(font_map);
	font_map = NULL;
}

void
toll_chart_font_resolved(const char *name, char *buf, size_t bufsz)
{
	int other = name && *name && g_ascii_strcasecmp(name, DEFAULT_FONT) != 0;
	PangoFontMap *fm = fonts(font_map_system || other);
	PangoContext *pc = pango_font_map_create_context(fm);
	PangoFontDescription *fd = pango_font_description_new();
	PangoFont *f;

	pango_font_description_set_family(fd, other ? name : DEFAULT_FONT);
	pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
	f = pango_font_map_load_font(fm, pc, fd);
	snprintf(buf, bufsz, "%s", "");
	if (f) {
		PangoFontDescription *got = pango_font_describe(f);
		const char *fam = pango_font_description_get_family(got);
		snprintf(buf, bufsz, "%s", fam ? fam : "");
		pango_font_description_free(got);
		g_object_unref(f);
	}
	pango_font_description_free(fd);
	g_object_unref(pc);
}
