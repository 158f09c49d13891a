import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { saveArticleFromEditor } from "@/db/queries/article-editor";
import { getArticleNeighbours } from "@/db/queries/article-neighbours";
import { createArticle, setArticleStatus, updateArticleContent } from "@/db/queries/article-writes";
import { listArchiveMonths } from "@/db/queries/archives";
import { getPublishedArticleBySlug, listPublishedArticlesBetween } from "@/db/queries/articles";
import { getSessionUserById } from "@/db/queries/auth-users";
import { listRelatedArticles } from "@/db/queries/related-articles";
import { neighbourTagsOfDueArticles, listArticlesScheduledBetween } from "@/db/queries/scheduled-articles";
import { listTagsWithArticleCounts } from "@/db/queries/tags";
import { getUserIdBySlug } from "@/db/queries/users";
import { tags } from "@/db/schema";
import { parseArticleInput } from "@/lib/articles/article-input";
import { emptyEditorValues } from "@/lib/articles/editor-values";
import { archiveMonthPath, monthOf, monthRange, parseArchiveMonth, parseArchiveYear } from "@/lib/archive-months";
import { cacheTags, collectCacheTags } from "@/lib/cache-tags";
import { countWords, readingMinutes, readingTimeLabel } from "@/lib/reading-time";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// Everything here is dated in 1990, before any demo article, so the seeded content never sits
// between the articles a test arranges.
let temp: TempDatabase;
let owenId: number;
const at = (iso: string) => new Date(iso);

function newTag(slug: string): number {
  return temp.db.insert(tags).values({ slug, name: slug.replace(/-/g, " ") }).returning({ id: tags.id }).get().id;
}

async function published(slug: string, publishedAt: Date, tagIds: number[] = [], body = "Words.") {
  const id = await createArticle({ slug, title: `Title of ${slug}`, body, status: "published", publishedAt, authorId: owenId, tagIds });
  return id;
}

async function logged(write: () => Promise<unknown>): Promise<string[]> {
  const before = getLatestCacheInvalidationId(temp.db);
  await write();
  return listCacheInvalidationsAfter(temp.db, before).map((row) => row.tag);
}

async function recorded<T>(read: () => Promise<T>): Promise<{ value: T; tags: Set<string> }> {
  const tagSet = new Set<string>();
  const value = await collectCacheTags(tagSet, read);
  return { value, tags: tagSet };
}

beforeAll(async () => {
  temp = createTempDatabase();
  const id = await getUserIdBySlug({ slug: "owen" });
  if (id === null) throw new Error("owen missing");
  owenId = id;
});

afterAll(() => {
  temp.cleanup();
});

describe("reading time", () => {
  it("counts words, not Markdown syntax or link targets", () => {
    expect(countWords("# A title\n\nSome **bold** [link text](https://example.com/a-very-long-path) here.")).toBe(7);
    expect(countWords("<b>x</b> don't re-read 3.5")).toBe(4);
  });

  it("rounds up at 230 words a minute, never below one minute", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("word ".repeat(230))).toBe(1);
    expect(readingMinutes("word ".repeat(231))).toBe(2);
    expect(readingTimeLabel(4)).toBe("4 min read");
  });

  it("is computed for the article page and listings from the body", async () => {
    await published("reading-time-article", at("1990-02-10T12:00:00Z"), [], "word ".repeat(700));
    expect((await getPublishedArticleBySlug({ slug: "reading-time-article" }))?.readingMinutes).toBe(4);
    const { start, end } = monthRange({ year: 1990, month: 2 }, "UTC");
    const listing = await listPublishedArticlesBetween({ start, end, page: 1 });
    expect(listing.items.find((item) => item.slug === "reading-time-article")?.readingMinutes).toBe(4);
  });
});

