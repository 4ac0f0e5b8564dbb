/*
 * story/page.h: pages of a document (story.c): text that flows from page
 * to page, tables whose header repeats after a break, charts in the
 * text's width, and a footer with page numbers.  Units are points.
 *
 * A document is drawn twice: the first pass only counts the pages (its
 * bytes go nowhere), so that the second can say "page 3 of 12".
 */
#ifndef TOLL_STORY_PAGE_H
#define TOLL_STORY_PAGE_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "toll/chart.h"
#include "toll/diag.h"

/* Shared by the report's files only: not exported from libtoll.so. */
#pragma GCC visibility push(hidden)

struct doc {
	cairo_t *cr;
	cairo_surface_t *sf;
	PangoContext *pc;
	double W, H, margin;
	double y;                  /* where the next block goes */
	int page, pages;           /* this page, and the count from the first pass (0: unknown) */
	const char *footer;        /* the footer's left text */
	int failed;                /* out of memory in a layout */
};

#define DOC_BODY 10.0
#define DOC_SMALL 8.5
#define DOC_FOOTER 7.0
#define DOC_H1 20.0
#define DOC_H2 14.0
#define DOC_H3 11.5

/* Starts the first page; toll_doc_finish() ends the last. */
void toll_doc_start(struct doc *d);
void toll_doc_finish(struct doc *d);

/* A new page (the footer drawn on the one ending). */
void toll_doc_page(struct doc *d);

/* Makes room for h points here, or goes to a new page. */
void toll_doc_need(struct doc *d, double h);

/*
 * A paragraph in the text's width: size, bold, grey, space after it.
 * Text is UTF-8; it is wrapped at words.
 */
void toll_doc_text(struct doc *d, const char *s, double size, int bold, int grey, double after);

/*
 * A table of n columns, laid out to their contents (no word broken while
 * the page has room; hints[], fractions of the text's width, share what
 * is left over), right[] set for columns of numbers; cells[r * n + c] for
 * r from 0 (the header, bold) to rows.  Rows that do not fit go to the
 * next page under the header again.
 */
void toll_doc_table(struct doc *d, size_t n, const double *hints, const int *right, char *const *cells,
               size_t rows);

/* A chart of height h in the text's width; TOLL_OK or what drawing it returned. */
int toll_doc_chart(struct doc *d, toll_chart *c, double h, toll_diag *diag);

#pragma GCC visibility pop

#endif
