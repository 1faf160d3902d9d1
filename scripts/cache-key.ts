/**
 * Prints the enrichment-cache key of one lookup, for deleting a single entry
 * (an erasure request):
 *   npm run cache:key -- leadmagic_find_email '{"first_name":"Jane","last_name":"Doe","domain":"example.com"}'
 * then `npx wrangler kv key delete --binding ENRICHMENT_CACHE --remote "<key>"`.
 */
import { cacheable, cacheKey } from "../src/policy/enrichment-cache";
import { ALL_TOOLS } from "../src/tools/all";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
  throw new Error(message); // not reached: process.exit is not typed `never` here
}

const [name, json] = process.argv.slice(2);
const tool = ALL_TOOLS.find((t) => t.name === name && cacheable(t));
if (!tool || !json)
  fail(
    `usage: npm run cache:key -- <tool> '<arguments as JSON>'; cached tools: ${ALL_TOOLS.filter(cacheable)
      .map((t) => t.name)
      .join(", ")}`,
  );
// The key is over the validated arguments, defaults included, exactly as a call computes it.
const parsed = tool.input.safeParse(JSON.parse(json));
if (!parsed.success) fail(`invalid arguments for ${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
console.log(await cacheKey(tool, parsed.data));
