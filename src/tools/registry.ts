/**
 * The registry: every tool, grouped into toolsets, and the one inventory
 * builder that decides what a connection sees (?toolsets=…&read_only=…).
 * It works from the recorded listing (./listed.ts), so selecting and listing
 * build no zod schema; listings are still built once per isolate per selection.
 */
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { type Config, configuredUpstreams } from "../config";
import { factsOf } from "../policy/gate";
import { toolRefusal } from "../policy/scopes";
import { upstreamOf } from "../upstream/hosts";
import type { ListedTool } from "./define";
import { describe } from "./describe";
import { needsConfirmation } from "./kinds";
import { LISTED, LISTED_BY_NAME } from "./listed";
import { DEFAULT_TOOL_NAMES, TOOLSET_IDS, type ToolsetId } from "./toolsets";

export { DEFAULT_TOOL_NAMES } from "./toolsets";

/** Each toolset's tools in listing order, in TOOLSET_INFO's order, then the curated `default` view. */
export const TOOLSETS: ReadonlyMap<ToolsetId | "default", readonly ListedTool[]> = (() => {
  const map = new Map<ToolsetId | "default", readonly ListedTool[]>(TOOLSET_IDS.map((id) => [id, LISTED.filter((t) => t.toolset === id)]));
  map.set(
    "default",
    DEFAULT_TOOL_NAMES.flatMap((n) => LISTED_BY_NAME.get(n) ?? []),
  );
  return map;
})();

export class SelectionError extends Error {}

export interface Selection {
  /** Stable key of this selection, for caches. */
  key: string;
  tools: ReadonlyMap<string, ListedTool>;
  readOnly: boolean;
}

const selectionCache = new Map<string, Selection>();

/**
 * Resolves ?toolsets and ?read_only against the server defaults (MCP_TOOLSETS,
 * MCP_READ_ONLY), for the calling user. Tools of an upstream without a key are
 * left out, and so are admin tools unless MCP_ADMIN_TOOLS is on, and tools the
 * user's token scope rules out (MCP_TOKEN_SCOPES). Unknown toolset names are
 * an error, never silently ignored.
 */
export function resolveSelection(toolsetsParam: string | null, readOnlyParam: string | null, config: Config, user?: string): Selection {
  const names = (toolsetsParam?.trim() || config.defaultToolsets)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (readOnlyParam !== null && !/^(true|false|1|0)$/i.test(readOnlyParam)) {
    throw new SelectionError("read_only must be true or false.");
  }
  const readOnly = config.forceReadOnly || /^(true|1)$/i.test(readOnlyParam ?? "");
  const upstreams = configuredUpstreams(config);
  // The scripts and tests that list every tool name no user, and so no scope.
  const scope = user === undefined ? undefined : config.scopes.get(user);
  const key = `${[...new Set(names)].sort().join(",")}|${readOnly}|${config.adminTools}|${upstreams.smartlead}|${upstreams.leadmagic}|${scope?.key ?? ""}`;
  const cached = selectionCache.get(key);
  if (cached) return cached;

  const known = (n: string): n is ToolsetId | "default" => TOOLSETS.has(n as ToolsetId);
  const unknown = names.filter((n) => n !== "all" && !known(n));
  if (unknown.length) {
    throw new SelectionError(`Unknown toolset${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Known: all, ${[...TOOLSETS.keys()].join(", ")}.`);
  }
  const chosen = names.includes("all") ? LISTED : names.filter(known).flatMap((n) => TOOLSETS.get(n)!);
  const tools = new Map<string, ListedTool>();
  // A read-only connection or token still gets a delegating tool (gtm_call_tool): it reaches read-only tools only, and says so in its hints.
  const readOnlyTools = readOnly || Boolean(scope?.readOnly);
  for (const chosenTool of chosen) {
    const tool = readOnlyTools && chosenTool.delegate ? { ...chosenTool, annotations: chosenTool.delegate.readOnlyAnnotations } : chosenTool;
    if (tool.base !== "local" && !upstreams[upstreamOf(tool.base)]) continue;
    if (readOnly && !tool.annotations.readOnlyHint) continue;
    if (tool.admin && !config.adminTools) continue;
    if (toolRefusal(scope, factsOf(tool))) continue;
    tools.set(tool.name, tool);
  }
  const selection = { key, tools, readOnly };
  selectionCache.set(key, selection);
  return selection;
}

/**
 * What a connection can run by name (gtm_call_tool) and find (gtm_search_tools):
 * everything toolsets=all lists under the same read-only setting, for this user.
 */
export function reachableTools(config: Config, user: string, readOnly: boolean): ReadonlyMap<string, ListedTool> {
  return resolveSelection("all", String(readOnly), config, user).tools;
}

/** Why the user's token scope rules out a tool of this deployment, or undefined (also when no such tool exists). */
export function scopeRefusal(name: string, config: Config, user: string): string | undefined {
  const tool = LISTED_BY_NAME.get(name);
  return tool ? toolRefusal(config.scopes.get(user), factsOf(tool)) : undefined;
}

const listingCache = new Map<string, { tools: Tool[]; json: string }>();

function cachedListing(selection: Selection, config: Config): { tools: Tool[]; json: string } {
  const key = `${selection.key}|${config.confirmActions}`;
  let result = listingCache.get(key);
  if (!result) {
    const tools = [...selection.tools.values()].map((t) => describe(t, needsConfirmation(t, config)));
    result = { tools, json: JSON.stringify({ tools }) };
    listingCache.set(key, result);
  }
  return result;
}

/** The tools/list result for a selection, built once per isolate. */
export function listing(selection: Selection, config: Config): { tools: Tool[] } {
  return { tools: cachedListing(selection, config).tools };
}

/** The same result, serialized once per isolate (serializing ~230 tools is most of what a tools/list costs). */
export function listingJson(selection: Selection, config: Config): string {
  return cachedListing(selection, config).json;
}
