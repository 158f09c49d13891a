import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySecurityHeaders } from "@/lib/security-headers";
import { checkedMultipartRequest } from "@/lib/server/multipart-body-check";

// A server with the custom server's multipart check in front of a handler that, like Next, reads
// the body it is given and answers with what it got.
let server: http.Server;
let base: string;
const seen: { method?: string; url?: string; contentType?: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void checkedMultipartRequest(req, res).then(async (checked) => {
      if (checked === null) return;
      const chunks: Buffer[] = [];
      for await (const chunk of checked) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: checked.method, url: checked.url, contentType: checked.headers["content-type"], body });
      res.end(`read ${Buffer.byteLength(body)} bytes`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const boundary = "----formdata-test-7Kq2xZ9";
const multipart = `multipart/form-data; boundary=${boundary}`;
const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const wellFormed = field("$ACTION_ID_abc", "") + field("body", "héllo\r\nworld") + `--${boundary}--\r\n`;

function post(path: string, contentType: string, body: string) {
  return fetch(`${base}${path}`, { method: "POST", headers: { "content-type": contentType }, body });
}

describe("the multipart check in front of Next", () => {
  it("hands a well-formed body on unchanged, with its method, path and headers", async () => {
    seen.length = 0;
    const response = await post("/articles/a?x=1", multipart, wellFormed);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`read ${Buffer.byteLength(wellFormed)} bytes`);
    expect(seen).toEqual([{ method: "POST", url: "/articles/a?x=1", contentType: multipart, body: wellFormed }]);
  });

  it("answers 400 to a body with another boundary, cut short, without a closing delimiter, or garbage, and hands none on", async () => {
    seen.length = 0;
    const posts: [string, string][] = [
      ["multipart/form-data; boundary=zzz", "--aaa\r\nnonsense"],
      [multipart, wellFormed.slice(0, wellFormed.length - 30)],
      [multipart, field("body", "no end")],
      [multipart, `--${boundary}\r\nX-Not-A-Disposition: 1\r\n\r\nvalue\r\n--${boundary}--\r\n`],
      [multipart, "\u0000\u00ff garbage"],
      [multipart, ""],
    ];
    for (const [contentType, body] of posts) {
      const response = await post("/articles/a", contentType, body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(await response.text()).toBe("Bad Request: malformed multipart body.\n");
    }
    expect(seen).toEqual([]);
  });

  it("leaves other bodies, other methods and uploads alone", async () => {
    seen.length = 0;
    expect((await post("/login", "application/x-www-form-urlencoded", "a=%zz")).status).toBe(200);
    expect((await post("/api/uploads", multipart, "--cut")).status).toBe(200);
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(seen.map((request) => request.body)).toEqual(["a=%zz", "--cut", ""]);
  });
});

describe("the security headers", () => {
  function headersFor(https: boolean) {
    const res = new http.ServerResponse(new http.IncomingMessage(null as never));
    applySecurityHeaders(new http.IncomingMessage(null as never), res, { https });
    return res.getHeaders();
  }

  it("send HSTS only when SITE_URL is https", () => {
    expect(headersFor(true)["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(headersFor(false)["strict-transport-security"]).toBeUndefined();
    expect(headersFor(false)["x-content-type-options"]).toBe("nosniff");
  });
});
