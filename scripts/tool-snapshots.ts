/**
 * Writes the reviewed snapshot of every tool as clients see it (tools/list with
 * toolsets=all: name, title, description, input and output schemas,
 * annotations), one file per toolset under test/snapshots/. A test fails when a
 * tool changes without its snapshot: run `npm run snapshots` and review the diff.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { parseConfig } from "../src/config";
import { ALL_TOOLS } from "../src/tools/all";
import { listing, resolveSelection, TOOLSETS } from "../src/tools/registry";

export const SNAPSHOT_DIR = new URL("../test/snapshots/", import.meta.url);

/** Every upstream configured, confirmations and admin tools on: the listing a full deployment serves. */
const config = parseConfig({ SMARTLEAD_API_KEY: "snapshot", LEADMAGIC_API_KEY: "snapshot", MCP_ADMIN_TOOLS: "true" } as never);

/** The toolsets=all listing, as served. */
export function allListing(): { tools: Tool[] } {
  return listing(resolveSelection("all", null, config), config);
}

/** Snapshot file contents per toolset (the default selection is a view of the others, so it has none). */
export function snapshots(): Map<string, string> {
  const byName = new Map(allListing().tools.map((t) => [t.name, t]));
  const out = new Map<string, string>();
  for (const [toolset, tools] of TOOLSETS) {
    if (toolset === "default") continue;
    out.set(
      `${toolset}.json`,
      `${JSON.stringify(
        tools.map((t) => byName.get(t.name)),
        null,
        2,
      )}\n`,
    );
  }
  return out;
}

/** Tool names in listing order, to check that the order of toolsets=all is unchanged too. */
export const ORDER = () => ALL_TOOLS.map((t) => t.name);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  for (const [file, text] of snapshots()) writeFileSync(new URL(file, SNAPSHOT_DIR), text);
  writeFileSync(new URL("order.json", SNAPSHOT_DIR), `${JSON.stringify(ORDER(), null, 2)}\n`);
  console.log(`test/snapshots: ${snapshots().size} toolsets, ${ORDER().length} tools`);
}
