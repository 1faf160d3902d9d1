/**
 * /sse: the legacy HTTP+SSE transport for older clients. It needs a session
 * that outlives one request, so it runs in a Durable Object via the Agents
 * SDK's McpAgent (the only SSE server it offers). It serves the same Server,
 * with the same selection rules, as /mcp.
 */

import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { McpAgent } from "agents/mcp";
import { type Env, getConfig } from "../config";
import { servicesOf } from "../policy/services";
import { resolveSelection } from "../tools/registry";
import { type SessionState, sessionState } from "./handlers";
import { createMcpServer } from "./server";

/** What the Worker hands each SSE session (set from the URL and the caller's identity). */
export type SseProps = {
  toolsets: string | null;
  readOnly: string | null;
  user: string;
};

export class McpSseAgent extends McpAgent<Env, unknown, SseProps> {
  server: Server = createMcpServer(() => this.state_());

  private state_(): SessionState {
    const config = getConfig(this.env);
    const props = this.props ?? { toolsets: null, readOnly: null, user: "anonymous" };
    return sessionState(config, resolveSelection(props.toolsets, props.readOnly, config, props.user), props.user, servicesOf(this.env));
  }

  async init(): Promise<void> {}

  /**
   * The Worker calls this when the client's SSE stream has ended: the session
   * drops its connection, so later messages for it get 404 and it holds nothing.
   */
  async endStream(): Promise<void> {
    for (const connection of this.getConnections()) connection.close(1000, "SSE stream closed");
  }

  /** A message for a session whose stream is not open (unknown or ended) is refused, not swallowed. */
  override async onSSEMcpMessage(...args: Parameters<McpAgent["onSSEMcpMessage"]>): Promise<Error | null> {
    if (!this.getWebSocket()) return new Error(SSE_SESSION_NOT_FOUND);
    return super.onSSEMcpMessage(...args);
  }
}

export const SSE_SESSION_NOT_FOUND = "SSE session not found";

export const sseHandler = McpSseAgent.serveSSE("/sse", { binding: "MCP_SSE" });
