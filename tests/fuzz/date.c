/* Fuzzes the date parser and the date bins. */
#include "fuzz.h"
#include "toll/date.h"
#include "toll/keys.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	toll_time t;
	char buf[TOLL_BIN_LABEL];
	int bin;

	if (toll_date_parse((const char *)data, size, &t) != 0)
		return 0;
	for (bin = TOLL_BIN_DAY; bin <= TOLL_BIN_YEAR; bin++)
		if (toll_bin_label(bin, t.t, buf) >= TOLL_BIN_LABEL)
			abort();
	/* The calendar round trip holds for every date that parses. */
	{
		int64_t days = t.t >= 0 ? t.t / 86400 : -((-t.t + 86399) / 86400), y;
		int m, d;

		toll_civil_from_days(days, &y, &m, &d);
		if (toll_days_from_civil(y, m, d) != days || d > toll_days_in_month(y, m))
			abort();
	}
	return 0;
}
