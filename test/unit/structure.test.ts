/**
 * The shape of src/ itself: product code never imports the local stack (dev/)
 * or the tests, modules import each other without cycles, and no file grows
 * past the size a reader can hold (domains past it become folders).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../dev/stack";

const SRC = join(PROJECT_ROOT, "src");
const MAX_LINES = 400;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The relative modules a file imports (type-only imports included: they still tie the modules together). */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms)) {
    const base = resolve(dirname(file), m[1]!);
    const candidates = [base, `${base}.ts`, join(base, "index.ts")];
    const target = candidates.find(
      (c) =>
        c.endsWith(".ts") &&
        (() => {
          try {
            return statSync(c).isFile();
          } catch {
            return false;
          }
        })(),
    );
    out.push(target ?? base);
  }
  return out;
}

const SOURCES = files(SRC);

test("nothing under src/ imports from dev/ or test/", () => {
  const bad = SOURCES.flatMap((f) =>
    imports(f)
      .filter((t) => !t.startsWith(`${SRC}/`))
      .map((t) => `${relative(PROJECT_ROOT, f)} → ${relative(PROJECT_ROOT, t)}`),
  );
  assert.deepEqual(bad, []);
});

test("src/ has no import cycle", () => {
  const graph = new Map(SOURCES.map((f) => [f, imports(f).filter((t) => t.startsWith(`${SRC}/`))]));
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "visiting") {
      cycles.push([...path.slice(path.indexOf(node)), node].map((p) => relative(SRC, p)).join(" → "));
      return;
    }
    state.set(node, "visiting");
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, "done");
  };
  for (const f of SOURCES) visit(f, []);
  assert.deepEqual(cycles, []);
});

test(`no src/ file is longer than ${MAX_LINES} lines`, () => {
  const long = SOURCES.map((f) => [relative(PROJECT_ROOT, f), readFileSync(f, "utf8").split("\n").length] as const).filter(([, n]) => n > MAX_LINES);
  assert.deepEqual(long, []);
});

/** The modules a file evaluates when it is evaluated: static, non-type imports (relative ones as paths, packages by name). */
function evaluatedImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s(?!type\s)([^;]*?)from\s+"([^"]+)"/gms)) {
    // `import { type A, type B } from …` evaluates the module all the same, so only a leading `type` makes an import type-only.
    const spec = m[2]!;
    if (!spec.startsWith(".")) {
      out.push(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    out.push([`${base}.ts`, join(base, "index.ts"), base].find((c) => c.endsWith(".ts") && SOURCES.includes(c)) ?? base);
  }
  return out;
}

test("a cold isolate evaluates no tool module, no recorded listing, no MCP SDK and no Agents SDK (they load on first use)", () => {
  const seen = new Set<string>();
  const visit = (node: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (node.startsWith(`${SRC}/`)) for (const next of evaluatedImports(node)) visit(next);
  };
  visit(join(SRC, "index.ts"));
  const startup = [...seen].map((p) => (p.startsWith(`${SRC}/`) ? relative(SRC, p) : p));
  const heavy = startup.filter(
    (m) =>
      /^(leadmagic|smartlead)\//.test(m) ||
      [
        "workflows/tools.ts",
        "policy/tools.ts",
        "tools/reach.ts",
        "tools/listed.ts",
        "tools/registry.ts",
        "tools/call.ts",
        "mcp/server.ts",
        "mcp/sse.ts",
      ].includes(m) ||
      m.startsWith("agents") ||
      m.startsWith("@modelcontextprotocol/"),
  );
  assert.deepEqual(heavy, []);
  assert.ok(startup.includes("mcp/routes.ts"), "the walk follows the Worker's imports");
});
