import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedArticleSlug } from "@/db/demo/seed-article";
import { createArticle } from "@/db/queries/article-writes";
import { searchArticles } from "@/db/queries/search";
import { deleteTag, mergeTags, renameTag } from "@/db/queries/tag-admin";
import { getUserIdBySlug } from "@/db/queries/users";
import { articles, articleTags, tags, users } from "@/db/schema";
import { highlightEnd, highlightStart, maxSearchTokens, splitSnippet, toFtsQuery } from "@/lib/search/search-query";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let owenId: number;
let counter = 0;
const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-01-01T12:00:00Z");

beforeAll(async () => {
  temp = createTempDatabase();
  const id = await getUserIdBySlug({ slug: "owen" });
  if (id === null) throw new Error("the seed author is missing");
  owenId = id;
});

afterAll(() => {
  temp.cleanup();
});

async function slugsFor(query: string, page = 1): Promise<string[]> {
  return (await searchArticles({ query, page, now })).results.map((result) => result.slug);
}

async function allSlugsFor(query: string): Promise<string[]> {
  const { pageCount } = await searchArticles({ query, page: 1, now });
  const slugs: string[] = [];
  for (let page = 1; page <= pageCount; page += 1) slugs.push(...(await slugsFor(query, page)));
  return slugs;
}

async function newArticle(fields: { title: string; body?: string; excerpt?: string; status?: "draft" | "published" | "scheduled"; publishedAt?: Date; tagIds?: number[]; authorId?: number }) {
  counter += 1;
  const slug = `search-test-${counter}`;
  const status = fields.status ?? "published";
  const id = await createArticle({
    slug,
    title: fields.title,
    body: fields.body ?? "",
    excerpt: fields.excerpt ?? "",
    status,
    publishedAt: status === "draft" ? null : (fields.publishedAt ?? past),
    authorId: fields.authorId ?? owenId,
    tagIds: fields.tagIds ?? [],
  });
  return { id, slug };
}

function newTag(name: string): number {
  counter += 1;
  return temp.db.insert(tags).values({ slug: `search-tag-${counter}`, name }).returning({ id: tags.id }).get().id;
}

describe("the demo content is indexed by the migration's triggers", () => {
  it("finds the seed article by a title word", async () => {
    expect(await slugsFor("Diplomatic")).toContain(seedArticleSlug);
  });

  it("finds the seed article by a body word", async () => {
    expect(await slugsFor("Kissinger")).toEqual([seedArticleSlug]);
  });

  it("finds articles by author name and tag name", async () => {
    expect(await allSlugsFor("Owen")).toContain(seedArticleSlug);
    expect(await allSlugsFor("translation")).toContain(seedArticleSlug);
    // Mina wrote none of the seed article's words, and her name is nowhere in it.
    expect(await allSlugsFor("Mina")).not.toContain(seedArticleSlug);
  });

  it("ANDs the words and ignores case and diacritics", async () => {
    expect(await slugsFor("KISSINGER sherman")).toEqual([seedArticleSlug]);
    expect(await slugsFor("kissinger nonexistentword")).toEqual([]);
    expect(await slugsFor("Kíssinger")).toEqual([seedArticleSlug]);
  });

  it("returns highlighted snippets, total and page count", async () => {
    const search = await searchArticles({ query: "Kissinger", page: 1, now });
    expect(search.total).toBe(1);
    expect(search.pageCount).toBe(1);
    const [result] = search.results;
    expect(result?.author.displayName).toBe("Owen");
    expect(result?.publishedAt.toISOString()).toBe("2021-08-03T09:00:00.000Z");
    const marked = splitSnippet(result?.snippet ?? "").filter((part) => part.highlighted);
    expect(marked.map((part) => part.text)).toEqual(["Kissinger"]);
  });
});

describe("the migration's backfill", () => {
  it("indexes the articles a database already holds", async () => {
    const migration = fs.readFileSync("db/migrations/0004_search.sql", "utf8").split("--> statement-breakpoint");
    const backfill = migration.find((statement) => statement.includes("INSERT INTO `article_search`") && statement.includes("FROM articles a"));
    expect(backfill).toBeDefined();
    const indexed = () => (temp.db.$client.prepare("select count(*) as n from article_search").get() as { n: number }).n;
    const before = indexed();
    temp.db.$client.exec("delete from article_search");
    expect(await slugsFor("Kissinger")).toEqual([]);
    temp.db.$client.exec(backfill ?? "");
    expect(indexed()).toBe(before);
    expect(await slugsFor("Kissinger")).toEqual([seedArticleSlug]);
    expect(await allSlugsFor("translation")).toContain(seedArticleSlug);
  });
});

