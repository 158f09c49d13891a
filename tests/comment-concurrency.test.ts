import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { createArticle } from "@/db/queries/article-writes";
import { createUser } from "@/db/queries/auth-users";
import { insertComment } from "@/db/queries/comment-writes";
import { countApprovedComments, listArticleComments } from "@/db/queries/comments";
import { getSiteSettings, updateSiteSettings } from "@/db/queries/site-settings";
import type { UserRole } from "@/db/schema";
import { commentRefusalMessages, type CommentRefusal } from "@/lib/comments/comment-refusals";
import { compiledScript } from "./support/compiled-script";
import type { PostJob, PostOutcome, WorkerJob, WorkerReport } from "./support/post-comments-worker";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// "Nothing lost under load": 100 comments posted at once by several users from several processes
// writing to one SQLite file. Every accepted post is stored exactly once, every refusal says why,
// and the numbers add up.
const root = fileURLToPath(new URL("..", import.meta.url));
const WORKERS = 4;
const TOTAL_POSTS = 100;

let temp: TempDatabase;
const children = new Set<ChildProcessWithoutNullStreams>();

type Setup = {
  articleA: number;
  articleB: number;
  closedArticle: number;
  rootComment: number;
  readers: number[];
  veteran: number;
  moderator: number;
  articleAuthor: number;
};
let setup: Setup;

let serial = 0;
async function newUser(role: UserRole): Promise<number> {
  serial += 1;
  const created = await createUser({ email: `load${serial}@example.test`, displayName: `Load ${role} ${serial}`, passwordHash: null, role });
  if (!created.ok) throw new Error("could not create user");
  return created.id;
}

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  await updateSiteSettings({ commentFloodSeconds: 0 });
  const articleAuthor = await newUser("author");
  const moderator = await newUser("moderator");
  const veteran = await newUser("reader");
  const readers = [await newUser("reader"), await newUser("reader"), await newUser("reader"), await newUser("reader"), await newUser("reader")];
  const publishedAt = new Date(Date.now() - 60_000);
  const article = (slug: string, commentsOpen = true) =>
    createArticle({ slug, title: slug, status: "published", publishedAt, authorId: articleAuthor, commentsOpen });
  const articleA = await article("load-a");
  const articleB = await article("load-b");
  const closedArticle = await article("load-closed", false);
  // The veteran's earlier approved comment means theirs publish at once; the root is replied to.
  const past = new Date(Date.now() - 3_600_000);
  await insertComment({ articleId: articleB, authorId: veteran, body: "An earlier approved comment", status: "approved", createdAt: past });
  const rootComment = await insertComment({ articleId: articleA, authorId: moderator, body: "Reply here", status: "approved", createdAt: past });
  setup = { articleA, articleB, closedArticle, rootComment, readers, veteran, moderator, articleAuthor };
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  temp.cleanup();
});

type PlannedPost = Omit<PostJob, "index">;

// 8 groups of identical posts first (6 pairs and 2 triples: 10 surplus copies), so every worker
// races on them the moment it starts; then 80 distinct posts; then 2 posts to a closed article.
function planPosts(s: Setup): { posts: PostJob[]; duplicateGroups: number[][] } {
  const people = [...s.readers, s.veteran, s.moderator, s.articleAuthor];
  const planned: PlannedPost[] = [];
  const duplicateGroups: number[][] = [];
  [2, 2, 3, 2, 2, 3, 2, 2].forEach((copies, group) => {
    const authorId = people[group % people.length]!;
    const articleId = group % 2 === 0 ? s.articleA : s.articleB;
    const indices: number[] = [];
    for (let copy = 0; copy < copies; copy += 1) {
      indices.push(planned.length);
      planned.push({ articleId, authorId, parentId: null, body: `Same thing again, group ${group}` });
    }
    duplicateGroups.push(indices);
  });
  for (let index = 0; index < 80; index += 1) {
    const onA = index % 2 === 0;
    planned.push({
      articleId: onA ? s.articleA : s.articleB,
      authorId: people[index % people.length]!,
      parentId: onA && index % 3 === 0 ? s.rootComment : null,
      body: `Distinct comment ${index}\nwith a second line, ünïcödé and <b>markup</b>`,
    });
  }
  for (const authorId of [s.readers[0]!, s.moderator]) {
    planned.push({ articleId: s.closedArticle, authorId, parentId: null, body: "Too late" });
  }
  return { posts: planned.map((post, index) => ({ index, ...post })), duplicateGroups };
}

// Consecutive posts go to different workers, so the copies of a duplicate race each other.
function deal(posts: PostJob[]): WorkerJob[] {
  const jobs: WorkerJob[] = Array.from({ length: WORKERS }, (_, worker) => ({ worker, posts: [] }));
  posts.forEach((post, position) => jobs[position % WORKERS]!.posts.push(post));
  return jobs;
}

type RunningWorker = { ready: Promise<void>; done: Promise<WorkerReport>; start: () => void };

function startWorker(job: WorkerJob): RunningWorker {
  const child = spawn(process.execPath, [compiledScript("tests/support/post-comments-worker.ts"), JSON.stringify(job)], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: temp.file },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.add(child);
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith("ready\n")) markReady();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  // Writing the start signal to a worker that already died fails; its exit is reported below.
  child.stdin.on("error", () => {});
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      children.delete(child);
      const lines = stdout.trim().split("\n");
      if (code !== 0 || lines[0] !== "ready" || lines.length !== 2) {
        reject(new Error(`worker ${job.worker} exited with ${code}: ${stderr || stdout}`));
        return;
      }
      resolve(JSON.parse(lines[1]!) as WorkerReport);
    });
  });
  // A worker that dies before it is ready must not leave the test waiting for it.
  done.catch(() => markReady());
  return { ready, done, start: () => child.stdin.end("go\n") };
}

