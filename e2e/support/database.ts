import { E2E_DATABASE_PATH } from "./e2e-environment";

// The tests write to the server's database from their own process, as the CLI or a second
// server would; the server must notice through the shared invalidation log.
process.env.DATABASE_PATH = E2E_DATABASE_PATH;

export { createArticle, setArticleStatus, updateArticleContent } from "../../db/queries/article-writes";
export { getUserIdBySlug, updateUserProfile } from "../../db/queries/users";
export { insertComment, setCommentStatus } from "../../db/queries/comment-writes";
export { updateSiteSettings } from "../../db/queries/site-settings";
export { getDb } from "../../db/client";
