import { describe, expect, it } from "vitest";
import { loginPathFor, safeReturnPath } from "@/lib/safe-redirect";

describe("return paths after sign-in never leave the site", () => {
  it.each([
    ["/articles/a-slug#respond", "/articles/a-slug#respond"],
    ["/tags/demo?page=2", "/tags/demo?page=2"],
    ["/account", "/account"],
  ])("keeps the same-site path %s", (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "http://evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\u0000/x",
    "/%0d%0aSet-Cookie:x",
    "",
    "relative/path",
    undefined,
    42,
  ])("falls back to / for %s", (raw) => {
    const result = safeReturnPath(raw);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(new URL(result, "https://site.example").origin).toBe("https://site.example");
  });

  it("builds a login link that carries the return path", () => {
    expect(loginPathFor("/articles/x#respond")).toBe("/login?callbackUrl=%2Farticles%2Fx%23respond");
    expect(loginPathFor("https://evil.example")).toBe("/login?callbackUrl=%2F");
  });
});
