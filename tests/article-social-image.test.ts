import { describe, expect, it } from "vitest";
import { articleSocialImagePath, type SocialImageArticle } from "../lib/seo/article-social-image";

const article: SocialImageArticle = { slug: "a-slug", title: "A title", author: { displayName: "Owen" }, cover: { mediaId: "m1" } };

describe("the article's social image path", () => {
  it("names the image route with a version query", () => {
    expect(articleSocialImagePath(article, "Crosscurrents")).toMatch(/^\/articles\/a-slug\/social-image\.png\?v=[A-Za-z0-9_-]{12}$/);
  });

  it("keeps its version while what the image shows stays the same", () => {
    expect(articleSocialImagePath({ ...article }, "Crosscurrents")).toBe(articleSocialImagePath(article, "Crosscurrents"));
  });

  it("changes its version with the title, the author's name, the site title or the cover", () => {
    const original = articleSocialImagePath(article, "Crosscurrents");
    const changed = [
      articleSocialImagePath({ ...article, title: "Another title" }, "Crosscurrents"),
      articleSocialImagePath({ ...article, author: { displayName: "Mina" } }, "Crosscurrents"),
      articleSocialImagePath(article, "Another site"),
      articleSocialImagePath({ ...article, cover: { mediaId: "m2" } }, "Crosscurrents"),
      articleSocialImagePath({ ...article, cover: null }, "Crosscurrents"),
    ];
    for (const path of changed) expect(path).not.toBe(original);
    expect(new Set(changed).size).toBe(changed.length);
  });
});