describe("archive months", () => {
  it("parses only real years and months", () => {
    expect(parseArchiveMonth("2021", "08")).toEqual({ year: 2021, month: 8 });
    expect(parseArchiveMonth("2021", "13")).toBeNull();
    expect(parseArchiveMonth("2021", "8")).toBeNull();
    expect(parseArchiveMonth("abcd", "01")).toBeNull();
    expect(parseArchiveYear("0999")).toBeNull();
    expect(parseArchiveYear("9999")).toBeNull();
    expect(archiveMonthPath({ year: 2021, month: 8 })).toBe("/archive/2021/08");
  });

  it("groups by the calendar month of the site's time zone", () => {
    // 23:30 UTC on 31 July is already 1 August in Tokyo.
    const instant = at("1990-07-31T23:30:00Z");
    expect(monthOf(instant, "UTC")).toEqual({ year: 1990, month: 7 });
    expect(monthOf(instant, "Asia/Tokyo")).toEqual({ year: 1990, month: 8 });
    const tokyoAugust = monthRange({ year: 1990, month: 8 }, "Asia/Tokyo");
    expect(tokyoAugust.start.toISOString()).toBe("1990-07-31T15:00:00.000Z");
    expect(tokyoAugust.end.toISOString()).toBe("1990-08-31T15:00:00.000Z");
  });

  it("lists months with visible articles and their counts, newest first", async () => {
    await published("archive-july-late", at("1990-07-31T23:30:00Z"));
    await published("archive-july-early", at("1990-07-02T10:00:00Z"));
    await createArticle({ slug: "archive-draft", title: "Draft", status: "draft", authorId: owenId });
    const { value: utc, tags: recordedTags } = await recorded(() => listArchiveMonths({ timeZone: "UTC" }));
    expect(recordedTags.has(cacheTags.articleListing)).toBe(true);
    expect(utc.find((month) => month.year === 1990 && month.month === 7)?.count).toBe(2);
    expect(utc.find((month) => month.year === 1990 && month.month === 8)).toBeUndefined();
    const tokyo = await listArchiveMonths({ timeZone: "Asia/Tokyo" });
    expect(tokyo.find((month) => month.year === 1990 && month.month === 7)?.count).toBe(1);
    expect(tokyo.find((month) => month.year === 1990 && month.month === 8)?.count).toBe(1);
    const keys = utc.map((month) => month.year * 100 + month.month);
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
  });

  it("lists a month's articles within its time-zone boundaries", async () => {
    const range = monthRange({ year: 1990, month: 8 }, "Asia/Tokyo");
    const listing = await listPublishedArticlesBetween({ ...range, page: 1 });
    expect(listing.items.map((item) => item.slug)).toEqual(["archive-july-late"]);
    expect(listing.total).toBe(1);
    const empty = await listPublishedArticlesBetween({ ...monthRange({ year: 1990, month: 9 }, "UTC"), page: 1 });
    expect(empty.total).toBe(0);
  });
});

describe("tag index", () => {
  it("counts only reader-visible articles per tag, by name, and records the listing", async () => {
    const counted = newTag("counted-tag");
    const draftOnly = newTag("draft-only-tag");
    await published("tag-count-one", at("1990-03-01T10:00:00Z"), [counted]);
    await published("tag-count-two", at("1990-03-02T10:00:00Z"), [counted]);
    await createArticle({ slug: "tag-count-draft", title: "D", status: "draft", authorId: owenId, tagIds: [counted, draftOnly] });
    await createArticle({
      slug: "tag-count-future",
      title: "F",
      status: "scheduled",
      publishedAt: new Date(Date.now() + 86_400_000),
      authorId: owenId,
      tagIds: [counted],
    });
    const { value, tags: recordedTags } = await recorded(() => listTagsWithArticleCounts());
    expect(value.find((tag) => tag.id === counted)?.articleCount).toBe(2);
    expect(value.find((tag) => tag.id === draftOnly)).toBeUndefined();
    expect(value.map((tag) => tag.name)).toEqual([...value.map((tag) => tag.name)].sort((a, b) => a.localeCompare(b)));
    expect(recordedTags.has(cacheTags.articleListing)).toBe(true);
    expect(recordedTags.has(cacheTags.tag(counted))).toBe(true);
  });
});

