import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getLatestCacheInvalidationId,
  listCacheInvalidationsAfter,
} from "@/db/cache-invalidation";
import type { SqliteConnection } from "@/db/client";
import { demoPublication } from "@/db/demo/demo-people";
import { seedArticleSlug } from "@/db/demo/seed-article";
import {
  countPublishedArticlesByAuthor,
  getPublishedArticleBySlug,
  listPublishedArticles,
  listPublishedArticlesByAuthor,
  listPublishedArticlesByPublication,
  listPublishedArticlesByTag,
} from "@/db/queries/articles";
import { getAuthorBySlug } from "@/db/queries/authors";
import { getArticleCommentsFeed, listFeedArticles } from "@/db/queries/feeds";
import { countPendingComments, listCommentsForModeration } from "@/db/queries/comment-moderation";
import { listCommentReportSummaries, listCommentsReportedBy } from "@/db/queries/comment-reports";
import { listCommentVersions } from "@/db/queries/comment-versions";
import { commentExists, listArticleComments } from "@/db/queries/comments";
import { listModerationLog } from "@/db/queries/moderation-log";
import { listSitemapEntries } from "@/db/queries/sitemap";
import { findSlugRedirect } from "@/db/queries/slug-redirects";
import { getPublicationBySlug } from "@/db/queries/publications";
import { getNextScheduledPublicationTime, listArticlesScheduledBetween } from "@/db/queries/scheduled-articles";
import { getSiteSettings } from "@/db/queries/site-settings";
import { getTagBySlug, listTagsWithArticleCounts } from "@/db/queries/tags";
import { listArchiveMonths } from "@/db/queries/archives";
import { arrivalNeighbourTags, getArticleNeighbours } from "@/db/queries/article-neighbours";
import { listRelatedArticles } from "@/db/queries/related-articles";
import { listPublishedArticlesBetween } from "@/db/queries/articles";
import { neighbourTagsOfDueArticles } from "@/db/queries/scheduled-articles";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// Every read a page (or the page cache's invalidation watcher) runs must reach its rows through an
// index: a full scan of a content table grows with the site and runs on every cache miss.
const indexedTables = [
  "articles",
  "comments",
  "users",
  "tags",
  "article_tags",
  "publications",
  "cache_invalidations",
  "comment_reports",
  "comment_versions",
];

type CapturedQuery = { sql: string; params: unknown[] };
type PlanRow = { id: number; parent: number; detail: string };

let temp: TempDatabase;
let owenId: number;
let publicationId: number;
let tagId: number;
let welcomeArticleId: number;
let welcomePublishedAt: Date;

// Records every statement run on the connection, whenever it was prepared: drizzle's own (prepare,
// then run/get/all through raw()) and those a hot path prepares once per connection and reuses.
function captureQueries<T>(sqlite: SqliteConnection, action: () => Promise<T> | T): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  type StatementMethod = (this: { database: SqliteConnection; source: string }, ...params: unknown[]) => unknown;
  const prototype = Object.getPrototypeOf(sqlite.prepare("SELECT 1")) as Record<string, StatementMethod>;
  const methods = ["run", "get", "all", "iterate"] as const;
  const originals = methods.map((method) => prototype[method]!);
  methods.forEach((method, index) => {
    const original = originals[index]!;
    prototype[method] = function (...params: unknown[]) {
      if (this.database === sqlite) captured.push({ sql: this.source, params });
      return original.apply(this, params);
    };
  });
  return Promise.resolve()
    .then(action)
    .then(() => captured)
    .finally(() => {
      methods.forEach((method, index) => {
        prototype[method] = originals[index]!;
      });
    });
}

function explain(sqlite: SqliteConnection, query: CapturedQuery): PlanRow[] {
  return sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as PlanRow[];
}

// "SCAN articles" reads the whole table; "SCAN articles USING INDEX ..." walks an index (a partial
// one holds only visible articles) and "SEARCH ..." always seeks through an index or the rowid.
function fullScans(plan: PlanRow[]): string[] {
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      const match = /^SCAN (\w+)/.exec(detail);
      if (!match?.[1] || !indexedTables.includes(match[1])) return false;
      return !/USING (COVERING )?INDEX/.test(detail);
    });
}

function describePlan(query: CapturedQuery, plan: PlanRow[]): string {
  return [
    `SQL: ${query.sql}`,
    `params: ${JSON.stringify(query.params)}`,
    "plan:",
    ...plan.map((row) => `  ${row.detail}`),
  ].join("\n");
}

async function expectIndexedReads(name: string, action: () => Promise<unknown> | unknown): Promise<void> {
  const queries = await captureQueries(temp.db.$client, action);
  expect(queries.length, `${name} ran no query through the captured connection`).toBeGreaterThan(0);
  for (const query of queries) {
    const plan = explain(temp.db.$client, query);
    expect(fullScans(plan), `${name} scans a whole table:\n${describePlan(query, plan)}`).toEqual([]);
  }
}

beforeAll(async () => {
  temp = createTempDatabase();
  const owen = await getAuthorBySlug({ slug: "owen" });
  const publication = await getPublicationBySlug({ slug: demoPublication.slug });
  const tag = await getTagBySlug({ slug: "translation" });
  const welcome = await getPublishedArticleBySlug({ slug: "welcome-to-the-demo-platform" });
  if (!owen || !publication || !tag || !welcome) throw new Error("demo content missing");
  owenId = owen.id;
  publicationId = publication.id;
  tagId = tag.id;
  welcomeArticleId = welcome.id;
  welcomePublishedAt = welcome.publishedAt;
});

