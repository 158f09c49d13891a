import type { Locator, Page } from "@playwright/test";

// An article page: the article itself, then the publication box, the author box, the comments
// and the reply section, all inside <main>.
export class ArticlePage {
  readonly main: Locator;
  readonly article: Locator;
  readonly title: Locator;
  readonly byline: Locator;
  readonly bodyParagraphs: Locator;
  readonly aboutPublication: Locator;
  readonly authorBox: Locator;
  readonly comments: Locator;
  readonly leaveAReply: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.article = this.main.locator(":scope > article");
    this.title = this.article.getByRole("heading", { level: 1 });
    this.byline = this.article.locator("header p").filter({ has: page.locator("time") });
    this.bodyParagraphs = this.article.locator(".article-body > p");
    this.aboutPublication = this.main.getByRole("region", { name: "About this publication" });
    this.authorBox = this.main.getByRole("region", { name: /^About (?!this publication)/ });
    this.comments = this.main.locator("section#comments");
    this.leaveAReply = this.main.getByRole("region", { name: "Leave a Reply" });
  }

  static async open(page: Page, slug: string): Promise<ArticlePage> {
    await page.goto(`/articles/${slug}`);
    return new ArticlePage(page);
  }

  // The visible text of <main>, whitespace collapsed, for checking what comes before what.
  async mainText(): Promise<string> {
    return normaliseSpace(await this.main.innerText());
  }
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
