import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicationFields, slugFromName, tagFields } from "@/components/taxonomy-admin/taxonomy-input";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { createArticle } from "@/db/queries/article-writes";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import {
  createPublication,
  deletePublication,
  getPublicationForAdmin,
  listPublicationsForAdmin,
  updatePublication,
  type PublicationFields,
} from "@/db/queries/publication-admin";
import { getPublicationBySlug } from "@/db/queries/publications";
import { findSlugRedirect } from "@/db/queries/slug-redirects";
import {
  deleteTag,
  getTagForAdmin,
  listTagMergeTargets,
  listTagsForAdmin,
  mergeTags,
  renameTag,
  TAGS_PER_PAGE,
} from "@/db/queries/tag-admin";
import { getTagBySlug } from "@/db/queries/tags";
import { getUserIdBySlug } from "@/db/queries/users";
import { articles, articleTags, slugRedirects, tags } from "@/db/schema";
import { z } from "zod";
import { renamedPageLocation } from "@/lib/page-existence";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let owenId: number;
let counter = 0;

function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

// Runs a write and returns the tags it logged, sorted.
async function loggedBy(write: () => Promise<unknown>): Promise<string[]> {
  const before = getLatestCacheInvalidationId(temp.db);
  await write();
  return listCacheInvalidationsAfter(temp.db, before)
    .map((row) => row.tag)
    .sort();
}

function sorted(list: string[]): string[] {
  return [...list].sort();
}

function newTag(name = unique("Tag")): { id: number; slug: string; name: string } {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const id = temp.db.insert(tags).values({ slug, name }).returning({ id: tags.id }).get().id;
  return { id, slug, name };
}

type Visibility = "published" | "draft" | "future";

async function newArticle(visibility: Visibility, { tagIds = [], publicationId = null }: { tagIds?: number[]; publicationId?: number | null } = {}) {
  const slug = unique(`article-${visibility}`);
  const id = await createArticle({
    slug,
    title: slug,
    status: visibility === "published" ? "published" : visibility === "draft" ? "draft" : "scheduled",
    publishedAt:
      visibility === "published" ? new Date(Date.now() - 60_000) : visibility === "future" ? new Date(Date.now() + 86_400_000) : null,
    authorId: owenId,
    publicationId,
    tagIds,
  });
  return { id, slug };
}

function tagIdsOf(articleId: number): number[] {
  return temp.db
    .select({ tagId: articleTags.tagId })
    .from(articleTags)
    .where(eq(articleTags.articleId, articleId))
    .all()
    .map((row) => row.tagId)
    .sort((a, b) => a - b);
}

function redirectsTo(kind: "tag" | "publication", targetId: number): string[] {
  return temp.db
    .select({ oldSlug: slugRedirects.oldSlug, kind: slugRedirects.kind, targetId: slugRedirects.targetId })
    .from(slugRedirects)
    .all()
    .filter((row) => row.kind === kind && row.targetId === targetId)
    .map((row) => row.oldSlug)
    .sort();
}

function publicationFieldsFor(name: string, overrides: Partial<PublicationFields> = {}): PublicationFields {
  return {
    name,
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    country: "Japan",
    language: "ja",
    website: "https://example.com",
    description: "A test publication.",
    ...overrides,
  };
}

beforeAll(async () => {
  temp = createTempDatabase();
  const owen = await getUserIdBySlug({ slug: "owen" });
  if (owen === null) throw new Error("demo content missing");
  owenId = owen;
});

afterAll(() => {
  temp.cleanup();
});

