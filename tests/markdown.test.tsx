import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderMarkdownToHtml } from "@/lib/markdown";

function html(source: string): string {
  return renderToStaticMarkup(<>{renderMarkdown(source)}</>);
}

describe("renderMarkdown: what authors write", () => {
  it("renders paragraphs, emphasis and headings", () => {
    const out = html("## A heading\n\nSome *emphasis* and **strong** text.\n\nSecond paragraph.");
    expect(out).toContain("<h2>A heading</h2>");
    expect(out).toContain("<p>Some <em>emphasis</em> and <strong>strong</strong> text.</p>");
    expect(out).toContain("<p>Second paragraph.</p>");
  });

  it("renders GFM tables", () => {
    const out = html("| Term | Meaning |\n| --- | :-: |\n| 社説 | editorial |\n| 朝刊 | morning edition |");
    expect(out).toMatch(/<table>.*<thead>.*<th>Term<\/th>.*<th[^>]*>Meaning<\/th>.*<\/thead>.*<tbody>/s);
    expect(out).toMatch(/<td>社説<\/td><td[^>]*>editorial<\/td>/);
    expect(out).toMatch(/<td>朝刊<\/td><td[^>]*>morning edition<\/td>/);
  });

  it("renders footnotes with a reference and the note itself", () => {
    const out = html("A claim that needs a source.[^1]\n\n[^1]: The source, in translation.");
    expect(out).toMatch(/<sup><a [^>]*href="#[^"]*fn-1"[^>]*>1<\/a><\/sup>/);
    expect(out).toMatch(/<section[^>]*class="footnotes"[^>]*>.*<ol>.*<li[^>]*id="[^"]*fn-1"[^>]*>.*The source, in translation\./s);
    expect(out).toMatch(/<a [^>]*href="#[^"]*fnref-1"[^>]*>↩<\/a>/);
  });

  // remark-rehype and rehype-sanitize must not both prefix footnote ids, or the links go nowhere.
  it("links every footnote reference and back-reference to an element that exists", () => {
    const out = html("First claim.[^a] Second claim.[^b]\n\n[^a]: Note A.\n[^b]: Note B.");
    const ids = new Set([...out.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...out.matchAll(/\bhref="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThanOrEqual(4);
    const broken = targets.filter((target) => !ids.has(target));
    expect(broken, `in-page links with no matching id:\n${out}`).toEqual([]);
  });

  it("renders ordered, unordered and task lists", () => {
    expect(html("1. First\n2. Second")).toBe("<ol>\n<li>First</li>\n<li>Second</li>\n</ol>");
    expect(html("- Apple\n- Pear\n  - Nested")).toBe(
      "<ul>\n<li>Apple</li>\n<li>Pear\n<ul>\n<li>Nested</li>\n</ul>\n</li>\n</ul>",
    );
    const tasks = html("- [x] Done\n- [ ] Todo");
    expect(tasks).toContain('<input type="checkbox" disabled="" checked=""/> Done');
    expect(tasks).toContain('<input type="checkbox" disabled=""/> Todo');
  });

  it("renders blockquotes", () => {
    const out = html("> Quoted words.\n> — a demo reader");
    expect(out).toMatch(/<blockquote>\s*<p>Quoted words.\n— a demo reader<\/p>\s*<\/blockquote>/);
  });

  it("renders inline code and fenced code blocks, escaping their contents", () => {
    const out = html("Use `a < b` here.\n\n```ts\nconst tag = \"<div>\";\n```");
    expect(out).toContain("<code>a &lt; b</code>");
    expect(out).toMatch(/<pre><code class="language-ts">const tag = &quot;&lt;div&gt;&quot;;\n<\/code><\/pre>/);
  });

  it("renders links and autolinks", () => {
    const out = html("[example](https://example.com) and https://example.org/page");
    expect(out).toContain('<a href="https://example.com">example</a>');
    expect(out).toContain('<a href="https://example.org/page">https://example.org/page</a>');
  });

  it("renders strikethrough", () => {
    expect(html("~~gone~~")).toContain("<del>gone</del>");
  });
});

describe("renderMarkdown: hostile input", () => {
  it("drops raw <script> elements", () => {
    const out = html('Before\n\n<script>alert("x")</script>\n\nAfter <script>alert(1)</script> inline');
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain("Before");
    expect(out).toContain("After");
  });

  it("drops raw <img onerror>", () => {
    const out = html('<img src="x" onerror="alert(1)">\n\nText <img src=x onerror=alert(2)>');
    expect(out).not.toMatch(/onerror/i);
    expect(out).not.toMatch(/<img[^>]*src="x"/);
  });

  it("neutralises javascript: links in Markdown syntax", () => {
    for (const source of [
      "[click](javascript:alert(1))",
      "[click](JAVASCRIPT:alert(1))",
      "[click]( javascript:alert(1) )",
      "[click][ref]\n\n[ref]: javascript:alert(1)",
      "<javascript:alert(1)>",
    ]) {
      expect(html(source), source).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it("neutralises javascript: and data: image sources", () => {
    const out = html("![x](javascript:alert(1)) ![y](data:text/html;base64,PHNjcmlwdD4=)");
    expect(out).not.toMatch(/src="\s*(javascript|data):/i);
  });

  it("drops raw <iframe>, <style>, <object> and inline event handlers", () => {
    const out = html(
      '<iframe src="https://evil.example"></iframe>\n\n<style>body{display:none}</style>\n\n<object data="x.swf"></object>\n\n<a href="https://example.com" onclick="steal()">link</a>\n\n<div style="position:fixed">overlay</div>',
    );
    expect(out).not.toMatch(/<iframe|<style|<object|onclick|position:fixed/i);
  });

  it("keeps the text of dropped HTML readable but not executable", () => {
    const out = html("Safe text\n\n<b onmouseover=alert(1)>bold?</b>");
    expect(out).toContain("Safe text");
    expect(out).not.toMatch(/onmouseover/i);
  });

  it("prefixes ids built from author-chosen names, so they cannot clobber page globals", () => {
    const out = html("Text[^location]\n\n[^location]: note");
    const ids = [...out.matchAll(/\bid="([^"]*)"/g)].map((match) => match[1] ?? "");
    const userIds = ids.filter((id) => id.includes("location"));
    expect(userIds.length).toBeGreaterThan(0);
    for (const id of userIds) expect(id).toMatch(/^user-content-/);
  });
});

describe("renderMarkdown: uploaded images", () => {
  const id = "0123456789abcdef01234567";
  const reference = `/media/${id}-1600.webp#1600x900`;

  it("makes an image alone in its paragraph a figure with srcset, sizes, width, height and caption", () => {
    const out = html(`Before.\n\n![A harbour at dawn](${reference} "The port of Kobe")\n\nAfter.`);
    expect(out).toContain('<figure class="article-figure">');
    expect(out).toMatch(/<img src="\/media\/0123456789abcdef01234567-1600\.webp" srcSet="[^"]*480w[^"]*960w[^"]*1600w" sizes="[^"]+" width="1600" height="900" alt="A harbour at dawn" loading="lazy" decoding="async"\/>/);
    expect(out).toContain("<figcaption>The port of Kobe</figcaption></figure>");
    expect(out).not.toMatch(/<p>\s*<figure/);
  });

  it("forces empty alt text on a decorative image, and leaves other addresses as plain images", () => {
    expect(html(`![ignored](${reference}:decorative)`)).toMatch(/<img [^>]*alt=""/);
    const external = html("![A chart](https://example.com/chart.png)");
    expect(external).toContain('<img src="https://example.com/chart.png" alt="A chart"/>');
    expect(external).not.toContain("srcSet");
    // A look-alike with the wrong width in its name is not ours.
    expect(html(`![x](/media/${id}-960.webp#1600x900)`)).not.toContain("srcSet");
  });

  it("never lets a caption become markup", () => {
    expect(html(`![Alt](${reference} "<script>alert(1)</script>")`)).toContain("<figcaption>&lt;script&gt;alert(1)&lt;/script&gt;</figcaption>");
  });
});

describe("renderMarkdownToHtml: uploaded images in feeds", () => {
  it("gives uploaded images absolute addresses on the site's origin", () => {
    const out = renderMarkdownToHtml("![Alt](/media/0123456789abcdef01234567-960.webp#960x540)", { origin: "https://example.org" });
    expect(out).toContain('src="https://example.org/media/0123456789abcdef01234567-960.webp"');
    expect(out).toContain('srcset="https://example.org/media/0123456789abcdef01234567-480.webp 480w, https://example.org/media/0123456789abcdef01234567-960.webp 960w"');
  });
});
