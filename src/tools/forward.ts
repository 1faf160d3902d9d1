/**
 * The forwarder: turns a validated tool call into its upstream request and the
 * upstream answer into a ToolOutcome. Every declarative tool goes through here.
 */
import type { UpstreamCall } from "../upstream/client";
import { ToolError } from "../upstream/errors";
import { upstreamLabel } from "../upstream/hosts";
import type { Args, Base, RunContext, ToolDefinition, ToolOutcome } from "./define";
import { withoutSecrets } from "./secrets";
import { defaultShape, listResult, withUsage } from "./shape";

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Names of the {placeholders} in a path template. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Fills a path template. Each value is percent-encoded as one segment, and the
 * dot segments "." and ".." are refused, so no input can change which route is called.
 */
export function fillPath(template: string, args: Args): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = args[name];
    if (value === undefined || value === null || value === "") {
      throw new ToolError("invalid_input", `Missing required path parameter: ${name}.`, { field: name });
    }
    const text = String(value);
    if (text === "." || text === "..") {
      throw new ToolError("invalid_input", `Invalid value for ${name}.`, { field: name });
    }
    return encodeURIComponent(text);
  });
}

function queryValue(value: unknown): string | readonly string[] {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(",");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Splits validated arguments into path, query and body, as the definition says. */
export function buildCall(tool: ToolDefinition, args: Args): UpstreamCall & { base: Base } {
  if (tool.base === "local") throw new Error(`${tool.name} runs locally: it has no upstream request to build`);
  const inPath = new Set(pathParams(tool.path));
  const queryNames = new Set(tool.query ?? (tool.method === "GET" || tool.method === "DELETE" ? Object.keys(args).filter((k) => !inPath.has(k)) : []));
  const query: Record<string, string | readonly string[]> = {};
  const rest: Args = {};
  for (const [name, value] of Object.entries(args)) {
    if (inPath.has(name) || value === undefined) continue;
    if (queryNames.has(name)) query[name] = queryValue(value);
    else rest[name] = value;
  }
  const sendsBody = tool.method === "POST" || tool.method === "PUT" || tool.method === "PATCH";
  const body = tool.body ? tool.body(rest) : sendsBody ? rest : undefined;
  return { base: tool.base, method: tool.method, path: fillPath(tool.path, args), query, body, text: tool.textResponse };
}

/** Runs one declarative tool: request, then shape. */
export async function forward(tool: ToolDefinition, args: Args, ctx: RunContext): Promise<ToolOutcome> {
  if (tool.run) return tool.run(args, ctx);
  const response = await ctx.call(buildCall(tool, args));
  if (tool.effect === "read" && response.data === null) {
    // A read that answers nothing has not answered: say so rather than report an empty success.
    throw new ToolError(
      "upstream_bad_response",
      `${upstreamLabel(tool.base as Base)} answered HTTP ${response.status} with an empty body where data was expected.`,
      {
        status: response.status,
      },
    );
  }
  // Mailbox credentials never reach a result, whichever tool's answer carries them.
  const data = withoutSecrets(response.data);
  const outcome = tool.shape ? tool.shape(data, args, response) : { data: tool.list ? listResult(tool.list, data, args) : defaultShape(data) };
  return { data: withUsage(outcome.data, response), summary: outcome.summary };
}
