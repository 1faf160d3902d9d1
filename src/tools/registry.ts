/**
 * The registry: every tool, grouped into toolsets, and the one inventory
 * builder that decides what a connection sees (?toolsets=…&read_only=…).
 * Listings are built once per isolate per selection, since converting the zod
 * schemas of ~230 tools to JSON Schema is the expensive part.
 */
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { viewMeta, viewOf } from "../apps/views";
import { type Config, configuredUpstreams } from "../config";
import { LEADMAGIC_TOOLS } from "../leadmagic";
import { factsOf } from "../policy/gate";
import { toolRefusal } from "../policy/scopes";
import { POLICY_TOOLS } from "../policy/tools";
import { SMARTLEAD_TOOLS } from "../smartlead";
import { upstreamOf } from "../upstream/hosts";
import { WORKFLOW_TOOLS } from "../workflows/tools";
import { CONFIRMATION_FIELD } from "./confirm";
import type { ToolDefinition } from "./define";
import { needsConfirmation } from "./kinds";
import { toJsonSchema } from "./schema";
import { DEFAULT_TOOL_NAMES, TOOLSET_IDS, type ToolsetId } from "./toolsets";

export { DEFAULT_TOOL_NAMES } from "./toolsets";

export const ALL_TOOLS: readonly ToolDefinition[] = [...LEADMAGIC_TOOLS, ...SMARTLEAD_TOOLS, ...WORKFLOW_TOOLS, ...POLICY_TOOLS];

/** Each toolset's tools in listing order, in TOOLSET_INFO's order, then the curated `default` view. */
export const TOOLSETS: ReadonlyMap<ToolsetId | "default", readonly ToolDefinition[]> = (() => {
  const map = new Map<ToolsetId | "default", readonly ToolDefinition[]>(TOOLSET_IDS.map((id) => [id, ALL_TOOLS.filter((t) => t.toolset === id)]));
  const byName = new Map(ALL_TOOLS.map((t) => [t.name, t]));
  map.set(
    "default",
    DEFAULT_TOOL_NAMES.flatMap((n) => byName.get(n) ?? []),
  );
  return map;
})();

export class SelectionError extends Error {}

export interface Selection {
  /** Stable key of this selection, for caches. */
  key: string;
  tools: ReadonlyMap<string, ToolDefinition>;
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
  const chosen = names.includes("all") ? ALL_TOOLS : names.filter(known).flatMap((n) => TOOLSETS.get(n)!);
  const tools = new Map<string, ToolDefinition>();
  for (const tool of chosen) {
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

/** Why the user's token scope rules out a tool of this deployment, or undefined (also when no such tool exists). */
export function scopeRefusal(name: string, config: Config, user: string): string | undefined {
  const tool = ALL_TOOLS.find((t) => t.name === name);
  return tool ? toolRefusal(config.scopes.get(user), factsOf(tool)) : undefined;
}

/**
 * The advertised output schema. A call can also end in an error result
 * ({error}) or, for two-step tools, a preview; clients validate those against
 * the same schema, so the top level requires nothing and admits other members.
 */
function resultSchema(output: z.ZodType): Tool["outputSchema"] {
  const { required: _required, additionalProperties: _closed, ...schema } = toJsonSchema(output, "output");
  return schema as Tool["outputSchema"];
}

const toolCache = new Map<string, Tool>();

/** The MCP description of one tool (cached per isolate). */
function describe(tool: ToolDefinition, confirm: boolean): Tool {
  const cacheKey = `${tool.name}|${confirm}`;
  let listed = toolCache.get(cacheKey);
  if (!listed) {
    const inputSchema = toJsonSchema(tool.input, "input");
    if (confirm) {
      inputSchema.properties = {
        ...(inputSchema.properties as object),
        [CONFIRMATION_FIELD]: {
          type: "string",
          description: "Omit to get a preview; then pass the preview's token to carry the action out.",
        },
      };
    }
    listed = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: inputSchema as Tool["inputSchema"],
      annotations: { ...tool.annotations },
    };
    if (tool.output) listed.outputSchema = resultSchema(tool.output);
    const view = viewOf(tool, confirm);
    if (view) listed._meta = viewMeta(view);
    toolCache.set(cacheKey, listed);
  }
  return listed;
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