describe("tag list", () => {
  it("counts published and all articles, searches name and slug, and pages", async () => {
    const tag = newTag("Counted Tag");
    await newArticle("published", { tagIds: [tag.id] });
    await newArticle("published", { tagIds: [tag.id] });
    await newArticle("draft", { tagIds: [tag.id] });
    await newArticle("future", { tagIds: [tag.id] });

    const found = await listTagsForAdmin({ search: "counted", page: 1 });
    expect(found.items).toEqual([{ id: tag.id, slug: tag.slug, name: "Counted Tag", publishedCount: 2, articleCount: 4 }]);
    expect((await listTagsForAdmin({ search: "counted-tag", page: 1 })).total).toBe(1);
    // LIKE wildcards typed by the admin are matched literally.
    expect((await listTagsForAdmin({ search: "%", page: 1 })).total).toBe(0);
    expect(await getTagForAdmin({ tagId: tag.id })).toMatchObject({ publishedCount: 2, articleCount: 4 });

    for (let i = 0; i < TAGS_PER_PAGE; i += 1) newTag(unique("Paged"));
    const all = await listTagsForAdmin({ page: 1 });
    expect(all.items).toHaveLength(TAGS_PER_PAGE);
    expect(all.pageCount).toBe(Math.ceil(all.total / TAGS_PER_PAGE));
    const second = await listTagsForAdmin({ page: 2 });
    expect(second.items.map((item) => item.id)).not.toContain(all.items[0]?.id);
    // Sorted by name, whatever the letter case.
    const names = all.items.map((item) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });
});

describe("renaming a tag", () => {
  it("changes name and slug, keeps a redirect, and logs the tag and its visible articles only", async () => {
    const tag = newTag("Old Name");
    const published = await newArticle("published", { tagIds: [tag.id] });
    await newArticle("draft", { tagIds: [tag.id] });
    await newArticle("future", { tagIds: [tag.id] });

    let result: Awaited<ReturnType<typeof renameTag>> | undefined;
    const logged = await loggedBy(async () => {
      result = await renameTag({ tagId: tag.id, name: "New Name", slug: "new-name" });
    });
    expect(result).toEqual({ ok: true, changed: true });
    expect(logged).toEqual(sorted([`tag:${tag.id}`, `article:${published.id}`]));

    expect(await getTagBySlug({ slug: "new-name" })).toEqual({ id: tag.id, slug: "new-name", name: "New Name" });
    expect(await getTagBySlug({ slug: tag.slug })).toBeNull();
    expect(await findSlugRedirect({ kind: "tag", slug: tag.slug })).toBe("new-name");
    expect(await renamedPageLocation(`/tags/${tag.slug}?page=2`)).toBe("/tags/new-name?page=2");
    const article = await getPublishedArticleBySlug({ slug: published.slug });
    expect(article?.tags).toEqual([{ id: tag.id, slug: "new-name", name: "New Name" }]);
  });

  it("renamed back, the slug is current again and the other one redirects", async () => {
    const tag = newTag("Round Trip");
    expect(await renameTag({ tagId: tag.id, name: "Round Trip", slug: "round-trip-two" })).toEqual({ ok: true, changed: true });
    expect(await renameTag({ tagId: tag.id, name: "Round Trip", slug: tag.slug })).toEqual({ ok: true, changed: true });
    expect(await findSlugRedirect({ kind: "tag", slug: tag.slug })).toBeNull();
    expect(await renamedPageLocation(`/tags/${tag.slug}`)).toBeNull();
    expect(await findSlugRedirect({ kind: "tag", slug: "round-trip-two" })).toBe(tag.slug);
    expect(redirectsTo("tag", tag.id)).toEqual(["round-trip-two"]);
  });

  it("a name-only change logs the same tags and records no redirect", async () => {
    const tag = newTag("Only Name");
    const published = await newArticle("published", { tagIds: [tag.id] });
    const logged = await loggedBy(() => renameTag({ tagId: tag.id, name: "Only Name, Renamed", slug: tag.slug }));
    expect(logged).toEqual(sorted([`tag:${tag.id}`, `article:${published.id}`]));
    expect(redirectsTo("tag", tag.id)).toEqual([]);
  });

  it("refuses a slug another tag has, and changes nothing", async () => {
    const tag = newTag("Wants Slug");
    const other = newTag("Has Slug");
    let result: Awaited<ReturnType<typeof renameTag>> | undefined;
    const logged = await loggedBy(async () => {
      result = await renameTag({ tagId: tag.id, name: "Renamed", slug: other.slug });
    });
    expect(result).toEqual({ ok: false, reason: "slug-taken" });
    expect(logged).toEqual([]);
    expect(await getTagForAdmin({ tagId: tag.id })).toMatchObject({ name: "Wants Slug", slug: tag.slug });
  });

  it("an unchanged rename writes and logs nothing; a missing tag is reported", async () => {
    const tag = newTag("Same");
    expect(await loggedBy(() => renameTag({ tagId: tag.id, name: tag.name, slug: tag.slug }))).toEqual([]);
    expect(await renameTag({ tagId: tag.id, name: tag.name, slug: tag.slug })).toEqual({ ok: true, changed: false });
    expect(await renameTag({ tagId: 999_999, name: "X", slug: "x" })).toEqual({ ok: false, reason: "not-found" });
  });

  it("taking another tag's old slug removes that redirect", async () => {
    const first = newTag("First Owner");
    await renameTag({ tagId: first.id, name: first.name, slug: "first-owner-moved" });
    expect(await findSlugRedirect({ kind: "tag", slug: first.slug })).toBe("first-owner-moved");
    const second = newTag("Second Owner");
    expect(await renameTag({ tagId: second.id, name: second.name, slug: first.slug })).toEqual({ ok: true, changed: true });
    expect(await getTagBySlug({ slug: first.slug })).toMatchObject({ id: second.id });
    expect(redirectsTo("tag", first.id)).toEqual([]);
  });
});

describe("merging tags", () => {
  it("moves articles (one link where both were), moves redirects, deletes the source and logs exactly", async () => {
    const source = newTag("Merge Source");
    const target = newTag("Merge Target");
    const other = newTag("Merge Other");
    // The source was renamed once: its old URL must follow it into the target.
    await renameTag({ tagId: source.id, name: source.name, slug: "merge-source-now" });

    const both = await newArticle("published", { tagIds: [source.id, target.id, other.id] });
    const onlySource = await newArticle("published", { tagIds: [source.id] });
    const draft = await newArticle("draft", { tagIds: [source.id] });
    const targetOnly = await newArticle("published", { tagIds: [target.id] });

    let result: Awaited<ReturnType<typeof mergeTags>> | undefined;
    const logged = await loggedBy(async () => {
      result = await mergeTags({ sourceTagId: source.id, targetTagId: target.id });
    });
    expect(result).toEqual({ ok: true, movedArticles: 2 });
    expect(logged).toEqual(sorted([`tag:${source.id}`, `tag:${target.id}`, `article:${both.id}`, `article:${onlySource.id}`]));

    expect(tagIdsOf(both.id)).toEqual([target.id, other.id].sort((a, b) => a - b));
    expect(tagIdsOf(onlySource.id)).toEqual([target.id]);
    expect(tagIdsOf(draft.id)).toEqual([target.id]);
    expect(tagIdsOf(targetOnly.id)).toEqual([target.id]);
    expect(await getTagForAdmin({ tagId: source.id })).toBeNull();
    expect(await getTagForAdmin({ tagId: target.id })).toMatchObject({ publishedCount: 3, articleCount: 4 });

    expect(await findSlugRedirect({ kind: "tag", slug: "merge-source-now" })).toBe(target.slug);
    expect(await findSlugRedirect({ kind: "tag", slug: source.slug })).toBe(target.slug);
    expect(await renamedPageLocation("/tags/merge-source-now")).toBe(`/tags/${target.slug}`);
    expect(redirectsTo("tag", target.id)).toEqual(sorted([source.slug, "merge-source-now"]));
  });

  it("leaves the target's page alone when it gains no visible article", async () => {
    const source = newTag("Quiet Source");
    const target = newTag("Quiet Target");
    const both = await newArticle("published", { tagIds: [source.id, target.id] });
    await newArticle("future", { tagIds: [source.id] });
    const logged = await loggedBy(() => mergeTags({ sourceTagId: source.id, targetTagId: target.id }));
    expect(logged).toEqual(sorted([`tag:${source.id}`, `article:${both.id}`]));
  });

  it("refuses merging a tag into itself or into a missing tag, and a missing source", async () => {
    const tag = newTag("Lonely");
    expect(await mergeTags({ sourceTagId: tag.id, targetTagId: tag.id })).toEqual({ ok: false, reason: "same-tag" });
    expect(await mergeTags({ sourceTagId: tag.id, targetTagId: 999_999 })).toEqual({ ok: false, reason: "target-not-found" });
    expect(await mergeTags({ sourceTagId: 999_999, targetTagId: tag.id })).toEqual({ ok: false, reason: "not-found" });
    expect(await getTagForAdmin({ tagId: tag.id })).not.toBeNull();
  });

  it("offers every other tag as a target", async () => {
    const tag = newTag("Chooser");
    const targets = await listTagMergeTargets({ exceptTagId: tag.id });
    expect(targets.map((choice) => choice.id)).not.toContain(tag.id);
    expect(targets.length).toBe((await listTagsForAdmin({ page: 1 })).total - 1);
  });
});

describe("deleting a tag", () => {
  it("keeps the articles and their other tags, drops its redirects and logs exactly", async () => {
    const doomed = newTag("Doomed");
    const kept = newTag("Kept");
    await renameTag({ tagId: doomed.id, name: doomed.name, slug: "doomed-renamed" });
    const published = await newArticle("published", { tagIds: [doomed.id, kept.id] });
    const draft = await newArticle("draft", { tagIds: [doomed.id] });

    let result: Awaited<ReturnType<typeof deleteTag>> | undefined;
    const logged = await loggedBy(async () => {
      result = await deleteTag({ tagId: doomed.id });
    });
    expect(result).toEqual({ ok: true, articleCount: 2 });
    expect(logged).toEqual(sorted([`tag:${doomed.id}`, `article:${published.id}`]));
    expect(tagIdsOf(published.id)).toEqual([kept.id]);
    expect(tagIdsOf(draft.id)).toEqual([]);
    expect(temp.db.select({ id: articles.id }).from(articles).where(eq(articles.id, draft.id)).get()).toBeDefined();
    expect(redirectsTo("tag", doomed.id)).toEqual([]);
    expect(await renamedPageLocation(`/tags/${doomed.slug}`)).toBeNull();
    expect(await deleteTag({ tagId: doomed.id })).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("publications", () => {
  it("creates one (slug unique), lists it with counts, and logs nothing", async () => {
    let created: Awaited<ReturnType<typeof createPublication>> | undefined;
    const logged = await loggedBy(async () => {
      created = await createPublication(publicationFieldsFor("Created Daily"));
    });
    expect(logged).toEqual([]);
    if (!created?.ok) throw new Error("not created");
    expect(await createPublication(publicationFieldsFor("Created Daily"))).toEqual({ ok: false, reason: "slug-taken" });

    await newArticle("published", { publicationId: created.id });
    await newArticle("draft", { publicationId: created.id });
    const listing = await listPublicationsForAdmin({ search: "created daily", page: 1 });
    expect(listing.items).toEqual([
      {
        id: created.id,
        ...publicationFieldsFor("Created Daily"),
        publishedCount: 1,
        articleCount: 2,
      },
    ]);
  });

  it("an edit updates every field, keeps a redirect and logs the publication and its visible articles", async () => {
    const created = await createPublication(publicationFieldsFor("Edited Weekly"));
    if (!created.ok) throw new Error("not created");
    const published = await newArticle("published", { publicationId: created.id });
    await newArticle("draft", { publicationId: created.id });
    await newArticle("future", { publicationId: created.id });

    const edited = publicationFieldsFor("Edited Weekly, Renamed", {
      slug: "edited-weekly-renamed",
      country: null,
      language: "en-GB",
      website: "http://weekly.example/",
      description: "Now in English.",
    });
    let result: Awaited<ReturnType<typeof updatePublication>> | undefined;
    const logged = await loggedBy(async () => {
      result = await updatePublication({ publicationId: created.id, ...edited });
    });
    expect(result).toEqual({ ok: true, changed: true });
    expect(logged).toEqual(sorted([`publication:${created.id}`, `article:${published.id}`]));
    expect(await getPublicationForAdmin({ publicationId: created.id })).toMatchObject(edited);
    expect(await findSlugRedirect({ kind: "publication", slug: "edited-weekly" })).toBe("edited-weekly-renamed");
    expect(await renamedPageLocation("/publications/edited-weekly")).toBe("/publications/edited-weekly-renamed");
    const article = await getPublishedArticleBySlug({ slug: published.slug });
    expect(article?.publication).toMatchObject({ name: "Edited Weekly, Renamed", language: "en-GB", country: null });

    expect(await loggedBy(() => updatePublication({ publicationId: created.id, ...edited }))).toEqual([]);
    expect(await updatePublication({ publicationId: created.id, ...edited })).toEqual({ ok: true, changed: false });
  });

  it("refuses another publication's slug and a missing publication", async () => {
    const first = await createPublication(publicationFieldsFor("Slug Holder"));
    const second = await createPublication(publicationFieldsFor("Slug Wanter"));
    if (!first.ok || !second.ok) throw new Error("not created");
    expect(await updatePublication({ publicationId: second.id, ...publicationFieldsFor("Slug Wanter", { slug: "slug-holder" }) })).toEqual({
      ok: false,
      reason: "slug-taken",
    });
    expect(await updatePublication({ publicationId: 999_999, ...publicationFieldsFor("Nobody") })).toEqual({
      ok: false,
      reason: "not-found",
    });
  });

  it("a deletion keeps the articles without a publication, drops redirects and logs exactly", async () => {
    const created = await createPublication(publicationFieldsFor("Closing Times"));
    if (!created.ok) throw new Error("not created");
    await updatePublication({ publicationId: created.id, ...publicationFieldsFor("Closing Times", { slug: "closing-times-2" }) });
    const published = await newArticle("published", { publicationId: created.id });
    const draft = await newArticle("draft", { publicationId: created.id });

    let result: Awaited<ReturnType<typeof deletePublication>> | undefined;
    const logged = await loggedBy(async () => {
      result = await deletePublication({ publicationId: created.id });
    });
    expect(result).toEqual({ ok: true, articleCount: 2 });
    expect(logged).toEqual(sorted([`publication:${created.id}`, `article:${published.id}`]));
    expect((await getPublishedArticleBySlug({ slug: published.slug }))?.publication).toBeNull();
    const draftRow = temp.db.select({ publicationId: articles.publicationId }).from(articles).where(eq(articles.id, draft.id)).get();
    expect(draftRow).toEqual({ publicationId: null });
    expect(await getPublicationBySlug({ slug: "closing-times-2" })).toBeNull();
    expect(redirectsTo("publication", created.id)).toEqual([]);
    expect(await renamedPageLocation("/publications/closing-times")).toBeNull();
    expect(await deletePublication({ publicationId: created.id })).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("what admins may type", () => {
  const tagSchema = z.object(tagFields).transform(slugFromName);
  const publicationSchema = z.object(publicationFields).transform(slugFromName);

  function errorsOf(result: { success: boolean; error?: z.ZodError }): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    for (const issue of result.error?.issues ?? []) (errors[String(issue.path[0])] ??= []).push(issue.message);
    return errors;
  }

  it("validates slugs as lower-case letters, digits and single hyphens", () => {
    expect(tagSchema.parse({ name: " World Politics ", slug: " world-politics-2 " })).toEqual({
      name: "World Politics",
      slug: "world-politics-2",
    });
    for (const slug of ["World", "a_b", "-a", "a-", "a--b", "é", "a b", "a".repeat(81)]) {
      expect(errorsOf(tagSchema.safeParse({ name: "Name", slug })).slug, slug).toHaveLength(1);
    }
    expect(errorsOf(tagSchema.safeParse({ name: "  ", slug: "ok" })).name).toEqual(["Enter a name."]);
  });

  it("makes a slug from the name when it is left empty, or asks for one", () => {
    expect(tagSchema.parse({ name: "Économie & Société", slug: "" })).toEqual({ name: "Économie & Société", slug: "economie-societe" });
    expect(errorsOf(tagSchema.safeParse({ name: "日本", slug: "" })).slug).toEqual([
      "Enter a slug: the name has no letters or digits to make one from.",
    ]);
  });

  it("canonicalises BCP 47 language tags and refuses others", () => {
    const base = { name: "P", slug: "p", country: "", website: "", description: "" };
    expect(publicationSchema.parse({ ...base, language: "EN-gb" }).language).toBe("en-GB");
    expect(publicationSchema.parse({ ...base, language: "zh-hant" }).language).toBe("zh-Hant");
    expect(publicationSchema.parse({ ...base, language: " " }).language).toBeNull();
    for (const language of ["english!", "e", "en_GB", "123"]) {
      expect(errorsOf(publicationSchema.safeParse({ ...base, language })).language, language).toHaveLength(1);
    }
  });

  it("accepts only http and https websites", () => {
    const base = { name: "P", slug: "p", country: "", language: "", description: "" };
    expect(publicationSchema.parse({ ...base, website: " https://example.com/news " }).website).toBe("https://example.com/news");
    expect(publicationSchema.parse({ ...base, website: "" })).toMatchObject({ website: null, country: null, language: null });
    for (const website of ["javascript:alert(1)", "ftp://example.com", "example.com", "data:text/html,x", "https://user:pw@example.com", "http://exa mple.com"]) {
      expect(errorsOf(publicationSchema.safeParse({ ...base, website })).website, website).toHaveLength(1);
    }
  });
});
