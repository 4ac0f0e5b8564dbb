/*
 * gen_jsonl: deterministic JSON Lines of events, as a data project or an
 * API publishes them, for the toll-import benchmark.  Usage: gen_jsonl
 * ROWS >FILE.jsonl.  Each record: an id, a date, a country, a nested
 * location (admin1, and now and then no admin2), fatalities (now and then
 * null: no figure), notes with an escaped quote, a tab or a line break,
 * and a list of actors.
 */
#include <stdio.h>
#include <stdlib.h>

#include "rnd.h"

int
main(int argc, char **argv)
{
	static const char *const countries[][3] = {
		{ "Armenia", "Syunik", "Goris" }, { "Azerbaijan", "Tovuz", "Agdam" },
		{ "Benin", "Alibori", "Karimama" }, { "Yemen", "Taizz", "Al Mudhaffar" },
		{ "India", "Manipur", "Imphal West" }, { "Ukraine", "Donetsk", "Bakhmut" }
	};
	static const char *const notes[] = {
		"Clashes on the border.", "Shelling of a village; \\\"heavy\\\" losses reported.",
		"An attack on a convoy.\\nTwo vehicles burnt.", "A protest\\tdispersed.",
		"Sources disagree on the toll.", "A drone strike on a depot."
	};
	long rows = argc > 1 ? atol(argv[1]) : 1000, i;

	for (i = 0; i < rows; i++) {
		unsigned c = rnd(6), fat = rnd(100) < 70 ? rnd(5) : rnd(400), y = 2018 + rnd(7);

		printf("{\"event_id_cnty\": \"%.3s%ld\", \"event_date\": \"%u-%02u-%02u\", "
		       "\"country\": \"%s\", \"location\": {\"admin1\": \"%s\"",
		       countries[c][0], i + 1, y, 1 + rnd(12), 1 + rnd(28), countries[c][0],
		       countries[c][1]);
		if (rnd(4) != 0)
			printf(", \"admin2\": \"%s\"", countries[c][2]);
		printf(", \"latitude\": %.4f}, \"fatalities\": ", 10 + rnd(500000) / 10000.0);
		if (rnd(50) == 0)
			printf("null");
		else
			printf("%u", fat);
		printf(", \"notes\": \"%s\", \"actors\": [\"Military Forces of %s\", \"Civilians\"]}\n",
		       notes[rnd(6)], countries[c][0]);
	}
	return 0;
}
