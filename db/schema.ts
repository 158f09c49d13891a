import { relations, sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// Times are stored as integer milliseconds since the epoch (UTC) and read back as Date.
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const userRoles = ["reader", "author", "moderator", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Stored lower-cased by the data layer, so the unique index is case-insensitive in effect.
    email: text("email").notNull(),
    slug: text("slug").notNull(),
    displayName: text("display_name").notNull(),
    bio: text("bio").notNull().default(""),
    // Null means the account cannot sign in with a password (demo authors, invited users).
    passwordHash: text("password_hash"),
    role: text("role", { enum: userRoles }).notNull().default("reader"),
    bannedAt: timestamp("banned_at"),
    // Null with bannedAt set means a permanent ban; expiry is checked when the user acts.
    bannedUntil: timestamp("banned_until"),
    banReason: text("ban_reason"),
    // Bumped to revoke every session issued before (sign out everywhere, password change, ban).
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    uniqueIndex("users_slug_unique").on(t.slug),
    index("users_role_idx").on(t.role),
    check("users_role_check", sql`${t.role} in ('reader', 'author', 'moderator', 'admin')`),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

// The outlet a translated article originally appeared in.
export const publications = sqliteTable(
  "publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    country: text("country"),
    // BCP 47 tag, e.g. "ja".
    language: text("language"),
    website: text("website"),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("publications_slug_unique").on(t.slug)],
);
export type Publication = typeof publications.$inferSelect;
export type NewPublication = typeof publications.$inferInsert;

export const articleStatuses = ["draft", "scheduled", "published"] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    // Markdown source; rendered through lib/markdown.
    body: text("body").notNull().default(""),
    status: text("status", { enum: articleStatuses }).notNull().default("draft"),
    // For scheduled articles the moment they become visible; readers see an article when its
    // status is published or scheduled and this moment has passed.
    publishedAt: timestamp("published_at"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    publicationId: integer("publication_id").references(() => publications.id, { onDelete: "set null" }),
    originalTitle: text("original_title"),
    originalUrl: text("original_url"),
    originalLanguage: text("original_language"),
    commentsOpen: integer("comments_open", { mode: "boolean" }).notNull().default(true),
    // The cover image, shown above the body and used for the social image. An upload used as a
    // cover cannot be deleted (restrict); its alt text is required unless it is marked decorative.
    coverMediaId: text("cover_media_id").references(() => media.id, { onDelete: "restrict" }),
    coverAlt: text("cover_alt").notNull().default(""),
    coverDecorative: integer("cover_decorative", { mode: "boolean" }).notNull().default(false),
    coverCaption: text("cover_caption").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [
    uniqueIndex("articles_slug_unique").on(t.slug),
    // Partial indexes hold only reader-visible candidates, so every listing walks them newest first.
    index("articles_listed_idx")
      .on(t.publishedAt)
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index("articles_author_listed_idx")
      .on(t.authorId, t.publishedAt)
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index("articles_publication_listed_idx")
      .on(t.publicationId, t.publishedAt)
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index("articles_author_status_idx").on(t.authorId, t.status, t.updatedAt),
    check("articles_status_check", sql`${t.status} in ('draft', 'scheduled', 'published')`),
    check(
      "articles_visible_have_date_check",
      sql`${t.status} = 'draft' or ${t.publishedAt} is not null`,
    ),
  ],
);
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

export const tags = sqliteTable(
  "tags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tags_slug_unique").on(t.slug)],
);
export type Tag = typeof tags.$inferSelect;
export type NewTag = typeof tags.$inferInsert;

export const articleTags = sqliteTable(
  "article_tags",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index("article_tags_tag_idx").on(t.tagId, t.articleId)],
);
export type ArticleTag = typeof articleTags.$inferSelect;

export const commentStatuses = ["pending", "approved", "spam", "trash"] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "cascade" }),
    // Null once the author's account is deleted and the comment is kept as "deleted user".
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: text("status", { enum: commentStatuses }).notNull().default("pending"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
    moderatedById: integer("moderated_by_id").references(() => users.id, { onDelete: "set null" }),
    moderatedAt: timestamp("moderated_at"),
    // Why the moderation rules held the comment ("first comment", "it contains 3 links"), shown to
    // moderators; null when it was published at once.
    heldReason: text("held_reason"),
    // The status before it went to spam or trash, so "Not spam" and "Restore" put it back.
    previousStatus: text("previous_status", { enum: commentStatuses }),
    editedAt: timestamp("edited_at"),
    // Set when the commenter deletes a comment that has replies: the body is erased and the
    // thread shows "This comment was deleted." in its place. Without replies the row is removed.
    deletedAt: timestamp("deleted_at"),
    // The reason a moderator gave when sending the comment to spam or trash, shown to its author;
    // cleared when it comes back (approved, restored).
    moderationNote: text("moderation_note"),
  },
  (t) => [
    index("comments_article_status_idx").on(t.articleId, t.status, t.createdAt),
    index("comments_status_created_idx").on(t.status, t.createdAt),
    index("comments_author_created_idx").on(t.authorId, t.createdAt),
    index("comments_parent_idx").on(t.parentId),
    check("comments_status_check", sql`${t.status} in ('pending', 'approved', 'spam', 'trash')`),
  ],
);
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;

