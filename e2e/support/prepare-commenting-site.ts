// Prepares a throwaway database for a spec that runs its own server (e2e/crash-safety.spec.ts):
// migrated, no demo content, one published article, and readers whose comments publish at once
// (each has an earlier approved comment), with the flood interval off. Run as a child process
// with DATABASE_PATH set, since the spec's own process is tied to the shared e2e database.
//
// Usage: node --import tsx e2e/support/prepare-commenting-site.ts <readers>
// Prints one line of JSON: { article: { id, slug }, readers: [{ email, password }] }.
import { closeDb, getDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { createArticle } from "../../db/queries/article-writes";
import { createUser } from "../../db/queries/auth-users";
import { insertComment } from "../../db/queries/comment-writes";
import { updateSiteSettings } from "../../db/queries/site-settings";
import { hashPassword } from "../../lib/auth/passwords";

const readerCount = Number(process.argv[2] ?? "1");
migrateDatabase(getDb().$client);
await updateSiteSettings({ commentFloodSeconds: 0 });

const author = await createUser({ email: "author@crash.test", displayName: "Crash Author", passwordHash: null, role: "author" });
if (!author.ok) throw new Error("could not create the author");
const slug = "posting-under-fire";
const articleId = await createArticle({
  slug,
  title: "Posting under fire",
  body: "Comments are posted here while the server is killed.",
  status: "published",
  publishedAt: new Date(Date.UTC(2000, 0, 1)),
  authorId: author.id,
});

const readers: { email: string; password: string }[] = [];
for (let n = 1; n <= readerCount; n += 1) {
  const email = `reader${n}@crash.test`;
  const password = `Crash-reader-${n}-${Math.random().toString(36).slice(2)}`;
  const created = await createUser({ email, displayName: `Crash Reader ${n}`, passwordHash: await hashPassword(password), role: "reader" });
  if (!created.ok) throw new Error(`could not create ${email}`);
  await insertComment({ articleId, authorId: created.id, body: `Earlier comment ${n}`, status: "approved", createdAt: new Date(Date.UTC(2000, 0, 2)) });
  readers.push({ email, password });
}
closeDb();
process.stdout.write(`${JSON.stringify({ article: { id: articleId, slug }, readers })}\n`);
