/* Fuzzes the figure parsers: numbers (whole and any), the value notation, and completion. */
#include "fuzz.h"
#include "toll/figure.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	toll_range f;
	int64_t a = 0, b = 0, c = 0;
	double x;
	int ha, hb, hc, rc;

	rc = toll_value_parse(s, size, &f);
	if (rc == TOLL_FIG_OK && (f.low.i > f.best.i || (!f.open && f.best.i > f.high.i)))
		abort();   /* a figure out of order passed as valid */
	(void)toll_figure_strerror(rc);
	(void)toll_decimal_parse(s, size, &x);
	/* Up to three numbers separated by tabs: low, best, high. */
	{
		const char *p = s, *end = s + size, *tab;
		int64_t *v[3] = { &a, &b, &c };
		int *h[3] = { &ha, &hb, &hc }, k;

		for (k = 0; k < 3; k++) {
			tab = memchr(p, '\t', (size_t)(end - p));
			if (tab == NULL)
				tab = end;
			*h[k] = toll_number_parse(p, (size_t)(tab - p), v[k]) == TOLL_FIG_OK;
			p = tab < end ? tab + 1 : end;
		}
	}
	rc = toll_range_complete(ha, toll_num_whole(a), hb, toll_num_whole(b), hc, toll_num_whole(c),
	                         &f);
	if (rc == TOLL_FIG_OK && (f.low.i > f.best.i || (!f.open && f.best.i > f.high.i)))
		abort();
	/* Whole numbers stay exact: the completed best is what was stated. */
	if (rc == TOLL_FIG_OK && hb && f.best.i != b)
		abort();
	/* The same numbers, not whole, give the same verdict below 2^50. */
	if (a < (INT64_C(1) << 50) && b < (INT64_C(1) << 50) && c < (INT64_C(1) << 50)) {
		toll_range g;
		if (toll_range_complete(ha, toll_num_any((double)a + 0.25), hb, toll_num_any((double)b + 0.25),
		                        hc, toll_num_any((double)c + 0.25), &g) != rc)
			abort();
	}
	return 0;
}
