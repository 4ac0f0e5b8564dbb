#!/usr/bin/env python3
# Writes the stand-in files of tests/data/real/: files in the layouts of
# real exports whose terms do not allow toll to ship them (ACLED's three
# layouts, a victims list of named people) or whose licence is unknown (a
# pandas table of UCDP figures), with the quirks the real files have.  Every
# record is made up here, and says so: nothing in them is a real event or a
# real person.  The figures of ucdp-monthly-pandas.csv are real: UCDP GED's
# own (CC BY 4.0), summed by country and month from ucdp-ged231-sample150.csv.
#
#   python3 tests/data/real/standins.py     (from anywhere; the same bytes every time)
#
# See tests/data/PROVENANCE.md for what each file stands in for.
import calendar
import csv
import datetime
import io
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(20261206)

NOTE = "Stand-in record written for toll's tests, not ACLED data."

# Countries, their ISO numbers, ISO3 codes, regions and a few places
# (admin1, admin2, location, latitude, longitude).
COUNTRIES = [
    ("Benin", 204, "BEN", "Western Africa", [
        ("Alibori", "Karimama", "Mamassi-Gourma", 12.0455, 3.1338),
        ("Alibori", "Malanville", "Noma Tounga", 11.9065, 3.2752),
        ("Atacora", "Tanguieta", "Porga", 11.0470, 0.9700)]),
    ("Burkina Faso", 854, "BFA", "Western Africa", [
        ("Est", "Tapoa", "Diapaga", 12.0700, 1.7900),
        ("Sahel", "Soum", "Djibo", 14.1000, -1.6300)]),
    ("Armenia", 51, "ARM", "Caucasus and Central Asia", [
        ("Syunik", "Goris", "Goris", 39.5111, 46.3411),
        ("Gegharkunik", "Vardenis", "Sotk", 40.2167, 45.9667)]),
]

# event_type, sub_event_type, disorder_type, actor1, inter1, actor2, inter2
EVENTS = [
    ("Battles", "Armed clash", "Political violence", "Military Forces of {c}", 1,
     "Unidentified Armed Group ({c})", 3),
    ("Violence against civilians", "Attack", "Political violence",
     "Unidentified Armed Group ({c})", 3, "Civilians ({c})", 7),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence",
     "Military Forces of {c}", 1, "", 0),
    ("Protests", "Peaceful protest", "Demonstrations", "Protesters ({c})", 6, "", 0),
    ("Strategic developments", "Other", "Strategic developments", "Civilians ({c})", 7, "", 0),
]

SOURCES = ["Undisclosed Source", "Local partner-Other", "Radio Stand-in", "Stand-in Daily; Stand-in Wire"]


def fatalities(event_type):
    if event_type in ("Protests", "Strategic developments"):
        return 0
    r = rnd.random()
    if r < 0.45:
        return 0
    if r < 0.9:
        return rnd.randint(1, 9)
    return rnd.randint(10, 120)


def notes(day, place, event_type, n, breaks=False):
    text = "On %d %s %d, %s in %s (%s, %s): %d fatalities reported. %s" % (
        day.day, day.strftime("%B"), day.year, event_type.lower(), place[2], place[1], place[0], n, NOTE)
    if breaks:
        # ACLED notes hold quoted line breaks (and, in the upper-case
        # layout, a space before them).
        text = text.replace(": ", ". \nSecond paragraph, after a line break, with a \"quoted\" word.\n", 1)
    return text


def events(n, first, days):
    """n made-up events between first and first + days."""
    out = []
    for i in range(n):
        c = rnd.choice(COUNTRIES)
        place = rnd.choice(c[4])
        ev = rnd.choice(EVENTS)
        day = first + datetime.timedelta(days=rnd.randrange(days))
        out.append((i, c, place, ev, day, fatalities(ev[0])))
    out.sort(key=lambda e: (e[4], e[0]), reverse=True)  # ACLED lists the newest first
    return out


def write(name, header, rows, crlf=False, tail=""):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as f:
        f.write(buf.getvalue() + tail)


