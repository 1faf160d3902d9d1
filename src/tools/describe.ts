/**
 * The one place a tool becomes what clients list: name, title, description,
 * JSON Schemas, annotations and its MCP Apps view, from the recorded listing (cached per
 * isolate). tools/list and gtm_search_tools both answer with it.
 */
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { viewMeta, viewOf } from "../apps/views";
import { CONFIRMATION_FIELD } from "./confirm";
import type { ListedTool } from "./define";

const toolCache = new Map<string, Tool>();

/** The MCP description of one tool; `confirm`: it asks for a confirmation token on this deployment. */
export function describe(tool: ListedTool, confirm: boolean): Tool {
  // A delegating tool is listed with other hints on a read-only connection.
  const cacheKey = `${tool.name}|${confirm}|${tool.annotations.readOnlyHint}`;
  let listed = toolCache.get(cacheKey);
  if (!listed) {
    const inputSchema = { ...tool.inputSchema };
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
    if (tool.outputSchema) listed.outputSchema = tool.outputSchema as Tool["outputSchema"];
    const view = viewOf(tool, confirm);
    if (view) listed._meta = viewMeta(view);
    toolCache.set(cacheKey, listed);
  }
  return listed;
}
