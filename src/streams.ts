/** Reading a body without trusting its size: shared by request bodies (edge) and upstream answers. */

/**
 * The whole body of a request or response, or undefined when it is larger than
 * `maxBytes`: a declared Content-Length over the cap is refused without reading
 * (the stream is cancelled), anything else is read as a stream and cut off at the cap.
 */
export async function readCapped(message: Request | Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(message.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await message.body?.cancel().catch(() => {});
    return undefined;
  }
  return readUpTo(message.body, maxBytes);
}

/**
 * Reads a stream to the end, or stops and cancels it as soon as it passes
 * `maxBytes` (then returns undefined). Never buffers more than the cap.
 */
export async function readUpTo(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}
