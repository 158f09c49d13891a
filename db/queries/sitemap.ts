import { asc, eq, inArray } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { getDb } from "../client";
import { articles, articleTags, publications, tags, users } from "../schema";
import { isVisibleToReaders } from "./article-visibility";

export type SitemapEntry = { path: string; lastModified: Date };

export type SitemapEntries = {
  home: SitemapEntry;
  articles: SitemapEntry[];
  authors: SitemapEntry[];
  publications: SitemapEntry[];
  tags: SitemapEntry[];
};

function latest(byKey: Map<string, Date>, key: string, date: Date): void {
  const known = byKey.get(key);
  if (!known || known < date) byKey.set(key, date);
}

function toEntries(byPath: Map<string, Date>): SitemapEntry[] {
  return [...byPath].map(([path, lastModified]) => ({ path, lastModified }));
}

// Every reader page worth indexing: the home page, each reader-visible article (last modified at
// its updatedAt), and the author, publication and tag pages that list at least one of them (last
// modified when their newest-updated article was). Paths are site-relative; the caller makes them
// absolute. Records the listing tag and the tag of every entity listed.
export async function listSitemapEntries({ now = currentTime() }: { now?: Date } = {}): Promise<SitemapEntries> {
  const db = getDb();
  const visible = db
    .select({
      id: articles.id,
      slug: articles.slug,
      updatedAt: articles.updatedAt,
      publishedAt: articles.publishedAt,
      authorId: articles.authorId,
      authorSlug: users.slug,
      publicationId: articles.publicationId,
      publicationSlug: publications.slug,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(publications, eq(publications.id, articles.publicationId))
    .where(isVisibleToReaders(now))
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .all();

  const tagLinks =
    visible.length === 0
      ? []
      : db
          .select({ articleId: articleTags.articleId, tagId: tags.id, tagSlug: tags.slug })
          .from(articleTags)
          .innerJoin(tags, eq(tags.id, articleTags.tagId))
          .where(
            inArray(
              articleTags.articleId,
              visible.map((article) => article.id),
            ),
          )
          .all();

  const recorded = new Set<string>([cacheTags.articleListing]);
  const authorPages = new Map<string, Date>();
  const publicationPages = new Map<string, Date>();
  const tagPages = new Map<string, Date>();
  const updatedById = new Map<number, Date>();
  let homeModified = new Date(0);

  const articleEntries = visible.map((article) => {
    // A future-dated edit time would be meaningless to a crawler; never claim later than the
    // moment the article became visible or was last changed, whichever is later.
    const lastModified = article.publishedAt && article.publishedAt > article.updatedAt ? article.publishedAt : article.updatedAt;
    updatedById.set(article.id, lastModified);
    if (lastModified > homeModified) homeModified = lastModified;
    recorded.add(cacheTags.article(article.id));
    recorded.add(cacheTags.author(article.authorId));
    latest(authorPages, `/authors/${article.authorSlug}`, lastModified);
    if (article.publicationId !== null && article.publicationSlug !== null) {
      recorded.add(cacheTags.publication(article.publicationId));
      latest(publicationPages, `/publications/${article.publicationSlug}`, lastModified);
    }
    return { path: `/articles/${article.slug}`, lastModified };
  });

  for (const link of tagLinks) {
    recorded.add(cacheTags.tag(link.tagId));
    const lastModified = updatedById.get(link.articleId);
    if (lastModified) latest(tagPages, `/tags/${link.tagSlug}`, lastModified);
  }

  recordCacheTags(...recorded);
  const bySlug = (a: SitemapEntry, b: SitemapEntry) => a.path.localeCompare(b.path);
  return {
    home: { path: "/", lastModified: visible.length === 0 ? now : homeModified },
    articles: articleEntries,
    authors: toEntries(authorPages).sort(bySlug),
    publications: toEntries(publicationPages).sort(bySlug),
    tags: toEntries(tagPages).sort(bySlug),
  };
}
