import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { demoPublication } from "@/db/demo/demo-people";
import { createArticle, setArticleStatus, updateArticleContent } from "@/db/queries/article-writes";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import { insertComment, setCommentStatus } from "@/db/queries/comment-writes";
import { getPublicationBySlug } from "@/db/queries/publications";
import { getSiteSettings, updateSiteSettings } from "@/db/queries/site-settings";
import { getTagBySlug } from "@/db/queries/tags";
import { getUserIdBySlug, updateUserProfile } from "@/db/queries/users";
import { cacheTags, tagsForArticle } from "@/lib/cache-tags";
import { neighbourTagsAt } from "./support/neighbour-tags";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let owenId: number;
let samId: number;
let publicationId: number;
let tagIds: number[];

// Runs a write and returns the tags it logged, in the order they were logged.
async function loggedBy(write: () => Promise<unknown>): Promise<string[]> {
  const before = getLatestCacheInvalidationId(temp.db);
  await write();
  return listCacheInvalidationsAfter(temp.db, before).map((row) => row.tag);
}

function sorted(tags: readonly string[]): string[] {
  return [...tags].sort();
}

beforeAll(async () => {
  temp = createTempDatabase();
  const owen = await getUserIdBySlug({ slug: "owen" });
  const sam = await getUserIdBySlug({ slug: "sam-demo-reader" });
  const publication = await getPublicationBySlug({ slug: demoPublication.slug });
  const reading = await getTagBySlug({ slug: "reading" });
  const writing = await getTagBySlug({ slug: "writing" });
  if (owen === null || sam === null || !publication || !reading || !writing) throw new Error("demo content missing");
  owenId = owen;
  samId = sam;
  publicationId = publication.id;
  tagIds = [reading.id, writing.id];
});

afterAll(() => {
  temp.cleanup();
});

