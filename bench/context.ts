/**
 * The bench's running parts, each started on first use and stopped once at the
 * end: the fakes, one Worker per column (this tree and each --baseline, from a
 * temporary worktree), and any further Worker a section asks for (the floor).
 * A section that needs none of them (startup, bundle size) starts nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Fakes, fakeVars, PROJECT_ROOT, startFakes, startWorker, type Worker } from "../dev/stack";
import { type BenchContext, TOKEN, type Variant } from "./lib";

/** A detached worktree of `ref` sharing this project's node_modules. */
function checkout(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gtm-baseline-"));
  execFileSync("git", ["worktree", "add", "--detach", dir, ref], { cwd: PROJECT_ROOT, stdio: "pipe" });
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const once = <T>(make: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
};

export function createContext(baselines: readonly string[]): BenchContext & { close(): Promise<void> } {
  const columns = ["this tree", ...baselines];
  const worktrees = baselines.map(checkout);
  const roots = [PROJECT_ROOT, ...worktrees];
  const started: Promise<Worker>[] = [];
  let fakesStarted: Promise<Fakes> | undefined;
  const fakes = () => (fakesStarted ??= startFakes());
  const vars = async (extra: Record<string, string> = {}) => ({
    ...fakeVars(await fakes()),
    MCP_ACCESS_TOKENS: `bench:${TOKEN}`,
    RATE_LIMIT_USER_PER_MINUTE: "100000000",
    RATE_LIMIT_IP_PER_MINUTE: "100000000",
    // Pacing off: these figures are about the Worker; the pacing section (./pacing.ts) measures the pacer.
    SMARTLEAD_RATE_LIMIT: "off",
    ...extra,
  });
  const launch = async (root: string, extra?: Record<string, string>) => {
    const w = startWorker(await vars(extra), { root });
    started.push(w);
    return w;
  };
  const extras = new Map<string, Promise<Worker>>();
  const variants = once(async () => {
    const out: Variant[] = [];
    // One after another: wrangler's build and workerd's start would otherwise fight for the two cores.
    for (const [i, root] of roots.entries()) out.push({ label: columns[i]!, root, worker: await launch(root) });
    return out;
  });
  return {
    columns,
    roots,
    fakes,
    variants,
    worker(key, root, extra) {
      let w = extras.get(key);
      if (!w) {
        w = launch(root, extra);
        extras.set(key, w);
      }
      return w;
    },
    async close() {
      for (const w of await Promise.allSettled(started)) if (w.status === "fulfilled") await w.value.stop();
      if (fakesStarted) await Promise.all(Object.values(await fakesStarted).map((f) => f.stop()));
      for (const dir of worktrees) execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: PROJECT_ROOT, stdio: "pipe" });
    },
  };
}
