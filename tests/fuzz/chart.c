/*
 * Fuzzes the chart layout with the texts a table can bring: titles,
 * captions, axis labels, category and series labels of any length, with
 * line breaks, any script.  The first byte picks the kind and options; the
 * rest is NUL-separated texts (bytes that are not UTF-8 become '?').  The
 * chart must render (or refuse with a message), and a PNG must come out.
 */
#include "fuzz.h"
#include "toll/chart.h"
#include "toll/utf8.h"

static int
sink(void *closure, const unsigned char *data, size_t len)
{
	(void)data;
	*(size_t *)closure += len;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum { NTEXT = 24 };
	char *text, *parts[NTEXT];
	size_t nparts = 0, i, bytes = 0;
	toll_chart_opts o;
	toll_chart *c;
	toll_diag d;
	int r;

	if (size < 1 || size > (1u << 20))
		return 0;
	if ((text = fuzz_string(data + 1, size - 1)) == NULL)
		return 0;
	/* Valid UTF-8 only, as the table reader hands out: the rest becomes '?'. */
	for (i = 0; i < size - 1;) {
		int nul;
		size_t ok = toll_utf8_check(text + i, size - 1 - i, &nul);

		i += ok;
		if (i < size - 1 && text[i] != '\0')
			text[i] = '?';
		if (i < size - 1)
			i++;
	}
	for (i = 0; i < size - 1 && nparts < NTEXT; i++)
		if (i == 0 || text[i - 1] == '\0')
			parts[nparts++] = text + i;
	memset(&o, 0, sizeof o);
	o.kind = (enum toll_chart_kind)(data[0] % 5);
	o.width = 320 + (data[0] & 0x20 ? 0 : 160);
	o.height = 200;
	o.scale = 1;
	o.stacked = (data[0] & 0x40) != 0;
	/* The publishing options on every other input: labels, marks, a text as SVG. */
	o.labels = (data[0] & 0x08) != 0;
	o.format = data[0] & 0x10 ? TOLL_CHART_SVG : TOLL_CHART_PNG;
	o.title = nparts > 0 ? parts[0] : NULL;
	o.caption = nparts > 1 ? parts[1] : NULL;
	o.xlabel = nparts > 2 ? parts[2] : NULL;
	o.ylabel = nparts > 3 ? parts[3] : NULL;
	if ((c = toll_chart_new(&o)) == NULL) {
		free(text);
		return 0;
	}
	/* Each other text a category with a bar or interval, or a series of two points. */
	for (i = 4; i < nparts || i == 4; i++) {
		const char *label = i < nparts ? parts[i] : "x";
		toll_point p;
		uint32_t id;

		memset(&p, 0, sizeof p);
		p.y = p.x = (double)i;
		p.low = p.y / 2;
		p.high = p.y * 2;
		p.has_band = (data[0] & 0x80) != 0;
		p.open = (i % 3) == 0;
		p.supplied = (i % 4) == 1;
		/* The text as the point's label: the labels' layout takes any text. */
		p.label = o.labels ? label : NULL;
		if (o.kind == TOLL_CHART_BAR || o.kind == TOLL_CHART_INTERVAL) {
			if (toll_chart_category(c, label, strlen(label), &id) != 0)
				break;
			p.category = id;
			if (toll_chart_series(c, "s", 1, &p.series) != 0 || toll_chart_add(c, &p) != 0)
				break;
		} else {
			if (toll_chart_series(c, label, strlen(label), &id) != 0)
				break;
			p.series = id;
			if (toll_chart_add(c, &p) != 0)
				break;
			p.x += 1;
			if (toll_chart_add(c, &p) != 0)
				break;
		}
	}
	if (o.labels && (toll_chart_mark(c, 3, nparts > 4 ? parts[4] : "m") != 0 ||
	                 toll_chart_color(c, "s", 1, 0xD55E00) != 0)) {
		toll_chart_free(c);
		free(text);
		return 0;
	}
	r = toll_chart_render(c, sink, &bytes, &d);
	if (r == TOLL_OK && bytes == 0)
		abort();
	if (r != TOLL_OK && d.msg[0] == '\0')
		abort();
	toll_chart_free(c);
	free(text);
	return 0;
}
