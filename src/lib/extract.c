/*
 * extract.c: casualty figures out of English news text; see extract.h.
 *
 * A text is cut into sentences, a sentence into tokens (words, numbers,
 * punctuation), and the numbers (digits, number words, vague words) are
 * read as mentions.  Each mention then goes through the rules, in order:
 * not a count (decimals, times, decades, ordinals, percents: the
 * tokenizer), a date, an age, a year, its head noun, its category, a
 * negation, its interval, its kind, its side and status.  A rule either
 * rejects the mention (saying why) or adds to its explanation.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toll/extract.h"
#include "toll/out.h"
#include "toll/report.h"
#include "demonyms.h"
#include "hashtab.h"


/* ---- words ---- */

/* Whether w is one of the words of list (NULL-terminated). */
static int
in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == w[0] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/*
 * What toll knows of a word: its category (a word of death, injury,
 * disappearance or capture, in every inflection), and what it does in a
 * sentence (the F_ flags).  One lexicon, in a hash table built once; each
 * token looks its word up once, as the sentence is read.
 */
enum {
	F_NOTPEOPLE = 1 << 0,   /* a noun that counts no people: vehicles, homes, days, dollars */
	F_STOP = 1 << 1,        /* ends the noun phrase after a number: of, were, and, who */
	F_AUX = 1 << 2,         /* skipped on the way to a figure's verb: were, reportedly, still */
	F_MODAL = 1 << 3,       /* makes a clause hypothetical: could, would, threatened */
	F_MOD = 1 << 4,         /* may stand before the head noun: more, wounded, armed */
	F_MIL = 1 << 5,         /* a military head or modifier */
	F_CIV = 1 << 6,         /* a civilian one */
	F_NOMINAL = 1 << 7,     /* a head of a category that a verb after it overrides: hostages */
	F_FILLER = 1 << 8,      /* interval words between a verb and its number: at least, about */
	F_PREP = 1 << 9,        /* a preposition a subject may carry: five members of the crew */
	F_LINK = 1 << 10,       /* links a toll to its number: the toll rose to, stood at, tops */
	F_EARLIER = 1 << 11,    /* says a figure is an earlier one: initially, previously */
	F_MONTH = 1 << 12,
	F_TIME = 1 << 13,       /* after a number, a time of day: pm, GMT */
	F_TOLL = 1 << 14,       /* toll, tally: a figure's category is the toll's */
	F_BEFOREDEAD = 1 << 15, /* shot (dead), stabbed (to death) */
	F_SENTENCE = 1 << 16,   /* sentenced, condemned: "to death" is no death */
	F_POSS = 1 << 17,       /* its, their, his: "50 of its soldiers" */
	F_RISE = 1 << 18,       /* rose, climbed: a figure "from" N is an earlier one */
	F_PEOPLE = 1 << 19,     /* a noun of people: "2020 soldiers" is no year */
	F_AGENT = 1 << 20,      /* kidnappers, killers: the category of those "of" the number only */
	F_NEWEST = 1 << 21,     /* rose (to), reached, now: the figure after it is the newest */
	F_SAY = 1 << 22,        /* said, told, according (to): a speaker's verb */
	F_IVEND = 1 << 23,      /* the last word of interval words: least, than, about (interval_words) */
	F_NUMBER = 1 << 24      /* may start a number in words: one to ninety-nine, the vague words */
};

struct lex {
	const char *w;
	signed char cat;        /* enum toll_category, or -1 */
	unsigned flags;
};

#define K TOLL_CAT_KILLED
#define W TOLL_CAT_WOUNDED
#define M TOLL_CAT_MISSING
#define C TOLL_CAT_CAPTURED

/* The categories' words, with their inflections. */
static const struct lex cat_words[] = {
	{ "kill", K, 0 }, { "kills", K, 0 }, { "killed", K, F_MOD }, { "killing", K, 0 },
	{ "killings", K, 0 }, { "die", K, 0 }, { "dies", K, 0 }, { "died", K, 0 }, { "dying", K, 0 },
	{ "dead", K, F_MOD }, { "death", K, 0 }, { "deaths", K, 0 }, { "fatalities", K, 0 },
	{ "fatality", K, 0 }, { "bodies", K, 0 }, { "corpses", K, 0 }, { "lives", K, 0 },
	{ "perished", K, 0 }, { "perish", K, 0 }, { "slain", K, 0 }, { "slay", K, 0 },
	{ "murder", K, 0 }, { "murders", K, 0 }, { "murdered", K, 0 }, { "murdering", K, 0 },
	{ "executed", K, 0 }, { "execute", K, 0 }, { "executing", K, 0 }, { "executions", K, 0 },
	{ "massacre", K, 0 }, { "massacres", K, 0 }, { "massacred", K, 0 }, { "massacring", K, 0 },
	{ "martyred", K, 0 }, { "martyrs", K, 0 }, { "behead", K, 0 }, { "beheads", K, 0 },
	{ "beheaded", K, 0 }, { "beheading", K, 0 }, { "beheadings", K, 0 }, { "drowned", K, 0 },
	{ "assassinated", K, 0 }, { "lynched", K, 0 }, { "gunned", K, 0 },
	{ "wound", W, 0 }, { "wounds", W, 0 }, { "wounded", W, F_MOD }, { "wounding", W, 0 },
	{ "injure", W, 0 }, { "injures", W, 0 }, { "injured", W, F_MOD }, { "injuring", W, 0 },
	{ "injury", W, 0 }, { "injuries", W, 0 }, { "hurt", W, 0 }, { "hurting", W, 0 },
	{ "maimed", W, 0 }, { "stabbed", W, F_BEFOREDEAD }, { "stabbing", W, F_BEFOREDEAD },
	{ "hospitalized", W, 0 }, { "hospitalised", W, 0 },
	{ "missing", M, F_MOD }, { "disappeared", M, 0 }, { "unaccounted", M, 0 },
	{ "capture", C, 0 }, { "captures", C, 0 }, { "captured", C, F_MOD }, { "capturing", C, 0 },
	{ "prisoner", C, F_NOMINAL }, { "prisoners", C, F_NOMINAL }, { "captive", C, F_NOMINAL },
	{ "captives", C, F_NOMINAL }, { "hostage", C, F_NOMINAL }, { "hostages", C, F_NOMINAL },
	{ "detained", C, 0 }, { "abduct", C, 0 }, { "abducts", C, 0 }, { "abducted", C, F_MOD },
	{ "abducting", C, 0 }, { "abduction", C, 0 }, { "kidnap", C, 0 }, { "kidnaps", C, 0 },
	{ "kidnapped", C, F_MOD }, { "kidnapping", C, 0 }, { "seize", C, 0 }, { "seizes", C, 0 },
	{ "seized", C, 0 }, { "seizing", C, 0 }, { "kidnappers", C, F_AGENT },
	{ "abductors", C, F_AGENT }, { "captors", C, F_AGENT }, { "killers", K, F_AGENT },
	{ "murderers", K, F_AGENT },
	{ "casualties", TOLL_CAT_CASUALTIES, 0 }, { "casualty", TOLL_CAT_CASUALTIES, 0 },
};

#undef K
#undef W
#undef M
#undef C

/* Words of one meaning: each list's words get its flags. */
static const char *const w_notpeople[] = {
	/* time and measures */
	"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights",
	"week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
	"centuries", "mile", "miles", "km", "kilometres", "kilometers", "kilometre", "kilometer",
	"metres", "meters", "feet", "foot", "yards", "inches", "acres", "hectares", "tons", "tonnes",
	"kilograms", "kg", "pounds", "litres", "liters", "gallons", "barrels", "degrees", "percent",
	"mph", "times", "points", "per", "cent",
	/* money */
	"dollars", "dollar", "euros", "euro", "rupees", "yuan", "yen", "pesos", "shekels", "rubles",
	"roubles", "cents", "francs", "billion", "million",
	/* things */
	"vehicles", "vehicle", "cars", "car", "trucks", "lorries", "buses", "tanks", "trains",
	"planes", "aircraft", "jets", "helicopters", "drones", "boats", "ships", "vessels",
	"submarines", "missiles", "rockets", "shells", "mortars", "bombs", "grenades", "mines",
	"rounds", "bullets", "weapons", "guns", "rifles", "artillery", "launchers", "munitions",
	"explosives", "devices", "containers", "tents", "bags", "doses", "meals", "tonnes",
	/* places and buildings */
	"homes", "houses", "buildings", "schools", "hospitals", "clinics", "mosques", "churches",
	"temples", "shops", "stores", "offices", "villages", "towns", "cities", "districts",
	"provinces", "regions", "countries", "states", "nations", "areas", "sites", "camps",
	"positions", "checkpoints", "bases", "posts", "roads", "bridges", "streets", "blocks",
	"floors", "storeys", "stories", "rooms", "apartments", "flats", "units", "kilometres",
	"locations", "fronts", "directions", "neighbourhoods", "neighborhoods", "settlements",
	"outposts", "hideouts", "compounds", "facilities", "plants", "farms", "fields",
	/* events and things counted in news */
	"attacks", "attack", "bombings", "blasts", "explosions", "incidents", "clashes", "raids",
	"strikes", "airstrikes", "shots", "battles", "operations", "assaults", "ambushes", "fires",
	"cases", "votes", "seats", "occasions", "waves", "episodes", "calls", "letters", "pages",
	"reports", "videos", "photos", "statements", "violations", "protests", "rallies",
	"elections", "rounds", "laws", "articles", "sentences", "charges", "counts", "steps",
	"stages", "phases", "parts", "sides", "ways", "reasons", "demands", "conditions",
	"questions", "issues", "projects", "programs", "programmes", "plans", "deals", "talks",
	/* animals */
	"cattle", "cows", "sheep", "goats", "horses", "dogs", "camels", "chickens", "animals",
	"livestock", "birds", "pigs", "donkeys",
	/* groups counted as units */
	"families", "households", "groups", "organizations", "organisations", "companies",
	"parties", "teams", "battalions", "brigades", "regiments", "divisions", "units", "factions",
	"tribes", "clans", "agencies", "ministries", "governments", "republics", "countries",
	NULL
};

/* Words that end the noun phrase after a number: function words and the verbs of news. */
static const char *const w_stop[] = {
	"of", "in", "on", "at", "from", "to", "by", "with", "for", "during", "after", "before",
	"near", "across", "into", "inside", "outside", "over", "under", "since", "amid", "among",
	"including", "as", "when", "while", "who", "which", "that", "whom", "whose", "where",
	"and", "or", "but", "nor", "than", "if", "because", "though", "although", "were", "was",
	"are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could", "may",
	"might", "can", "should", "must", "did", "do", "does", "said", "says", "say", "told",
	"reported", "according", "remain", "remained", "remains", "still", "also", "reportedly",
	"allegedly", "apparently", "later", "now", "already", "all", "both", "each", "either",
	"respectively", "so", "then", "there", "here", "this", "these", "those", "the", "a", "an",
	"its", "their", "his", "her", "our", "my", "your", "them", "him", "it", "they", "he", "she",
	"we", "you", "not", "no", "never", "yesterday", "today", "tonight", "overnight", "earlier",
	"last", "next", "per", "less", "fewer", "aboard", "onboard",
	"altogether", "total", "killed", "died", "dead", "wounded", "injured", "missing",
	"sustained", "suffered", "received",
	/* verbs of no regular past: a noun phrase ends before them */
	"made", "make", "makes", "took", "take", "takes", "gave", "give", "went", "go", "goes",
	"came", "come", "comes", "saw", "see", "found", "left", "held", "got", "began", "fled",
	"flee", "fought", "fight", "ran", "run", "won", "lost", "met", "sent", "kept", "brought",
	"became", "become", "stood", "put", "set", "knew", "felt", "heard", "led", "threw",
	"wrote", "spoke", "paid", "sold", "built", "struck", "drove", "flew", "fell", "rose",
	"sat", "lay", "hid", "broke", "chose", "tore", "swore", "wore", "bore", "drew", "grew",
	"need", "needed", "want", "face", "faced", "fear", "feared", NULL
};

/* Skipped on the way from a noun phrase to its verb ("were reportedly killed"). */
static const char *const w_aux[] = {
	"were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "reportedly",
	"reported", "allegedly", "apparently", "also", "later", "still", "now", "already", "all",
	"both", "each", "remain", "remained", "remains", "believed", "feared", "thought",
	"presumed", "confirmed", "listed", "said", "to", "get", "got", "who", "that", "which",
	"subsequently", "ultimately", "eventually", "then", "shot", "seriously", "critically",
	"slightly", "badly", "severely", "gravely", "lightly", "mortally", "fatally", "taken",
	"held", "their", "his", "her", "its", "not", "never", "officially", "initially",
	"either", "since", "left", "found", "as", "respectively", "altogether", "in", "total",
	"so", "far", "thus", "reportedly", "being", "just", "sustained", "suffered", "received",
	NULL
};

static const char *const w_modal[] = {
	"could", "would", "may", "might", "will", "shall", "should", "can", "cannot", "threaten",
	"threatens", "threatened", "threatening", "plan", "plans", "planned", "planning", "plot",
	"plots", "plotted", "plotting", "aim", "aims", "aimed", "attempt", "attempts", "attempted",
	"attempting", "try", "tries", "tried", "trying", "intend", "intends", "intended", "vow",
	"vows", "vowed", "want", "wants", "wanted", "seek", "seeks", "sought", "risk", "risks",
	"unless", "if", NULL
};

