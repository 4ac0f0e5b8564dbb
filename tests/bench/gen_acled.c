/*
 * gen_acled: a deterministic ACLED export in the current 31-column layout,
 * for the toll-import benchmark.  Usage: gen_acled ROWS >FILE.csv
 * Dates as ACLED writes them ("28 December 2022"), NA in empty text
 * columns, notes quoted (commas, doubled quotes, now and then a line break).
 */
#include <stdio.h>
#include <stdlib.h>

#include "rnd.h"

int
main(int argc, char **argv)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"
	};
	static const char *const types[][2] = {
		{ "Battles", "Armed clash" }, { "Violence against civilians", "Attack" },
		{ "Explosions/Remote violence", "Shelling/artillery/missile attack" },
		{ "Protests", "Peaceful protest" }, { "Riots", "Violent demonstration" },
		{ "Strategic developments", "Looting/property destruction" }
	};
	static const char *const countries[][3] = {
		{ "Armenia", "ARM", "Caucasus and Central Asia" }, { "Azerbaijan", "AZE", "Caucasus and Central Asia" },
		{ "Benin", "BEN", "Western Africa" }, { "Yemen", "YEM", "Middle East" },
		{ "India", "IND", "South Asia" }, { "Ukraine", "UKR", "Europe" }
	};
	long rows = argc > 1 ? atol(argv[1]) : 1000, i;

	puts("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
	     "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
	     "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
	     "source,source_scale,notes,fatalities,tags,timestamp");
	for (i = 0; i < rows; i++) {
		unsigned c = rnd(6), t = rnd(6), y = 1997 + rnd(27), m = rnd(12), d = 1 + rnd(28);
		unsigned fat = rnd(4) == 0 ? rnd(60) : 0;

		printf("%s%ld,%u %s %u,%u,%u,Political violence,%s,%s,Military Forces of %s,NA,1,",
		       countries[c][1], i + 1, d, months[m], y, y, 1 + rnd(3), types[t][0], types[t][1],
		       countries[c][0]);
		printf("%s,NA,%u,1%u,%s,%u,%s,%s,Province %u,District %u,NA,Town %u,%u.%04u,%u.%04u,%u,",
		       t == 1 ? "Civilians" : "Rebels", 1 + rnd(8), rnd(8),
		       t == 1 ? "Civilian targeting" : "NA", 100 + c, countries[c][2], countries[c][0],
		       rnd(20), rnd(200), rnd(5000), 10 + rnd(40), rnd(10000), 20 + rnd(60), rnd(10000),
		       1 + rnd(3));
		printf("Local Source %u,National,\"On %u %s %u, clashes were reported near Town %u, "
		       "\"\"a source said\"\".%s%u fatalities.\",%u,NA,%u\n",
		       rnd(50), d, months[m], y, rnd(5000), rnd(50) == 0 ? "\nReported later: " : " ",
		       fat, fat, 1600000000 + rnd(100000000));
	}
	return 0;
}
