import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PendingChangesNotice } from "@/components/editor/discard-pending-form";
import { ArticleEditor } from "@/components/editor/article-editor";
import { coverOptionsFor } from "@/components/editor/cover-options";
import { listCoverChoices } from "@/db/queries/media";
import {
  getArticleForEditor,
  listPublicationsForEditor,
  listTagNamesForEditor,
  type EditorArticle,
} from "@/db/queries/article-editor";
import { can, hasRole, requireRole } from "@/lib/authz";
import { savedMessageFor } from "@/lib/articles/editor-messages";
import { editorValuesForArticle } from "@/lib/articles/editor-values";
import { formatZonedDateTimeInput } from "@/lib/articles/schedule-time";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { formatDisplayDate, formatDisplayDateTime } from "@/lib/dates";
import type { SearchParams } from "@/lib/route-params";
import "../../../../admin/admin.css";
import "../../../dashboard.css";

export const metadata: Metadata = { title: "Edit article", robots: { index: false } };

type Params = Promise<{ id: string }>;

function statusLine(article: EditorArticle, timeZone: string): string {
  switch (article.phase) {
    case "draft":
      return "Draft: readers cannot see it.";
    case "scheduled":
      return article.publishedAt
        ? `Scheduled: readers see it from ${formatDisplayDateTime(article.publishedAt, timeZone)} (${timeZone}).`
        : "Scheduled.";
    case "published":
      return article.publishedAt ? `Published on ${formatDisplayDate(article.publishedAt, timeZone)}.` : "Published.";
  }
}

export default async function EditArticlePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const user = await requireRole("author", { returnTo: `/dashboard/articles/${encodeURIComponent(id)}/edit` });
  const articleId = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : null;
  if (articleId === null) notFound();
  const article = await getArticleForEditor({ articleId });
  if (!article) notFound();
  // Authors edit their own articles; admins any (lib/permissions.ts). Answered 403.
  if (!can(user, "article:edit", { authorId: article.author.id })) redirect("/forbidden");

  const everyone = hasRole(user, "admin");
  const [tagNames, publications, timeZone, coverChoices] = await Promise.all([
    listTagNamesForEditor(),
    listPublicationsForEditor(),
    getDisplayTimeZone(),
    listCoverChoices({ ownerId: everyone ? null : user.id, currentCoverId: article.coverMediaId }),
  ]);
  const savedMessage = savedMessageFor((await searchParams).saved);
  const stored = editorValuesForArticle({
    ...article,
    publishAtInput: article.phase === "scheduled" && article.publishedAt ? formatZonedDateTimeInput(article.publishedAt, timeZone) : "",
  });
  const pending = article.pendingCopy;
  // A new editor after every save, so its fields start from what was stored.
  const editorKey = `${article.id}:${article.updatedAt.getTime()}:${pending?.savedAt.getTime() ?? 0}`;

  return (
    <div className="article-editor-page">
      <p className="editor-back">
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1>Edit article</h1>
      <p className="editor-status">
        {statusLine(article, timeZone)}
        {article.author.id !== user.id ? ` By ${article.author.displayName}.` : ""}{" "}
        {article.phase === "published" ? <Link href={`/articles/${article.slug}`}>View the article</Link> : null}{" "}
        {article.phase !== "draft" ? <Link href={`/dashboard/articles/${article.id}/revisions`}>Revisions</Link> : null}
      </p>
      {pending ? (
        <PendingChangesNotice
          articleId={article.id}
          savedAtText={formatDisplayDateTime(pending.savedAt, timeZone)}
          savedByName={pending.savedByName !== null && pending.savedByName !== user.displayName ? pending.savedByName : null}
        />
      ) : null}
      <ArticleEditor
        key={editorKey}
        article={{ id: article.id, phase: article.phase }}
        initialValues={pending ? { ...pending.values, publishAt: pending.values.publishAt || stored.publishAt } : stored}
        savedMessage={savedMessage}
        tagNames={tagNames}
        publications={publications}
        coverOptions={coverOptionsFor(coverChoices, { timeZone, showOwner: everyone })}
        timeZone={timeZone}
      />
    </div>
  );
}
