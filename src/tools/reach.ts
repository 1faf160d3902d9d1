/**
 * The gtm_tools toolset: every tool reachable from any connection. A client
 * that cannot choose its URL (Claude.ai) gets the default selection; with
 * these two it can still find any tool this connection may use and run it by
 * name. What they reach is what toolsets=all lists under the connection's
 * read-only setting, for its token (src/tools/registry.ts reachableTools), so
 * they never widen what a token or a read-only connection may do.
 */
import { z } from "zod";
import { ToolError } from "../upstream/errors";
import { CONFIRMATION_FIELD } from "./confirm";
import type { Args, ListedTool, ToolDefinition } from "./define";
import { describe } from "./describe";
import { needsConfirmation } from "./kinds";
import { toolset } from "./toolset";
import { TOOLSET_IDS } from "./toolsets";

const t = toolset("gtm_tools");

export const SEARCH_TOOL = "gtm_search_tools";
export const CALL_TOOL = "gtm_call_tool";

/** What a search may ask for by effect, and which tools each takes in. */
const EFFECTS = {
  read: (d: ListedTool) => d.annotations.readOnlyHint,
  writes: (d: ListedTool) => !d.annotations.readOnlyHint,
  spends: (d: ListedTool) => d.costsCredits,
  sends: (d: ListedTool) => d.kind === "send",
  destroys: (d: ListedTool) => d.kind === "delete",
} as const;
type EffectFilter = keyof typeof EFFECTS;

/** Lower-case words of a query, each with a plural's ending dropped ("webhooks" finds webhook tools). */
function words(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^a-z0-9]+/))].filter((w) => w.length > 1).map((w) => (w.length > 4 ? w.replace(/e?s$/, "") : w));
}

/** How well a tool matches: how many of the words it has anywhere, then a score that weighs a name above a title above a description. */
function matchOf(tool: ListedTool, queryWords: readonly string[]): { matched: number; score: number } {
  const nameWords = tool.name.split("_");
  const title = tool.title.toLowerCase();
  const description = tool.description.toLowerCase();
  let matched = 0;
  let score = 0;
  for (const w of queryWords) {
    const s =
      (nameWords.some((n) => n === w || n.startsWith(w)) ? 6 : tool.name.includes(w) ? 3 : 0) + (title.includes(w) ? 2 : 0) + (description.includes(w) ? 1 : 0);
    if (s > 0) matched++;
    score += s;
  }
  return { matched, score };
}

/** The reachable tools that pass the filters, best match first (listing order among equals); the gtm_tools themselves are always listed, so left out. */
export function searchTools(reachable: readonly ListedTool[], query: { words?: string; toolset?: string; effect?: EffectFilter }): ListedTool[] {
  const queryWords = words(query.words ?? "");
  const ranked = reachable
    .filter((d) => d.toolset !== "gtm_tools" && (!query.toolset || d.toolset === query.toolset) && (!query.effect || EFFECTS[query.effect](d)))
    .map((d, order) => ({ d, order, ...matchOf(d, queryWords) }))
    .filter((r) => queryWords.length === 0 || r.matched > 0);
  ranked.sort((a, b) => b.matched - a.matched || b.score - a.score || a.order - b.order);
  return ranked.map((r) => r.d);
}

export const REACH_TOOLS: ToolDefinition[] = [
  t.local({
    name: SEARCH_TOOL,
    title: "Find tools",
    description: `Finds any tool this connection can use, even unlisted, by words, toolset or effect, with input schemas. Run one with ${CALL_TOOL}.`,
    kind: "read",
    input: z
      .object({
        query: z.string().max(200).optional().describe('Words, e.g. "pause campaign"'),
        // A plain string (checked in run): the list of toolset ids would weigh more than the rest of this tool in the default listing.
        toolset: z.string().max(64).optional().describe("Only this toolset's tools, e.g. smartlead_webhooks"),
        effect: z
          .enum(Object.keys(EFFECTS) as [EffectFilter, ...EffectFilter[]])
          .optional()
          .describe("Only tools that read, write, spend, send or delete"),
        limit: z.number().int().min(1).max(20).default(5).describe("How many at most (1–20)"),
      })
      .strict(),
    run: async (args, ctx) => {
      if (args.toolset !== undefined && !(TOOLSET_IDS as readonly string[]).includes(args.toolset as string)) {
        throw new ToolError("invalid_input", `Unknown toolset ${String(args.toolset)}. Known: ${TOOLSET_IDS.join(", ")}.`, { field: "toolset" });
      }
      const found = searchTools(ctx.reachable(), {
        words: args.query as string | undefined,
        toolset: args.toolset as string | undefined,
        effect: args.effect as EffectFilter | undefined,
      });
      const shown = found.slice(0, args.limit as number).map((d) => {
        const { name, title, description, annotations, inputSchema } = describe(d, needsConfirmation(d, ctx.config));
        return { name, title, description, toolset: d.toolset, annotations, inputSchema };
      });
      return {
        data: { tools: shown, count: shown.length, total_matches: found.length },
        summary: shown.length
          ? `${found.length} tool(s) match${found.length > shown.length ? `; the best ${shown.length}` : ""}: ${shown.map((s) => s.name).join(", ")}. Call a listed one directly, or any of them with ${CALL_TOOL} {"name": …, "arguments": {…}}.`
          : "No tool this connection can use matches; try other words, or no filter.",
      };
    },
  }),
  t.local({
    name: CALL_TOOL,
    title: "Run a tool by name",
    description: `Runs by name any tool this connection can use, listed or not (see ${SEARCH_TOOL}), exactly as a direct call. Confirm a two-step tool's preview by calling again with its ${CONFIRMATION_FIELD}.`,
    // It can reach tools that send and delete: the most cautious hints (read-only ones on a read-only connection).
    kind: "create",
    annotations: { destructiveHint: true, openWorldHint: true },
    input: z
      .object({
        name: z.string().min(1).max(64).describe("The tool's name"),
        arguments: z.record(z.string(), z.unknown()).default({}).describe("Its arguments"),
        [CONFIRMATION_FIELD]: z.string().max(256).optional().describe("From a two-step tool's preview"),
      })
      .strict(),
    delegate: {
      target: (args) => {
        const inner = args.arguments as Args;
        const token = args[CONFIRMATION_FIELD];
        if (token !== undefined && CONFIRMATION_FIELD in inner) {
          throw new ToolError("invalid_input", `Give ${CONFIRMATION_FIELD} once: beside name and arguments, or inside arguments.`, {
            field: CONFIRMATION_FIELD,
          });
        }
        return { name: args.name as string, args: token === undefined ? inner : { ...inner, [CONFIRMATION_FIELD]: token } };
      },
      readOnlyAnnotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
  }),
];
