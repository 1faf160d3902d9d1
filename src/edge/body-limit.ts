/**
 * Request bodies are read as a stream and cut off past the cap, whatever
 * Content-Length says (a declared size over the cap is refused without reading).
 */
import { readUpTo } from "../streams";

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false };

export async function readCapped(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false };
  }
  const bytes = await readUpTo(request.body, maxBytes);
  return bytes ? { ok: true, bytes } : { ok: false };
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