describe("ranking and pagination", () => {
  it("ranks a title match above a body match", async () => {
    const inBody = await newArticle({ title: "Plain heading", body: "A paragraph about the quokkaword, once, among many other words here." });
    const inTitle = await newArticle({ title: "The quokkaword report", body: "Nothing else of note." });
    expect(await slugsFor("quokkaword")).toEqual([inTitle.slug, inBody.slug]);
  });

  it("pages with the site's articles-per-page setting", async () => {
    for (let index = 0; index < 12; index += 1) await newArticle({ title: `Pagewordalpha number ${index}` });
    const first = await searchArticles({ query: "pagewordalpha", page: 1, now });
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(2);
    expect(first.results).toHaveLength(10);
    const second = await searchArticles({ query: "pagewordalpha", page: 2, now });
    expect(second.results).toHaveLength(2);
    const all = [...first.results, ...second.results].map((result) => result.id);
    expect(new Set(all).size).toBe(12);
    expect((await searchArticles({ query: "pagewordalpha", page: 3, now })).results).toEqual([]);
  });
});

describe("visibility", () => {
  it("does not find drafts or articles scheduled for later", async () => {
    await newArticle({ title: "Hiddenword draft", status: "draft" });
    const scheduled = await newArticle({ title: "Hiddenword scheduled", status: "scheduled", publishedAt: new Date("2026-07-01T00:00:00Z") });
    expect(await slugsFor("hiddenword")).toEqual([]);
    // Once its time has come, the scheduled one is found.
    const later = await searchArticles({ query: "hiddenword", page: 1, now: new Date("2026-07-02T00:00:00Z") });
    expect(later.results.map((result) => result.slug)).toEqual([scheduled.slug]);
  });
});

describe("the index follows every change", () => {
  it("follows article updates, unpublishing and deletion", async () => {
    const article = await newArticle({ title: "Firstwordtitle", body: "Original bodyworda." });
    expect(await slugsFor("bodyworda")).toEqual([article.slug]);

    temp.db.update(articles).set({ body: "Replaced bodywordb.", title: "Secondwordtitle" }).where(eq(articles.id, article.id)).run();
    expect(await slugsFor("bodyworda")).toEqual([]);
    expect(await slugsFor("Firstwordtitle")).toEqual([]);
    expect(await slugsFor("bodywordb secondwordtitle")).toEqual([article.slug]);

    temp.db.update(articles).set({ status: "draft" }).where(eq(articles.id, article.id)).run();
    expect(await slugsFor("bodywordb")).toEqual([]);
    temp.db.update(articles).set({ status: "published" }).where(eq(articles.id, article.id)).run();
    expect(await slugsFor("bodywordb")).toEqual([article.slug]);

    temp.db.delete(articles).where(eq(articles.id, article.id)).run();
    expect(await slugsFor("bodywordb")).toEqual([]);
    const left = temp.db.$client.prepare("select count(*) as n from article_search where rowid = ?").get(article.id) as { n: number };
    expect(left.n).toBe(0);
  });

  it("follows tags added, renamed, merged, removed and deleted", async () => {
    const tagId = newTag("Tagwordone");
    const otherTagId = newTag("Tagwordother");
    const article = await newArticle({ title: "Tagholderword article" });
    expect(await slugsFor("tagwordone")).toEqual([]);

    temp.db.insert(articleTags).values({ articleId: article.id, tagId }).run();
    expect(await slugsFor("tagwordone")).toEqual([article.slug]);

    expect(await renameTag({ tagId, name: "Tagwordtwo", slug: `renamed-${tagId}` })).toMatchObject({ ok: true });
    expect(await slugsFor("tagwordone")).toEqual([]);
    expect(await slugsFor("tagwordtwo")).toEqual([article.slug]);

    expect(await mergeTags({ sourceTagId: tagId, targetTagId: otherTagId })).toMatchObject({ ok: true });
    expect(await slugsFor("tagwordtwo")).toEqual([]);
    expect(await slugsFor("tagwordother")).toEqual([article.slug]);

    temp.db.delete(articleTags).where(eq(articleTags.articleId, article.id)).run();
    expect(await slugsFor("tagwordother")).toEqual([]);

    temp.db.insert(articleTags).values({ articleId: article.id, tagId: otherTagId }).run();
    expect(await slugsFor("tagwordother")).toEqual([article.slug]);
    expect(await deleteTag({ tagId: otherTagId })).toMatchObject({ ok: true });
    expect(await slugsFor("tagwordother")).toEqual([]);
    expect(await slugsFor("tagholderword")).toEqual([article.slug]);
  });

  it("follows author renames and a change of author", async () => {
    const authorId = temp.db
      .insert(users)
      .values({ email: "searchauthor@example.com", slug: "search-author", displayName: "Authorwordone", role: "author" })
      .returning({ id: users.id })
      .get().id;
    const article = await newArticle({ title: "By the renamed author", authorId });
    expect(await slugsFor("authorwordone")).toEqual([article.slug]);

    temp.db.update(users).set({ displayName: "Authorwordtwo" }).where(eq(users.id, authorId)).run();
    expect(await slugsFor("authorwordone")).toEqual([]);
    const search = await searchArticles({ query: "authorwordtwo", page: 1, now });
    expect(search.results.map((result) => [result.slug, result.author.displayName])).toEqual([[article.slug, "Authorwordtwo"]]);

    temp.db.update(articles).set({ authorId: owenId }).where(eq(articles.id, article.id)).run();
    expect(await slugsFor("authorwordtwo")).toEqual([]);
  });
});

