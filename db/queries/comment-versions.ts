import { asc, eq, inArray } from "drizzle-orm";
import { getDb, type Transaction } from "../client";
import { commentVersions } from "../schema";

export type CommentVersionEntry = { body: string; writtenAt: Date; editedAt: Date };

// Keeps the text an edit replaces, in the edit's transaction, so moderators can still read what
// was said (a reply may answer the earlier text).
export function recordCommentVersion(
  tx: Transaction,
  version: { commentId: number; body: string; writtenAt: Date; editedAt: Date },
): void {
  tx.insert(commentVersions).values(version).run();
}

// A commenter who deletes a comment erases its text; its earlier texts go with it.
export function eraseCommentVersions(tx: Transaction, commentId: number): void {
  tx.delete(commentVersions).where(eq(commentVersions.commentId, commentId)).run();
}

// Earlier texts of the comments on one queue page, oldest first, by comment id. For moderators only.
export async function listCommentVersions({
  commentIds,
}: {
  commentIds: readonly number[];
}): Promise<Map<number, CommentVersionEntry[]>> {
  const versions = new Map<number, CommentVersionEntry[]>();
  if (commentIds.length === 0) return versions;
  const rows = getDb()
    .select({
      commentId: commentVersions.commentId,
      body: commentVersions.body,
      writtenAt: commentVersions.writtenAt,
      editedAt: commentVersions.editedAt,
    })
    .from(commentVersions)
    .where(inArray(commentVersions.commentId, [...commentIds]))
    .orderBy(asc(commentVersions.commentId), asc(commentVersions.editedAt), asc(commentVersions.id))
    .all();
  for (const { commentId, ...version } of rows) {
    const list = versions.get(commentId) ?? [];
    list.push(version);
    versions.set(commentId, list);
  }
  return versions;
}