describe("previous and next articles", () => {
  it("are the visible neighbours in publication order, and record their tags", async () => {
    const first = await published("neighbour-first", at("1990-05-01T10:00:00Z"));
    const middle = await published("neighbour-middle", at("1990-05-02T10:00:00Z"));
    await createArticle({ slug: "neighbour-draft", title: "D", status: "draft", authorId: owenId });
    const last = await published("neighbour-last", at("1990-05-03T10:00:00Z"));
    const { value, tags: recordedTags } = await recorded(() =>
      getArticleNeighbours({ articleId: middle, publishedAt: at("1990-05-02T10:00:00Z") }),
    );
    expect(value.previous?.id).toBe(first);
    expect(value.next?.id).toBe(last);
    expect([...recordedTags].sort()).toEqual([cacheTags.article(first), cacheTags.article(last)].sort());
  });

  it("orders articles with the same date by id", async () => {
    const sameTime = at("1990-06-01T10:00:00Z");
    const a = await published("same-time-a", sameTime);
    const b = await published("same-time-b", sameTime);
    expect((await getArticleNeighbours({ articleId: a, publishedAt: sameTime })).next?.id).toBe(b);
    expect((await getArticleNeighbours({ articleId: b, publishedAt: sameTime })).previous?.id).toBe(a);
  });

  it("publishing and re-dating invalidate the pages of the new neighbours; their old ones follow the article's own tag", async () => {
    const older = await published("moving-older", at("1990-09-01T10:00:00Z"));
    const newer = await published("moving-newer", at("1990-09-03T10:00:00Z"));
    const elsewhereOlder = await published("moving-elsewhere-older", at("1990-10-01T10:00:00Z"));
    const elsewhereNewer = await published("moving-elsewhere-newer", at("1990-10-03T10:00:00Z"));
    const moving = await createArticle({ slug: "moving", title: "Moving", status: "draft", authorId: owenId });

    const onPublish = await logged(() => setArticleStatus({ articleId: moving, status: "published", publishedAt: at("1990-09-02T10:00:00Z") }));
    expect(onPublish).toEqual(expect.arrayContaining([cacheTags.article(older), cacheTags.article(newer), cacheTags.articleListing]));
    expect((await getArticleNeighbours({ articleId: older, publishedAt: at("1990-09-01T10:00:00Z") })).next?.id).toBe(moving);

    const onRedate = await logged(() => setArticleStatus({ articleId: moving, status: "published", publishedAt: at("1990-10-02T10:00:00Z") }));
    expect(onRedate).toEqual(
      expect.arrayContaining([moving, elsewhereOlder, elsewhereNewer].map((id) => cacheTags.article(id))),
    );
    // The old neighbours showed it, so they recorded its tag: it is what reaches them.
    const { tags: olderPageTags } = await recorded(() =>
      getArticleNeighbours({ articleId: older, publishedAt: at("1990-09-01T10:00:00Z"), now: at("1990-12-31T00:00:00Z") }),
    );
    expect(olderPageTags.has(cacheTags.article(newer))).toBe(true);

    const onUnpublish = await logged(() => setArticleStatus({ articleId: moving, status: "draft", publishedAt: null }));
    expect(onUnpublish).toContain(cacheTags.article(moving));
    expect((await getArticleNeighbours({ articleId: elsewhereOlder, publishedAt: at("1990-10-01T10:00:00Z") })).next?.id).toBe(
      elsewhereNewer,
    );

    // A retitle moves nothing: only its own tag, which its neighbours recorded.
    const onRetitle = await logged(() => updateArticleContent({ articleId: older, title: "Renamed" }));
    expect(onRetitle).toContain(cacheTags.article(older));
    expect(onRetitle).not.toContain(cacheTags.article(newer));
  });

  it("the editor invalidates the neighbours of an article it publishes", async () => {
    const before = await published("editor-neighbour-before", at("2000-12-31T10:00:00Z"));
    const actor = await getSessionUserById({ id: owenId });
    if (!actor) throw new Error("owen missing");
    const parsed = parseArticleInput({ ...emptyEditorValues(), title: "Editor neighbour", body: "Body." });
    if (!parsed.ok) throw new Error("invalid input");
    // Published now: the newest article, whose older neighbour is the newest one before it.
    const newestBefore = (await getArticleNeighbours({ articleId: -1, publishedAt: new Date() })).previous;
    const tagsLogged = await logged(() => saveArticleFromEditor({ actor, articleId: null, fields: parsed.fields, command: { kind: "publish" } }));
    expect(newestBefore).not.toBeNull();
    expect(tagsLogged).toContain(cacheTags.article(newestBefore?.id ?? before));
  });

  it("the page-cache watcher learns the neighbours of a scheduled article when its time comes", async () => {
    const older = await published("due-older", at("1990-11-01T10:00:00Z"));
    const due = await createArticle({
      slug: "due-article",
      title: "Due",
      status: "scheduled",
      publishedAt: at("1990-11-02T10:00:00Z"),
      authorId: owenId,
    });
    const dueList = listArticlesScheduledBetween(temp.db, at("1990-11-02T09:00:00Z"), at("1990-11-02T11:00:00Z"));
    expect(dueList.map((article) => article.id)).toEqual([due]);
    expect(neighbourTagsOfDueArticles(temp.db, dueList, at("1990-11-02T11:00:00Z"))).toContain(cacheTags.article(older));
  });
});

describe("related articles", () => {
  it("ranks by shared tags, then newest, leaves out itself and invisible articles, and records tags", async () => {
    const alpha = newTag("related-alpha");
    const beta = newTag("related-beta");
    const gamma = newTag("related-gamma");
    const self = await published("related-self", at("1990-04-01T10:00:00Z"), [alpha, beta, gamma]);
    const twoShared = await published("related-two", at("1990-04-02T10:00:00Z"), [alpha, beta]);
    const oneSharedOld = await published("related-one-old", at("1990-04-03T10:00:00Z"), [gamma]);
    const oneSharedNew = await published("related-one-new", at("1990-04-05T10:00:00Z"), [alpha]);
    const oneSharedMid = await published("related-one-mid", at("1990-04-04T10:00:00Z"), [beta]);
    await createArticle({ slug: "related-draft", title: "D", status: "draft", authorId: owenId, tagIds: [alpha, beta, gamma] });
    await published("related-unrelated", at("1990-04-06T10:00:00Z"), [newTag("related-other")]);

    const { value, tags: recordedTags } = await recorded(() => listRelatedArticles({ articleId: self, tagIds: [alpha, beta, gamma] }));
    expect(value.map((item) => item.id)).toEqual([twoShared, oneSharedNew, oneSharedMid]);
    expect(value[0]?.sharedTags).toBe(2);
    expect(value.map((item) => item.id)).not.toContain(oneSharedOld);
    for (const id of [alpha, beta, gamma]) expect(recordedTags.has(cacheTags.tag(id))).toBe(true);
    for (const item of value) expect(recordedTags.has(cacheTags.article(item.id))).toBe(true);
  });

  it("is empty for an article without tags", async () => {
    expect(await listRelatedArticles({ articleId: 1, tagIds: [] })).toEqual([]);
  });
});
