// agg_duckdb.mjs: toll-agg's job (-c range, by side, status, category) in
// DuckDB's SQL, the benchmark's second peer (as agg_pandas.py is the first).
//   node agg_duckdb.mjs FILE.tsv [THREADS]
// It completes the figures by toll(7)'s rules, keeps the latest revision of
// each series, combines the series of each claim (low: min of lows, best:
// the lower median of bests, high: max of highs) and sums per side, status
// and category, writing the table toll-agg writes (an unbounded high as an
// empty field; best_by 'toll' when a claim's best is a range's middle no
// source stated; the generated tables have no qualifier or claimant, so
// those columns stay empty).  It validates nothing.  DuckDB is
// the npm package @duckdb/node-api, installed by tests/bench/run.sh into
// tests/bench/out/duckdb: a benchmark peer, never a dependency of toll.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "out", "duckdb", "package.json"));
const { DuckDBInstance } = require("@duckdb/node-api");

const [file, threads = "2"] = process.argv.slice(2);
if (!file) {
	console.error("usage: node agg_duckdb.mjs FILE.tsv [THREADS]");
	process.exit(2);
}

const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
const db = await instance.connect();
const quoted = "'" + file.replaceAll("'", "''") + "'";
const sql = `
WITH r AS (
  SELECT event, side, coalesce(status, 'all') AS status, category, source,
         reported, low, best, high, row_number() OVER () AS line
  FROM read_csv(${quoted}, delim = '\t', header = true, quote = '', escape = '',
                columns = {'event': 'VARCHAR', 'reported': 'VARCHAR', 'source': 'VARCHAR',
                           'side': 'VARCHAR', 'category': 'VARCHAR', 'status': 'VARCHAR',
                           'low': 'DOUBLE', 'best': 'DOUBLE', 'high': 'DOUBLE',
                           'url': 'VARCHAR', 'note': 'VARCHAR'})
), f AS (
  SELECT *,
    CASE WHEN best IS NOT NULL AND low IS NULL AND high IS NULL THEN best
         ELSE coalesce(low, 0) END AS lo,
    CASE WHEN best IS NOT NULL AND low IS NULL AND high IS NULL THEN best
         WHEN high IS NOT NULL THEN high
         WHEN low IS NOT NULL THEN 'Infinity'::DOUBLE
         ELSE 0 END AS hi
  FROM r
), c AS (
  SELECT *,
    CASE WHEN best IS NOT NULL THEN best
         WHEN low IS NOT NULL AND high IS NULL THEN lo
         WHEN low IS NULL THEN hi
         ELSE floor((lo + hi) / 2) END AS be,
    best IS NULL AND high IS NOT NULL AS sup,
    -- toll's date-times may omit the seconds ("2012-01-30T18:17+04:00"); DuckDB's may not.
    CAST(regexp_replace(reported, '^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d)([^:\\d]|$)', '\\1:00\\2')
         AS TIMESTAMPTZ) AS t
  FROM f
), latest AS (
  SELECT * FROM c
  QUALIFY row_number() OVER (PARTITION BY event, side, status, category, source
                             ORDER BY t DESC, line DESC) = 1
), claims AS (
  SELECT event, side, status, category, min(lo) AS lo, quantile_disc(be, 0.5) AS be,
         max(hi) AS hi, count(*) AS series
  FROM latest GROUP BY event, side, status, category
), supplied AS (
  -- A claim's best is toll's when every series that gave it had it supplied.
  SELECT l.event, l.side, l.status, l.category, bool_and(l.sup) AS sup
  FROM latest l JOIN claims c USING (event, side, status, category)
  WHERE l.be = c.be GROUP BY l.event, l.side, l.status, l.category
)
SELECT side, status, category, sum(lo) AS low, sum(be) AS best,
       CASE WHEN bool_or(isinf(hi)) THEN NULL ELSE sum(hi) END AS high,
       count(DISTINCT event) AS events, sum(series) AS series, bool_or(sup) AS sup
FROM claims JOIN supplied USING (event, side, status, category)
GROUP BY side, status, category
ORDER BY side COLLATE "binary", status COLLATE "binary", category COLLATE "binary"`;

const reader = await db.runAndReadAll(sql);
const num = (x) => (x === null ? "" : Number.isInteger(x) ? String(x) : x.toFixed(1));
const lines = ["side\tstatus\tcategory\tlow\tbest\thigh\tevents\tseries\tqualifier\tbest_by\tadversary"];
for (const row of reader.getRows()) {
	const [side, status, category, low, best, high, events, series, sup] = row;
	lines.push([side, status, category, num(low), num(best), num(high), String(events),
	            String(series), "", sup ? "toll" : "sources", ""].join("\t"));
}
process.stdout.write(lines.join("\n") + "\n");
