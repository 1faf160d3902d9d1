/**
 * `npm run bench`: startup CPU, latency, throughput and size of the Worker
 * under `wrangler dev`, each figure beside a floor measured in the same run
 * (a minimal floor Worker run by the same wrangler, GET /health, the fake
 * upstream direct, the goals).
 *
 *   npm run bench                          every section, this tree
 *   npm run bench -- --only calls          one section (repeatable: --only startup --only size)
 *   npm run bench -- --baseline <git-ref>  also an older commit, side by side (repeatable)
 *
 * Prints one table and writes the same as JSON under bench/results/.
 *
 * Adding a section: a module exporting `(ctx: BenchContext) => Promise<Row[]>`
 * (./lib.ts), listed in SECTIONS below; it asks ctx for the Workers and fakes
 * it needs, which are started on first use and stopped at the end.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../dev/stack";
import { calls } from "./calls";
import { createContext } from "./context";
import { latency } from "./latency";
import { type Row, SAMPLES, type Section, THROUGHPUT_REQUESTS, WARMUP } from "./lib";
import { pacing } from "./pacing";
import { size } from "./size";
import { startup } from "./startup";
import { views } from "./views";

/** In the order they run: startup first, while no wrangler dev is running yet. */
const SECTIONS: Record<string, Section> = { startup, calls, latency, size, views, pacing };

const { values } = parseArgs({ options: { baseline: { type: "string", multiple: true }, only: { type: "string", multiple: true } } });
const only = values.only ?? Object.keys(SECTIONS);
const unknown = only.filter((s) => !(s in SECTIONS));
if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);

const ctx = createContext(values.baseline ?? []);
const results: { section: string; rows: Row[] }[] = [];
try {
  for (const name of Object.keys(SECTIONS).filter((s) => only.includes(s))) {
    const t = performance.now();
    results.push({ section: name, rows: await SECTIONS[name]!(ctx) });
    console.error(`bench: ${name} done in ${Math.round((performance.now() - t) / 1000)} s`);
  }
} finally {
  await ctx.close();
}

const cols = ctx.columns;
const cell = (r: Row, i: number) => r.cells[i] ?? "—";
const header = `npm run bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${SAMPLES} samples after ${WARMUP} warm-up per latency figure (variants sampled alternately), ${THROUGHPUT_REQUESTS} requests per throughput figure; sections: ${results.map((r) => r.section).join(", ")}`;
const table = [
  header,
  "",
  `| measure | ${cols.join(" | ")} | floor | ratio (this tree) |`,
  `|---|${cols.map(() => "---|").join("")}---|---|`,
  ...results.flatMap(({ rows }) => rows.map((r) => `| ${r.measure} | ${cols.map((_, i) => cell(r, i)).join(" | ")} | ${r.floor ?? "—"} | ${r.ratio ?? "—"} |`)),
].join("\n");
console.log(table);

const date = new Date().toISOString();
mkdirSync(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
const file = join(PROJECT_ROOT, "bench", "results", `${date.replace(/[:.]/g, "-")}.json`);
writeFileSync(file, `${JSON.stringify({ date, cores: cpus().length, samples: SAMPLES, warmup: WARMUP, columns: cols, sections: results }, null, 2)}\n`);
console.log(`\nwritten to ${file}`);
