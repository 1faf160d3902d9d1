/**
 * The one place a tool becomes what clients list: name, title, description,
 * JSON Schemas and annotations (cached per isolate). tools/list and
 * gtm_search_tools both answer with it.
 */
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { CONFIRMATION_FIELD } from "./confirm";
import type { ToolDefinition } from "./define";
import { toJsonSchema } from "./schema";

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

/** The MCP description of one tool; `confirm`: it asks for a confirmation token on this deployment. */
export function describe(tool: ToolDefinition, confirm: boolean): Tool {
  // A delegating tool is listed with other hints on a read-only connection.
  const cacheKey = `${tool.name}|${confirm}|${tool.annotations.readOnlyHint}`;
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
    toolCache.set(cacheKey, listed);
  }
  return listed;
}
