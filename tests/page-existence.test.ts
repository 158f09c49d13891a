import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/db/queries/article-writes";
import { getUserIdBySlug } from "@/db/queries/users";
import { readerPageExists } from "@/lib/page-existence";
import { matchReaderRoute } from "@/lib/reader-routes";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let database: TempDatabase;

beforeAll(() => {
  database = createTempDatabase();
});

afterAll(() => database.cleanup());

async function exists(url: string): Promise<boolean> {
  const [pathname = "", query = ""] = url.split("?");
  const route = matchReaderRoute(pathname);
  if (!route) throw new Error(`${url} is not a reader route`);
  return readerPageExists(route, new URLSearchParams(query));
}

// The server decides a reader page's 404 before Next renders it; these are the rules.
describe("reader page existence", () => {
  it.each([
    "/",
    "/?page=3",
    "/articles/us-and-china-hold-high-level-diplomatic-talks-to-build-dialogue-and-ease-tensions",
    "/authors/owen",
    "/authors/owen?page=2",
    "/publications/kohoku-shimbun-demo",
    "/tags/demo",
    "/tags/demo?page=1",
    "/tags",
    "/archive",
    "/archive/2021",
    "/archive/2021/08",
    "/archive/2021/08?page=1",
    "/articles/us-and-china-hold-high-level-diplomatic-talks-to-build-dialogue-and-ease-tensions/social-image.png?v=anything",
  ])("%s exists", async (url) => {
    expect(await exists(url)).toBe(true);
  });

  it.each([
    "/?page=0",
    "/?page=4",
    "/?page=abc",
    "/?page=2&page=3",
    "/articles/no-such-article",
    "/articles/Uppercase-Slug",
    "/articles/%E2%80%8B",
    "/authors/owen?page=3",
    "/authors/sam-demo-reader",
    "/authors/nobody",
    "/publications/nowhere",
    "/tags/no-such-tag",
    "/tags/demo?page=99",
    "/archive/2021/13",
    "/archive/2021/00",
    "/archive/2021/8",
    "/archive/abcd/01",
    "/archive/0999",
    "/archive/1999",
    "/archive/2021/01",
    "/archive/2021/08?page=2",
    "/archive/2021/08?page=x",
    "/articles/no-such-article/social-image.png",
  ])("%s does not exist", async (url) => {
    expect(await exists(url)).toBe(false);
  });

  it("follows an article's visibility: draft and future articles are missing", async () => {
    const authorId = (await getUserIdBySlug({ slug: "daniel-demo" }))!;
    await createArticle({ slug: "existence-draft", title: "Draft", status: "draft", authorId });
    await createArticle({
      slug: "existence-future",
      title: "Future",
      status: "scheduled",
      publishedAt: new Date(Date.now() + 3_600_000),
      authorId,
    });
    await createArticle({ slug: "existence-live", title: "Live", status: "published", authorId });
    expect(await exists("/articles/existence-draft")).toBe(false);
    expect(await exists("/articles/existence-future")).toBe(false);
    expect(await exists("/articles/existence-live")).toBe(true);
    expect(await exists("/articles/existence-draft/social-image.png")).toBe(false);
    expect(await exists("/articles/existence-future/social-image.png")).toBe(false);
    expect(await exists("/articles/existence-live/social-image.png")).toBe(true);
  });

  it("does not treat other paths as reader routes", () => {
    expect(matchReaderRoute("/articles/a/b")).toBeNull();
    expect(matchReaderRoute("/admin")).toBeNull();
    expect(matchReaderRoute("/articles/")).toBeNull();
  });
});
