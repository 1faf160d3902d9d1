/**
 * Writes src/tools/listed.json, the recorded listing the Worker selects, lists
 * and searches from, built from the tool definitions (src/tools/record.ts).
 * `npm run snapshots` runs it first; a test fails when the record is stale.
 */
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const LISTED_FILE = new URL("../src/tools/listed.json", import.meta.url);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Some tool modules read the record when called (never when loaded): an empty one lets a fresh tree build it.
  if (!existsSync(LISTED_FILE)) writeFileSync(LISTED_FILE, '{"tools":[]}\n');
  const { recordedListing } = await import("../src/tools/record");
  writeFileSync(LISTED_FILE, await recordedListing());
  console.log("src/tools/listed.json recorded");
}