// Earlier texts of an edited comment, one row per edit, written in the edit's transaction.
// Moderators see them in the queue; readers only ever see the current text.
export const commentVersions = sqliteTable(
  "comment_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    // The text as it was before the edit.
    body: text("body").notNull(),
    // When that text was written (the comment's creation or its previous edit).
    writtenAt: timestamp("written_at").notNull(),
    // When the edit replaced it.
    editedAt: timestamp("edited_at").notNull(),
  },
  (t) => [index("comment_versions_comment_idx").on(t.commentId, t.editedAt)],
);
export type CommentVersion = typeof commentVersions.$inferSelect;

export const commentReportReasons = ["spam", "harassment", "off-topic", "other"] as const;
export type CommentReportReason = (typeof commentReportReasons)[number];

// Readers' reports of published comments: one per reader and comment. Enough of them send the
// comment back to the queue; approving it again clears them.
export const commentReports = sqliteTable(
  "comment_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reporterId: integer("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: commentReportReasons }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("comment_reports_comment_reporter_unique").on(t.commentId, t.reporterId),
    index("comment_reports_reporter_idx").on(t.reporterId),
    check("comment_reports_reason_check", sql`${t.reason} in ('spam', 'harassment', 'off-topic', 'other')`),
  ],
);
export type CommentReport = typeof commentReports.$inferSelect;

// The pending copy of a published (or scheduled) article: the editor autosaves here, never to
// the live article, until the author presses Update. Drafts autosave into the article itself.
export const articleAutosaves = sqliteTable("article_autosaves", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  // Every editor field, as the editor sent it (validated on the way in).
  payload: text("payload", { mode: "json" }).notNull(),
  savedById: integer("saved_by_id").references(() => users.id, { onDelete: "set null" }),
  savedAt: timestamp("saved_at").notNull(),
});
export type ArticleAutosave = typeof articleAutosaves.$inferSelect;

// The text of a published article after each Publish, Update and Restore (its title and body, who
// saved it and when), newest kept up to the revisionsPerArticle setting; older ones are pruned.
export const articleRevisions = sqliteTable(
  "article_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    // Null once the account that saved it is deleted.
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    // The cover readers saw; an upload deleted since then leaves the revision without one.
    coverMediaId: text("cover_media_id").references(() => media.id, { onDelete: "set null" }),
    coverAlt: text("cover_alt").notNull().default(""),
    coverDecorative: integer("cover_decorative", { mode: "boolean" }).notNull().default(false),
    coverCaption: text("cover_caption").notNull().default(""),
    // Set when the revision was made by restoring an older one (its id), for the list's wording.
    restoredFromId: integer("restored_from_id"),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("article_revisions_article_idx").on(t.articleId, t.id)],
);
export type ArticleRevision = typeof articleRevisions.$inferSelect;

// An uploaded image. Its id is random (never user input) and names its files in UPLOADS_DIR:
// `<id>-<width>.webp`, one per variant width. Width and height are the original's, upright.
export const media = sqliteTable(
  "media",
  {
    id: text("id").primaryKey(),
    ownerId: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    // What the upload really was (jpeg, png, webp, avif), decided from its content.
    sourceFormat: text("source_format").notNull(),
    sourceBytes: integer("source_bytes").notNull(),
    // [{ width, height, bytes }], narrowest first.
    variants: text("variants", { mode: "json" }).$type<{ width: number; height: number; bytes: number }[]>().notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("media_owner_created_idx").on(t.ownerId, t.createdAt)],
);
export type Media = typeof media.$inferSelect;

export const slugRedirectKinds = ["article", "tag", "publication"] as const;
export type SlugRedirectKind = (typeof slugRedirectKinds)[number];

