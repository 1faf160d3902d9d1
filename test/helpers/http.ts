/**
 * Raw HTTP for edge tests: node:http(s) requests that (unlike fetch) can set
 * Host and stream a body, an MCP POST with the right headers, and opening the
 * legacy SSE stream up to its endpoint event.
 */
import assert from "node:assert/strict";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { authHeaders, type Stack } from "./stack";

export const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
export const LIST = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * One request over node:http(s), which (unlike fetch) lets a test set Host and
 * stream a chunked body. `streamBytes` sends that many bytes in 64 KiB chunks
 * with no Content-Length, stopping early once the server has answered.
 */
export function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; streamBytes?: number } = {},
): Promise<RawResponse> {
  const u = new URL(url);
  const send = u.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = send(u, { method: options.method ?? "GET", headers: options.headers, rejectUnauthorized: false }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      res.on("error", reject);
    });
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    if (options.streamBytes !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < options.streamBytes! && !answered && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    } else {
      req.end(options.body);
    }
  });
}

export async function post(stack: Stack, path: string, headers: Record<string, string>, body = LIST): Promise<Response> {
  return fetch(`${stack.url}${path}`, { method: "POST", headers: { ...MCP_HEADERS, ...headers }, body });
}

/** Reads an SSE stream until its `endpoint` event and returns the message URL (path + query). */
export async function openSse(stack: Stack, path = "/sse", headers: Record<string, string> = authHeaders()): Promise<{ endpoint: string; close: () => void }> {
  const controller = new AbortController();
  const res = await fetch(`${stack.url}${path}`, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("stream ended before the endpoint event");
    buffer += decoder.decode(value, { stream: true });
    const m = /event: endpoint\ndata: (\S+)\n/.exec(buffer);
    if (m) return { endpoint: m[1]!, close: () => controller.abort() };
  }
}

/** Rate limits count in fixed one-minute windows: waits, if needed, so the next requests fall in one window. */
export async function startOfFreshWindow(minSecondsLeft = 20): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < minSecondsLeft * 1000) await new Promise((r) => setTimeout(r, left + 250));
}
