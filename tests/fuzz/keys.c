/* Fuzzes the key lists of -g (with date bins) and the policies of --combine. */
#include "fuzz.h"
#include "toll/agg.h"
#include "toll/keys.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "event", "reported", "source", "side", "category",
	                                     "status", "best", "a:b", "" };
	toll_field cols[sizeof names / sizeof names[0]];
	char *s = fuzz_string(data, size);
	toll_diag ud;
	toll_keys keys = { NULL, 0 };
	toll_policy pol;
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		cols[i].s = names[i];
		cols[i].len = strlen(names[i]);
		cols[i].line = 1;
		cols[i].col = (long)i + 1;
	}
	if (toll_keys_parse(&keys, s, &ud) == 0)
		(void)toll_keys_resolve(&keys, cols, sizeof names / sizeof names[0], &ud);
	toll_keys_free(&keys);
	(void)toll_bin_parse(s, size);
	memset(&pol, 0, sizeof pol);
	(void)toll_policy_parse(&pol, s, &ud);
	toll_policy_free(&pol);
	free(s);
	return 0;
}