def acled_current():
    header = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
              "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
              "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
              "tags,timestamp").split(",")
    rows = []
    seq = {}
    for i, c, place, ev, day, n in events(240, datetime.date(2021, 11, 1), 420):
        seq[c[2]] = seq.get(c[2], 0) + 1
        a1, a2 = ev[3].format(c=c[0]), ev[5].format(c=c[0]) or "NA"
        inter = ev[4] * 10 + ev[6] if ev[6] else ev[4] * 10
        stamp = calendar.timegm(day.timetuple()) + 86400 * rnd.randint(3, 40)
        rows.append([
            "%s%d" % (c[2], 900 - seq[c[2]]), "%d %s %d" % (day.day, day.strftime("%B"), day.year), day.year,
            rnd.choice([1, 1, 1, 2, 3]), ev[2], ev[0], ev[1], a1, "NA", ev[4], a2, "NA", ev[6], inter,
            "Civilian targeting" if ev[0] == "Violence against civilians" else "NA", c[1], c[3], c[0],
            place[0], place[1], "NA", place[2], "%.4f" % place[3], "%.4f" % place[4], rnd.choice([1, 1, 2, 3]),
            rnd.choice(SOURCES), "Local partner-Other", notes(day, place, ev[0], n, breaks=i % 23 == 0), n,
            "crowd size=no report" if ev[0] == "Protests" else "NA", stamp])
    write("acled-current.csv", header, rows)


def acled_old():
    header = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,"
              "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,"
              "admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,"
              "iso3").split(",")
    old_types = [e for e in EVENTS if e[0] != "Strategic developments"]
    rows = []
    evs = events(160, datetime.date(2020, 4, 27), 13)
    for k, (i, c, place, ev, day, n) in enumerate(evs):
        ev = old_types[i % len(old_types)]
        n = fatalities(ev[0])
        data_id = 7080900 - k
        no = 52000 - k
        # One event without event_id_cnty (and event_id_no_cnty), as in a real export.
        cnty, nocnty = ("", "") if k == 40 else ("%s%d" % (c[2], no), no)
        a1, a2 = ev[3].format(c=c[0]), ev[5].format(c=c[0])
        rows.append([
            data_id, c[1], cnty, nocnty, "%d-%s-%02d" % (day.day, day.strftime("%b"), day.year % 100), day.year,
            1, ev[0], ev[1], a1, "", ev[4], a2, "", ev[6], ev[4] * 10 + ev[6], c[3], c[0], place[0], place[1], "",
            place[2], place[3], place[4], 1, rnd.choice(SOURCES), "National", notes(day, place, ev[0], n), n,
            calendar.timegm((2020, 5, 12, 0, 0, 0)) + k, c[2]])
    # The last record is cut short, as in a real export: its fatalities and
    # everything after them are empty.
    cut = ("7078454,204,BEN10453,10453,27-Apr-20,2020,1,Violence against civilians,Attack,"
           "Police Forces of Benin (2016-),,1,Civilians (,,,,,,,,,,,,,,,,,,\r\n")
    write("acled-old.csv", header, rows, crlf=True, tail=cut)


def acled_upper():
    header = ("GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,"
              "INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,"
              "LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES").split(",")
    # The event types of the older releases, with their spellings: one of
    # them with a capital A, as a few rows of real exports have it.
    types = ["Riots/Protests", "Battle-No change of territory", "Violence against civilians",
             "Violence Against Civilians", "Remote violence", "Strategic development",
             "Battle-Government regains territory"]
    rows = []
    evs = events(200, datetime.date(2015, 1, 1), 120)
    evs.sort(key=lambda e: (e[4], e[0]))  # this release lists the oldest first
    for k, (i, c, place, ev, day, n) in enumerate(evs):
        t = types[i % len(types)]
        n = 0 if t in ("Riots/Protests", "Strategic development") else fatalities("Battles")
        text = notes(day, place, t, n, breaks=i % 5 == 0)
        rows.append([
            c[1], "%d%s" % (k + 1, c[2][:2]), k + 1, "%02d-%s-%d" % (day.day, day.strftime("%B"), day.year),
            day.year, 1, t, "Military Forces of %s" % c[0], "", 1, "Civilians (%s)" % c[0], "", 7, 17,
            c[0], place[0], place[1], "", place[2], "%.2f" % place[3], "%.2f" % place[4], 1,
            rnd.choice(SOURCES), text, n])
    write("acled-upper.csv", header, rows)


