/**
 * The recorded listing: every tool as selecting, listing and searching need
 * it, read from ./listed.json (written by `npm run snapshots`; a test fails
 * when it differs from what the definitions give). Reading it costs a cold
 * isolate a JSON parse instead of building ~240 tools' zod schemas.
 */
import type { ListedTool } from "./define";
import recorded from "./listed.json";

export const LISTED: readonly ListedTool[] = (recorded as { tools: ListedTool[] }).tools;

export const LISTED_BY_NAME: ReadonlyMap<string, ListedTool> = new Map(LISTED.map((t) => [t.name, t]));