afterAll(() => {
  temp.cleanup();
});

describe("the capture itself", () => {
  it("sees the SQL and the bound parameters drizzle runs", async () => {
    const queries = await captureQueries(temp.db.$client, () => getTagBySlug({ slug: "translation" }));
    expect(queries).toHaveLength(1);
    expect(queries[0]?.sql).toMatch(/from "tags"/);
    expect(queries[0]?.params).toEqual(["translation"]);
  });

  it("flags a real full scan", async () => {
    const query = { sql: `select * from articles where body like ?`, params: ["%x%"] };
    expect(fullScans(explain(temp.db.$client, query))).toEqual(["SCAN articles"]);
  });
});

describe("hot reads use an index", () => {
  const now = new Date();
  const cases: [string, () => Promise<unknown> | unknown][] = [
    ["getPublishedArticleBySlug", () => getPublishedArticleBySlug({ slug: seedArticleSlug, now })],
    ["getPublishedArticleBySlug (unknown slug)", () => getPublishedArticleBySlug({ slug: "missing", now })],
    ["listPublishedArticles", () => listPublishedArticles({ page: 1, now })],
    ["listPublishedArticles (page 3)", () => listPublishedArticles({ page: 3, now })],
    ["listPublishedArticlesByAuthor", () => listPublishedArticlesByAuthor({ authorId: owenId, page: 2, now })],
    [
      "listPublishedArticlesByPublication",
      () => listPublishedArticlesByPublication({ publicationId, page: 1, now }),
    ],
    ["listPublishedArticlesByTag", () => listPublishedArticlesByTag({ tagId, page: 1, now })],
    ["countPublishedArticlesByAuthor", () => countPublishedArticlesByAuthor({ authorId: owenId, now })],
    ["getAuthorBySlug", () => getAuthorBySlug({ slug: "owen", now })],
    ["getPublicationBySlug", () => getPublicationBySlug({ slug: demoPublication.slug })],
    ["getTagBySlug", () => getTagBySlug({ slug: "translation" })],
    ["listArticleComments", () => listArticleComments({ articleId: welcomeArticleId })],
    ["listArticleComments (signed in)", () => listArticleComments({ articleId: welcomeArticleId, viewerId: owenId })],
    ["countPendingComments (every moderator's header)", () => countPendingComments()],
    ["listCommentsForModeration", () => listCommentsForModeration({ status: "pending", page: 1 })],
    ["listModerationLog", () => listModerationLog({ page: 1 })],
    ["listCommentReportSummaries (queue page)", () => listCommentReportSummaries({ commentIds: [1, 2, 3] })],
    ["listCommentVersions (queue page)", () => listCommentVersions({ commentIds: [1, 2, 3] })],
    ["listCommentsReportedBy (signed-in article page)", () => listCommentsReportedBy({ articleId: welcomeArticleId, reporterId: owenId })],
    ["findSlugRedirect (old article URL)", () => findSlugRedirect({ kind: "article", slug: "renamed-away", now })],
    ["commentExists (edit page guard)", () => commentExists({ commentId: 1 })],
    ["listSitemapEntries", () => listSitemapEntries({ now })],
    ["getSiteSettings", () => getSiteSettings()],
    ["listCacheInvalidationsAfter", () => listCacheInvalidationsAfter(temp.db, 0)],
    ["getLatestCacheInvalidationId", () => getLatestCacheInvalidationId(temp.db)],
    ["getNextScheduledPublicationTime", () => getNextScheduledPublicationTime(temp.db, now)],
    [
      "listArticlesScheduledBetween",
      () => listArticlesScheduledBetween(temp.db, new Date(0), new Date("2030-01-01T00:00:00Z")),
    ],
    ["listFeedArticles (site)", () => listFeedArticles({ scope: { kind: "site" }, now })],
    ["listFeedArticles (author)", () => listFeedArticles({ scope: { kind: "author", authorId: owenId }, now })],
    ["listFeedArticles (publication)", () => listFeedArticles({ scope: { kind: "publication", publicationId }, now })],
    ["listFeedArticles (tag)", () => listFeedArticles({ scope: { kind: "tag", tagId }, now })],
    ["getArticleCommentsFeed", () => getArticleCommentsFeed({ slug: seedArticleSlug, now })],
    ["listArchiveMonths", () => listArchiveMonths({ timeZone: "Asia/Tokyo", now })],
    [
      "listPublishedArticlesBetween (archive month)",
      () => listPublishedArticlesBetween({ start: new Date("2021-08-01T00:00:00Z"), end: new Date("2030-09-01T00:00:00Z"), page: 1, now }),
    ],
    ["listTagsWithArticleCounts (tag index)", () => listTagsWithArticleCounts({ now })],
    ["getArticleNeighbours", () => getArticleNeighbours({ articleId: welcomeArticleId, publishedAt: welcomePublishedAt, now })],
    ["listRelatedArticles", () => listRelatedArticles({ articleId: welcomeArticleId, tagIds: [tagId, tagId + 1], now })],
    [
      "arrivalNeighbourTags (writers)",
      () =>
        arrivalNeighbourTags(temp.db, { before: null, after: { id: welcomeArticleId, status: "published", publishedAt: welcomePublishedAt } }, now),
    ],
    [
      "neighbourTagsOfDueArticles (watcher)",
      () => neighbourTagsOfDueArticles(temp.db, [{ id: welcomeArticleId, authorId: owenId, publicationId: null, tagIds: [] }], now),
    ],
  ];

  for (const [name, action] of cases) {
    it(name, async () => {
      await expectIndexedReads(name, action);
    });
  }
});
