/**
 * Every tool's advertised shape is a reviewed snapshot (test/snapshots/, one
 * file per toolset): a change to a name, title, description, schema or
 * annotation fails here until `npm run snapshots` records it and the diff is
 * reviewed. The toolsets=all listing rebuilt from the snapshots must equal the
 * served one byte for byte, order included.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { LISTED_FILE } from "../../scripts/record-listing";
import { allListing, SNAPSHOT_DIR, snapshots } from "../../scripts/tool-snapshots";
import { parseConfig } from "../../src/config";
import { recordedListing } from "../../src/tools/record";
import { listingJson, resolveSelection } from "../../src/tools/registry";

const read = (file: string) => readFileSync(new URL(file, SNAPSHOT_DIR), "utf8");

test("each toolset's tools match their snapshot (run npm run snapshots after a deliberate change)", () => {
  for (const [file, text] of snapshots()) assert.equal(read(file), text, `test/snapshots/${file} is stale`);
});

test("the toolsets=all listing, rebuilt from the snapshots, is byte-identical to the one served", () => {
  const order = JSON.parse(read("order.json")) as string[];
  const byName = new Map<string, Tool>();
  for (const file of snapshots().keys()) for (const t of JSON.parse(read(file)) as Tool[]) byName.set(t.name, t);
  const rebuilt = JSON.stringify({ tools: order.map((n) => byName.get(n)) });
  assert.equal(rebuilt, JSON.stringify(allListing()));
  const config = parseConfig({ SMARTLEAD_API_KEY: "snapshot", LEADMAGIC_API_KEY: "snapshot", MCP_ADMIN_TOOLS: "true" } as never);
  assert.equal(listingJson(resolveSelection("all", null, config), config), rebuilt, "the pre-serialized listing /mcp sends");
});

test("the recorded listing the Worker serves from (src/tools/listed.json) is what the zod definitions give (run npm run snapshots)", async () => {
  assert.equal(readFileSync(LISTED_FILE, "utf8"), await recordedListing(), "src/tools/listed.json is stale");
});
