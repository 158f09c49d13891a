import { describe, expect, it } from "vitest";
import { countLinks, splitLinks, type TextPart } from "@/lib/comments/comment-links";

const text = (value: string): TextPart => ({ kind: "text", text: value });
const link = (value: string, href: string): TextPart => ({ kind: "link", text: value, href });

function links(value: string): string[] {
  return splitLinks(value).flatMap((part) => (part.kind === "link" ? [part.href] : []));
}

// Splitting never loses or reorders a character: the parts joined give back the input.
function joined(parts: TextPart[]): string {
  return parts.map((part) => part.text).join("");
}

describe("splitLinks: what becomes a link", () => {
  it("returns nothing for empty text and one text part for text without addresses", () => {
    expect(splitLinks("")).toEqual([]);
    expect(splitLinks("Just words, no links.")).toEqual([text("Just words, no links.")]);
  });

  it("links http and https addresses, keeping the text as typed", () => {
    expect(splitLinks("Read https://example.org/a?b=1#c now")).toEqual([
      text("Read "),
      link("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
      text(" now"),
    ]);
    expect(splitLinks("http://example.org")).toEqual([link("http://example.org", "http://example.org/")]);
  });

  it("links www. addresses with https", () => {
    expect(splitLinks("see www.example.org/page")).toEqual([
      text("see "),
      link("www.example.org/page", "https://www.example.org/page"),
    ]);
  });

  it("matches the scheme in any letter case", () => {
    expect(splitLinks("HTTPS://EXAMPLE.ORG/Path")).toEqual([link("HTTPS://EXAMPLE.ORG/Path", "https://example.org/Path")]);
    expect(links("WWW.Example.org")).toEqual(["https://www.example.org/"]);
  });

  it("links several addresses separated by spaces or punctuation and a space", () => {
    const value = "one https://a.example.org, two www.b.example.org; three http://c.example.org.";
    expect(links(value)).toEqual(["https://a.example.org/", "https://www.b.example.org/", "http://c.example.org/"]);
    expect(countLinks(value)).toBe(3);
    expect(joined(splitLinks(value))).toBe(value);
  });

  it("links at the start and the end of the text and across lines", () => {
    expect(splitLinks("https://a.example.org\nwww.b.example.org")).toEqual([
      link("https://a.example.org", "https://a.example.org/"),
      text("\n"),
      link("www.b.example.org", "https://www.b.example.org/"),
    ]);
  });

  it("does not link an address glued to the end of a word", () => {
    expect(countLinks("xhttps://example.org")).toBe(0);
    expect(countLinks("awww.example.org")).toBe(0);
    expect(countLinks("_www.example.org")).toBe(0);
  });

  it("does not link hosts without a dot, bare schemes or bare www.", () => {
    for (const value of ["http://localhost:3000/x", "https://", "http://.", "www.", "www", "https://intranet/"]) {
      expect(countLinks(value), value).toBe(0);
      expect(splitLinks(value), value).toEqual([text(value)]);
    }
  });

  it("never links an address that does not parse", () => {
    expect(countLinks("https://exa mple.org")).toBe(0);
    expect(countLinks("http://a.example.org:99999/")).toBe(0);
    expect(countLinks("https://[::1")).toBe(0);
  });
});

describe("splitLinks: trailing punctuation and parentheses", () => {
  it.each([
    ["Look: https://example.org.", "https://example.org"],
    ["https://example.org/a,", "https://example.org/a"],
    ["https://example.org/a!?", "https://example.org/a"],
    ["https://example.org/a;:", "https://example.org/a"],
    ["'https://example.org/a'", "https://example.org/a"],
    ["*https://example.org/a*", "https://example.org/a"],
    ["https://example.org/a_", "https://example.org/a"],
    ["[https://example.org/a]", "https://example.org/a"],
    ["{https://example.org/a}", "https://example.org/a"],
  ])("%s links %s and leaves the punctuation as text", (value, linked) => {
    const parts = splitLinks(value);
    expect(parts.filter((part) => part.kind === "link").map((part) => part.text)).toEqual([linked]);
    expect(joined(parts)).toBe(value);
  });

  it("keeps punctuation inside the address", () => {
    expect(links("https://example.org/a.b,c;d:e!f?g=h")).toEqual(["https://example.org/a.b,c;d:e!f?g=h"]);
  });

  it("stops at a quote, angle bracket or space", () => {
    expect(splitLinks('"https://example.org/a"')).toEqual([
      text('"'),
      link("https://example.org/a", "https://example.org/a"),
      text('"'),
    ]);
    expect(splitLinks("<https://example.org/a>")).toEqual([
      text("<"),
      link("https://example.org/a", "https://example.org/a"),
      text(">"),
    ]);
  });

  it("drops a closing parenthesis the address did not open", () => {
    expect(splitLinks("(see https://example.org/a)")).toEqual([
      text("(see "),
      link("https://example.org/a", "https://example.org/a"),
      text(")"),
    ]);
    expect(splitLinks("(see https://example.org/a).")).toEqual([
      text("(see "),
      link("https://example.org/a", "https://example.org/a"),
      text(")."),
    ]);
  });

  it("keeps balanced parentheses that belong to the address", () => {
    const wiki = "https://en.wikipedia.org/wiki/Mercury_(planet)";
    expect(splitLinks(wiki)).toEqual([link(wiki, wiki)]);
    expect(splitLinks(`(about ${wiki}).`)).toEqual([text("(about "), link(wiki, wiki), text(").")]);
    expect(splitLinks(`${wiki}))`)).toEqual([link(wiki, wiki), text("))")]);
  });
});

describe("splitLinks: hostile text", () => {
  it("never produces a javascript:, data: or other non-http link", () => {
    const hostile = [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "javascript://www.example.org/%0Aalert(1)",
      "javascript:alert('https://example.org')",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "http://javascript:alert(1)",
      "www.javascript:alert(1)",
      '<a href="javascript:alert(1)">click</a>',
      "<img src=x onerror=alert(1)>",
      "ftp://files.example.org/x",
    ];
    for (const value of hostile) {
      const parts = splitLinks(value);
      expect(joined(parts), value).toBe(value);
      for (const part of parts) {
        if (part.kind !== "link") continue;
        expect(new URL(part.href).protocol, value).toMatch(/^https?:$/);
        expect(part.href.toLowerCase(), value).not.toContain("javascript:");
      }
    }
    expect(countLinks("javascript:alert(1)")).toBe(0);
    expect(countLinks("data:text/html,<script>alert(1)</script>")).toBe(0);
    expect(countLinks("ftp://files.example.org/x")).toBe(0);
  });

  it("leaves HTML tags as text around a link, never inside one", () => {
    const value = '<a href="https://evil.example.org">x</a><script>alert(1)</script>';
    const parts = splitLinks(value);
    expect(joined(parts)).toBe(value);
    expect(parts).toEqual([
      text('<a href="'),
      link("https://evil.example.org", "https://evil.example.org/"),
      text('">x</a><script>alert(1)</script>'),
    ]);
  });

  it("an address followed by markup stops at the angle bracket", () => {
    expect(splitLinks("https://example.org/<script>alert(1)</script>")).toEqual([
      link("https://example.org/", "https://example.org/"),
      text("<script>alert(1)</script>"),
    ]);
  });

  it("an address with quotes and event handlers yields an href that is only an http(s) URL", () => {
    const [first] = splitLinks("https://example.org/'onmouseover='alert(1)");
    expect(first?.kind).toBe("link");
    if (first?.kind === "link") {
      expect(new URL(first.href).hostname).toBe("example.org");
      expect(first.href).not.toMatch(/\s/);
    }
  });

  it("handles unicode text and internationalised addresses", () => {
    const value = "日本語のリンク https://例え.jp/パス と絵文字 🎉 www.bücher.example";
    const parts = splitLinks(value);
    expect(joined(parts)).toBe(value);
    expect(parts.filter((part) => part.kind === "link")).toEqual([
      link("https://例え.jp/パス", "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9"),
      link("www.bücher.example", "https://www.xn--bcher-kva.example/"),
    ]);
  });

  it("links an address right after non-ASCII letters (no ASCII word boundary problem)", () => {
    expect(links("voirhttps://example.org")).toEqual([]);
    expect(links("éhttps://example.org")).toEqual(["https://example.org/"]);
    expect(links("記事はhttps://example.org/a です")).toEqual(["https://example.org/a"]);
  });

  // CJK brackets and full stops typed straight after an address are not part of it: otherwise
  // "「https://example.org」" would link the host "example.org」", a different domain.
  it("leaves CJK closing punctuation after an address out of the link", () => {
    expect(splitLinks("「https://example.org」")).toEqual([
      text("「"),
      link("https://example.org", "https://example.org/"),
      text("」"),
    ]);
    expect(links("（https://example.org/a）。")).toEqual(["https://example.org/a"]);
  });

  it("scans a long ordinary comment quickly and counts its links", () => {
    const words = "lorem ipsum dolor sit amet ".repeat(180);
    const value = `${words}https://a.example.org/x ${words}www.b.example.org`.slice(0, 10_000);
    const started = performance.now();
    expect(countLinks(value)).toBe(2);
    expect(joined(splitLinks(value))).toBe(value);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("scans a long address made of punctuation quickly", () => {
    // 5,000 characters: the longest comment allowed.
    const value = `https://example.org/${"a.".repeat(2490)}`;
    expect(countLinks(value)).toBe(1);
  });

  // Hostile input must not stall the write transaction the scan runs in: an address followed by
  // runs of dots and unmatched parentheses once took 22 s at 4,000 characters (cubic trimming).
  // The test timeout is the guard; speed itself is measured by npm run bench.
  it("scans a hostile address of dots and closing parentheses at the length limit", { timeout: 2000 }, () => {
    const value = `https://x.org/${".".repeat(2400)}a${")".repeat(2400)}`;
    expect(countLinks(value)).toBe(1);
    expect(splitLinks(value)[0]).toEqual({ kind: "link", text: `https://x.org/${".".repeat(2400)}a`, href: expect.any(String) });
  });
});

describe("countLinks", () => {
  it("counts what splitLinks links, nothing else", () => {
    expect(countLinks("no links")).toBe(0);
    expect(countLinks("https://a.example.org")).toBe(1);
    expect(countLinks("https://a.example.org https://b.example.org")).toBe(2);
    expect(countLinks("https://a.example.org https://b.example.org www.c.example.org")).toBe(3);
    expect(countLinks("http://localhost https://a.example.org")).toBe(1);
  });

  it("counts a repeated address each time it appears", () => {
    expect(countLinks("https://a.example.org and again https://a.example.org")).toBe(2);
  });

  // Joining addresses without spaces must not dodge the "more than 2 links" hold.
  it("counts addresses joined by commas, semicolons or parentheses separately", () => {
    expect(countLinks("https://a.example,https://b.example,https://c.example")).toBe(3);
    expect(countLinks("(https://a.example)(https://b.example)(https://c.example)")).toBe(3);
    expect(countLinks("https://a.example;www.b.example;www.c.example")).toBe(3);
  });
});
