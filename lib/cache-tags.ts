import { AsyncLocalStorage } from "node:async_hooks";

// The one module that names cache tags. Reads record the tags of what they return; writes
// invalidate exactly the tags they affect (db/cache-invalidation.ts), and the page cache drops
// every stored page carrying one of them.
export const cacheTags = {
  // Site-wide settings and chrome shown on every page.
  site: "site",
  // Which articles are listed, and in what order, on the site-wide listings (home, feeds).
  articleListing: "articles",
  // An article's own content and anything derived from it (comments, comment counts).
  article: (id: number) => `article:${id}`,
  // An author's profile and the membership of their listing (article count included).
  author: (id: number) => `author:${id}`,
  publication: (id: number) => `publication:${id}`,
  tag: (id: number) => `tag:${id}`,
} as const;

export type ArticleTagSource = {
  id: number;
  authorId: number;
  publicationId: number | null;
  tagIds: readonly number[];
};

// Everything that lists or shows an article: used when it appears, disappears or changes.
export function tagsForArticle(article: ArticleTagSource): string[] {
  return [
    cacheTags.article(article.id),
    cacheTags.articleListing,
    cacheTags.author(article.authorId),
    ...(article.publicationId === null ? [] : [cacheTags.publication(article.publicationId)]),
    ...article.tagIds.map((tagId) => cacheTags.tag(tagId)),
  ];
}

// The custom server and Next's bundled server code load this module separately, so the
// collector must live on globalThis to be one object in the process.
const collectorKey = Symbol.for("crosscurrents.pageCacheTagCollector");
type TagCollector = AsyncLocalStorage<Set<string>>;
const globalWithCollector = globalThis as typeof globalThis & { [collectorKey]?: TagCollector };

function tagCollector(): TagCollector {
  globalWithCollector[collectorKey] ??= new AsyncLocalStorage<Set<string>>();
  return globalWithCollector[collectorKey];
}

// Called by data-layer reads; a no-op outside a page render (CLI, tests, server actions).
export function recordCacheTags(...tags: string[]): void {
  const collected = tagCollector().getStore();
  if (!collected) return;
  for (const tag of tags) collected.add(tag);
}

// Runs a render while collecting the tags of everything it reads.
export function collectCacheTags<T>(collected: Set<string>, render: () => T): T {
  return tagCollector().run(collected, render);
}
