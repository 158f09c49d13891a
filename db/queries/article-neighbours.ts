import { and, asc, desc, eq, gt, gte, lt, lte, ne, or } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { getDb, type Db, type Transaction } from "../client";
import { articles, type ArticleStatus } from "../schema";
import { isVisibleToReaders } from "./article-visibility";

export type NeighbourLink = { id: number; slug: string; title: string; publishedAt: Date };
export type ArticleNeighbours = { previous: NeighbourLink | null; next: NeighbourLink | null };

type Position = { id: number; publishedAt: Date };

const linkColumns = { id: articles.id, slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt };

// The reader-visible articles just before (older) and just after (newer) a position in
// publication order — the listings' order, (published_at, id) — leaving the article itself out.
// Both walk the partial listing index from the position outwards and stop at the first row.
function neighboursAt(db: Db | Transaction, { id, publishedAt }: Position, now: Date): ArticleNeighbours {
  const older = db
    .select(linkColumns)
    .from(articles)
    .where(
      and(
        isVisibleToReaders(now),
        lte(articles.publishedAt, publishedAt),
        ne(articles.id, id),
        or(lt(articles.publishedAt, publishedAt), and(eq(articles.publishedAt, publishedAt), lt(articles.id, id))),
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(1)
    .get();
  const newer = db
    .select(linkColumns)
    .from(articles)
    .where(
      and(
        isVisibleToReaders(now),
        gte(articles.publishedAt, publishedAt),
        ne(articles.id, id),
        or(gt(articles.publishedAt, publishedAt), and(eq(articles.publishedAt, publishedAt), gt(articles.id, id))),
      ),
    )
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .limit(1)
    .get();
  const link = (row: typeof older) => (row?.publishedAt ? { ...row, publishedAt: row.publishedAt } : null);
  return { previous: link(older), next: link(newer) };
}

// The article page's previous/next links. Records the tags of the articles shown, so their
// renames reach this page; an article arriving between them is handled by its writer, which
// invalidates the pages of its neighbours (neighbourCacheTags).
export async function getArticleNeighbours({
  articleId,
  publishedAt,
  now = currentTime(),
}: {
  articleId: number;
  publishedAt: Date;
  now?: Date;
}): Promise<ArticleNeighbours> {
  const neighbours = neighboursAt(getDb(), { id: articleId, publishedAt }, now);
  recordCacheTags(
    ...[neighbours.previous, neighbours.next].filter((link) => link !== null).map((link) => cacheTags.article(link.id)),
  );
  return neighbours;
}

export type NeighbourState = { id: number; status: ArticleStatus; publishedAt: Date | null };

function visibleAt(state: NeighbourState | null, now: Date): state is NeighbourState & { publishedAt: Date } {
  return state !== null && state.status !== "draft" && state.publishedAt !== null && state.publishedAt <= now;
}

// The article pages whose previous/next links must change when an article arrives at a place in
// publication order: it is published, or re-dated. Pages that linked it where it was recorded its
// own article:<id> tag, which the writer invalidates anyway (as for an unpublish, a delete or a
// retitle), so only the neighbours at its new place are needed. Writers call this inside their
// transaction, after the write; the page-cache watcher calls it when a scheduled article's time
// comes (before that, readers cannot see it, so nothing links it).
export function arrivalNeighbourTags(
  db: Db | Transaction,
  { before, after }: { before: NeighbourState | null; after: NeighbourState },
  now: Date,
): string[] {
  if (!visibleAt(after, now)) return [];
  if (visibleAt(before, now) && before.publishedAt.getTime() === after.publishedAt.getTime()) return [];
  const { previous, next } = neighboursAt(db, { id: after.id, publishedAt: after.publishedAt }, now);
  return [previous, next].filter((link) => link !== null).map((link) => cacheTags.article(link.id));
}
