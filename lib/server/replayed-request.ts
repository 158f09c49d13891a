import { IncomingMessage } from "node:http";

// Reads a whole request body. The caller has already refused bodies over the size limit by their
// Content-Length (lib/request-body-limit.ts); `maxBytes` only guards against a lying client.
export function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.destroy();
        reject(new Error("request body over the limit"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("aborted", () => reject(new Error("request aborted")));
  });
}

// A request that Next can read as if it were the original one: same socket, method, URL and
// headers, and a body stream that yields the bytes already read from the original.
export function replayedRequest(original: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(original.socket);
  replay.method = original.method;
  replay.url = original.url;
  replay.httpVersion = original.httpVersion;
  replay.httpVersionMajor = original.httpVersionMajor;
  replay.httpVersionMinor = original.httpVersionMinor;
  replay.headers = { ...original.headers, "content-length": String(body.length) };
  replay.rawHeaders = original.rawHeaders;
  replay.complete = true;
  replay.push(body);
  replay.push(null);
  return replay;
}
