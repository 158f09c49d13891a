// Reads a request body up to `limit` bytes, counting as it streams; beyond that it stops keeping
// anything and reports the body too large. The rest is drained (up to a bound) rather than cut,
// so the browser finishes sending and reads the 413 instead of a reset connection.
export type CappedBody = { ok: true; data: Buffer } | { ok: false; reason: "too-large" };

const DRAIN_LIMIT_FACTOR = 3;

export async function readCappedBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<CappedBody> {
  if (!body) return { ok: true, data: Buffer.alloc(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total <= limit) {
        chunks.push(value);
        continue;
      }
      chunks.length = 0;
      if (total > limit * DRAIN_LIMIT_FACTOR) {
        await reader.cancel();
        break;
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (total > limit) return { ok: false, reason: "too-large" };
  return { ok: true, data: Buffer.concat(chunks, total) };
}

// Reads and throws away a body the server has already refused, so the client finishes sending
// and reads the answer; a body beyond `maxBytes` is cut off instead.
export async function drainBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
