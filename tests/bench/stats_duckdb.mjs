// stats_duckdb.mjs: toll-stats' benchmark job in DuckDB's SQL: count, sum,
// mean and median of best per side and category, of a table as
// toll-check --normalize writes it (the rows that state a best), and, as
// toll-stats adds when a table has a qualifier column, how many of each
// group's figures are approximate or vague.
//   node stats_duckdb.mjs FILE.tsv [THREADS]
// Writes the table toll-stats writes (numbers to 15 significant digits).
// DuckDB is the npm package @duckdb/node-api, installed by tests/bench into
// tests/bench/out/duckdb: a benchmark peer, never a dependency of toll.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "out", "duckdb", "package.json"));
const { DuckDBInstance } = require("@duckdb/node-api");

const [file, threads = "2"] = process.argv.slice(2);
if (!file) {
	console.error("usage: node stats_duckdb.mjs FILE.tsv [THREADS]");
	process.exit(2);
}

const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
const db = await instance.connect();
const quoted = "'" + file.replaceAll("'", "''") + "'";
const sql = `
SELECT side, category, count(*) AS n, sum(best) AS s, avg(best) AS m, median(best) AS md,
       count(*) FILTER (WHERE qualifier IS NOT NULL AND qualifier <> '') AS approx
FROM read_csv(${quoted}, delim = '\t', header = true, quote = '', escape = '',
              columns = {'event': 'VARCHAR', 'reported': 'VARCHAR', 'source': 'VARCHAR',
                         'side': 'VARCHAR', 'category': 'VARCHAR', 'status': 'VARCHAR',
                         'low': 'DOUBLE', 'best': 'DOUBLE', 'high': 'DOUBLE',
                         'qualifier': 'VARCHAR', 'start': 'VARCHAR', 'end': 'VARCHAR',
                         'url': 'VARCHAR', 'note': 'VARCHAR'})
GROUP BY side, category
ORDER BY side COLLATE "binary", category COLLATE "binary"`;

const reader = await db.runAndReadAll(sql);
const num = (x) => String(Number(Number(x).toPrecision(15)));
const lines = ["side\tcategory\tcount\tsum_best\tmean_best\tmedian_best\tapproximate"];
for (const [side, category, n, s, m, md, approx] of reader.getRows())
	lines.push([side, category, String(n), num(s), num(m), num(md), String(approx)].join("\t"));
process.stdout.write(lines.join("\n") + "\n");
