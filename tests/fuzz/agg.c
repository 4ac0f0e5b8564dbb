/*
 * Fuzzes a whole toll-agg run over a fuzzed reports table: the first byte
 * picks the policy and the keys, the rest is the file.
 */
#include "fuzz.h"

#include <fcntl.h>

#include "toll/agg.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const policies[] = { "consensus", "range", "max", "latest", "mean",
	                                        "median", "prefer:B,A", "each" };
	static const char *const keysets[] = { "side,status,category", "event,category",
	                                       "source,reported:quarter", "" };
	char path[64], *paths[1];
	toll_diag ud;
	toll_keys keys = { NULL, 0 };
	toll_policy pol;
	toll_as_of as_of;
	toll_agg *agg = NULL;
	toll_reports *rd = NULL;
	toll_out *out = NULL;
	toll_entry e;
	toll_diag d;
	toll_dialect csv = TOLL_DIALECT_INIT;
	int fd, null, code, bad = 0;

	if (size < 1)
		return 0;
	memset(&pol, 0, sizeof pol);
	memset(&as_of, 0, sizeof as_of);
	csv.fmt = TOLL_FORMAT_CSV;
	if ((fd = fuzz_file(data + 1, size - 1, path, sizeof path)) < 0)
		return 0;
	paths[0] = path;
	null = open("/dev/null", O_WRONLY);
	if (toll_policy_parse(&pol, policies[data[0] & 7], &ud) != 0 ||
	    toll_keys_parse(&keys, keysets[(data[0] >> 3) & 3], &ud) != 0)
		abort();
	/* Everything, or as of an instant, or as of a day in each claim's zone. */
	as_of.by_day = (data[0] & 0x21) == 0x01;
	as_of.t = (data[0] & 0x20) ? INT64_MAX : 1663200000;
	as_of.day = 19248;
	if ((agg = toll_agg_new(&pol, &keys, &as_of)) == NULL ||
	    (out = toll_out_new(null, 0)) == NULL ||
	    toll_reports_new(&rd, paths, 1, (data[0] & 0x40) ? &csv : NULL,
	                     (data[0] & 0x80) ? TOLL_REPORTS_HISTORY : TOLL_REPORTS_AUTO) != TOLL_OK)
		goto done;
	while ((code = toll_reports_next(rd, &e, &d)) != TOLL_END && code != TOLL_ENOMEM) {
		if (code == TOLL_HEADER) {
			if (toll_agg_header(agg, rd, &ud) != 0)
				goto done;
			continue;
		}
		if (code == TOLL_OK)
			code = toll_agg_add(agg, rd, &e, &d);
		if (code != TOLL_OK && code != TOLL_WARNING && code != TOLL_NOTE)
			bad = 1;
	}
	/* As the program: results only from valid input. */
	if (!bad && toll_agg_write(agg, rd, out, &d) == TOLL_OK)
		(void)toll_out_commit(out, "standard output", &d);
done:
	toll_reports_free(rd);
	toll_agg_free(agg);
	toll_out_free(out);
	toll_keys_free(&keys);
	toll_policy_free(&pol);
	close(null);
	close(fd);
	return 0;
}