static const char *const w_mod[] = {
	"more", "other", "additional", "further", "young", "old", "elderly", "innocent",
	"unarmed", "armed", "local", "foreign", "military", "civilian", "border", "army",
	"government", "police", "security", "enemy", "allied", "regular", "reserve", "ethnic",
	"seriously", "severely", "critically", "slightly", "lightly", "heavily", "badly",
	"fatally", "mortally", "new", NULL
};

static const char *const w_mil[] = {
	"soldiers", "soldier", "servicemen", "serviceman", "servicewomen", "servicemembers",
	"troops", "fighters", "fighter", "militants", "militant", "rebels", "insurgents",
	"militiamen", "gunmen", "officers", "officer", "guards", "guard", "personnel", "conscripts",
	"reservists", "marines", "sailors", "pilots", "peacekeepers", "military", "army",
	"guerrillas", "jihadists", "combatants", "paratroopers", "commandos", "policemen",
	"policeman", "policewomen", "cadets", "airmen", NULL
};

static const char *const w_civ[] = {
	"civilians", "civilian", "residents", "villagers", "children", "child", "kids", "babies",
	"infants", "women", "pedestrians", "passengers", "worshippers", "girls", "boys",
	"schoolchildren", "students", "pupils", "toddlers", "teenagers", "refugees", NULL
};

static const char *const w_filler[] = {
	"least", "at", "than", "more", "nearly", "about", "some", "around", "over", "up", "to",
	"almost", "another", "of", "the", "roughly", "approximately", "estimated", "an", "all",
	NULL
};

static const char *const w_prep[] = {
	"of", "in", "on", "at", "from", "aboard", "inside", "near", "including", "among", NULL
};

static const char *const w_link[] = {
	"to", "at", "reached", "reach", "reaches", "hit", "hits", "tops", "topped", "passed",
	"exceeded", "surpassed", "is", "was", "stands", "stood", "now", "of", "climbed", "rose",
	"risen", "soared", "jumped", "increased", "reaching", "totals", "totalled", "totaled",
	"put", "hitting", NULL
};

static const char *const w_earlier[] = {
	"initially", "originally", "previously", "earlier", "first", NULL
};

static const char *const w_rise[] = {
	"rose", "risen", "rising", "rise", "rises", "climbed", "climbing", "climb", "raised",
	"raising", "increased", "increasing", "jumped", "soared", "up", "revised", "grew",
	"grown", "doubled", "mounted", NULL
};

static const char *const w_newest[] = {
	"rose", "risen", "rises", "climbed", "climbs", "raised", "raising", "increased", "jumped",
	"soared", "revised", "grew", "mounted", "mounting", "reached", "reaches", "reaching", "now",
	"stands", "hit", "hits", "topped", "tops", "passed", "updated", "latest", "bringing",
	"taking", NULL
};

static const char *const w_say[] = {
	"said", "says", "say", "told", "tells", "announced", "announces", "reported", "reports",
	"stated", "states", "confirmed", "confirms", "claimed", "claims", "added", "wrote",
	"declared", "declares", "according", NULL
};

static const char *const w_ivend[] = {
	"least", "than", "over", "above", "to", "as", "most", "under", "about", "around",
	"approximately", "roughly", "some", "nearly", "almost", "estimated", "approaching", "tops",
	"topped", "exceeded", "surpassed", "of", NULL
};

/* The words number_words() and read_number() start at (but "a", and "forty-nine" with its dash). */
static const char *const w_number[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
	"tens", "dozens", "scores", "hundreds", "thousands", NULL
};

static const char *const w_month[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", NULL
};

static const char *const w_time[] = {
	"am", "pm", "a.m.", "p.m.", "gmt", "utc", "o'clock", "hrs", "h", NULL
};

static const char *const w_toll[] = { "toll", "tally", "number", "count", NULL };

static const char *const w_beforedead[] = {
	"shot", "stabbed", "beaten", "gunned", "burned", "burnt", "hacked", "clubbed", "crushed",
	"found", "left", "leaving", "leave", "confirmed", "declared", "pronounced", NULL
};

static const char *const w_sentence[] = {
	"sentenced", "sentence", "sentences", "sentencing", "condemned", "condemns", NULL
};

static const char *const w_people[] = {
	"people", "persons", "person", "individuals", "residents", "citizens", "nationals", "men",
	"man", "women", "woman", "members", "workers", "journalists", "doctors", "medics",
	"migrants", "victims", "protesters", "demonstrators", "others", "adults", NULL
};

static const char *const w_poss[] = { "its", "their", "his", "her", "our", "the", NULL };

static const struct { const char *const *words; unsigned flag; } word_lists[] = {
	{ w_notpeople, F_NOTPEOPLE }, { w_stop, F_STOP }, { w_aux, F_AUX }, { w_modal, F_MODAL },
	{ w_mod, F_MOD }, { w_mil, F_MIL }, { w_civ, F_CIV }, { w_filler, F_FILLER },
	{ w_prep, F_PREP }, { w_link, F_LINK }, { w_earlier, F_EARLIER }, { w_month, F_MONTH },
	{ w_time, F_TIME }, { w_toll, F_TOLL }, { w_beforedead, F_BEFOREDEAD },
	{ w_sentence, F_SENTENCE }, { w_poss, F_POSS }, { w_rise, F_RISE },
	{ w_people, F_PEOPLE }, { w_newest, F_NEWEST }, { w_say, F_SAY }, { w_ivend, F_IVEND },
	{ w_number, F_NUMBER },
};

/*
 * The lexicon: every word above once, its flags and category merged, in
 * an open-addressing hash table of LEX_SLOTS (a word is hashed once and
 * compared once, where a binary search compared ten times).
 */
#define LEX_SLOTS 4096
static struct lex *lexicon;
static size_t nlexicon;
/* An entry's index + 1 in the low 16 bits (0: empty), its hash's high 16 bits above. */
static uint32_t lex_slot[LEX_SLOTS];
static unsigned char lex_len[LEX_SLOTS / 2];   /* each entry's word's bytes */
static uint64_t lex_word8[LEX_SLOTS / 2][3];   /* each entry's word, zero-padded, as tokens hold theirs */
static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;

static int
lex_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lex *)a)->w, ((const struct lex *)b)->w);
}

static void
lexicon_build(void)
{
	static struct lex all[sizeof cat_words / sizeof cat_words[0] + 2048];
	size_t n = 0, i, k;

	for (i = 0; i < sizeof cat_words / sizeof cat_words[0]; i++)
		all[n++] = cat_words[i];
	for (k = 0; k < sizeof word_lists / sizeof word_lists[0]; k++)
		for (i = 0; word_lists[k].words[i] != NULL && n < sizeof all / sizeof all[0]; i++) {
			all[n].w = word_lists[k].words[i];
			all[n].cat = -1;
			all[n++].flags = word_lists[k].flag;
		}
	qsort(all, n, sizeof all[0], lex_cmp);
	/* Merge each word's entries into its first. */
	for (i = 0, k = 0; i < n; i++) {
		if (k > 0 && strcmp(all[k - 1].w, all[i].w) == 0) {
			all[k - 1].flags |= all[i].flags;
			if (all[k - 1].cat < 0)
				all[k - 1].cat = all[i].cat;
		} else {
			all[k++] = all[i];
		}
	}
	lexicon = all;
	nlexicon = k;
	for (i = 0; i < k && k < LEX_SLOTS / 2; i++) {
		size_t len = strlen(all[i].w);
		uint32_t full = hash_bytes(all[i].w, len), h = full & (LEX_SLOTS - 1);

		lex_len[i] = (unsigned char)(len < 255 ? len : 255);
		if (len < sizeof lex_word8[i])
			memcpy(lex_word8[i], all[i].w, len);   /* the rest stays zero */
		while (lex_slot[h] != 0)
			h = (h + 1) & (LEX_SLOTS - 1);
		lex_slot[h] = (uint32_t)(i + 1) | (full & 0xffff0000u);
	}
}

/*
 * The lexicon's entry of a lower-case word of n bytes (fewer than 24),
 * held zero-padded in w, or NULL (toll_extract() has built it).  A slot's
 * hash bits are compared first: most words, in no list, are never
 * compared; those that are, three 8-byte words at a time.
 */
static const struct lex *
lex_find(const uint64_t w[3], size_t n)
{
	uint32_t full = hash_padded(w, n), h, s;

	for (h = full & (LEX_SLOTS - 1); (s = lex_slot[h]) != 0; h = (h + 1) & (LEX_SLOTS - 1)) {
		size_t k = (s & 0xffff) - 1;

		if ((s & 0xffff0000u) == (full & 0xffff0000u) && lex_len[k] == n && lex_word8[k][0] == w[0] &&
		    lex_word8[k][1] == w[1] && lex_word8[k][2] == w[2])
			return &lexicon[k];
	}
	return NULL;
}

/* The demonyms in an open-addressing hash table, as the lexicon. */
#define DEM_SLOTS 1024
static uint16_t dem_slot[DEM_SLOTS];
static pthread_once_t dem_once = PTHREAD_ONCE_INIT;

/* Bits of the hashes of the first words of two-word demonyms ("south" of "south african"). */
static uint64_t dem_first[16];

static void
dem_build(void)
{
	size_t i;

	for (i = 0; i < toll_ndemonyms && toll_ndemonyms < DEM_SLOTS / 2; i++) {
		const char *sp = strchr(toll_demonyms[i].word, ' ');
		uint32_t h = hash_bytes(toll_demonyms[i].word, strlen(toll_demonyms[i].word)) & (DEM_SLOTS - 1);

		if (sp != NULL) {
			uint32_t f = hash_bytes(toll_demonyms[i].word, (size_t)(sp - toll_demonyms[i].word)) & 1023;

			dem_first[f / 64] |= UINT64_C(1) << (f % 64);
		}

		while (dem_slot[h] != 0)
			h = (h + 1) & (DEM_SLOTS - 1);
		dem_slot[h] = (uint16_t)(i + 1);
	}
}

/* The side a lower-case word of n bytes (or two, with a space) names. */
static const char *
demonym_side(const char *low, size_t n)
{
	uint32_t h;

	pthread_once(&dem_once, dem_build);
	for (h = hash_bytes(low, n) & (DEM_SLOTS - 1); dem_slot[h] != 0; h = (h + 1) & (DEM_SLOTS - 1)) {
		const struct toll_demonym *d = &toll_demonyms[dem_slot[h] - 1];

		if (d->word[0] == low[0] && strcmp(d->word, low) == 0)
			return d->side;
	}
	return NULL;
}

/*
 * The side a nationality's word names: a demonym of the list in
 * demonyms.c, or its plural (Armenians, Israelis, Britons).
 */