// Old slugs of renamed articles, tags and publications: their URLs answer 301 to the current one.
export const slugRedirects = sqliteTable(
  "slug_redirects",
  {
    kind: text("kind", { enum: slugRedirectKinds }).notNull(),
    oldSlug: text("old_slug").notNull(),
    // Not a foreign key (it points at one of three tables); rows are removed with their target.
    targetId: integer("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.oldSlug] }),
    index("slug_redirects_target_idx").on(t.kind, t.targetId),
    check("slug_redirects_kind_check", sql`${t.kind} in ('article', 'tag', 'publication')`),
  ],
);

export const moderationActions = [
  "approve",
  "unapprove",
  "spam",
  "not-spam",
  "trash",
  "restore",
  "delete",
  "reply",
  "ban",
  "undo",
] as const;
export type ModerationAction = (typeof moderationActions)[number];

// Audit log of every moderation action. Comment, article and user ids are plain numbers, not
// foreign keys, so the record outlives a permanently deleted comment.
export const moderationLog = sqliteTable(
  "moderation_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    moderatorId: integer("moderator_id").references(() => users.id, { onDelete: "set null" }),
    // Kept as text so the log still names who acted after their account is deleted.
    moderatorName: text("moderator_name").notNull(),
    action: text("action", { enum: moderationActions }).notNull(),
    commentId: integer("comment_id"),
    articleId: integer("article_id"),
    subjectUserId: integer("subject_user_id"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    detail: text("detail"),
    createdAt: createdAt(),
    // The rows one moderation command wrote share a random id, so the command can be undone as a
    // whole; an "undo" row names the row it reverted in undoes_id.
    batchId: text("batch_id"),
    undoesId: integer("undoes_id"),
  },
  (t) => [
    index("moderation_log_created_idx").on(t.createdAt),
    index("moderation_log_comment_idx").on(t.commentId),
    index("moderation_log_batch_idx").on(t.batchId),
    index("moderation_log_undoes_idx").on(t.undoesId),
  ],
);
export type ModerationLogEntry = typeof moderationLog.$inferSelect;

// Site settings editable by admins; values are JSON. Environment settings live in lib/config.ts.
export const siteSettings = sqliteTable("site_settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: timestamp("updated_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});
export type SiteSetting = typeof siteSettings.$inferSelect;

// Append-only log of cache tags invalidated by writes. Every server process and every CLI
// writes here in the same transaction as the change; every process reads it to purge its page
// cache, so invalidation reaches all of them. Old rows are pruned.
export const cacheInvalidations = sqliteTable(
  "cache_invalidations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tag: text("tag").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("cache_invalidations_created_idx").on(t.createdAt)],
);

export const oneTimeTokenPurposes = ["setup", "password-reset"] as const;
export type OneTimeTokenPurpose = (typeof oneTimeTokenPurposes)[number];

// Single-use secrets handed out as URLs (first-run setup, password reset). Only a SHA-256 of the
// token is stored, so a copy of the database does not hold usable links.
export const oneTimeTokens = sqliteTable(
  "one_time_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purpose: text("purpose", { enum: oneTimeTokenPurposes }).notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("one_time_tokens_hash_unique").on(t.tokenHash),
    index("one_time_tokens_purpose_user_idx").on(t.purpose, t.userId),
    check("one_time_tokens_purpose_check", sql`${t.purpose} in ('setup', 'password-reset')`),
  ],
);
export type OneTimeToken = typeof oneTimeTokens.$inferSelect;

// rate-limiter-flexible's SQLite store (lib/rate-limits.ts); the table shape is the library's.
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: integer("expire"),
});

export const usersRelations = relations(users, ({ many }) => ({
  articles: many(articles),
  comments: many(comments, { relationName: "commentAuthor" }),
}));

export const publicationsRelations = relations(publications, ({ many }) => ({
  articles: many(articles),
}));

export const articlesRelations = relations(articles, ({ one, many }) => ({
  author: one(users, { fields: [articles.authorId], references: [users.id] }),
  publication: one(publications, { fields: [articles.publicationId], references: [publications.id] }),
  articleTags: many(articleTags),
  comments: many(comments),
}));

export const tagsRelations = relations(tags, ({ many }) => ({
  articleTags: many(articleTags),
}));

export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export const commentsRelations = relations(comments, ({ one, many }) => ({
  article: one(articles, { fields: [comments.articleId], references: [articles.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id], relationName: "commentAuthor" }),
  moderatedBy: one(users, { fields: [comments.moderatedById], references: [users.id] }),
  parent: one(comments, { fields: [comments.parentId], references: [comments.id], relationName: "replies" }),
  replies: many(comments, { relationName: "replies" }),
}));
