import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { RestoreRevisionForm } from "@/components/revisions/restore-revision-form";
import { TextDiffView } from "@/components/revisions/text-diff-view";
import { getArticleForEditor } from "@/db/queries/article-editor";
import { listArticleRevisions, sameCover } from "@/db/queries/article-revisions";
import { can, requireRole } from "@/lib/authz";
import { formatDisplayDateTime } from "@/lib/dates";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import type { SearchParams } from "@/lib/route-params";
import "../../../../admin/admin.css";
import "../../../dashboard.css";
import "./revisions.css";

export const metadata: Metadata = { title: "Revisions", robots: { index: false } };

type Params = Promise<{ id: string }>;

// Every kept revision of an article, newest first, each compared with the article's current text
// (what the revision has that the article lacks is struck through, what was added since is marked).
export default async function ArticleRevisionsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const user = await requireRole("author", { returnTo: `/dashboard/articles/${encodeURIComponent(id)}/revisions` });
  const articleId = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : null;
  if (articleId === null) notFound();
  const article = await getArticleForEditor({ articleId });
  if (!article) notFound();
  if (!can(user, "article:edit", { authorId: article.author.id })) redirect("/forbidden");

  const [revisions, timeZone, query] = await Promise.all([listArticleRevisions({ articleId }), getDisplayTimeZone(), searchParams]);
  const restored = typeof query.restored === "string" && /^\d{1,15}$/.test(query.restored);

  return (
    <div className="article-revisions-page">
      <p className="editor-back">
        <Link href={`/dashboard/articles/${article.id}/edit`}>← Back to the editor</Link>
      </p>
      <h1>Revisions of “{article.title}”</h1>
      <div aria-live="polite" role="status">
        {restored ? (
          <p className="form-message form-message-ok">
            Revision restored{article.phase === "draft" ? "." : ". Readers see the restored text now."}
          </p>
        ) : null}
      </div>
      <p className="form-hint">
        Each Publish, Update and Restore keeps the article’s title, body and cover as a revision. Each one is compared with the current text:{" "}
        <del>struck through</del> is in the revision but no longer in the article, <ins>underlined</ins> was added since. Restoring one
        makes it the current text (as a new revision){article.pendingCopy ? " and discards the unpublished changes waiting in the editor" : ""}.
      </p>
      {revisions.length === 0 ? (
        <p>No revisions yet: they are kept from the article’s first Publish or Update.</p>
      ) : (
        <ol className="revision-list" reversed>
          {revisions.map((revision) => {
            const sameText = revision.title === article.title && revision.body === article.body;
            const coverDiffers = !sameCover(revision, article);
            const current = sameText && !coverDiffers;
            const when = formatDisplayDateTime(revision.createdAt, timeZone);
            const heading = `${when} by ${revision.authorName ?? "a deleted account"}`;
            return (
              <li key={revision.id} className="revision" aria-labelledby={`revision-${revision.id}`}>
                <h2 id={`revision-${revision.id}`}>{heading}</h2>
                <p className="form-hint">
                  {revision.restoredFromId !== null ? "Restored from an earlier revision. " : ""}
                  {current ? "Same as the current text." : null}
                  {coverDiffers ? (sameText ? "Same text, a different cover image." : "A different cover image.") : null}
                </p>
                {current ? null : (
                  <>
                    {revision.title !== article.title ? <TextDiffView before={revision.title} after={article.title} label="Title changes" /> : null}
                    {sameText && coverDiffers ? null : <TextDiffView before={revision.body} after={article.body} label="Body changes" />}
                    <RestoreRevisionForm articleId={article.id} revisionId={revision.id} label={`Restore the revision of ${heading}`} />
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
