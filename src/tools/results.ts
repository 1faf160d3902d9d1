/**
 * The one place that turns outcomes and errors into MCP tool results:
 * structuredContent (always an object) plus the same as JSON text for clients
 * that read only text. Errors are isError results, never protocol errors.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ToolError } from "../upstream/errors";
import { scrubDeep } from "../upstream/redact";
import type { ToolOutcome } from "./define";

export function successResult(outcome: ToolOutcome): CallToolResult {
  const json = JSON.stringify(outcome.data);
  const content: CallToolResult["content"] = [];
  if (outcome.summary) content.push({ type: "text", text: outcome.summary });
  content.push({ type: "text", text: json });
  return { content, structuredContent: outcome.data };
}

export function errorResult(err: ToolError): CallToolResult {
  const error = { code: err.code, message: err.message, ...err.details };
  return {
    isError: true,
    content: [{ type: "text", text: `Error (${err.code}): ${err.message}` }],
    structuredContent: { error },
  };
}

/** Anything that is not a ToolError is our own bug: the client gets a fixed sentence, the log gets the name. */
export function internalError(): ToolError {
  return new ToolError("upstream_bad_response", "The server hit an unexpected error handling this call; it has been logged.");
}

/** The result with every configured secret, in every spelling, scrubbed from its text and its structured content. */
export function scrubbedResult(result: CallToolResult, scrub: (text: string) => string): CallToolResult {
  return scrubDeep(result, scrub) as CallToolResult;
}