MONTHS = ["Հնվ", "Փտրվ", "Մրտ", "Ապր", "Մայ", "Հուն", "Հուլ", "Օգս", "Սեպ", "Հոկ", "Նոյ", "Դեկ"]
RANKS = ["պարտադիր շարքային", "Պարտադիր շարքային", "պայմանագրային ենթասպա", "սպայական կազմ",
         "Զորահավաքային շարքային", "կամավոր", "Զորահավաք. շարք"]
STATUSES = [("Զոհված", 85), ("II խմբի հաշմանդամ", 9), ("I խմբի հաշմանդամ", 3), ("Անհայտ բացակայող", 3)]


def armenian_date(d):
    return "%d %s, %d" % (d.day, MONTHS[d.month - 1], d.year)


def victims():
    """A list in the layout of a published victims list: no header, one row
    per person, Armenian dates and statuses.  The people are numbers:
    'Զինծառայող 0001' is 'Serviceman 0001'."""
    rows = []
    n = 300
    for k in range(n):
        r = rnd.random()
        if r < 0.9:
            died = datetime.date(2020, 9, 27) + datetime.timedelta(days=rnd.randrange(60))
        else:
            died = datetime.date(2020, 12, 1) + datetime.timedelta(days=rnd.randrange(300))
        born = datetime.date(rnd.randint(1960, 2002), rnd.randint(1, 12), rnd.randint(1, 28))
        if k % 60 == 7:
            # A birth date after the death date: real lists have such errors.
            born = died + datetime.timedelta(days=400)
        status = rnd.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
        comp = "10 000 000 դր" if status == "Զոհված" else rnd.choice(["5 000 000 դր", "0 դր"])
        rows.append([k % 20, n - k, "Զինծառայող %04d" % (k + 1), armenian_date(born), armenian_date(died),
                     status, rnd.choice(RANKS), "", comp, rnd.choice(["200 000 դր", "250 000 դր", "150 000 դր"])])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    with open(os.path.join(here, "victims-list.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(buf.getvalue())


def ucdp_monthly():
    """UCDP GED's deaths by country and month, as pandas writes a frame:
    an unnamed index column, floats, the month as YYYYMM, NaN as empty."""
    iso = {"Afghanistan": "AFG", "Algeria": "DZA", "Angola": "AGO", "Brazil": "BRA", "Burundi": "BDI",
           "Central African Republic": "CAF", "Colombia": "COL", "Comoros": "COM", "DR Congo (Zaire)": "COD",
           "Egypt": "EGY", "India": "IND", "Iran": "IRN", "Iraq": "IRQ", "Israel": "ISR", "Kenya": "KEN",
           "Libya": "LBY", "Mali": "MLI", "Mexico": "MEX", "Nepal": "NPL", "Nigeria": "NGA", "Pakistan": "PAK",
           "Philippines": "PHL", "Rwanda": "RWA", "Serbia (Yugoslavia)": "SRB", "Sierra Leone": "SLE",
           "Somalia": "SOM", "South Africa": "ZAF", "Sri Lanka": "LKA", "Syria": "SYR", "Turkey": "TUR",
           "Ukraine": "UKR", "Venezuela": "VEN", "Yemen (North Yemen)": "YEM"}
    sums = {}
    with open(os.path.join(here, "ucdp-ged231-sample150.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (iso[r["country"]], r["date_start"][:4] + r["date_start"][5:7])
            sums[key] = sums.get(key, 0) + int(r["best"])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["", "isocode", "period", "fatalities_UCDP", "population"])
    for i, (code, period) in enumerate(sorted(sums)):
        w.writerow([i, code, period, "%.1f" % sums[(code, period)], ""])
    with open(os.path.join(here, "ucdp-monthly-pandas.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(buf.getvalue())


acled_current()
acled_old()
acled_upper()
victims()
ucdp_monthly()
