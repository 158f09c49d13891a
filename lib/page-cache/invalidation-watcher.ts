import {
  getLatestCacheInvalidationId,
  listCacheInvalidationsAfter,
  readDataVersion,
} from "../../db/cache-invalidation";
import type { Db, SqliteConnection } from "../../db/client";
import {
  getNextScheduledPublicationTime,
  listArticlesScheduledBetween,
  neighbourTagsOfDueArticles,
} from "../../db/queries/scheduled-articles";
import { tagsForArticle } from "../cache-tags";
import { currentTime } from "../clock";

type TagSink = { invalidateTags(tags: Iterable<string>): unknown; clear(): void };

// Keeps one process's page cache in step with every writer: this process's server actions,
// other server processes and command-line tools. `sync()` is cheap when nothing changed (one
// PRAGMA), so it runs before every cache lookup and the next request after a commit sees it.
export class CacheInvalidationWatcher {
  private dataVersion = -1;
  private lastInvalidationId: number;
  private scheduleCheckedUntil: Date;
  private nextScheduledAt: Date | null = null;
  // A local, monotonically increasing counter of invalidations, used to refuse storing a page
  // whose render started before one of its tags was invalidated.
  private sequence = 0;
  private everythingInvalidatedAt = 0;
  private readonly tagInvalidatedAt = new Map<string, number>();

  constructor(
    private readonly sqlite: SqliteConnection,
    private readonly db: Db,
    private readonly sink: TagSink,
    private readonly now: () => Date = currentTime,
  ) {
    this.lastInvalidationId = getLatestCacheInvalidationId(db);
    this.scheduleCheckedUntil = now();
    this.nextScheduledAt = getNextScheduledPublicationTime(db, this.scheduleCheckedUntil);
    this.dataVersion = readDataVersion(sqlite);
  }

  get currentSequence(): number {
    return this.sequence;
  }

  sync(): void {
    const version = readDataVersion(this.sqlite);
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.applyLoggedInvalidations();
      this.nextScheduledAt = getNextScheduledPublicationTime(this.db, this.scheduleCheckedUntil);
    }
    if (this.nextScheduledAt && this.nextScheduledAt.getTime() <= this.now().getTime()) {
      this.applyScheduledPublications();
    }
  }

  // True when any of `tags` (or everything) was invalidated after `sequence` was read.
  invalidatedSince(sequence: number, tags: Iterable<string>): boolean {
    if (this.everythingInvalidatedAt > sequence) return true;
    for (const tag of tags) {
      if ((this.tagInvalidatedAt.get(tag) ?? 0) > sequence) return true;
    }
    return false;
  }

  private invalidate(tags: readonly string[]): void {
    if (tags.length === 0) return;
    this.sequence += 1;
    for (const tag of tags) this.tagInvalidatedAt.set(tag, this.sequence);
    this.sink.invalidateTags(tags);
  }

  private applyLoggedInvalidations(): void {
    const rows = listCacheInvalidationsAfter(this.db, this.lastInvalidationId);
    if (rows.length === 0) return;
    // Ids are consecutive; a gap means rows were pruned before this process read them.
    const first = rows[0];
    if (first && first.id !== this.lastInvalidationId + 1) this.invalidateEverything();
    this.lastInvalidationId = rows[rows.length - 1]?.id ?? this.lastInvalidationId;
    this.invalidate(rows.map((row) => row.tag));
  }

  private applyScheduledPublications(): void {
    const until = this.now();
    const due = listArticlesScheduledBetween(this.db, this.scheduleCheckedUntil, until);
    this.scheduleCheckedUntil = until;
    this.invalidate([
      ...due.flatMap((article) => tagsForArticle(article)),
      // Their neighbours' previous/next links now point at them.
      ...neighbourTagsOfDueArticles(this.db, due, until),
    ]);
    this.nextScheduledAt = getNextScheduledPublicationTime(this.db, until);
  }

  private invalidateEverything(): void {
    this.sequence += 1;
    this.everythingInvalidatedAt = this.sequence;
    this.tagInvalidatedAt.clear();
    this.sink.clear();
  }
}
