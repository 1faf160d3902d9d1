/** Connects the MCP SDK's own Client to the Worker over either transport. */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

export type TransportKind = "mcp" | "sse";
export const TRANSPORTS: TransportKind[] = ["mcp", "sse"];

export interface ConnectOptions {
  /** Query string for the MCP URL, e.g. "toolsets=all". */
  query?: string;
  headers?: Record<string, string>;
}

export async function connect(baseUrl: string, kind: TransportKind, options: ConnectOptions = {}): Promise<Client> {
  const url = new URL(`${baseUrl}/${kind}${options.query ? `?${options.query}` : ""}`);
  const requestInit = { headers: options.headers ?? {} };
  const transport =
    kind === "mcp"
      ? new StreamableHTTPClientTransport(url, { requestInit })
      : new SSEClientTransport(url, {
          requestInit,
          eventSourceInit: { fetch: (u, init) => fetch(u, { ...init, headers: { ...(init?.headers as Record<string, string>), ...requestInit.headers } }) },
        });
  const client = new Client({ name: "gtm-edge-mcp-tests", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The structured error of an isError result. */
export function errorOf(result: CallToolResult): { code: string; message: string; [k: string]: unknown } {
  if (!result.isError) throw new Error(`expected an isError result, got ${JSON.stringify(result).slice(0, 500)}`);
  return (result.structuredContent as { error: { code: string; message: string } }).error;
}
