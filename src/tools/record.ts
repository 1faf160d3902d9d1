/**
 * Builds the recorded listing (./listed.json) from the tool definitions: each
 * tool's JSON Schemas converted from its zod schemas, and the facts selection
 * needs. Only `npm run snapshots` and the test that keeps the record fresh run
 * this; the Worker reads the record.
 */
import type { z } from "zod";
import type { ListedTool, ToolDefinition } from "./define";
import { allDefinitions } from "./modules";
import { toJsonSchema } from "./schema";

/**
 * The advertised output schema. A call can also end in an error result
 * ({error}) or, for two-step tools, a preview; clients validate those against
 * the same schema, so the top level requires nothing and admits other members.
 */
function resultSchema(output: z.ZodType): Record<string, unknown> {
  const { required: _required, additionalProperties: _closed, ...schema } = toJsonSchema(output, "output");
  return schema;
}

export function recordOf(tool: ToolDefinition, module: string): ListedTool {
  const listed: ListedTool = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    toolset: tool.toolset,
    module,
    base: tool.base,
    kind: tool.kind,
    costsCredits: tool.costsCredits,
    annotations: { ...tool.annotations },
    confirm: Boolean(tool.confirm),
    inputSchema: toJsonSchema(tool.input, "input"),
  };
  if (tool.admin) listed.admin = true;
  if (tool.view) listed.view = tool.view;
  if (tool.delegate) listed.delegate = { readOnlyAnnotations: { ...tool.delegate.readOnlyAnnotations } };
  if (tool.output) listed.outputSchema = resultSchema(tool.output);
  return listed;
}

/** The recorded listing's text, as the definitions give it now. */
export async function recordedListing(): Promise<string> {
  const tools = (await allDefinitions()).map(({ module, tool }) => recordOf(tool, module));
  return `${JSON.stringify({ tools })}\n`;
}