const char *
toll_extract_side(const char *word, size_t len)
{
	char low[48];
	size_t i;
	const char *s;

	if (len == 0 || len >= sizeof low)
		return NULL;
	for (i = 0; i < len; i++)
		low[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a' : word[i]);
	low[len] = '\0';
	if ((s = demonym_side(low, len)) != NULL)
		return s;
	if (len > 3 && low[len - 1] == 's') {
		low[len - 1] = '\0';
		return demonym_side(low, len - 1);
	}
	return NULL;
}

/* The sides' own names, sorted, for speaker_side(). */
static const char **side_names;
static size_t nside_names;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
names_build(void)
{
	static const char *names[512];
	size_t i, n = 0;

	for (i = 0; i < toll_ndemonyms && n < sizeof names / sizeof names[0]; i++)
		names[n++] = toll_demonyms[i].side;
	qsort(names, n, sizeof names[0], name_cmp);
	side_names = names;
	nside_names = n;
}

/*
 * The side a word of a speaker's name gives: a demonym ("Armenian") or a
 * side's own name ("Azerbaijan", "Azerbaijan's", "Armenia’s"), or NULL.
 */
static const char *
speaker_side(const char *word, size_t len)
{
	char low[48];
	size_t i;
	const char *s;

	/* The possessive: Armenia's, Armenia’s, the Armenians' and the Armenians’. */
	if (len > 2 && word[len - 1] == 's' && word[len - 2] == '\'')
		len -= 2;
	else if (len > 4 && word[len - 1] == 's' && memcmp(word + len - 4, "\xe2\x80\x99", 3) == 0)
		len -= 4;
	else if (len > 1 && word[len - 1] == '\'')
		len--;
	else if (len > 3 && memcmp(word + len - 3, "\xe2\x80\x99", 3) == 0)
		len -= 3;
	if ((s = toll_extract_side(word, len)) != NULL)
		return s;
	if (len == 0 || len >= sizeof low || word[0] < 'A' || word[0] > 'Z')
		return NULL;
	for (i = 0; i < len; i++)
		low[i] = word[i];
	low[len] = '\0';
	/* A side's own name, as the list writes it: by binary search in the names, sorted once. */
	pthread_once(&names_once, names_build);
	{
		const char *key = low;
		const char *const *hit = bsearch(&key, side_names, nside_names, sizeof *side_names, name_cmp);

		return hit != NULL ? *hit : NULL;
	}
}

/* ---- tokens ---- */

enum { T_WORD, T_NUM, T_PUNCT, T_OTHERNUM };

struct tok {
	const char *s;
	const char *other;    /* T_OTHERNUM: what kind of number it is, for --explain */
	unsigned flags;       /* its word's flags in the lexicon (0: none, or no word) */
	signed char cat;      /* its word's category in the lexicon, or -1 */
	const char *spk;      /* the side it names as a speaker's word (speaker_side()), once looked up */
	const char *side;     /* the side it names as a nationality (toll_extract_side()), once looked up */
	size_t len;
	unsigned char type;
	unsigned char decimal;    /* T_NUM: has a fraction ("6.5") or an exponent ("2e3") */
	unsigned char spk_looked; /* spk is set */
	unsigned char side_looked; /* side is set */
	union {
		char low[24];     /* lower-case ASCII form of a word, zero-padded (longer words: empty) */
		uint64_t low8[3];
	};
};

#define MAX_TOKS 512

struct sentence {
	const char *s;        /* the sentence */
	size_t len;
	struct tok t[MAX_TOKS];
	int n;
	int cut;              /* the sentence has more tokens than fit: t[] holds the first MAX_TOKS */
	int grow_known;       /* grow below is set */
	const char *grow;     /* the word of "could be higher" and the like, or NULL */
};

/* The bytes a word is made of: letters, digits and the apostrophe (a table: one load a byte). */
static const unsigned char word_byte[256] = {
	['\''] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
	['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
	['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
	['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
	['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes of a UTF-8 punctuation mark at p (dashes, quotes, ellipsis: U+2000-U+206F but ’), else 0. */
static size_t
utf8_punct(const unsigned char *p, const unsigned char *e)
{
	if (e - p >= 3 && p[0] == 0xe2 && p[1] == 0x80 && p[2] != 0x99)
		return 3;
	if (e - p >= 2 && p[0] == 0xc2 && (p[1] == 0xab || p[1] == 0xbb || p[1] == 0xa0))
		return 2;   /* « » and the no-break space */
	return 0;
}

/* The eight bytes of w with ASCII capitals made small letters (other bytes as they are). */
static inline uint64_t
lower8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t b = w & ~high;                       /* no byte carries into the next below */
	uint64_t upper = (b + ones * (0x80 - 'A')) & ~(b + ones * (0x7f - 'Z')) & ~w & high;

	return w | upper >> 2;                        /* 0x80 >> 2 is the 0x20 of a small letter */
}

/*
 * A word's bytes [0, len) of s as three zero-padded 8-byte words, read
 * eight at a time when the text goes on for 24 bytes (loads of the same
 * width as the stores after: no stall forwarding bytes to words).
 */
static inline void
word_bytes(uint64_t w[3], const char *s, size_t len, const char *e)
{
	size_t k;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (e - s >= 24) {
		/* The low r bytes of a word kept: masks[r], r from 0 to 8. */
		static const uint64_t masks[9] = {
			0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffffull, 0xffffffffffffull,
			0xffffffffffffffull, 0xffffffffffffffffull
		};

		memcpy(w, s, 24);
		for (k = 0; k < 3; k++) {
			size_t r = len > 8 * k ? len - 8 * k : 0;

			w[k] &= masks[r < 8 ? r : 8];
		}
		return;
	}
	/* Near the sentence's end: byte by byte, shifted into the words (as the loads above lay them). */
	w[0] = w[1] = w[2] = 0;
	for (k = 0; k < len; k++)
		w[k / 8] |= (uint64_t)(unsigned char)s[k] << 8 * (k % 8);
#else
	{
		unsigned char b[24] = { 0 };

		(void)e;
		for (k = 0; k < len; k++)
			b[k] = (unsigned char)s[k];
		memcpy(w, b, 24);
	}
#endif
}

/* Token s[0, len) of type, in a sentence that ends at e. */
static inline void
add_tok(struct sentence *st, const char *s, size_t len, int type, const char *e)
{
	struct tok *t;

	if (st->n >= MAX_TOKS) {
		st->cut = 1;
		return;
	}
	t = &st->t[st->n++];
	t->s = s;
	t->len = len;
	t->type = (unsigned char)type;
	t->decimal = 0;
	t->other = NULL;
	t->flags = 0;
	t->cat = -1;
	t->spk_looked = 0;
	t->side_looked = 0;
	/* A word's small letters, eight at a time, and its lexicon entry: every rule asks for them. */
	if (type == T_WORD && len < sizeof t->low) {
		uint64_t w[3];
		const struct lex *l;

		word_bytes(w, s, len, e);
		t->low8[0] = lower8(w[0]);
		t->low8[1] = lower8(w[1]);
		t->low8[2] = lower8(w[2]);
		if ((l = lex_find(t->low8, len)) != NULL) {
			t->flags = l->flags;
			t->cat = l->cat;
		}
	} else {
		t->low8[0] = t->low8[1] = t->low8[2] = 0;
	}
}

/*
 * A number written in digits at p: groups of three after ',' or a space,
 * a fraction after '.'.  What follows decides whether it is a count: a
 * decade (1990s), an ordinal (13th), a time (09:00), a percent, an age
 * (25-year-old) are other numbers.  Returns the bytes read; *type is set.
 */
static size_t
digits_token(const char *p, const char *e, int *type, int *decimal, const char **other)
{
	const char *q = p;

	*type = T_NUM;
	*decimal = 0;
	*other = NULL;
	while (q < e && is_digit((unsigned char)*q))
		q++;
	for (;;) {
		if (q + 3 < e + 1 && (q[0] == ',' || q[0] == ' ') && q + 4 <= e && is_digit(q[1]) &&
		    is_digit(q[2]) && is_digit(q[3]) && (q + 4 == e || !is_digit((unsigned char)q[4])) &&
		    q - p <= 3 + 4 * 5)
			q += 4;
		else
			break;
	}
	if (q + 1 < e && q[0] == '.' && is_digit((unsigned char)q[1])) {
		q++;
		while (q < e && is_digit((unsigned char)*q))
			q++;
		*decimal = 1;
	}
	/* An exponent, as spreadsheets write numbers: "2e3", "1.5E+06". */
	if (q + 1 < e && (*q == 'e' || *q == 'E') &&
	    (is_digit((unsigned char)q[1]) ||
	     (q + 2 < e && (q[1] == '+' || q[1] == '-') && is_digit((unsigned char)q[2])))) {
		const char *x = q + 1 + (q[1] == '+' || q[1] == '-');

		while (x < e && is_digit((unsigned char)*x))
			x++;
		if (x == e || !is_alpha((unsigned char)*x)) {
			*decimal = 1;
			return (size_t)(x - p);
		}
	}
	if (q + 1 < e && *q == '/' && is_digit((unsigned char)q[1])) {
		/* 09/21/04, 3/4: a date or a fraction, not a count. */
		*type = T_OTHERNUM;
		*other = "a date or a fraction";
		while (q < e && (is_digit((unsigned char)*q) || *q == '/'))
			q++;
	} else if (q < e && (*q == ':' || *q == '%') ) {
		*type = T_OTHERNUM;
		*other = *q == ':' ? "a time of day" : "a percentage";
		if (*q == ':')
			while (q < e && (is_digit((unsigned char)*q) || *q == ':'))
				q++;
		else
			q++;
	} else if (q < e && is_alpha((unsigned char)*q)) {
		/* 1990s, 13th, 2nd, 5km: not a count of people. */
		const char *a = q;

		*type = T_OTHERNUM;
		while (q < e && (is_alpha((unsigned char)*q) || is_digit((unsigned char)*q)))
			q++;
		if (q - a == 1 && (*a == 's' || *a == 'S'))
			*other = "a decade";
		else if (q - a == 2 && (strncmp(a, "st", 2) == 0 || strncmp(a, "nd", 2) == 0 ||
		                        strncmp(a, "rd", 2) == 0 || strncmp(a, "th", 2) == 0))
			*other = "an ordinal";
		else
			*other = "a measure or a code";
	} else if (q + 1 < e && *q == '-' && is_alpha((unsigned char)q[1])) {
		/* 25-year-old, 3-day */
		*type = T_OTHERNUM;
		*other = "an age or a length of time";
		while (q < e && (is_alpha((unsigned char)*q) || *q == '-' || is_digit((unsigned char)*q)))
			q++;
	}
	return (size_t)(q - p);
}

static void
tokenize(struct sentence *st)
{
	const unsigned char *p = (const unsigned char *)st->s, *e = p + st->len;

	st->n = 0;
	st->cut = 0;
	while (p < e && !st->cut) {
		size_t k;

		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
		} else if ((k = utf8_punct(p, e)) > 0) {
			if (!(k == 2 && p[1] == 0xa0))
				add_tok(st, (const char *)p, k, T_PUNCT, (const char *)e);
			p += k;
		} else if (is_digit(*p)) {
			int type, decimal, before = st->n;
			const char *other;

			k = digits_token((const char *)p, (const char *)e, &type, &decimal, &other);
			add_tok(st, (const char *)p, k, type, (const char *)e);
			/* Only when it was added: past MAX_TOKS it was not, and the last is another's. */
			if (st->n > before) {
				st->t[st->n - 1].decimal = decimal;
				st->t[st->n - 1].other = other;
			}
			p += k;
		} else if (is_alpha(*p) || *p >= 0x80) {
			const unsigned char *q = p;

			while (q < e) {
				if (word_byte[*q])
					q++;
				else if (*q >= 0x80 && utf8_punct(q, e) == 0)
					q++;
				else if (e - q >= 3 && q[0] == 0xe2 && q[1] == 0x80 && q[2] == 0x99)
					q += 3;   /* ’ */
				else if (*q == '-' && q + 1 < e && is_alpha(q[1]))
					q++;
				else if (*q == '.' && q + 1 < e && is_alpha(q[1]) && (q + 2 == e || q[2] == '.') &&
				         (q - p == 1 || q[-2] == '.'))
					q += 2;   /* U.S., U.N.: one word; the stop after the last letter is its */
				else
					break;
			}
			if (q < e && *q == '.' && q - p >= 3 && q[-2] == '.')
				q++;
			add_tok(st, (const char *)p, (size_t)(q - p), T_WORD, (const char *)e);
			p = q;
		} else {
			add_tok(st, (const char *)p, 1, T_PUNCT, (const char *)e);
			p++;
		}
	}
}


static int
word_at(const struct sentence *st, int i, const char *w)
{
	const char *a;

	if (i < 0 || i >= st->n || st->t[i].type != T_WORD)
		return 0;
	/* The first letters differ for most words; the words are short: compared here, no call. */
	for (a = st->t[i].low; *w != '\0' && *a == *w; a++, w++)
		;
	return *a == *w;
}

/*
 * A side token i's word names, by fn, looked up once into *v (*looked
 * set): the cache is not the sentence's meaning, so a const sentence may
 * fill it.
 */
static const char *
side_once(const struct sentence *st, int i, const char **v, unsigned char *looked,
          const char *(*fn)(const char *, size_t))
{
	if (!*looked) {
		*v = fn(st->t[i].s, st->t[i].len);
		*looked = 1;
	}
	return *v;
}

/* The side token i names as a nationality's word ("Armenian", "Israelis"). */
static const char *
side_at(const struct sentence *st, int i)
{
	struct tok *t = (struct tok *)&st->t[i];

	return side_once(st, i, &t->side, &t->side_looked, toll_extract_side);
}

/* The side token i names as a speaker's word. */
static const char *
speaker_at(const struct sentence *st, int i)
{
	struct tok *t = (struct tok *)&st->t[i];

	return side_once(st, i, &t->spk, &t->spk_looked, speaker_side);
}

/* The flags of token i's word (0: none). */
static inline unsigned
flags_at(const struct sentence *st, int i)
{
	return i >= 0 && i < st->n ? st->t[i].flags : 0;
}

/* The category token i's word says, or -1 (an agent's, "kidnappers", only with agents set). */
static int
cat_of(struct sentence *st, int i, int agents)
{
	if (i < 0 || i >= st->n)
		return -1;
	return agents || !(st->t[i].flags & F_AGENT) ? st->t[i].cat : -1;
}

static int
cat_at(struct sentence *st, int i)
{
	return cat_of(st, i, 0);
}

static int
punct_at(const struct sentence *st, int i, char c)
{
	return i >= 0 && i < st->n && st->t[i].type == T_PUNCT && st->t[i].s[0] == c;
}

/* A dash: '-', or an en or em dash. */
static int
dash_at(const struct sentence *st, int i)
{
	const struct tok *t;

	if (i < 0 || i >= st->n || st->t[i].type != T_PUNCT)
		return 0;
	t = &st->t[i];
	return t->s[0] == '-' || (t->len == 3 && (unsigned char)t->s[2] >= 0x92 &&
	                          (unsigned char)t->s[2] <= 0x94);
}

/* ---- numbers ---- */

/* A number word from zero to ninety-nine ("forty-nine"), or -1. */
static int
small_number(const char *w)
{
	/* By first letter: each letter's words are a run of the table. */
	static const struct { const char *w; unsigned char len, v; } words[] = {
		{ "one", 3, 1 },
		{ "two", 3, 2 }, { "three", 5, 3 }, { "ten", 3, 10 }, { "twelve", 6, 12 },
		{ "thirteen", 8, 13 }, { "twenty", 6, 20 }, { "thirty", 6, 30 },
		{ "four", 4, 4 }, { "five", 4, 5 }, { "fourteen", 8, 14 }, { "fifteen", 7, 15 },
		{ "forty", 5, 40 }, { "fifty", 5, 50 },
		{ "six", 3, 6 }, { "seven", 5, 7 }, { "sixteen", 7, 16 }, { "seventeen", 9, 17 },
		{ "sixty", 5, 60 }, { "seventy", 7, 70 },
		{ "eight", 5, 8 }, { "eleven", 6, 11 }, { "eighteen", 8, 18 }, { "eighty", 6, 80 },
		{ "nine", 4, 9 }, { "nineteen", 8, 19 }, { "ninety", 6, 90 },
		{ "zero", 4, 0 },
	};
	size_t n, k, end;
	const char *dash = NULL;

	/* Number words start with one of these letters and are 3 to 9 letters long: most words go no further. */
	switch (w[0]) {
	case 'o': k = 0; end = 1; break;
	case 't': k = 1; end = 8; break;
	case 'f': k = 8; end = 14; break;
	case 's': k = 14; end = 20; break;
	case 'e': k = 20; end = 24; break;
	case 'n': k = 24; end = 27; break;
	case 'z': k = 27; end = 28; break;
	default:
		return -1;
	}
	for (n = 0; w[n] != '\0' && w[n] != '-'; n++)
		if (n > 9)
			return -1;
	if (n < 3)
		return -1;
	if (w[n] == '-')
		dash = w + n;
	for (; k < end; k++) {
		if (words[k].len != n || memcmp(words[k].w, w, n) != 0)
			continue;
		if (dash == NULL)
			return words[k].v;
		/* "forty-nine": a ten, a dash and a unit. */
		if (words[k].v >= 20) {
			int u = small_number(dash + 1);

			if (u >= 1 && u <= 9 && strchr(dash + 1, '-') == NULL)
				return words[k].v + u;
		}
		return -1;
	}
	return -1;
}

/* The value of a scale word, or 0. */
static double
scale_of(const char *w)
{
	/* By first letter: most words are none, and go no further. */
	switch (w[0]) {
	case 'h': return strcmp(w, "hundred") == 0 ? 1e2 : 0;
	case 't': return strcmp(w, "thousand") == 0 ? 1e3 : 0;
	case 'm': return strcmp(w, "million") == 0 ? 1e6 : 0;
	case 'b': return strcmp(w, "billion") == 0 ? 1e9 : 0;
	default: return 0;
	}
}

/*
 * A number written in words from token i: "forty-nine", "a hundred",
 * "two hundred and fifty", "one million two hundred thousand", "twenty
 * five", "a dozen", "two dozen".  Returns the last token read (or -1: no
 * number here), *v its value.
 */
static int
number_words(const struct sentence *st, int i, double *v)
{
	double total = 0, group = 0;
	int j = i, last = -1, any = 0, tens_open = 0;

	/* "a hundred", "one thousand", "a dozen": the article is a one. */
	if (strcmp(st->t[i].low, "a") == 0) {
		if (i + 1 >= st->n || (scale_of(st->t[i + 1].low) == 0 && strcmp(st->t[i + 1].low, "dozen") != 0))
			return -1;
		group = 1;
		any = 1;
		j = i + 1;
	}
	for (; j < st->n && st->t[j].type == T_WORD; j++) {
		const char *w = st->t[j].low;
		double s;
		int x;

		if ((x = small_number(w)) >= 0) {
			/* "twenty five": a unit after a ten adds to it; else a new number. */
			if (any && !(tens_open && x >= 1 && x <= 9) && (int64_t)group % 100 != 0)
				break;
			if (any && group != 0 && (int64_t)group % 100 == 0 && x >= 100)
				break;
			group += x;
			tens_open = x >= 20 && x % 10 == 0;
			any = 1;
			last = j;
		} else if (any && strcmp(w, "dozen") == 0) {
			group = (group == 0 ? 1 : group) * 12;
			last = j;
			tens_open = 0;
			j++;
			break;
		} else if (any && (s = scale_of(w)) != 0) {
			if (s == 100) {
				if (group == 0 || group >= 100)
					break;
				group *= 100;
			} else {
				total += (group == 0 ? 1 : group) * s;
				group = 0;
			}
			tens_open = 0;
			last = j;
		} else if (any && strcmp(w, "and") == 0 && last == j - 1 && j + 1 < st->n &&
		           small_number(st->t[j + 1].low) > 0 &&
		           (scale_of(st->t[j - 1].low) != 0)) {
			continue;   /* "two hundred and fifty" */
		} else {
			break;
		}
	}
	if (!any || last < 0)
		return -1;
	*v = total + group;
	return last;
}

/* More people than live on Earth: no count of casualties. */
#define MAX_PEOPLE 1e10
#define TOO_LARGE "larger than any count of people (more than 10 billion)"

/* A number mention: tokens [first, last], its value; vague for "dozens". */
struct mention {
	int first, last;
	int64_t value;
	int64_t high;         /* the end of a range ("20 to 100"), or -1 */
	int vague;
	int words;            /* written in words */
	const char *other;    /* not a count (a time, a decade...): why, for --explain */
	/* Set when examined, for the numbers after it: */
	int np_end;           /* the token after its noun phrase */
	int cat;              /* its category, or -1 when it is no figure */
	int kind;
	int people;           /* its noun phrase counts people (or it stands alone) */
};

/*
 * Reads the number at token i: digits (with a scale word: "6.5 million",
 * "2 dozen"), number words ("forty-nine", "a hundred", "two hundred and
 * fifty", "three million"), vague words ("dozens of", "scores of": ACLED's
 * codes).  Returns 1 with *m filled, 0 when token i starts no count; *why
 * says why a number is not one.
 */
static int
read_number(struct sentence *st, int i, struct mention *m, const char **why)
{
	const struct tok *t = &st->t[i];
	int j = i;
	double v = 0;

	*why = NULL;
	m->first = i;
	m->high = -1;
	m->vague = 0;
	m->words = 0;
	m->other = NULL;
	m->np_end = i + 1;
	m->cat = -1;
	m->kind = TOLL_EXTRACT_TOTAL;
	m->people = 0;
	if (t->type == T_NUM) {
		int r;

		if (t->decimal) {
			if ((r = toll_decimal_parse(t->s, t->len, &v)) != TOLL_FIG_OK) {
				*why = r == TOLL_FIG_RANGE ? TOO_LARGE : "not a number toll can read";
				return 0;
			}
		} else {
			int64_t x;

			if ((r = toll_number_parse(t->s, t->len, &x)) != TOLL_FIG_OK) {
				*why = r == TOLL_FIG_RANGE ? TOO_LARGE : "not a whole number toll can read";
				return 0;
			}
			v = (double)x;
		}
		/* A scale word: "6.5 million", "2 dozen". */
		if (j + 1 < st->n && st->t[j + 1].type == T_WORD) {
			const char *w = st->t[j + 1].low;
			double sc = w[0] == 'h' ? 0 : scale_of(w);   /* "5 hundred" is not read so */

			if (word_at(st, j + 1, "dozen"))
				v *= 12, j++;
			else if (sc != 0)
				v *= sc, j++;
		}
	} else if (t->type == T_WORD) {
		/* Number words start with one of these letters: most words go no further. */
		/*
		 * A number in words starts with a word of the lexicon's (F_NUMBER),
		 * "a" ("a hundred") or a ten with a dash ("forty-nine"): most words
		 * go no further.
		 */
		if (!(t->flags & F_NUMBER) && !(t->len == 1 && t->low[0] == 'a') &&
		    !(t->len >= 8 && t->len < sizeof t->low && memchr(t->low, '-', t->len) != NULL))
			return 0;
		/* The vague words end in 's' and are of these lengths: others go no further. */
		if (t->len >= 4 && t->len <= 9 && t->low[t->len - 1] == 's' &&
		    (strcmp(t->low, "tens") == 0 || strcmp(t->low, "dozens") == 0 ||
		     strcmp(t->low, "scores") == 0 || strcmp(t->low, "hundreds") == 0 ||
		     strcmp(t->low, "thousands") == 0)) {
			/* A vague word counts only as a quantity: "scores of", "dozens of", "dozens died". */
			if (t->low[0] == 's' && !word_at(st, i + 1, "of"))
				return 0;
			m->vague = 1;
			m->value = t->low[0] == 't' && t->low[1] == 'e' ? 10 : t->low[0] == 'd' ? 12
			         : t->low[0] == 's' ? 20 : t->low[0] == 'h' ? 100 : 1000;
			m->last = i + 1 < st->n && strcmp(st->t[i + 1].low, "of") == 0 ? i + 1 : i;
			m->np_end = m->last + 1;
			m->words = 1;
			return 1;
		}
		if ((j = number_words(st, i, &v)) < 0)
			return 0;
		m->words = 1;
	} else {
		return 0;
	}
	/* In range first: converting a larger double to an integer is undefined. */
	if (!(v >= 0 && v <= MAX_PEOPLE)) {
		*why = TOO_LARGE;
		return 0;
	}
	if (v != (double)(int64_t)v) {
		*why = "a fraction, not a count";
		return 0;
	}
	m->value = (int64_t)v;
	m->last = j;
	m->np_end = j + 1;
	return 1;
}

/* ---- the rules ---- */

struct ctx {
	const char *text;
	size_t base;
	toll_extract_found_fn found;
	toll_extract_rejected_fn rejected;
	void *arg;
};

static void
reject(const struct ctx *c, const struct sentence *st, const struct mention *m, const char *why)
{
	toll_rejected r;

	if (c->rejected == NULL)
		return;
	r.offset = c->base + (size_t)(st->t[m->first].s - c->text);
	r.number = st->t[m->first].s;
	r.number_len = (size_t)(st->t[m->last].s + st->t[m->last].len - st->t[m->first].s);
	r.why = why;
	c->rejected(c->arg, &r);
}

/* Appends a step to an explanation, after "; ". */
static void
say(char *buf, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void
say(char *buf, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n > 0 && n + 2 < TOLL_EXTRACT_EXPLAIN) {
		memcpy(buf + n, "; ", 3);
		n += 2;
	}
	if (n < TOLL_EXTRACT_EXPLAIN) {
		va_start(ap, fmt);
		vsnprintf(buf + n, TOLL_EXTRACT_EXPLAIN - n, fmt, ap);
		va_end(ap);
	}
}

/* Whether the words w[0..] (NULL-terminated) end at token i (inclusive). */
static int
phrase_before(const struct sentence *st, int i, const char *const *w, int *start)
{
	int n = 0, k;

	while (w[n])
		n++;
	for (k = 0; k < n; k++)
		if (!word_at(st, i - n + 1 + k, w[k]))
			return 0;
	*start = i - n + 1;
	return 1;
}

/* Whether the sentence says its figure may grow: "a figure that could be higher". */
static const char *
may_grow_scan(const struct sentence *st)
{
	static const char *const phrases[][4] = {
		{ "could", "be", "higher", NULL }, { "may", "be", "higher", NULL },
		{ "could", "rise", NULL, NULL }, { "may", "rise", NULL, NULL },
		{ "expected", "to", "rise", NULL }, { "likely", "to", "rise", NULL },
		{ "feared", "to", "be", "higher" }, { "could", "be", "more", NULL },
	};
	int i, start;
	size_t k;

	for (i = 0; i < st->n; i++) {
		const char *w = st->t[i].low;

		/* The phrases end with one of three words: others go no further. */
		if (st->t[i].type != T_WORD || (w[0] != 'h' && w[0] != 'r' && w[0] != 'm'))
			continue;
		for (k = 0; k < sizeof phrases / sizeof phrases[0]; k++) {
			int n = 0;

			while (n < 4 && phrases[k][n])
				n++;
			if (phrase_before(st, i, phrases[k], &start))
				return phrases[k][n - 1];
		}
	}
	return NULL;
}

/* The same, found once per sentence. */
static const char *
may_grow(struct sentence *st)
{
	if (!st->grow_known) {
		st->grow = may_grow_scan(st);
		st->grow_known = 1;
	}
	return st->grow;
}

/* The first token of the clause holding token i: after the last ',' ';' ':' before it. */
static int
clause_start(const struct sentence *st, int i)
{
	while (i > 0 && !(st->t[i - 1].type == T_PUNCT &&
	                  (st->t[i - 1].s[0] == ';' || st->t[i - 1].s[0] == ':' ||
	                   st->t[i - 1].s[0] == '(' || st->t[i - 1].s[0] == ')')))
		i--;
	return i;
}

/* Interval words before a number, as the value notation writes them. */
static const struct { const char *words[4]; const char *notation; } interval_words[] = {
	{ { "at", "least", NULL }, "at least" }, { { "no", "fewer", "than", NULL }, "at least" },
	{ { "no", "less", "than", NULL }, "at least" }, { { "more", "than", NULL }, "more than" },
	{ { "over", NULL }, "more than" }, { { "above", NULL }, "more than" },
	{ { "up", "to", NULL }, "up to" }, { { "as", "many", "as", NULL }, "up to" },
	{ { "at", "most", NULL }, "up to" }, { { "no", "more", "than", NULL }, "up to" },
	{ { "fewer", "than", NULL }, "fewer than" }, { { "less", "than", NULL }, "fewer than" },
	{ { "under", NULL }, "fewer than" }, { { "about", NULL }, "about" },
	{ { "around", NULL }, "about" }, { { "approximately", NULL }, "about" },
	{ { "roughly", NULL }, "about" }, { { "some", NULL }, "about" },
	{ { "nearly", NULL }, "nearly" }, { { "almost", NULL }, "almost" },
	{ { "close", "to", NULL }, "about" }, { { "an", "estimated", NULL }, "about" },
	{ { "estimated", NULL }, "about" }, { { "approaching", NULL }, "about" },
	{ { "tops", NULL }, "more than" }, { { "topped", NULL }, "more than" },
	{ { "exceeded", NULL }, "more than" }, { { "surpassed", NULL }, "more than" },
	{ { "in", "excess", "of", NULL }, "more than" }, { { "upwards", "of", NULL }, "at least" },
	{ { "well", "over", NULL }, "more than" }, { { "just", "over", NULL }, "more than" },
	{ { "just", "under", NULL }, "fewer than" },
};

/*
 * Rule: the claimant, the party whose figure it is: a side named in the
 * speaker of a reporting verb ("Armenian Prime Minister Nikol Pashinyan
 * said", "according to Azerbaijan's defence ministry", ", said Armenia's
 * parliament speaker"), the verb nearest the number that names one.  No
 * side named (AFP reported, officials said): none, an independent source.
 */
static const char *
claimant_of(struct sentence *st, const struct mention *m, int *verb)
{
	const char *best = NULL;
	int i, j, dist = INT32_MAX;

	for (i = 0; i < st->n; i++) {
		const char *found = NULL;
		int d;

		if (!(flags_at(st, i) & F_SAY))
			continue;
		if (strcmp(st->t[i].low, "according") == 0) {
			if (!word_at(st, i + 1, "to"))
				continue;
			for (j = i + 2; j < st->n && j <= i + 10 && st->t[j].type == T_WORD && found == NULL; j++)
				found = speaker_at(st, j);
		} else {
			/* The speaker before the verb, in its clause; else after it (", said X"). */
			for (j = i - 1; j >= 0 && j >= i - 10 && st->t[j].type == T_WORD && found == NULL; j--)
				found = speaker_at(st, j);
			if (found == NULL && i > 0 && st->t[i - 1].type == T_PUNCT)
				for (j = i + 1; j < st->n && j <= i + 8 && st->t[j].type == T_WORD && found == NULL; j++)
					found = speaker_at(st, j);
		}
		d = i < m->first ? m->first - i : i - m->last;
		if (found != NULL && d < dist) {
			best = found;
			dist = d;
			*verb = i;
		}
	}
	return best;
}

/* The first token of the clause holding token i, commas and dashes bounding it too. */
static int
phrase_start(const struct sentence *st, int i)
{
	int s0 = clause_start(st, i);

	while (i > s0 && !punct_at(st, i - 1, ',') && !dash_at(st, i - 1))
		i--;
	return i;
}

/* The noun phrase a number counts (see noun_phrase()). */
struct np {
	int head;             /* its last word, or -1 (the number stands alone) */
	int end;              /* the token after it */
	int headcat;          /* the head says the category ("6,500 dead"), not a verb */
	int nominal;          /* the head is a noun of a category a verb may override (hostages) */
	int modcat, modcat_at;   /* a category word before the head ("five wounded soldiers") */
	int notpeople;        /* the word that counts no people, or -1 */
	int them;             /* "168 of them": a part */
	int own;              /* "50 of its soldiers" */
	const char *side;
	int status;
	const char *stat_word;
};

static int
ends_with(const char *w, const char *end)
{
	size_t n = strlen(w), k = strlen(end);

	return n > k + 1 && strcmp(w + n - k, end) == 0;
}

/* A nationality of two words ("South Korean", "Sri Lankans") at token i, or NULL. */
static const char *
two_word_side(const struct sentence *st, int i)
{
	char both[48];
	uint32_t h;
	const struct tok *a = &st->t[i], *b;

	if (i + 1 >= st->n || st->t[i + 1].type != T_WORD || a->s[0] < 'A' || a->s[0] > 'Z')
		return NULL;
	b = &st->t[i + 1];
	if (a->len + b->len + 2 > sizeof both || a->low[0] == '\0' || b->low[0] == '\0')
		return NULL;
	/* Most capitalised words begin no two-word demonym: a bit of the first words' hashes says so. */
	h = hash_padded(a->low8, a->len) & 1023;
	if (!(dem_first[h / 64] & UINT64_C(1) << (h % 64)))
		return NULL;
	memcpy(both, a->low, a->len);
	both[a->len] = ' ';
	memcpy(both + a->len + 1, b->low, b->len);
	return toll_extract_side(both, a->len + 1 + b->len);
}

/*
 * One function (106 lines) for one rule: the noun phrase after a number,
 * up to the first word that ends one (a function word, a verb of news);
 * its last word is its head.
 * People by default: a head is refused only when it counts no people
 * (vehicles, homes, days, dollars: the lexicon's F_NOTPEOPLE).
 */
static void
noun_phrase(struct sentence *st, struct mention *m, struct np *np)
{
	int i = m->last + 1, words, k;

	memset(np, 0, sizeof *np);
	np->head = np->modcat = np->modcat_at = np->notpeople = -1;
	np->status = TOLL_STATUS_ALL;
	if (word_at(st, i, "of")) {
		if (word_at(st, i + 1, "them") || word_at(st, i + 1, "whom") ||
		    word_at(st, i + 1, "those") || word_at(st, i + 1, "us")) {
			/* "168 of them", "seven of them children" */
			np->them = 1;
			np->head = i + 1;
			np->end = i + 2;
			if (i + 2 < st->n && st->t[i + 2].type == T_WORD && !(flags_at(st, i + 2) & F_STOP) &&
			    cat_at(st, i + 2) < 0) {
				np->head = i + 2;
				np->end = i + 3;
			}
			goto status;
		}
		if (!(flags_at(st, i + 1) & F_POSS)) {
			np->end = i;   /* "one of two ...": the number stands alone */
			return;
		}
		np->own = !word_at(st, i + 1, "the");
		i += 2;
		/* "one of the two captives": a part of the number after it. */
		if (i < st->n && (st->t[i].type == T_NUM || small_number(st->t[i].low) >= 0)) {
			np->them = 1;
			i++;
		}
	}
	for (words = 0; i < st->n && words < 6; i++, words++) {
		const struct tok *t = &st->t[i];
		unsigned f;
		int c;
		const char *sd;

		if (t->type != T_WORD || (words > 0 && small_number(t->low) >= 0))
			break;   /* a number ends it too: "abducted nearly three weeks ago" */
		f = flags_at(st, i);
		c = cat_at(st, i);
		if ((sd = two_word_side(st, i)) != NULL) {
			np->side = sd;
			np->head = ++i;
			continue;
		}
		if ((sd = side_at(st, i)) != NULL) {
			np->side = sd;
			np->head = i;
			continue;
		}
		if (c >= 0) {
			/* "five wounded soldiers": a category word before a noun. */
			if ((f & F_MOD) && i + 1 < st->n && st->t[i + 1].type == T_WORD &&
			    !(flags_at(st, i + 1) & (F_STOP | F_AUX | F_FILLER)) && cat_at(st, i + 1) < 0 &&
			    small_number(st->t[i + 1].low) < 0) {
				if (np->modcat < 0) {
					np->modcat = c;
					np->modcat_at = i;
				}
				continue;
			}
			/* "49 soldiers died", "3 people killed": after a noun, the verb is the clause's. */
			if (np->head >= 0 && (f & F_STOP))
				break;
			np->head = i++;
			if (f & F_NOMINAL)
				np->nominal = 1;
			else
				np->headcat = 1;   /* "6,500 dead", "49 killed", "the 1,500 dead" */
			break;
		}
		if (strcmp(t->low, "more") == 0 && words == 0) {
			/* "16 more servicemen have been killed": more of them since the last count. */
			if (i + 1 < st->n && st->t[i + 1].type == T_WORD)
				m->kind = TOLL_EXTRACT_INCREMENT;
			continue;
		}
		if (f & F_STOP)
			break;
		if ((f & F_NOTPEOPLE) && !(t->s[0] >= 'A' && t->s[0] <= 'Z' && words > 0)) {
			np->head = np->notpeople = i++;   /* not a name's word: "seven United States Marines" */
			break;
		}
		if (f & F_MOD)
			continue;
		/* A verb not in the lexicon ends it: "four men accused of", "people fleeing". */
		if (t->s[0] >= 'a' && t->s[0] <= 'z' && (ends_with(t->low, "ed") || ends_with(t->low, "ing")))
			break;
		np->head = i;
	}
	np->end = i;
status:
	for (k = m->last + 1; k < np->end; k++) {
		unsigned f = flags_at(st, k);

		if (f & F_MIL) {
			np->status = TOLL_STATUS_MILITARY;
			np->stat_word = st->t[k].low;
		} else if (f & F_CIV) {
			np->status = TOLL_STATUS_CIVILIAN;
			np->stat_word = st->t[k].low;
		}
	}
}

/* Whether token i frees people: "freed", "released", "freeing". */
static int
release_verb(struct sentence *st, int i)
{
	static const char *const words[] = {
		"free", "frees", "freed", "freeing", "release", "releases", "released", "releasing",
		"rescued", "rescuing", "rescue", NULL
	};

	return i >= 0 && i < st->n && st->t[i].type == T_WORD && in(st->t[i].low, words);
}

/*
 * Whether a modal stands in tokens [from, to]: an auxiliary ("could",
 * "may") or a verb of intent with its "to" ("threatened to", "plans to");
 * not across "that", "which", "who" ("an attempt that wounded two").
 */
static int
modal_in(struct sentence *st, int from, int to, int *at)
{
	int i;

	if (from < 0)
		from = 0;
	for (i = to < st->n ? to : st->n - 1; i >= from; i--) {
		if (word_at(st, i, "that") || word_at(st, i, "which") || word_at(st, i, "who"))
			return 0;
		if (!(flags_at(st, i) & F_MODAL))
			continue;
		if (!(flags_at(st, i) & F_STOP) && !word_at(st, i + 1, "to") && strcmp(st->t[i].low, "if") != 0 &&
		    strcmp(st->t[i].low, "unless") != 0)
			continue;   /* "took aim", "an assassination attempt": nouns */
		*at = i;
		return 1;
	}
	return 0;
}

/* Whether token i is "death" of "sentenced ... to death": a sentence, not a death. */
static int
death_sentence(struct sentence *st, int i)
{
	int k;

	if (!word_at(st, i - 1, "to"))
		return 0;
	for (k = i - 2; k >= 0 && k >= i - 8 && st->t[k].type == T_WORD; k--)
		if (flags_at(st, k) & F_SENTENCE)
			return 1;
	return 0;
}

/*
 * Rule: the verb or noun before the number whose object it is ("killed at
 * least 170", "the deaths of 12", "shot dead six", "killing and injuring
 * four"), past the interval words.  Returns the category, -1 when none;
 * *at its token, *modal a modal before it.
 */
static int
category_before(struct sentence *st, const struct mention *m, int *at, int *modal)
{
	int b = m->first - 1, c;

	while (b >= 0 && st->t[b].type == T_WORD && (flags_at(st, b) & F_FILLER))
		b--;
	/* "the kidnappers of seven employees": an agent's, with its "of". */
	if (b < 0 || st->t[b].type != T_WORD || (c = cat_of(st, b, word_at(st, b + 1, "of"))) < 0)
		return -1;
	if (strcmp(st->t[b].low, "dead") == 0 && !(flags_at(st, b - 1) & F_BEFOREDEAD))
		return -1;   /* "3 were killed and 12 wounded, 4 dead": not "dead 4" */
	if (strcmp(st->t[b].low, "death") == 0 && death_sentence(st, b))
		return -1;
	if ((flags_at(st, b) & F_NOMINAL) && !word_at(st, b - 1, "took") && !word_at(st, b - 1, "taking") &&
	    !word_at(st, b - 1, "take") && !word_at(st, b - 1, "taken") && !word_at(st, b - 1, "holding") &&
	    !word_at(st, b - 1, "hold") && !word_at(st, b - 1, "held") && !word_at(st, b - 1, "holds"))
		return -1;   /* "hostages 12": no verb; "holding hostage three workers": one */
	/* "killing and injuring four", "killed or wounded 40": both. */
	if ((word_at(st, b - 1, "and") || word_at(st, b - 1, "or")) && cat_at(st, b - 2) >= 0 &&
	    cat_at(st, b - 2) != c && ((ends_with(st->t[b].low, "ing") && ends_with(st->t[b - 2].low, "ing")) ||
	                               (ends_with(st->t[b].low, "ed") && ends_with(st->t[b - 2].low, "ed"))))
		c = TOLL_CAT_CASUALTIES;   /* verbs both: not "to their deaths and injuring 30" */
	*at = b;
	{
		int k = b - 1, stop = b - 5;

		while (k >= 0 && k >= stop && st->t[k].type == T_WORD)
			k--;
		modal_in(st, k + 1, b - 1, modal);
	}
	return c;
}

/* Whether a number's mention starts at token i; its index in all[], else -1. */
static int
mention_at(const struct mention *all, int nall, int i)
{
	int k;

	for (k = 0; k < nall; k++)
		if (all[k].first == i)
			return k;
	return -1;
}

/*
 * Rule: the verb after the noun phrase ("49 soldiers died", "three people
 * were reportedly killed", "two men were gored to death"), past words that
 * do not change it (were, reportedly, still), a noun phrase joined to it
 * ("23 Palestinians and three Israelis were killed"), an aside ("at least
 * 11 people, including two US citizens, were killed"), and what a subject
 * carries ("two members of the crew were killed").  The first other word
 * is the clause's own verb, and the search ends there.  Returns the
 * category or -1; *at its token, *modal a modal on the way, *open 1 when
 * the search ran to the end of the clause without meeting another verb.
 */
static int
category_after(struct sentence *st, const struct np *np, const struct mention *all, int nall,
               int *at, int *modal, int *open)
{
	int i = np->end, steps = 0;

	*open = 0;
	while (i < st->n && steps++ < 16) {
		const struct tok *t = &st->t[i];
		unsigned f;
		int c, k;

		/* A noun phrase joined by and, or, a comma: over it. */
		if ((word_at(st, i, "and") || word_at(st, i, "or") || punct_at(st, i, ',')) &&
		    ((k = mention_at(all, nall, i + 1)) >= 0 || word_at(st, i + 1, "a") ||
		     word_at(st, i + 1, "an"))) {
			/* "two Jordanians and an Egyptian have been killed": over the noun phrase. */
			i = k >= 0 ? all[k].last + 1 : i + 2;
			while (i < st->n && st->t[i].type == T_WORD && !(flags_at(st, i) & (F_STOP | F_AUX)) &&
			       (cat_at(st, i) < 0 || (flags_at(st, i) & F_NOMINAL)))
				i++;
			continue;
		}
		/* An aside: ", including ...,", "- seven of them children -", "(...)". */
		if (punct_at(st, i, ',') || dash_at(st, i) || punct_at(st, i, '(')) {
			int close = -1, dash = dash_at(st, i), paren = punct_at(st, i, '(');

			if (paren || word_at(st, i + 1, "including") || word_at(st, i + 1, "among") ||
			    word_at(st, i + 1, "mostly") || word_at(st, i + 1, "most") ||
			    word_at(st, i + 1, "many") || word_at(st, i + 1, "half") ||
			    word_at(st, i + 1, "all") || mention_at(all, nall, i + 1) >= 0 ||
			    ((word_at(st, i + 1, "and") || word_at(st, i + 1, "or")) &&
			     (word_at(st, i + 2, "possibly") || word_at(st, i + 2, "perhaps") ||
			      word_at(st, i + 2, "maybe"))) ||
			    (dash && word_at(st, i + 1, "the"))) {
				for (k = i + 1; k < st->n && k <= i + 16; k++)
					if ((paren && punct_at(st, k, ')')) ||
					    (!paren && (dash ? dash_at(st, k) : punct_at(st, k, ',')))) {
						close = k;
						break;
					} else if (punct_at(st, k, ';') || punct_at(st, k, '.')) {
						break;
					}
			}
			if (close < 0) {
				*open = 1;
				return -1;
			}
			i = close + 1;
			continue;
		}
		if (t->type != T_WORD) {
			*open = 1;
			return -1;
		}
		f = flags_at(st, i);
		c = cat_at(st, i);
		if (c >= 0) {
			if (strcmp(t->low, "death") == 0 && death_sentence(st, i))
				return -1;
			*at = i;
			/* "stabbed to death" */
			if (word_at(st, i + 1, "to") && word_at(st, i + 2, "death")) {
				*at = i + 2;
				return TOLL_CAT_KILLED;
			}
			return c;
		}
		if (f & F_MODAL) {
			*modal = i;
			i++;
			continue;
		}
		/* What a subject carries: "two members of the crew were killed", "seven people including foreigners were hurt". */
		if (f & F_PREP) {
			for (k = i + 1; k < st->n && k <= i + 5 && st->t[k].type == T_WORD; k++)
				if ((flags_at(st, k) & F_AUX) && !(flags_at(st, k) & F_PREP) &&
				    !(flags_at(st, k) & F_POSS))
					break;
			if (k < st->n && k <= i + 5 && st->t[k].type == T_WORD && (flags_at(st, k) & F_AUX) &&
			    mention_at(all, nall, k) < 0) {
				i = k;
				continue;
			}
		}
		if (f & F_AUX) {
			i++;
			continue;
		}
		/* "gored to death", "burned to their deaths" */
		if (word_at(st, i + 1, "to") && (word_at(st, i + 2, "death") ||
		                                  ((flags_at(st, i + 2) & F_POSS) && word_at(st, i + 3, "deaths")))) {
			*at = word_at(st, i + 2, "death") ? i + 2 : i + 3;
			return TOLL_CAT_KILLED;
		}
		return -1;   /* the clause's own verb: not one of a casualty */
	}
	*open = 1;
	return -1;
}

/*
 * Rule: a toll's number ("the death toll rose to 105", "taking the toll
 * to 62", "the number of deaths has risen to 1,970", "the number of
 * Palestinians Israel has killed to 39"): the category of the toll, in the
 * number's clause.  Returns it or -1; *at its word, *modal a modal
 * between the toll and the number ("the toll could rise to 500").
 */
static int
category_toll(struct sentence *st, const struct mention *m, int *at, int *modal)
{
	int s0 = phrase_start(st, m->first), k, j;

	for (k = m->first - 1; k >= s0 && k >= m->first - 25; k--) {
		if (!(flags_at(st, k) & F_TOLL))
			continue;
		if (strcmp(st->t[k].low, "toll") == 0 || (strcmp(st->t[k].low, "tally") == 0 && cat_at(st, k - 1) >= 0)) {
			int c = cat_at(st, k - 1);

			*at = k - 1 >= 0 && c >= 0 ? k - 1 : k;
			modal_in(st, k + 1, m->first - 1, modal);
			return c >= 0 ? (c == TOLL_CAT_CASUALTIES ? c : c == TOLL_CAT_WOUNDED ? c : TOLL_CAT_KILLED)
			              : TOLL_CAT_KILLED;
		}
		/* "the number of deaths", "the count of the dead" */
		for (j = k + 1; j < m->first; j++)
			if (cat_at(st, j) >= 0 && !(flags_at(st, j) & F_NOMINAL)) {
				*at = j;
				modal_in(st, k + 1, m->first - 1, modal);
				return cat_at(st, j);
			}
	}
	return -1;
}

/* A step of a figure's explanation, written only when the caller takes explanations (--explain). */
#define SAY(...) do { if (c->rejected != NULL) say(x.explain, __VA_ARGS__); } while (0)

/* Rule: not a count: a day of a month, a time of day, an age, a year.  The reason, or NULL. */
static const char *
not_a_count(struct sentence *st, const struct mention *m)
{
	/* "September 13", "13 September", "Sept. 13", "on 17 and 18 June" */
	if ((flags_at(st, m->first - 1) & F_MONTH) || (flags_at(st, m->last + 1) & F_MONTH) ||
	    (punct_at(st, m->first - 1, '.') && (flags_at(st, m->first - 2) & F_MONTH)) ||
	    ((word_at(st, m->last + 1, "and") || word_at(st, m->last + 1, "to") || dash_at(st, m->last + 1)) &&
	     m->last + 2 < st->n && st->t[m->last + 2].type == T_NUM && (flags_at(st, m->last + 3) & F_MONTH)))
		return "date: a day of a month";
	/* "5 pm", "10 GMT" */
	if (!m->words && (flags_at(st, m->last + 1) & F_TIME))
		return "a time of day";
	/* "aged 25", "25 years old", "dies at 113" */
	if (word_at(st, m->first - 1, "aged") || word_at(st, m->first - 1, "age") ||
	    (word_at(st, m->last + 1, "years") && word_at(st, m->last + 2, "old")) ||
	    (word_at(st, m->first - 1, "at") && (word_at(st, m->first - 2, "died") ||
	                                         word_at(st, m->first - 2, "dies") ||
	                                         word_at(st, m->first - 2, "die"))))
		return "age";
	/* Four digits from 1800 to 2100, unless people follow at once ("2020 soldiers"). */
	if (!m->words && st->t[m->first].len == 4 && m->value >= 1800 && m->value <= 2100 &&
	    !(flags_at(st, m->last + 1) & (F_PEOPLE | F_MIL | F_CIV)))
		return "year";
	return NULL;
}

/* "at least 20 soldiers, and possibly up to 100, were killed": the 100 is the 20's high. */
static void
possibly_up_to(struct sentence *st, struct mention *m, const struct np *np, struct mention *all,
               int nall, int mi)
{
	int i, k;

	if (np->head < 0 || m->high >= 0)
		return;
	for (i = np->head + 1; i < st->n && i <= np->head + 5; i++)
		if ((word_at(st, i, "possibly") || word_at(st, i, "perhaps") || word_at(st, i, "maybe")) &&
		    word_at(st, i + 1, "up") && word_at(st, i + 2, "to")) {
			for (k = mi + 1; k < nall; k++)
				if (all[k].first == i + 3 && all[k].value >= m->value) {
					m->high = all[k].value;
					all[k].first = -1;   /* read here */
					break;
				}
			return;
		}
}

/* What the rules have read of a number so far (examine()). */
struct reading {
	struct np np;
	int cat, cat_at, kind, modal, open;
	const char *how;      /* which rule gave the category, for --explain */
};

/*
 * Rule: the category, and the kind the words before the number say.  Of
 * the head itself ("6,500 dead"); else of the verb before it ("killed at
 * least 170"); else of its clause's verb after it ("49 soldiers died");
 * else of a nominal head or a category word before the head ("320
 * hostages", "five wounded soldiers"); else its total's or the number's
 * it is listed with ("25 killed, including five children"; "35 children
 * and seven adults"); else the toll's ("the death toll rose to 105"); else
 * a word of its clause just before it, when its clause has no other verb
 * ("among the dead were 5").  rd->cat is -1 when none says one.
 */
static void
category(struct sentence *st, const struct mention *m, const struct mention *prev,
         const struct mention *all, int nall, struct reading *rd)
{
	struct np *np = &rd->np;
	int i;

	if (np->headcat) {
		rd->cat = cat_at(st, np->head);
		rd->cat_at = np->head;
		rd->how = "its head";
	}
	if (rd->cat < 0 && (rd->cat = category_before(st, m, &rd->cat_at, &rd->modal)) >= 0) {
		rd->how = "the verb before it";
		/* "stabbed eight children to death" */
		if (word_at(st, np->end, "to") && (word_at(st, np->end + 1, "death") ||
		                                   ((flags_at(st, np->end + 1) & F_POSS) &&
		                                    word_at(st, np->end + 2, "deaths")))) {
			rd->cat = TOLL_CAT_KILLED;
			rd->cat_at = word_at(st, np->end + 1, "death") ? np->end + 1 : np->end + 2;
		}
	}
	if (rd->cat < 0 && (rd->cat = category_after(st, np, all, nall, &rd->cat_at, &rd->modal, &rd->open)) >= 0)
		rd->how = "its verb";
	if (rd->cat < 0 && np->nominal) {
		rd->cat = cat_at(st, np->head);
		rd->cat_at = np->head;
		rd->how = "its head";
	}
	if (rd->cat < 0 && np->modcat >= 0) {
		rd->cat = np->modcat;
		rd->cat_at = np->modcat_at;
		rd->how = "a word before its head";
	}
	/* The kind, from the words before it. */
	if (word_at(st, m->first - 1, "another") || word_at(st, m->first - 1, "additional") ||
	    word_at(st, m->first - 1, "further"))
		rd->kind = TOLL_EXTRACT_INCREMENT;
	if (word_at(st, m->first - 1, "including") ||
	    (word_at(st, m->first - 1, "them") && word_at(st, m->first - 2, "among")) ||
	    (word_at(st, m->first - 2, "including") && (flags_at(st, m->first - 1) & F_FILLER)))
		rd->kind = TOLL_EXTRACT_PART;
	if (rd->cat < 0 && prev != NULL && prev->cat >= 0) {
		/* "rose to 105, up from 49": the figure it is earlier than. */
		int earlier = word_at(st, m->first - 1, "from") && (word_at(st, m->first - 2, "up") ||
		              word_at(st, m->first - 2, "down"));
		int listed = prev->np_end == m->first - 1 &&
		             (word_at(st, m->first - 1, "and") || word_at(st, m->first - 1, "or") ||
		              punct_at(st, m->first - 1, ',') || dash_at(st, m->first - 1) ||
		              punct_at(st, m->first - 1, ':'));

		if (rd->kind == TOLL_EXTRACT_PART || listed || earlier) {
			rd->cat = prev->cat;
			rd->cat_at = -1;
			rd->how = rd->kind == TOLL_EXTRACT_PART ? "its total's" : earlier
			        ? "the figure it is earlier than" : "the number it is listed with";
			/* "the 10 - six Iraqis, two Lebanese": the ones listed after a total are its parts. */
			if (listed && (dash_at(st, m->first - 1) || punct_at(st, m->first - 1, ':')) &&
			    prev->kind == TOLL_EXTRACT_TOTAL)
				rd->kind = TOLL_EXTRACT_PART;
			else if (listed && prev->kind == TOLL_EXTRACT_PART)
				rd->kind = TOLL_EXTRACT_PART;
		}
	}
	if (rd->cat < 0 && (rd->cat = category_toll(st, m, &rd->cat_at, &rd->modal)) >= 0) {
		rd->how = "the toll's";
		/* "the military death toll", "the Armenian death toll": its status and side. */
		for (i = rd->cat_at - 1; i >= 0 && i >= rd->cat_at - 3 && st->t[i].type == T_WORD; i--) {
			if (np->stat_word == NULL && (flags_at(st, i) & (F_MIL | F_CIV))) {
				np->status = flags_at(st, i) & F_MIL ? TOLL_STATUS_MILITARY : TOLL_STATUS_CIVILIAN;
				np->stat_word = st->t[i].low;
			}
			if (np->side == NULL)
				np->side = side_at(st, i);
		}
	}
	if (rd->cat < 0 && rd->open) {
		/* A word of its own, not a noun's modifier: "among the dead were", not "kidnap victim". */
		for (i = m->first - 1; i >= phrase_start(st, m->first) && i >= m->first - 6; i--)
			if ((rd->cat = cat_at(st, i)) >= 0 && !death_sentence(st, i) &&
			    (st->t[i + 1].type != T_WORD || (flags_at(st, i + 1) & (F_AUX | F_STOP)) ||
			     mention_at(all, nall, i + 1) >= 0)) {
				rd->cat_at = i;
				rd->how = "a word of its clause";
				break;
			}
	}
	/* "killed or missing", "dead or missing", "killed and wounded", when no number follows. */
	if (rd->cat_at >= 0 && rd->cat == TOLL_CAT_KILLED &&
	    (word_at(st, rd->cat_at + 1, "or") || word_at(st, rd->cat_at + 1, "and")) &&
	    cat_at(st, rd->cat_at + 2) >= 0 && mention_at(all, nall, rd->cat_at + 3) < 0 &&
	    !(flags_at(st, rd->cat_at + 3) & F_FILLER)) {
		if (cat_at(st, rd->cat_at + 2) == TOLL_CAT_MISSING)
			rd->cat = TOLL_CAT_KILLED_OR_MISSING;
		else if (cat_at(st, rd->cat_at + 2) == TOLL_CAT_WOUNDED)
			rd->cat = TOLL_CAT_CASUALTIES;
	}
}

/*
 * Rule: what did not happen, or is no loss: a modal just before a
 * figure's head ("could save up to 7,000 lives"), lives saved, a modal or
 * an intent on its verb ("could kill", "threatened to kill 3").  The
 * reason (in why[0..n)), or NULL.
 */
static const char *
not_a_loss(struct sentence *st, const struct mention *m, struct reading *rd, char *why, size_t n)
{
	int k;

	if (rd->modal < 0 && rd->np.headcat) {
		for (k = m->first - 1; k >= 0 && k >= m->first - 6 && st->t[k].type == T_WORD &&
		                       !(flags_at(st, k) & F_MODAL); k--)
			;
		if (k >= 0 && k >= m->first - 6 && st->t[k].type == T_WORD)
			modal_in(st, k, k, &rd->modal);
	}
	if (rd->np.headcat && strcmp(st->t[rd->np.head].low, "lives") == 0) {
		for (k = m->first - 1; k >= 0 && st->t[k].type == T_WORD && (flags_at(st, k) & F_FILLER); k--)
			;
		if (word_at(st, k, "save") || word_at(st, k, "saved") || word_at(st, k, "saving") ||
		    word_at(st, k, "saves") || word_at(st, k, "spared"))
			return "lives saved, not lost";
	}
	if (rd->modal >= 0) {
		snprintf(why, n, "hypothetical: '%.24s'", st->t[rd->modal].low);
		return why;
	}
	return NULL;
}

/* Rule: an earlier figure ("risen from 105 to 135", "up from 49", "initially 49"); and whether a total is said newest. */
static void
earlier_or_newest(struct sentence *st, const struct mention *m, struct reading *rd, int *newest)
{
	int i, s0 = phrase_start(st, m->first);

	if (word_at(st, m->first - 1, "from")) {
		if (word_at(st, m->last + 1, "to") || word_at(st, m->last + 1, "dead"))
			rd->kind = TOLL_EXTRACT_PREVIOUS;
		for (i = m->first - 2; i >= s0 && rd->kind != TOLL_EXTRACT_PREVIOUS; i--)
			if (flags_at(st, i) & F_RISE)
				rd->kind = TOLL_EXTRACT_PREVIOUS;
	}
	for (i = m->first - 1; i >= 0 && i >= m->first - 3 && st->t[i].type == T_WORD; i--)
		if (flags_at(st, i) & F_EARLIER)
			rd->kind = TOLL_EXTRACT_PREVIOUS;
	/* "the toll rose to 105", "has reached 11", "now 40" */
	*newest = 0;
	if (rd->kind == TOLL_EXTRACT_TOTAL)
		for (i = m->first - 1; i >= s0 && !*newest; i--)
			*newest = (flags_at(st, i) & F_NEWEST) != 0;
}

/* Rule: the interval words before a number, the longest that ends there ("at least", "no more than"), or NULL. */
static const char *
interval_before(struct sentence *st, const struct mention *m)
{
	const char *notation = NULL;
	int i, start, best = 0;

	if (!(flags_at(st, m->first - 1) & F_IVEND))
		return NULL;
	for (i = 0; i < (int)(sizeof interval_words / sizeof interval_words[0]); i++)
		if (phrase_before(st, m->first - 1, interval_words[i].words, &start) && m->first - start > best) {
			notation = interval_words[i].notation;
			best = m->first - start;
		}
	return notation;
}

/*
 * One function (127 lines): the rules of a number mention, one after
 * another in the order toll(7) gives them (the steps are the functions
 * above), each rejecting with its reason or adding to the explanation in
 * that order; a figure is handed to c->found.  Split further, the order
 * of the explanation would no longer read from top to bottom.
 */
/*
 * A figure in toll's value notation, for toll_value_parse() (the one
 * reader of interval words): "[words ]a" or "a-b" (b >= 0).  buf holds
 * VALUE_TEXT bytes.
 */
#define VALUE_TEXT 96
static void
value_text(char *buf, const char *words, int64_t a, int64_t b)
{
	size_t n = 0, w;

	if (words != NULL && (w = strlen(words)) < VALUE_TEXT - 2 * TOLL_INT_TEXT - 2) {
		memcpy(buf, words, w);
		buf[w] = ' ';
		n = w + 1;
	}
	n += toll_int_text(a, buf + n);
	if (b >= 0) {
		buf[n++] = '-';
		n += toll_int_text(b, buf + n);
	}
	buf[n] = '\0';
}

static void
examine(const struct ctx *c, struct sentence *st, struct mention *m, struct mention *all,
        int nall, int mi)
{
	toll_extracted x;
	const struct mention *prev = NULL;
	struct reading rd;
	int i, verb = -1;
	const char *side, *grow, *notation, *claimant, *why;
	char value[VALUE_TEXT], buf[80];
	toll_range g;

	/* All but the explanation's bytes, which need only be empty (a number is examined in a few hundred instructions). */
	memset(&x, 0, offsetof(toll_extracted, explain));
	x.explain[0] = '\0';
	for (i = mi - 1; i >= 0 && prev == NULL; i--)
		if (all[i].first >= 0)
			prev = &all[i];
	if ((why = not_a_count(st, m)) != NULL) {
		reject(c, st, m, why);
		return;
	}
	/* Rule: the noun phrase; people unless it says otherwise. */
	noun_phrase(st, m, &rd.np);
	m->np_end = rd.np.end;
	if (rd.np.notpeople >= 0) {
		snprintf(buf, sizeof buf, "head: what it counts is not people ('%.24s')", st->t[rd.np.notpeople].low);
		reject(c, st, m, m->vague ? "head: what it counts is not people" : buf);
		return;
	}
	m->people = 1;
	rd.kind = rd.np.them ? TOLL_EXTRACT_PART : m->kind == TOLL_EXTRACT_INCREMENT
	        ? TOLL_EXTRACT_INCREMENT : TOLL_EXTRACT_TOTAL;
	rd.cat = rd.cat_at = rd.modal = -1;
	rd.open = 0;
	rd.how = NULL;
	possibly_up_to(st, m, &rd.np, all, nall, mi);
	category(st, m, prev, all, nall, &rd);
	if (rd.cat < 0) {
		reject(c, st, m, rd.np.head >= 0 ? "category: no word of death, injury, disappearance or capture"
		       : "head: it counts nothing named, and no word of death, injury, disappearance or capture");
		return;
	}
	/* "freeing dozens of prisoners", "released five hostages": a release, not a capture. */
	if (rd.cat == TOLL_CAT_CAPTURED && (release_verb(st, m->first - 1) ||
	                                    ((flags_at(st, m->first - 1) & F_FILLER) && release_verb(st, m->first - 2)))) {
		reject(c, st, m, "a release, not a capture");
		return;
	}
	m->cat = rd.cat;
	if (rd.np.head >= 0)
		SAY("head: '%s'", st->t[rd.np.head].low);
	else
		SAY("head: none (the number stands alone)");
	if (rd.cat_at >= 0)
		SAY("category: %s ('%s', %s)", toll_category_names[rd.cat], st->t[rd.cat_at].low, rd.how);
	else
		SAY("category: %s (%s)", toll_category_names[rd.cat], rd.how);
	/* Rule: a negation of the category ("were not killed", "no one died"). */
	if ((rd.cat_at > 0 && (word_at(st, rd.cat_at - 1, "not") || word_at(st, rd.cat_at - 1, "never") ||
	                       word_at(st, rd.cat_at - 2, "not"))) || word_at(st, m->first - 1, "no")) {
		m->cat = -1;
		reject(c, st, m, "negation");
		return;
	}
	/* "threatening to kill three hostages": the threat is hypothetical, the hostages are not. */
	if (rd.modal >= 0 && rd.np.nominal && rd.cat_at >= 0 && rd.cat_at < m->first) {
		rd.modal = -1;
		rd.cat = m->cat = cat_at(st, rd.np.head);
		rd.cat_at = rd.np.head;
		SAY("category: %s ('%s', its head: the verb before it is hypothetical)",
		    toll_category_names[rd.cat], st->t[rd.np.head].low);
	}
	if ((why = not_a_loss(st, m, &rd, buf, sizeof buf)) != NULL) {
		m->cat = -1;
		reject(c, st, m, why);
		return;
	}
	earlier_or_newest(st, m, &rd, &x.newest);
	m->kind = rd.kind;
	/* Rule: side and status from the noun phrase. */
	side = rd.np.side;
	if (side == NULL && m->first > 0 && st->t[m->first - 1].type == T_WORD)
		side = side_at(st, m->first - 1);
	if ((claimant = claimant_of(st, m, &verb)) != NULL)
		SAY("claimant: %s ('%s')", claimant, st->t[verb].low);
	/* "the ministry said 50 of its servicemen": the claimant's own. */
	if (side == NULL && rd.np.own && claimant != NULL) {
		side = claimant;
		SAY("side: %s (its own)", side);
	} else if (side != NULL) {
		SAY("side: %s", side);
	}
	if (rd.np.stat_word != NULL)
		SAY("status: %s ('%s')", toll_status_names[rd.np.status], rd.np.stat_word);
	/* Rule: the interval words before it, a range, a figure that may grow. */
	notation = interval_before(st, m);
	if (m->vague) {
		value_text(value, "at least", m->value, -1);
		SAY("number: vague word '%s' (at least, as ACLED codes it)", st->t[m->first].low);
	} else if (m->high >= 0) {
		value_text(value, NULL, m->value, m->high);
		SAY("interval: a range ('%s')", value);
	} else if (notation != NULL) {
		value_text(value, notation, m->value, -1);
		SAY("interval: '%s'", notation);
	} else if ((grow = may_grow(st)) != NULL && rd.kind == TOLL_EXTRACT_TOTAL) {
		value_text(value, "at least", m->value, -1);
		SAY("interval: open (the sentence says it may grow: '%s')", grow);
	} else {
		value_text(value, NULL, m->value, -1);
	}
	if (toll_value_parse(value, strlen(value), &g) != TOLL_FIG_OK) {
		m->cat = -1;
		reject(c, st, m, "interval: not a figure toll can read");
		return;
	}
	toll_figure_from_range(&g, &x.fig);
	if (m->vague)
		x.fig.qualifier = 'v';
	SAY("kind: %s", toll_extract_kind_names[rd.kind]);
	x.offset = c->base + (size_t)(st->s - c->text);
	x.quote = st->s;
	x.quote_len = st->len;
	x.category = rd.cat;
	x.status = rd.np.status;
	x.side = side ? side : "all";
	x.claimant = claimant;
	x.kind = rd.kind;
	c->found(c->arg, &x);
}

/*
 * Numbers of a sentence examined at once, and the tokens of context a
 * window of a long sentence keeps on each side of those it examines.
 */
#define MAX_MENTIONS 64
#define OVERLAP 64

/*
 * The numbers of the window st that start in bytes [from, upto) of the
 * text are examined (or explained); with upto NULL, those from from on
 * when the window holds the rest of the sentence, else none.  Returns
 * the token where the window ran out of room (its tokens, or
 * MAX_MENTIONS numbers of a kind), or -1 when it holds the rest.
 */
static int
one_window(const struct ctx *c, struct sentence *st, const char *from, const char *upto)
{
	struct mention m[MAX_MENTIONS], other[MAX_MENTIONS];
	int order[2 * MAX_MENTIONS];   /* the numbers in the text's order: i >= 0 a count m[i], else other[-1 - i] */
	int n = 0, no = 0, nord = 0, i, full = -1, stop;

	tokenize(st);
	st->grow_known = 0;
	for (i = 0; i < st->n; i++) {
		const char *why;

		if (n == MAX_MENTIONS || no == MAX_MENTIONS) {
			full = i;
			break;
		}
		if (st->t[i].type == T_OTHERNUM) {
			other[no].first = other[no].last = i;
			other[no].other = st->t[i].other;
			order[nord++] = -1 - no++;
			continue;
		}
		if (read_number(st, i, &m[n], &why)) {
			i = m[n].last;
			order[nord++] = n++;
		} else if (why != NULL) {
			other[no].first = other[no].last = i;
			other[no].other = why;
			order[nord++] = -1 - no++;
		}
	}
	/* Ranges: "between 20 and 100", "20 to 100", "20-100" are one mention. */
	for (i = 0; i + 1 < n; i++) {
		struct mention *a = &m[i], *b = &m[i + 1];
		const struct tok *mid = &st->t[a->last + 1];
		int dash = mid->type == T_PUNCT && (mid->s[0] == '-' || (mid->len == 3 &&
		           (unsigned char)mid->s[2] >= 0x92 && (unsigned char)mid->s[2] <= 0x94));

		if (b->first != a->last + 2 || b->value < a->value || a->vague || b->vague)
			continue;
		if ((word_at(st, a->last + 1, "and") && word_at(st, a->first - 1, "between")) ||
		    ((word_at(st, a->last + 1, "to") || dash) && !word_at(st, a->first - 1, "from"))) {
			a->high = b->value;
			a->last = b->last;
			b->first = -1;
		}
	}
	stop = full >= 0 ? full : st->cut ? st->n : -1;
	if (upto == NULL && stop >= 0)
		return stop;
	/* A window's figures quote the window, not the rest of a sentence that may run on for megabytes. */
	if (stop >= 0 && st->n > 0)
		st->len = (size_t)(st->t[st->n - 1].s + st->t[st->n - 1].len - st->s);
	/* Each number said in the text's order and in this window's part: the counts examined, the others explained. */
	for (i = 0; i < nord; i++) {
		const struct mention *x = order[i] < 0 ? &other[-1 - order[i]] : &m[order[i]];
		const char *at = x->first >= 0 ? st->t[x->first].s : NULL;

		if (at == NULL || at < from || (upto != NULL && at >= upto))
			continue;
		if (order[i] < 0)
			reject(c, st, x, x->other);
		else
			examine(c, st, &m[order[i]], m, n, order[i]);
	}
	return stop;
}

/*
 * A sentence, in windows when it is longer than one (MAX_TOKS tokens, or
 * MAX_MENTIONS numbers): each window examines the numbers of its middle,
 * with OVERLAP tokens of the sentence around them, and the next starts
 * OVERLAP tokens before where this one's numbers end: every number is
 * examined once, none lost.
 */
static void
one_sentence(const struct ctx *c, struct sentence *st)
{
	const char *s = st->s, *end = st->s + st->len, *from = st->s;

	for (;;) {
		int stop = one_window(c, st, from, NULL), last;
		const char *upto, *next;

		if (stop < 0)
			return;   /* the rest was examined */
		/* Numbers from token last on are the next window's, with their context before them. */
		last = stop - OVERLAP > OVERLAP ? stop - OVERLAP : stop > 1 ? stop / 2 : 1;
		upto = st->t[last].s;
		one_window(c, st, from, upto);
		next = st->t[last - OVERLAP > 0 ? last - OVERLAP : 0].s;
		if (next <= s)
			next = st->t[last].s;   /* the window moves on, whatever its context */
		from = upto;
		s = next;
		st->s = s;
		st->len = (size_t)(end - s);
	}
}

/* ---- one run's series ---- */

void
toll_extract_series_of(const toll_extracted *x, toll_extract_series *s)
{
	s->side = x->side;
	s->claimant = x->claimant;
	s->category = (unsigned char)x->category;
	s->status = (unsigned char)x->status;
	s->kind = (unsigned char)x->kind;
	s->newest = (unsigned char)(x->newest != 0);
}

/* A series' hash: its side, status, category and claimant. */
static uint32_t
series_hash(const toll_extract_series *a)
{
	uint64_t h = 0x243f6a8885a308d3ull ^ ((uint64_t)a->category << 8 | a->status);

	h = hash_more(h, a->side, strlen(a->side));
	if (a->claimant != NULL)
		h = hash_more(h ^ 0x9e3779b97f4a7c15ull, a->claimant, strlen(a->claimant));
	return hash_end(h);
}

static int
same_series(const toll_extract_series *a, const toll_extract_series *b)
{
	return a->status == b->status && a->category == b->category &&
	       (a->side == b->side || strcmp(a->side, b->side) == 0) &&
	       (a->claimant == b->claimant ||
	        (a->claimant != NULL && b->claimant != NULL && strcmp(a->claimant, b->claimant) == 0));
}

/* A series of a run: its first total, the one it keeps, how many. */
struct series_group {
	size_t first, keep, count;
	uint32_t hash;
};

/* The figures' series in a hash table that grows: in linear time, however many figures. */
struct series_table {
	struct series_group *g;
	size_t ng, capg;
	uint32_t *slot;     /* a group's index + 1; 0 empty */
	uint32_t mask;
};

static int
series_grow(struct series_table *t)
{
	uint32_t slots = t->mask ? (t->mask + 1) * 2 : 64, *ns;
	size_t i;

	if ((ns = calloc(slots, sizeof *ns)) == NULL)
		return -1;
	for (i = 0; i < t->ng; i++) {
		uint32_t h = t->g[i].hash & (slots - 1);

		while (ns[h] != 0)
			h = (h + 1) & (slots - 1);
		ns[h] = (uint32_t)(i + 1);
	}
	free(t->slot);
	t->slot = ns;
	t->mask = slots - 1;
	return 0;
}

/* The group of x[i]'s series, added when new; -1 out of memory. */
static long
series_group_of(struct series_table *t, const toll_extract_series *x, size_t i)
{
	uint32_t hash = series_hash(&x[i]), h;

	if ((t->ng + 1) * 2 > (size_t)t->mask + 1 && (t->ng >= UINT32_MAX / 4 || series_grow(t) != 0))
		return -1;
	for (h = hash & t->mask; t->slot[h] != 0; h = (h + 1) & t->mask) {
		struct series_group *g = &t->g[t->slot[h] - 1];

		if (g->hash == hash && same_series(&x[g->first], &x[i]))
			return (long)(t->slot[h] - 1);
	}
	if (t->ng == t->capg) {
		size_t cap = t->capg ? t->capg * 2 : 16;
		struct series_group *ng = realloc(t->g, cap * sizeof *ng);

		if (ng == NULL)
			return -1;
		t->g = ng;
		t->capg = cap;
	}
	t->g[t->ng].first = t->g[t->ng].keep = i;
	t->g[t->ng].count = 0;
	t->g[t->ng].hash = hash;
	t->slot[h] = (uint32_t)(t->ng + 1);
	return (long)t->ng++;
}

int
toll_extract_settle(toll_extract_series *x, size_t n, void (*changed)(void *ctx, size_t i, size_t total),
                    void *ctx)
{
	struct series_table t = { NULL, 0, 0, NULL, 0 };
	uint32_t *gid;
	size_t i;
	int r = TOLL_OK;

	if (n == 0)
		return TOLL_OK;
	if ((gid = malloc(n * sizeof *gid)) == NULL)
		return TOLL_ENOMEM;
	/* Each series keeps the last total said to be the newest, else its first. */
	for (i = 0; i < n; i++) {
		long g;

		if (x[i].kind != TOLL_EXTRACT_TOTAL)
			continue;
		if ((g = series_group_of(&t, x, i)) < 0) {
			r = TOLL_ENOMEM;
			goto out;
		}
		gid[i] = (uint32_t)g;
		t.g[g].count++;
		if (x[i].newest)
			t.g[g].keep = i;
	}
	/* The others, in the text's order: earlier than a newest, previous; else other. */
	for (i = 0; i < n; i++) {
		const struct series_group *g;

		if (x[i].kind != TOLL_EXTRACT_TOTAL)
			continue;
		g = &t.g[gid[i]];
		if (g->count < 2 || i == g->keep)
			continue;
		x[i].kind = (unsigned char)(i < g->keep && x[g->keep].newest ? TOLL_EXTRACT_PREVIOUS
		                                                           : TOLL_EXTRACT_OTHER);
		if (changed != NULL)
			changed(ctx, i, g->keep);
	}
out:
	free(gid);
	free(t.g);
	free(t.slot);
	return r;
}

/* Whether a '.' at p ends a sentence: not "Mr.", "U.S.", "No.", "6.5". */
static int
full_stop(const char *text, const char *p, const char *e)
{
	static const char *const abbrev[] = {
		"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "maj", "capt", "cpl", "pvt",
		"no", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "gov", "sen",
		"rep", "prof", "inc", "co", "jr", "sr", NULL
	};
	const char *w = p;
	char low[8];
	size_t n, k;

	if (p + 1 < e && p[1] != ' ' && p[1] != '\n' && p[1] != '"' && p[1] != '\'' &&
	    p[1] != ')' && (unsigned char)p[1] != 0xe2)
		return 0;
	while (w > text && (is_alpha((unsigned char)w[-1])))
		w--;
	n = (size_t)(p - w);
	if (n == 1 && w[0] >= 'A' && w[0] <= 'Z')
		return 0;   /* an initial, or U.S. */
	if (n > 0 && n < sizeof low) {
		for (k = 0; k < n; k++)
			low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] - 'A' + 'a' : w[k]);
		low[n] = '\0';
		if (in(low, abbrev))
			return 0;
	}
	return 1;
}

/* Whether any of the eight bytes of w is one that may end a sentence: '\n', '.', '!' or '?'. */
static inline int
may_end(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t a = w ^ ones * '\n', b = w ^ ones * '.', c = w ^ ones * '!', d = w ^ ones * '?';

	return (((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c) | ((d - ones) & ~d)) & high ? 1 : 0;
}

int
toll_extract(const char *text, size_t len, size_t base, toll_extract_found_fn found,
             toll_extract_rejected_fn rejected, void *arg)
{
	static const unsigned char ends[256] = { ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1 };
	struct ctx c;
	struct sentence *st = malloc(sizeof *st);
	const char *p = text, *e = text + len, *start = NULL, *line = text;

	if (st == NULL)
		return TOLL_ENOMEM;
	pthread_once(&lexicon_once, lexicon_build);   /* once for all: lex_find() need not ask */
	pthread_once(&dem_once, dem_build);           /* nor two_word_side() */
	c.text = text;
	c.base = base;
	c.found = found;
	c.rejected = rejected;
	c.arg = arg;
	for (; p <= e; p++) {
		int end = 0;
		const char *stop;

		/* Within a sentence only these bytes can end it: over the others eight at a time. */
		if (start != NULL) {
			while (e - p >= 8) {
				uint64_t w;

				memcpy(&w, p, 8);
				if (may_end(w))
					break;
				p += 8;
			}
			while (p < e && !ends[(unsigned char)*p])
				p++;
		}
		stop = p;

		if (p == e) {
			end = 1;
		} else if (*p == '\n') {
			/* A short line, or a blank one, ends a sentence; so does the line before a short one. */
			const char *next = p + 1, *nl = memchr(next, '\n', (size_t)(e - next));
			size_t linelen = (size_t)(p - line), nextlen = (size_t)((nl ? nl : e) - next);

			end = linelen < 50 || nextlen < 50 || (next < e && *next == '\n');
			line = p + 1;
		} else if ((*p == '.' || *p == '!' || *p == '?') && start != NULL &&
		           (*p != '.' || full_stop(text, p, e))) {
			/* The stop and any closing quote are the sentence's. */
			stop = p + 1;
			while (stop < e && (*stop == '"' || *stop == '\'' || *stop == ')'))
				stop++;
			if (stop + 2 < e && (unsigned char)stop[0] == 0xe2 && (unsigned char)stop[1] == 0x80 &&
			    ((unsigned char)stop[2] == 0x9d || (unsigned char)stop[2] == 0x99))
				stop += 3;
			end = 1;
		}
		if (start == NULL && p < e && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			start = p;
		if (end && start != NULL) {
			const char *q = stop;

			while (q > start && (q[-1] == ' ' || q[-1] == '\n' || q[-1] == '\r' || q[-1] == '\t'))
				q--;
			st->s = start;
			st->len = (size_t)(q - start);
			if (st->len > 0)
				one_sentence(&c, st);
			start = NULL;
			if (stop > p)
				p = stop - 1;
		}
	}
	free(st);
	return TOLL_OK;
}
