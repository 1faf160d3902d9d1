/** Reading a body without trusting its size: shared by request bodies (edge) and upstream answers. */

export interface ReadOptions {
  /** Aborts the read (the stream is cancelled and the signal's reason thrown), e.g. a deadline. */
  signal?: AbortSignal;
  /**
   * Past the cap, keep reading and discarding up to this many bytes in all, so
   * the sender finishes and can read our answer (a 413) instead of a reset.
   */
  drainUpTo?: number;
}

/**
 * Reads a stream to the end, or returns undefined as soon as it passes
 * `maxBytes` (then cancelled, or drained up to `drainUpTo`). Never buffers more than the cap.
 */
export async function readUpTo(body: ReadableStream<Uint8Array> | null, maxBytes: number, options: ReadOptions = {}): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const { signal, drainUpTo = 0 } = options;
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    const stop = () => reject(signal.reason ?? new DOMException("aborted", "AbortError"));
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
  aborted.catch(() => {});
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      size += value.byteLength;
      if (size <= maxBytes) chunks.push(value);
      else if (size > drainUpTo) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  if (size > maxBytes) return undefined;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/**
 * The whole body of a request or response, or undefined when it is larger than
 * `maxBytes`. A declared Content-Length over the cap is refused without keeping
 * any of it (drained when within `drainUpTo`, else cancelled); anything else is
 * read as a stream and cut off at the cap.
 */
export async function readCapped(message: Request | Response, maxBytes: number, options: ReadOptions = {}): Promise<Uint8Array | undefined> {
  const declared = Number(message.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes && declared > (options.drainUpTo ?? 0)) {
    await message.body?.cancel().catch(() => {});
    return undefined;
  }
  return readUpTo(message.body, maxBytes, options);
}
