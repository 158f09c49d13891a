import { and, desc, eq, lt, sql } from "drizzle-orm";
import { parseSiteSettings } from "../../lib/site-settings";
import { getDb, type Transaction } from "../client";
import { articleRevisions, siteSettings, users } from "../schema";

// Revisions of published articles: written by db/queries/article-editor.ts inside the transaction
// of each Publish, Update and Restore, read by the revisions page.

function revisionsPerArticle(tx: Transaction): number {
  const row = tx
    .select({ value: sql<string>`${siteSettings.value}` })
    .from(siteSettings)
    .where(eq(siteSettings.key, "revisionsPerArticle"))
    .get();
  let stored: unknown;
  try {
    stored = row ? JSON.parse(row.value) : undefined;
  } catch {
    stored = undefined;
  }
  return parseSiteSettings({ revisionsPerArticle: stored }).revisionsPerArticle;
}

// What readers saw: the text and the cover (an upload id, or null, with its alt text and caption).
export type RevisionContent = {
  title: string;
  body: string;
  coverMediaId: string | null;
  coverAlt: string;
  coverDecorative: boolean;
  coverCaption: string;
};

const contentColumns = {
  id: articleRevisions.id,
  title: articleRevisions.title,
  body: articleRevisions.body,
  coverMediaId: articleRevisions.coverMediaId,
  coverAlt: articleRevisions.coverAlt,
  coverDecorative: articleRevisions.coverDecorative,
  coverCaption: articleRevisions.coverCaption,
};

function contentOf(source: RevisionContent): RevisionContent {
  const { title, body, coverMediaId, coverAlt, coverDecorative, coverCaption } = source;
  return { title, body, coverMediaId, coverAlt, coverDecorative, coverCaption };
}

export function sameCover(a: RevisionContent, b: RevisionContent): boolean {
  return (
    a.coverMediaId === b.coverMediaId &&
    a.coverAlt === b.coverAlt &&
    a.coverDecorative === b.coverDecorative &&
    a.coverCaption === b.coverCaption
  );
}

function sameContent(a: RevisionContent, b: RevisionContent): boolean {
  return a.title === b.title && a.body === b.body && sameCover(a, b);
}

function latestRevision(tx: Transaction, articleId: number): (RevisionContent & { id: number }) | undefined {
  return tx
    .select(contentColumns)
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(1)
    .get();
}

// An article published before revisions existed has none: its text as it stands becomes the first
// one (credited to its author at its last change), so the first Update can still be undone.
export function ensureBaselineRevision(
  tx: Transaction,
  article: RevisionContent & { id: number; authorId: number; updatedAt: Date },
): void {
  if (latestRevision(tx, article.id)) return;
  tx.insert(articleRevisions)
    .values({ articleId: article.id, authorId: article.authorId, ...contentOf(article), createdAt: article.updatedAt })
    .run();
}

// Keeps the new content as a revision unless it is the same as the latest one (an Update that only
// changed tags or the slug), then prunes the oldest beyond the setting. A restore always records.
export function recordRevision(
  tx: Transaction,
  {
    articleId,
    authorId,
    content,
    now,
    restoredFromId = null,
  }: { articleId: number; authorId: number; content: RevisionContent; now: Date; restoredFromId?: number | null },
): void {
  const latest = latestRevision(tx, articleId);
  if (restoredFromId === null && latest && sameContent(latest, content)) return;
  tx.insert(articleRevisions)
    .values({ articleId, authorId, ...contentOf(content), restoredFromId, createdAt: now })
    .run();
  const keep = revisionsPerArticle(tx);
  const oldestKept = tx
    .select({ id: articleRevisions.id })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(1)
    .offset(keep - 1)
    .get();
  if (oldestKept) {
    tx.delete(articleRevisions)
      .where(and(eq(articleRevisions.articleId, articleId), lt(articleRevisions.id, oldestKept.id)))
      .run();
  }
}

export type RevisionListItem = RevisionContent & {
  id: number;
  createdAt: Date;
  authorName: string | null;
  restoredFromId: number | null;
};

// Newest first.
export async function listArticleRevisions({ articleId }: { articleId: number }): Promise<RevisionListItem[]> {
  return getDb()
    .select({
      ...contentColumns,
      createdAt: articleRevisions.createdAt,
      authorName: users.displayName,
      restoredFromId: articleRevisions.restoredFromId,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .all();
}

export function findRevision(tx: Transaction, { articleId, revisionId }: { articleId: number; revisionId: number }): (RevisionContent & { id: number }) | undefined {
  return tx
    .select(contentColumns)
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)))
    .get();
}
