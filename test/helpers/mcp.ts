/** Connects the MCP SDK's own Client to the Worker over either transport. */
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from "@modelcontextprotocol/client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CallToolResult, ElicitRequestSchema, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import { TEST_ACCESS_TOKEN } from "./stack";

export type TransportKind = "mcp" | "sse";
export const TRANSPORTS: TransportKind[] = ["mcp", "sse"];

export interface ConnectOptions {
  /** Query string for the MCP URL, e.g. "toolsets=all". */
  query?: string;
  /** Extra headers; an `Authorization` here replaces the default test token. */
  headers?: Record<string, string>;
  /** Bearer token to send (default: the stack's TEST_ACCESS_TOKEN); null sends no Authorization. */
  token?: string | null;
  /** Declare form elicitation and answer each question with this (the person, in a test). */
  elicit?: (params: { message: string; requestedSchema?: unknown }) => ElicitResult | Promise<ElicitResult>;
}

function headersFor(options: ConnectOptions): Record<string, string> {
  const token = options.token === undefined ? TEST_ACCESS_TOKEN : options.token;
  const overridesAuth = Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === "authorization");
  return { ...(token && !overridesAuth ? { Authorization: `Bearer ${token}` } : {}), ...options.headers };
}

export async function connect(baseUrl: string, kind: TransportKind, options: ConnectOptions = {}): Promise<Client> {
  const url = new URL(`${baseUrl}/${kind}${options.query ? `?${options.query}` : ""}`);
  const requestInit = { headers: headersFor(options) };
  const transport =
    kind === "mcp"
      ? new StreamableHTTPClientTransport(url, { requestInit })
      : new SSEClientTransport(url, {
          requestInit,
          eventSourceInit: { fetch: (u, init) => fetch(u, { ...init, headers: { ...(init?.headers as Record<string, string>), ...requestInit.headers } }) },
        });
  const client = new Client({ name: "gtm-edge-mcp-tests", version: "1.0.0" }, options.elicit ? { capabilities: { elicitation: { form: {} } } } : {});
  const elicit = options.elicit;
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (request) => elicit(request.params as { message: string }));
  await client.connect(transport);
  return client;
}

/**
 * The SDK v2 client on /mcp, pinned to 2026-07-28 (server/discover, no
 * initialize, the per-request envelope and standard headers), or probing
 * with server/discover and ready to fall back (`negotiation: "auto"`).
 */
export async function connectModern(baseUrl: string, options: ConnectOptions & { negotiation?: "pin" | "auto" } = {}): Promise<ModernClient> {
  const url = new URL(`${baseUrl}/mcp${options.query ? `?${options.query}` : ""}`);
  const transport = new ModernTransport(url, { requestInit: { headers: headersFor(options) } });
  const client = new ModernClient(
    { name: "gtm-edge-mcp-tests-v2", version: "1.0.0" },
    {
      versionNegotiation: { mode: options.negotiation === "auto" ? "auto" : { pin: "2026-07-28" } },
      ...(options.elicit ? { capabilities: { elicitation: { form: {} } } } : {}),
    },
  );
  const elicit = options.elicit;
  if (elicit) client.setRequestHandler("elicitation/create", async (request) => (await elicit(request.params as { message: string })) as never);
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

/** A two-step tool carried out as a client would: the preview, then the same arguments with its token. Returns both results. */
export async function callConfirmed(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ preview: CallToolResult; result: CallToolResult }> {
  const preview = await call(client, name, args);
  const token = (preview.structuredContent as { confirmation_token?: string } | undefined)?.confirmation_token;
  if (preview.isError || typeof token !== "string") throw new Error(`${name}: expected a preview, got ${JSON.stringify(preview).slice(0, 300)}`);
  return { preview, result: await call(client, name, { ...args, confirmation_token: token }) };
}
