// A child process for tests/backup-restore.test.ts: posts comments through submitComment against
// the database in DATABASE_PATH, one after another, as fast as it can, until stdin closes.
// Prints "ack <id>" once each post has returned (the comment is committed), or "error <message>".
//
// Usage: node --import tsx tests/support/comment-writer-worker.ts '{"articleId":1,"authorId":2}'
import { closeDb, getDb } from "../../db/client";
import { submitComment } from "../../db/queries/comment-submission";

const { articleId, authorId } = JSON.parse(process.argv[2] ?? "") as { articleId: number; authorId: number };
let running = true;
process.stdin.on("end", () => (running = false));
process.stdin.resume();

getDb();
for (let n = 1; running; n += 1) {
  try {
    const result = await submitComment({ articleId, authorId, body: `Comment ${n} from writer ${process.pid}` });
    process.stdout.write(result.ok ? `ack ${result.commentId}\n` : `error refused: ${result.reason}\n`);
  } catch (error) {
    process.stdout.write(`error ${error instanceof Error ? error.message : String(error)}\n`);
  }
  // Lets stdin's end event through between posts.
  await new Promise((resolve) => setImmediate(resolve));
}
closeDb();
