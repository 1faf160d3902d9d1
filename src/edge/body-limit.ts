/**
 * Request bodies at the edge: read under MAX_REQUEST_BYTES within a deadline,
 * whatever Content-Length says. An oversized body is drained (up to a bound)
 * before the 413, so the client reads the answer instead of a reset; a body
 * that trickles in is cut off at the deadline (408); a client that goes away
 * mid-body is told apart from a fault of ours.
 */
import { readCapped } from "../streams";
import { DRAIN_LIMIT_BYTES, REQUEST_BODY_TIMEOUT_MS } from "./limits";

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" | "timeout" | "aborted" };

export async function readRequestBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const signal = AbortSignal.timeout(REQUEST_BODY_TIMEOUT_MS);
  try {
    const bytes = await readCapped(request, maxBytes, { signal, drainUpTo: DRAIN_LIMIT_BYTES });
    return bytes ? { ok: true, bytes } : { ok: false, reason: "too_large" };
  } catch {
    return { ok: false, reason: signal.aborted ? "timeout" : "aborted" };
  }
}

/** The same request with its (already read, capped) body buffered. */
export function withBody(request: Request, bytes: Uint8Array): Request {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new Request(request.url, { method: request.method, headers, body: bytes, redirect: "manual" });
}

export function hasBody(request: Request): boolean {
  return request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS" && request.body !== null;
}