describe("writes log exactly the cache tags they affect", () => {
  it("seeding logs nothing (no process has cached anything yet)", () => {
    expect(getLatestCacheInvalidationId(temp.db)).toBe(0);
  });

  it("updateUserProfile logs the author", async () => {
    let result: boolean | undefined;
    const tags = await loggedBy(async () => {
      result = await updateUserProfile({ userId: owenId, bio: "A new bio." });
    });
    expect(result).toBe(true);
    expect(tags).toEqual([cacheTags.author(owenId)]);
  });

  it("publishing a new article logs the article, listing, author, publication and tags", async () => {
    let id = -1;
    const publishedAt = new Date(Date.now() - 1000);
    const tags = await loggedBy(async () => {
      id = await createArticle({
        slug: "published-with-everything",
        title: "Published",
        status: "published",
        publishedAt,
        authorId: owenId,
        publicationId,
        tagIds,
      });
    });
    // And the pages of its new previous/next neighbours, which now link it.
    const neighbours = await neighbourTagsAt(id, publishedAt);
    expect(neighbours.length).toBeGreaterThan(0);
    const expected = [...tagsForArticle({ id, authorId: owenId, publicationId, tagIds }), ...neighbours];
    expect(sorted(tags)).toEqual(sorted(expected));
    expect(sorted(tags)).toEqual(
      sorted([
        ...neighbours,
        `article:${id}`,
        "articles",
        `author:${owenId}`,
        `publication:${publicationId}`,
        ...tagIds.map((tagId) => `tag:${tagId}`),
      ]),
    );
  });

  it("scheduling a new article logs its tags too (its listings change when the time comes)", async () => {
    let id = -1;
    const tags = await loggedBy(async () => {
      id = await createArticle({
        slug: "scheduled-without-publication",
        title: "Scheduled",
        status: "scheduled",
        publishedAt: new Date(Date.now() + 60_000),
        authorId: owenId,
      });
    });
    expect(sorted(tags)).toEqual(sorted(tagsForArticle({ id, authorId: owenId, publicationId: null, tagIds: [] })));
  });

  it("creating a draft logs nothing", async () => {
    const tags = await loggedBy(() =>
      createArticle({ slug: "quiet-draft", title: "Draft", status: "draft", authorId: owenId, publicationId, tagIds }),
    );
    expect(tags).toEqual([]);
  });

  it("setArticleStatus logs the article's current author, publication and tags", async () => {
    const id = await createArticle({
      slug: "to-be-unpublished",
      title: "Soon gone",
      status: "draft",
      authorId: owenId,
      publicationId,
      tagIds,
    });
    let result: boolean | undefined;
    const tags = await loggedBy(async () => {
      result = await setArticleStatus({ articleId: id, status: "published" });
    });
    expect(result).toBe(true);
    const publishedAt = (await getPublishedArticleBySlug({ slug: "to-be-unpublished" }))?.publishedAt ?? new Date();
    const neighbours = await neighbourTagsAt(id, publishedAt);
    expect(sorted(tags)).toEqual(sorted([...tagsForArticle({ id, authorId: owenId, publicationId, tagIds }), ...neighbours]));

    // Its old neighbours recorded its own tag when they linked it; nothing else is needed.
    const unpublished = await loggedBy(() => setArticleStatus({ articleId: id, status: "draft", publishedAt: null }));
    expect(sorted(unpublished)).toEqual(sorted(tagsForArticle({ id, authorId: owenId, publicationId, tagIds })));
  });

  it("updateArticleContent logs the article's tags", async () => {
    const article = await getPublishedArticleBySlug({ slug: "welcome-to-the-demo-platform" });
    if (!article) throw new Error("welcome article missing");
    const tags = await loggedBy(() => updateArticleContent({ articleId: article.id, title: "Welcome, edited" }));
    expect(sorted(tags)).toEqual(
      sorted(
        tagsForArticle({
          id: article.id,
          authorId: article.author.id,
          publicationId: article.publication?.id ?? null,
          tagIds: article.tags.map((tag) => tag.id),
        }),
      ),
    );
  });

  it("an approved comment logs its article; a pending one logs nothing", async () => {
    const article = await getPublishedArticleBySlug({ slug: "welcome-to-the-demo-platform" });
    const articleId = article?.id ?? -1;
    const approved = await loggedBy(() => insertComment({ articleId, authorId: samId, body: "Nice", status: "approved" }));
    expect(approved).toEqual([cacheTags.article(articleId)]);
    const pending = await loggedBy(() => insertComment({ articleId, authorId: samId, body: "Hmm", status: "pending" }));
    expect(pending).toEqual([]);
  });

  it("setCommentStatus logs the comment's article", async () => {
    const article = await getPublishedArticleBySlug({ slug: "welcome-to-the-demo-platform" });
    const articleId = article?.id ?? -1;
    const commentId = await insertComment({ articleId, authorId: samId, body: "Moderate me", status: "pending" });
    let result: boolean | undefined;
    const tags = await loggedBy(async () => {
      result = await setCommentStatus({ commentId, status: "approved", moderatorId: owenId });
    });
    expect(result).toBe(true);
    expect(tags).toEqual([cacheTags.article(articleId)]);
  });

  it("updateSiteSettings logs the site tag and the new value is read back", async () => {
    const tags = await loggedBy(() => updateSiteSettings({ siteTitle: "Renamed site" }));
    expect(tags).toEqual([cacheTags.site]);
    expect((await getSiteSettings()).siteTitle).toBe("Renamed site");
  });
});

describe("refused writes log nothing", () => {
  it("updates of unknown rows return false and log nothing", async () => {
    const results: boolean[] = [];
    const tags = await loggedBy(async () => {
      results.push(await updateUserProfile({ userId: 987_654, bio: "nobody" }));
      results.push(await setCommentStatus({ commentId: 987_654, status: "approved", moderatorId: owenId }));
      results.push(await setArticleStatus({ articleId: 987_654, status: "published" }));
      results.push(await updateArticleContent({ articleId: 987_654, title: "nothing" }));
    });
    expect(results).toEqual([false, false, false, false]);
    expect(tags).toEqual([]);
  });

  it("a write that fails rolls its log rows back with it", async () => {
    const tags = await loggedBy(async () => {
      await expect(
        createArticle({
          slug: "published-with-everything", // already taken
          title: "Duplicate",
          status: "published",
          authorId: owenId,
        }),
      ).rejects.toThrow(/UNIQUE/);
    });
    expect(tags).toEqual([]);
  });
});
