/* Fuzzes the date parser, its explanations, the date bins and their labels read back. */
#include "fuzz.h"
#include "toll/date.h"
#include "toll/keys.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	toll_time t;
	char buf[TOLL_BIN_LABEL], why[160];
	int bin;
	int64_t start;

	/* A bin label read back starts a period that holds it, and is written the same. */
	if (toll_bin_label_parse((const char *)data, size, &bin, &start) == 0) {
		if (toll_bin_next(bin, start) <= start || toll_bin_label(bin, start, buf) != size ||
		    memcmp(buf, data, size) != 0)
			abort();
	}
	if (toll_date_parse((const char *)data, size, &t) != 0) {
		toll_date_why((const char *)data, size, why, sizeof why);
		if (strlen(why) == 0)
			abort();
		return 0;
	}
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
