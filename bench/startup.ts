/**
 * Section "startup": active startup CPU as `wrangler check startup` reports
 * it (a local workerd profile of importing the bundle, so it runs no Worker
 * and needs no fakes), for each column and for the minimal floor Worker
 * measured the same way, runs alternating.
 *
 * The profile is sampled: a tiny Worker's startup spans two or three samples,
 * so one run of the floor reads 0 or one whole sample interval (0–80 ms seen
 * here). Hence the mean over many runs (the floor is cheap to run, so it gets
 * FLOOR_RUNS_PER_RUN per run of ours), with the median beside it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../dev/stack";
import { type BenchContext, median, type Row, ratio, round } from "./lib";

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const FLOOR_ROOT = join(PROJECT_ROOT, "bench", "floor");
const FLOOR_RUNS_PER_RUN = 4;

interface Startup {
  active: number;
  gc: number;
  samples: number;
}

/** One `wrangler check startup` of a project directory: active CPU and garbage collection, in ms. */
async function checkStartup(root: string): Promise<Startup> {
  const dir = mkdtempSync(join(tmpdir(), "gtm-startup-"));
  try {
    const wrangler = join(PROJECT_ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
    const { stdout } = await promisify(execFile)(process.execPath, [wrangler, "check", "startup", "--outfile", join(dir, "startup.cpuprofile")], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const m = /Active: ([\d.]+) ms \(including ([\d.]+) ms garbage collection\)[\s\S]*?Samples: (\d+)/.exec(stdout);
    if (!m) throw new Error(`wrangler check startup printed no active time:\n${stdout.slice(-1500)}`);
    return { active: Number(m[1]), gc: Number(m[2]), samples: Number(m[3]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startup(ctx: BenchContext): Promise<Row[]> {
  const roots = [...ctx.roots, FLOOR_ROOT];
  const runs = roots.map(() => [] as Startup[]);
  for (let r = 0; r < RUNS; r++) {
    for (const [k, root] of roots.entries()) {
      const times = root === FLOOR_ROOT ? FLOOR_RUNS_PER_RUN : 1;
      for (let i = 0; i < times; i++) runs[k]!.push(await checkStartup(root));
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const summary = runs.map((rs) => ({
    active: round(mean(rs.map((s) => s.active))),
    median: round(median(rs.map((s) => s.active))),
    gc: round(mean(rs.map((s) => s.gc))),
    n: rs.length,
  }));
  const show = (s: (typeof summary)[number]) => `${s.active} (median ${s.median}; GC ${s.gc}; ${s.n} runs)`;
  const floor = summary.at(-1)!;
  return [
    {
      measure: "startup CPU, wrangler check startup (ms active, mean)",
      cells: summary.slice(0, -1).map(show),
      floor: `${show(floor)} (floor Worker)`,
      ratio: floor.active > 0 ? ratio(summary[0]!.active, floor.active) : "—",
      data: { runs: runs.map((rs, k) => ({ root: k < ctx.columns.length ? ctx.columns[k] : "floor Worker", runs: rs })) },
    },
  ];
}
