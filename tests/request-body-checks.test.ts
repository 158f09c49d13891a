import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySecurityHeaders } from "@/lib/security-headers";
import { isDecodableActionArguments, isDecodableFormAction, type PayloadRows } from "@/lib/server/action-payload-check";
import { checkedRequestBody } from "@/lib/server/request-body-check";

// A server with the custom server's multipart check in front of a handler that, like Next, reads
// the body it is given and answers with what it got.
let server: http.Server;
let base: string;
const seen: { method?: string; url?: string; contentType?: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void checkedRequestBody(req, res).then(async (checked) => {
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

describe("the origin check in front of Next", () => {
  it("refuses a possible server action from another site with 403, as Next would (with a 500)", async () => {
    seen.length = 0;
    const from = (origin: string, extra: Record<string, string> = {}) =>
      fetch(`${base}/articles/a`, { method: "POST", headers: { "content-type": multipart, origin, ...extra }, body: wellFormed });
    for (const origin of ["http://evil.example", "null", "not a url"]) expect((await from(origin)).status, origin).toBe(403);
    expect((await from(base)).status).toBe(200);
    expect((await from("https://site.example", { "x-forwarded-host": "site.example" })).status).toBe(200);
    expect((await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": multipart, origin: "http://evil.example" }, body: wellFormed })).status).toBe(200);
    expect(seen).toHaveLength(3);
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

// React's own client encoder, as the page's script uses it to call an action.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
};

function rowsOf(payload: string | FormData | Record<string, string>, prefix = ""): PayloadRows {
  if (typeof payload === "string") return (id) => (id === 0 ? payload : undefined);
  const get = (name: string) => (payload instanceof FormData ? payload.get(name) : (payload[name] ?? null));
  return (id) => {
    const value = get(`${prefix}${id}`);
    return value === null ? undefined : typeof value === "string" ? value : "file";
  };
}

describe("the server-action payload check", () => {
  it("accepts whatever React's client encodes: a form with its state, and every kind of value", async () => {
    const form = new FormData();
    form.append("body", "hello $@1 $K1");
    form.append("$ACTION_KEY", "k");
    for (const [index, args] of [
      [{ status: "idle" }, form],
      [{ status: "invalid", message: "$$", values: { body: "$1" } }, form],
      ["$x", 1, undefined, new Date(0), 10n, NaN, -0, Infinity, new Map([[1, { a: [1] }]]), new Set(["$@2"])],
      [new Blob(["x"]), new Uint8Array([1, 2])],
      [],
    ].entries()) {
      expect(isDecodableActionArguments(rowsOf(await encodeReply(args))), `arguments ${index}`).toBe(true);
    }
  });

  it("refuses arguments React cannot decode", () => {
    for (const payload of ["", "{[garbage", "[", '{"a":1}', '"text"', '["$@3"]', '["$Q2"]', '["$zz"]', '["$B1"]', JSON.stringify(Array(1001).fill(1)), "[".repeat(100_000)]) {
      expect(isDecodableActionArguments(rowsOf(payload)), payload.slice(0, 30)).toBe(false);
    }
    expect(isDecodableActionArguments(rowsOf({ 0: '["$@1"]', 1: "{garbage" }))).toBe(false);
    expect(isDecodableActionArguments(rowsOf({ x: "1" }))).toBe(false);
  });

  it("checks a form posted without JavaScript to an action with bound arguments", () => {
    const id = "7f9570c6e252a4030ec6e16f83d47d9f648126f3b5";
    const form = (rows: Record<string, string>) => rowsOf(rows, "$ACTION_1:");
    expect(isDecodableFormAction(form({ "$ACTION_1:0": JSON.stringify({ id, bound: "$@1" }), "$ACTION_1:1": '["$undefined"]' }))).toBe(true);
    expect(isDecodableFormAction(form({ "$ACTION_1:0": JSON.stringify({ id, bound: null }) }))).toBe(true);
    const malformed: Record<string, string>[] = [
      { "$ACTION_1:0": JSON.stringify({ id, bound: "$@1" }), "$ACTION_1:1": "{garbage" },
      { "$ACTION_1:0": JSON.stringify({ id, bound: "$@1" }) },
      { "$ACTION_1:0": JSON.stringify({ id, bound: "$@1" }), "$ACTION_1:1": '"not a list"' },
      { "$ACTION_1:0": "{garbage" },
      { "$ACTION_1:0": "{}" },
    ];
    for (const rows of malformed) {
      expect(isDecodableFormAction(form(rows)), JSON.stringify(rows)).toBe(false);
    }
  });
});
