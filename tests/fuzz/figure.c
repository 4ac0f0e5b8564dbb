/* Fuzzes the figure parsers: numbers, the value notation, completion (whole and decimal), and toll-stats' numbers. */
#include "fuzz.h"
#include "toll/figure.h"
#include "toll/stats.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	toll_figure f;
	int64_t a = 0, b = 0, c = 0;
	double x;
	int ha, hb, hc, rc;

	rc = toll_value_parse(s, size, &f);
	if (rc == TOLL_FIG_OK && (f.low > f.best || (!f.open && f.best > f.high)))
		abort();   /* a figure out of order passed as valid */
	(void)toll_figure_strerror(rc);
	(void)toll_stats_number(s, size, &x);
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
	rc = toll_figure_complete(ha, a, hb, b, hc, c, &f);
	if (rc == TOLL_FIG_OK && (f.low > f.best || (!f.open && f.best > f.high)))
		abort();
	/* Decimals follow the same rules: the same verdict on numbers below 2^53. */
	if (a < (INT64_C(1) << 53) && b < (INT64_C(1) << 53) && c < (INT64_C(1) << 53)) {
		toll_range r;
		if (toll_range_complete(ha, (double)a, hb, (double)b, hc, (double)c, &r) != rc)
			abort();
	}
	return 0;
}
