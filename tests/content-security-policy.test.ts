import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashNoncedScripts, nonceFromPolicy, noncePolicy, policyForStoredPage } from "@/lib/content-security-policy";

const nonce = "AbC123+/xyz=";
const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("the Content-Security-Policy", () => {
  it("allows scripts from the site and by nonce, never inline by default", () => {
    const policy = noncePolicy(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(noncePolicy(nonce, { https: true })).toContain("upgrade-insecure-requests");
    expect(nonceFromPolicy(policy)).toBe(nonce);
  });

  it("hashes only the inline scripts the render marked with its nonce, and removes every copy of the nonce", () => {
    const html = [
      `<link rel="stylesheet" href="/a.css" nonce="${nonce}"/>`,
      `<script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script>`,
      `<script src="/_next/static/a.js" nonce="${nonce}" async=""></script>`,
      `<script>window.injected = 1</script>`,
      `<script type="application/ld+json">{"a":1}</script>`,
    ].join("");
    const { html: stored, sources } = hashNoncedScripts(html, nonce);
    expect(stored).not.toContain(nonce);
    expect(stored).toContain(`<script>self.__next_f.push([1,"{\\"nonce\\":\\"\\"}"])</script>`);
    expect(sources).toEqual([sha(`self.__next_f.push([1,"{\\"nonce\\":\\"\\"}"])`)]);
  });

  it("gives a stored HTML page a policy of hashes instead of the render's nonce", () => {
    const body = Buffer.from(`<html><script nonce="${nonce}">go()</script></html>`);
    const stored = policyForStoredPage({ "content-type": "text/html; charset=utf-8", "content-security-policy": noncePolicy(nonce) }, body);
    const policy = String(stored.headers["content-security-policy"]);
    expect(policy).toContain(`script-src 'self' ${sha("go()")}`);
    expect(policy).not.toContain("nonce");
    expect(stored.body.toString()).toBe("<html><script>go()</script></html>");
  });

  it("drops the nonce from a stored feed's policy and leaves its body alone", () => {
    const body = Buffer.from("<rss/>");
    const stored = policyForStoredPage({ "content-type": "application/rss+xml", "content-security-policy": noncePolicy(nonce) }, body);
    expect(String(stored.headers["content-security-policy"])).toMatch(/script-src 'self'(;|$)/);
    expect(stored.body).toBe(body);
  });
});
