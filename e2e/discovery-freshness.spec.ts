import { expect, test, type APIRequestContext } from "@playwright/test";
import { createTestUser } from "./support/accounts";
import { createArticle, setArticleStatus } from "./support/database";
import { primeCache } from "./support/http";
import { createTag, uniqueSuffix } from "./support/test-data";

// Publishing reaches every discovery page on the very next anonymous request, even when the page
// was cached: feeds, the sitemap, search, the month archive and its index, the tag index's count,
// and the previous/next and related links of the articles around it. The write runs in this
// process, through the data layer, like the CLI or a second server: the server learns of it only
// through the shared invalidation log. The articles are dated June 2000, a month no other spec
// uses, in mid-month so that no site time zone moves them to another month.

const DAY = 86_400_000;

async function html(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(200);
  return response.text();
}

function countIn(page: string, label: RegExp): number {
  const match = label.exec(page);
  if (!match?.[1]) throw new Error(`no count matching ${label}`);
  return Number(match[1]);
}

function neighbourLinks(page: string): string {
  const match = /<nav[^>]*aria-label="Previous and next articles"[^>]*>([\s\S]*?)<\/nav>/.exec(page);
  return match?.[1] ?? "";
}

function relatedList(page: string): string {
  const match = /<section[^>]*aria-labelledby="related-articles-title"[^>]*>([\s\S]*?)<\/section>/.exec(page);
  return match?.[1] ?? "";
}

test("a newly published article appears at once in feeds, sitemap, search, archive, tag index, neighbours and related lists", async ({
  request,
}) => {
  const author = await createTestUser({ role: "author" });
  const suffix = uniqueSuffix();
  const word = `freshword${suffix.replace(/[^a-z0-9]/g, "")}`;
  const tagSlug = `e2e-fresh-${suffix}`;
  const tagName = `Fresh ${suffix}`;
  const tagId = createTag(tagSlug, tagName);
  const base = Date.UTC(2000, 5, 3) + Math.floor(Math.random() * 20 * DAY);
  const article = async (name: string, status: "published" | "draft", at: number) => {
    const slug = `e2e-fresh-${name}-${suffix}`;
    const title = `Fresh ${name} ${suffix}`;
    const id = await createArticle({
      slug,
      title,
      body: `The ${name} article, with the word ${name === "middle" ? word : "elsewhere"}.`,
      status,
      publishedAt: status === "draft" ? null : new Date(at),
      authorId: author.id,
      tagIds: [tagId],
    });
    return { id, slug, title };
  };
  const older = await article("older", "published", base);
  const newer = await article("newer", "published", base + 2000);
  const middle = await article("middle", "draft", base + 1000);

  const urls = {
    month: "/archive/2000/06",
    archive: "/archive",
    tags: "/tags",
    older: `/articles/${older.slug}`,
    newer: `/articles/${newer.slug}`,
    sitemap: "/sitemap.xml",
    authorFeed: `/authors/${author.slug}/feed.xml`,
    tagAtom: `/tags/${tagSlug}/atom.xml`,
    tagJson: `/tags/${tagSlug}/feed.json`,
    search: `/search?q=${word}`,
  };
  // Every cacheable page is stored before the change (search is never cached).
  for (const [name, url] of Object.entries(urls)) if (name !== "search") await primeCache(request, url);

  const before = {
    month: await html(request, urls.month),
    archive: await html(request, urls.archive),
    tags: await html(request, urls.tags),
    older: await html(request, urls.older),
  };
  expect(before.month).not.toContain(middle.slug);
  const monthCountBefore = countIn(before.archive, /June 2000<\/a> <span class="archive-count">\((\d+) articles?\)/);
  expect(before.tags).toContain(`${tagName}</a> <span class="archive-count">(2 articles)</span>`);
  expect(neighbourLinks(before.older)).toContain(newer.slug);
  expect(relatedList(before.older)).toContain(newer.slug);
  expect(relatedList(before.older)).not.toContain(middle.slug);
  expect(await html(request, urls.sitemap)).not.toContain(middle.slug);
  expect(await html(request, urls.search)).toContain("No results");

  await setArticleStatus({ articleId: middle.id, status: "published", publishedAt: new Date(base + 1000) });

  expect(await html(request, urls.month)).toContain(`href="/articles/${middle.slug}"`);
  expect(countIn(await html(request, urls.archive), /June 2000<\/a> <span class="archive-count">\((\d+) articles?\)/)).toBe(
    monthCountBefore + 1,
  );
  expect(await html(request, urls.tags)).toContain(`${tagName}</a> <span class="archive-count">(3 articles)</span>`);
  const olderAfter = await html(request, urls.older);
  expect(neighbourLinks(olderAfter)).toContain(middle.slug);
  expect(neighbourLinks(olderAfter)).not.toContain(newer.slug);
  expect(relatedList(olderAfter)).toContain(middle.slug);
  expect(neighbourLinks(await html(request, urls.newer))).toContain(middle.slug);
  expect(await html(request, urls.sitemap)).toContain(`/articles/${middle.slug}</loc>`);
  expect(await html(request, urls.authorFeed)).toContain(`/articles/${middle.slug}`);
  expect(await html(request, urls.tagAtom)).toContain(`/articles/${middle.slug}`);
  expect(await html(request, urls.tagJson)).toContain(`/articles/${middle.slug}`);
  expect(await html(request, urls.search)).toContain(`href="/articles/${middle.slug}"`);

  // Unpublished again, it leaves them all at once too.
  await setArticleStatus({ articleId: middle.id, status: "draft", publishedAt: null });
  expect(await html(request, urls.month)).not.toContain(middle.slug);
  expect(await html(request, urls.tags)).toContain(`${tagName}</a> <span class="archive-count">(2 articles)</span>`);
  const olderFinally = await html(request, urls.older);
  expect(neighbourLinks(olderFinally)).toContain(newer.slug);
  expect(relatedList(olderFinally)).not.toContain(middle.slug);
  expect(await html(request, urls.sitemap)).not.toContain(middle.slug);
});
