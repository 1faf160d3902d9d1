/**
 * The MCP server both transports share: one low-level SDK Server whose
 * tools/list answers from the registry's per-isolate listing cache and whose
 * tools/call goes through callTool. Using the low-level Server (not McpServer)
 * means no tool is registered per request: a request costs a lookup, not a rebuild.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Config } from "../config";
import { callTool, type CallContext } from "../tools/call";
import { listing, type Selection } from "../tools/registry";
import { SERVER_NAME, VERSION } from "../version";

export interface SessionState {
  config: Config;
  selection: Selection;
  call: CallContext;
}

const INSTRUCTIONS =
  "Tools for SmartLead (cold-email campaigns, leads, mailboxes, inbox, analytics, deliverability) and LeadMagic (B2B enrichment). " +
  "Tools that delete, stop, or send email return a preview and a confirmation_token first; call again with the token to carry it out. " +
  "Tools that spend credits say so in their description.";

/**
 * One validator per isolate. Without it every Server builds its own Ajv
 * instance (slow, and Ajv's code generation cannot run in workerd anyway).
 */
const jsonSchemaValidator = new CfWorkerJsonSchemaValidator();

export function createMcpServer(state: () => SessionState): Server {
  const server = new Server(
    { name: SERVER_NAME, version: VERSION, title: "GTM edge MCP (SmartLead + LeadMagic)" },
    { capabilities: { tools: { listChanged: false } }, instructions: INSTRUCTIONS, jsonSchemaValidator },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => {
    const s = state();
    return listing(s.selection, s.config);
  });
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const s = state();
    const tool = s.selection.tools.get(request.params.name);
    if (!tool) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool: ${request.params.name}. It does not exist, or it is not in this connection's toolsets (see ?toolsets=, ?read_only=).`,
      );
    }
    return callTool(tool, request.params.arguments, s.call);
  });
  return server;
}
