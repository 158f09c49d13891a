import type { Metadata } from "next";
import Link from "next/link";
import { NEW_ARTICLE_PATH } from "@/components/dashboard/dashboard-href";
import { ArticleEditor } from "@/components/editor/article-editor";
import { coverOptionsFor } from "@/components/editor/cover-options";
import { listCoverChoices } from "@/db/queries/media";
import { listPublicationsForEditor, listTagNamesForEditor } from "@/db/queries/article-editor";
import { hasRole, requireRole } from "@/lib/authz";
import { emptyEditorValues } from "@/lib/articles/editor-values";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import "../../../admin/admin.css";
import "../../dashboard.css";

export const metadata: Metadata = { title: "New article", robots: { index: false } };

export default async function NewArticlePage() {
  const user = await requireRole("author", { returnTo: NEW_ARTICLE_PATH });
  const everyone = hasRole(user, "admin");
  const [tagNames, publications, timeZone, coverChoices] = await Promise.all([
    listTagNamesForEditor(),
    listPublicationsForEditor(),
    getDisplayTimeZone(),
    listCoverChoices({ ownerId: everyone ? null : user.id, currentCoverId: null }),
  ]);
  return (
    <div className="article-editor-page">
      <p className="editor-back">
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1>New article</h1>
      <ArticleEditor
        article={null}
        initialValues={emptyEditorValues()}
        savedMessage={null}
        tagNames={tagNames}
        publications={publications}
        coverOptions={coverOptionsFor(coverChoices, { timeZone, showOwner: everyone })}
        timeZone={timeZone}
      />
    </div>
  );
}
