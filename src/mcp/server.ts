/**
 * The SDK v1 adapter (2025-11-25 and earlier, on /mcp and /sse): one low-level
 * Server registering the shared handlers of ./handlers.ts. Using the low-level
 * Server (not McpServer) means no tool is registered per request: a request
 * costs a lookup, not a rebuild.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { Protocol } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { z } from "zod";
import { callTool } from "../tools/call";
import { CONFIRMATION_TTL_SECONDS } from "../tools/confirm";
import { callAsking, canAskForm } from "./approval";
import * as shared from "./handlers";

/**
 * One validator per isolate. Without it every Server builds its own Ajv
 * instance (slow, and Ajv's code generation cannot run in workerd anyway).
 */
const jsonSchemaValidator = new CfWorkerJsonSchemaValidator();

/**
 * tools/call is registered with this loose schema, below the SDK Server's own
 * tools/call wrapper: that wrapper and the strict request schema answer a
 * malformed call (say `"arguments": "x"`) with a multi-line zod dump, and as an
 * internal error (-32603). callParams (./handlers.ts) checks the two fields and says what is wrong.
 */
const ToolsCallRequest = z.looseObject({ method: z.literal("tools/call"), params: z.unknown() });

export function createMcpServer(state: () => shared.SessionState): Server {
  const server = new Server(shared.SERVER_INFO, { capabilities: shared.CAPABILITIES, instructions: shared.INSTRUCTIONS, jsonSchemaValidator });
  server.setRequestHandler(ListResourcesRequestSchema, () => shared.listResources());
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => shared.listResourceTemplates());
  server.setRequestHandler(ReadResourceRequestSchema, (request) => shared.getResource(request.params.uri));
  server.setRequestHandler(ListPromptsRequestSchema, () => shared.listPrompts());
  server.setRequestHandler(GetPromptRequestSchema, (request) => shared.getPrompt(request.params.name, request.params.arguments));
  server.setRequestHandler(ListToolsRequestSchema, () => shared.listTools(state()));
  Protocol.prototype.setRequestHandler.call(server, ToolsCallRequest, async (request, extra) => {
    const s = state();
    const params = shared.callParams(request.params);
    const found = shared.toolFor(s, params.name);
    if ("refused" in found) return found.refused;
    const { tool } = found;
    const extras = shared.extrasFor(request.params, (notification) => extra.sendNotification(notification));
    // A session whose client declared form elicitation (only /sse keeps one) asks the person instead of the agent.
    if (!canAskForm(server.getClientCapabilities())) return callTool(tool, params.arguments, s.call, extras);
    return callAsking(tool, params.arguments, s.call, extras, (question) =>
      server.elicitInput(question, { timeout: CONFIRMATION_TTL_SECONDS * 1000, relatedRequestId: extra.requestId }),
    );
  });
  return server;
}
