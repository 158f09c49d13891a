// A child process for tests/comment-concurrency.test.ts: posts its share of comments through
// submitComment against the database in DATABASE_PATH, so several processes write to the same
// SQLite file at once (better-sqlite3 is synchronous, so one process could only post serially).
//
// Usage: node --import tsx tests/support/post-comments-worker.ts '<job JSON>'
// The job is { worker: number, posts: PostJob[] }. The worker loads the data layer, prints
// "ready", waits for a line on stdin (the start signal shared by all workers), posts every
// comment in order, prints one line of JSON ({ worker, results }) and exits.
import readline from "node:readline";
import { closeDb, getDb } from "../../db/client";
import { submitComment, type CommentWriteResult } from "../../db/queries/comment-submission";

export type PostJob = { index: number; articleId: number; authorId: number; parentId: number | null; body: string };
export type WorkerJob = { worker: number; posts: PostJob[] };
export type PostOutcome = { index: number; result: CommentWriteResult } | { index: number; error: string };
export type WorkerReport = { worker: number; results: PostOutcome[] };

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? "") as WorkerJob;
  // Open the connection before the start signal, so the posts race each other, not start-up.
  getDb();

  const input = readline.createInterface({ input: process.stdin });
  const started = new Promise<void>((resolve) => input.once("line", () => resolve()));
  process.stdout.write("ready\n");
  await started;
  input.close();

  const results: PostOutcome[] = [];
  for (const post of job.posts) {
    try {
      // Settings come from the database (the test relaxes the flood rule there).
      const result = await submitComment({
        articleId: post.articleId,
        authorId: post.authorId,
        parentId: post.parentId,
        body: post.body,
      });
      results.push({ index: post.index, result });
    } catch (error) {
      // Reported, not thrown: a failed write (SQLITE_BUSY, say) must show up as a lost post.
      results.push({ index: post.index, error: error instanceof Error ? error.message : String(error) });
    }
  }
  closeDb();
  const report: WorkerReport = { worker: job.worker, results };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
