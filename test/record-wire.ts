/**
 * `npm run wire:record [-- tool …]`: re-records the requests of the wire
 * contract (test/contract/wire.json) for all tools, or the named ones, by
 * replaying each entry's arguments in process against the fakes. Use it after
 * a deliberate change of a tool's wire shape, then review the diff: the
 * fixture is the reviewed record of what every tool sends.
 */
import { writeFileSync } from "node:fs";
import { startInProcess } from "./helpers/in-process";
import { loadWire, replay, WIRE_PATH } from "./helpers/wire";

const wire = loadWire();
const only = process.argv.slice(2);
const unknown = only.filter((t: string) => !(t in wire.tools));
if (unknown.length) {
  console.error(`Not in the fixture: ${unknown.join(", ")} (add an entry with its arguments first).`);
  process.exit(2);
}
const stack = await startInProcess();
try {
  const client = await stack.connect("toolsets=all");
  let changed = 0;
  for (const [tool, entry] of Object.entries(wire.tools)) {
    if (only.length && !only.includes(tool)) continue;
    const requests = await replay(client, stack.fakes, tool, entry.args);
    if (JSON.stringify(requests) !== JSON.stringify(entry.requests)) changed++;
    entry.requests = requests;
  }
  writeFileSync(WIRE_PATH, `${JSON.stringify(wire, null, 2)}\n`);
  console.log(`test/contract/wire.json: ${changed} tool(s) re-recorded with a different wire shape; review the diff.`);
} finally {
  await stack.stop();
}
