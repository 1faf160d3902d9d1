/** Request bodies under MAX_REQUEST_BYTES (read with ../streams.ts readCapped), and the request rebuilt around them. */

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
