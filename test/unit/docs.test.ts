/** The README's tool tables are generated from the registry; this fails when they are stale (run `npm run docs`). */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readmeWithTables } from "../../scripts/tool-tables";

test("README tool tables match the registry", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  assert.equal(readme, readmeWithTables(readme), "README.md is stale: run npm run docs");
});
