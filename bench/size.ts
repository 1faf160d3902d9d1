/** Section "size": the upload (bundle) and the tools/list answers, against their goals. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../dev/stack";
import { DEFAULT_LISTING_MAX_BYTES } from "../src/tools/toolsets";
import { type BenchContext, type Row, ratio, round, rpc } from "./lib";

/** `wrangler deploy --dry-run` of a project directory: the upload's size, raw and gzip. */
function bundleSize(root: string): { raw: number; gzip: number } {
  const out = mkdtempSync(join(tmpdir(), "gtm-bundle-"));
  try {
    execFileSync(process.execPath, [join(PROJECT_ROOT, "node_modules", "wrangler", "bin", "wrangler.js"), "deploy", "--dry-run", "--outdir", out], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    let raw = 0;
    const parts: Buffer[] = [];
    for (const f of readdirSync(out)) {
      if (!/\.(js|mjs|cjs|wasm)$/.test(f)) continue;
      raw += statSync(join(out, f)).size;
      parts.push(readFileSync(join(out, f)));
    }
    return { raw, gzip: gzipSync(Buffer.concat(parts), { level: 9 }).length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function size(ctx: BenchContext): Promise<Row[]> {
  const bundles = ctx.roots.map(bundleSize);
  const variants = await ctx.variants();
  const lists: { def: number; all: number }[] = [];
  for (const v of variants) {
    lists.push({ def: (await rpc(`${v.worker.url}/mcp`, "tools/list")).length, all: (await rpc(`${v.worker.url}/mcp?toolsets=all`, "tools/list")).length });
  }
  return [
    {
      measure: "bundle KiB (raw / gzip)",
      cells: bundles.map((b) => `${round(b.raw / 1024)} / ${round(b.gzip / 1024)}`),
      floor: "500 gzip (goal)",
      ratio: ratio(bundles[0]!.gzip / 1024, 500),
      data: bundles,
    },
    {
      measure: "tools/list bytes (default / all)",
      cells: lists.map((l) => `${l.def} / ${l.all}`),
      floor: `${DEFAULT_LISTING_MAX_BYTES} default (goal)`,
      ratio: ratio(lists[0]!.def, DEFAULT_LISTING_MAX_BYTES),
      data: lists,
    },
  ];
}
