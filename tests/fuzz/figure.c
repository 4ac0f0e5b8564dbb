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
	if (rc == TOLL_FIG_OK && (f.low > f.best || (!f.open && f.best > f.high)))
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
	rc = toll_range_complete(ha, (long double)a, hb, (long double)b, hc, (long double)c, &f);
	if (rc == TOLL_FIG_OK && (f.low > f.best || (!f.open && f.best > f.high)))
		abort();
	/* Whole numbers stay exact: the completed best converts back to what was stated. */
	if (rc == TOLL_FIG_OK && hb && (int64_t)f.best != b)
		abort();
	return 0;
}