describe("hostile input", () => {
  const hostile = [
    "AND",
    "OR x",
    "x OR",
    "NOT",
    "NEAR(a b)",
    "NEAR",
    '"',
    '""',
    '"unbalanced',
    "(",
    ")",
    "*",
    "a*",
    "-foo",
    "title:china",
    "^china",
    "{title body}: china",
    "+ - ! @ # $ % ^ & * ( ) [ ] { } ; : ' , . < > / ? \\ | ~ `",
    "",
    "   ",
    "\u0000\u0001\u001b[31m\u007f\u200b\u202e",
    "china\u0000",
    "日本語の記事",
    "Ünïcödé ñ 🙂 עברית العربية",
    "\uE000china\uE001",
    "x".repeat(1000),
    "word ".repeat(200),
    '" OR "" AND NEAR( '.repeat(60),
    "\ud800 lone surrogate",
  ];

  it.each(hostile.map((query) => [JSON.stringify(query).slice(0, 60), query]))("%s never throws", async (_label, query) => {
    const search = await searchArticles({ query, page: 1, now });
    expect(search.total).toBeGreaterThanOrEqual(0);
    expect(search.results.length).toBeLessThanOrEqual(10);
  });

  it("searches operators as plain words", async () => {
    const article = await newArticle({ title: "Cats and dogs", body: "Cats or dogs, near the river (really)." });
    expect(await slugsFor("cats AND dogs")).toEqual([article.slug]);
    expect(await slugsFor("cats OR nonexistentword")).toEqual([]);
    expect(await slugsFor("NEAR river")).toEqual([article.slug]);
    expect(await slugsFor("-cats")).toEqual([article.slug]);
    expect(await slugsFor('"dogs"')).toEqual([article.slug]);
    expect(await slugsFor("ca*")).toEqual([]);
  });

  it("quotes each token as an FTS5 string and caps their number", () => {
    expect(toFtsQuery('say "hi" OR -x')).toBe('"say" AND """hi""" AND "OR" AND "-x"');
    expect(toFtsQuery("( ) * -")).toBeNull();
    expect(toFtsQuery("\u0000")).toBeNull();
    const many = Array.from({ length: 100 }, (_, index) => `w${index}`).join(" ");
    expect(toFtsQuery(many)?.split(" AND ")).toHaveLength(maxSearchTokens);
  });

  it("an empty query returns an empty result", async () => {
    expect(await searchArticles({ query: "", page: 1, now })).toEqual({ query: "", results: [], page: 1, total: 0, pageCount: 0 });
  });

  it("splits snippets into plain text and highlighted parts", () => {
    expect(splitSnippet(`a ${highlightStart}b${highlightEnd} <c>`)).toEqual([
      { text: "a ", highlighted: false },
      { text: "b", highlighted: true },
      { text: " <c>", highlighted: false },
    ]);
    expect(splitSnippet(`${highlightStart}unclosed`)).toEqual([{ text: "unclosed", highlighted: true }]);
  });
});