describe("100 comments posted at once from several processes", () => {
  it(
    "stores every accepted post exactly once, gives every refusal its reason, and the counts add up",
    async () => {
      expect((await getSiteSettings()).commentFloodSeconds).toBe(0);
      const { posts, duplicateGroups } = planPosts(setup);
      expect(posts).toHaveLength(TOTAL_POSTS);
      const jobs = deal(posts);
      expect(new Set(jobs.flatMap((job) => job.posts.map((post) => post.index))).size).toBe(TOTAL_POSTS);

      const beforeComments = (temp.db.$client.prepare("select count(*) as n from comments").get() as { n: number }).n;
      const logBefore = getLatestCacheInvalidationId(temp.db);

      const workers = jobs.map(startWorker);
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.start();
      const reports = await Promise.all(workers.map((worker) => worker.done));

      // Every post has exactly one outcome, and none failed with an error (SQLITE_BUSY, say).
      const outcomes = new Map<number, PostOutcome>();
      for (const report of reports) for (const outcome of report.results) outcomes.set(outcome.index, outcome);
      expect(outcomes.size).toBe(TOTAL_POSTS);
      const errors = [...outcomes.values()].filter((outcome) => "error" in outcome);
      expect(errors).toEqual([]);

      const accepted: { post: PostJob; commentId: number; status: string }[] = [];
      const refused: { post: PostJob; reason: CommentRefusal; message: string }[] = [];
      for (const post of posts) {
        const outcome = outcomes.get(post.index);
        if (!outcome || "error" in outcome) throw new Error(`post ${post.index} has no result`);
        if (outcome.result.ok) accepted.push({ post, commentId: outcome.result.commentId, status: outcome.result.status });
        else refused.push({ post, reason: outcome.result.reason, message: outcome.result.message });
      }

      // Every refusal carries a known reason and its message; only duplicates and the closed article.
      for (const refusal of refused) {
        expect(Object.keys(commentRefusalMessages)).toContain(refusal.reason);
        expect(refusal.message).toBe(commentRefusalMessages[refusal.reason]);
      }
      const reasons = refused.map((refusal) => refusal.reason).sort();
      expect(reasons).toEqual([...Array<CommentRefusal>(2).fill("closed"), ...Array<CommentRefusal>(10).fill("duplicate")]);
      expect(refused.filter((refusal) => refusal.reason === "closed").every((r) => r.post.articleId === setup.closedArticle)).toBe(true);

      // Exactly one copy of each duplicate group got in, whichever process won.
      const acceptedIndices = new Set(accepted.map((entry) => entry.post.index));
      for (const group of duplicateGroups) {
        expect(group.filter((index) => acceptedIndices.has(index)), `group ${group.join(",")}`).toHaveLength(1);
      }

      // The counts add up.
      expect(accepted.length + refused.length).toBe(TOTAL_POSTS);
      expect(accepted).toHaveLength(88);
      const ids = accepted.map((entry) => entry.commentId);
      expect(new Set(ids).size).toBe(ids.length);
      const afterComments = (temp.db.$client.prepare("select count(*) as n from comments").get() as { n: number }).n;
      expect(afterComments - beforeComments).toBe(accepted.length);

      // Each accepted post is stored once, exactly as posted, with the status it was told.
      const rowById = new Map(
        (
          temp.db.$client
            .prepare("select id, article_id, author_id, parent_id, body, status from comments where id > 0")
            .all() as { id: number; article_id: number; author_id: number; parent_id: number | null; body: string; status: string }[]
        ).map((row) => [row.id, row]),
      );
      for (const { post, commentId, status } of accepted) {
        expect(rowById.get(commentId), `post ${post.index}`).toEqual({
          id: commentId,
          article_id: post.articleId,
          author_id: post.authorId,
          parent_id: post.parentId,
          body: post.body,
          status,
        });
      }
      const copies = temp.db.$client
        .prepare("select author_id, article_id, body, count(*) as n from comments group by author_id, article_id, body having n > 1")
        .all();
      expect(copies).toEqual([]);

      // The rules held under load: readers' first comments wait, everyone else's publish.
      const trustedIds = new Set([setup.veteran, setup.moderator, setup.articleAuthor]);
      for (const { post, status } of accepted) {
        expect(status, `post ${post.index}`).toBe(trustedIds.has(post.authorId) ? "approved" : "pending");
      }

      // One invalidation of exactly its article per published comment, none for held ones.
      const approved = accepted.filter((entry) => entry.status === "approved");
      const logged = listCacheInvalidationsAfter(temp.db, logBefore).map((row) => row.tag).sort();
      expect(logged).toEqual(approved.map((entry) => `article:${entry.post.articleId}`).sort());

      // Readers see exactly the published ones, plus (for a reader) their own held ones.
      for (const articleId of [setup.articleA, setup.articleB]) {
        const published = approved.filter((entry) => entry.post.articleId === articleId).length;
        expect(await countApprovedComments({ articleId })).toBe(published + 1);
        expect(await listArticleComments({ articleId })).toHaveLength(published + 1);
        const reader = setup.readers[0]!;
        const ownHeld = accepted.filter(
          (entry) => entry.post.articleId === articleId && entry.post.authorId === reader && entry.status === "pending",
        ).length;
        expect(await listArticleComments({ articleId, viewerId: reader })).toHaveLength(published + 1 + ownHeld);
      }
    },
    30_000,
  );
});
