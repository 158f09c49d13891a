import type { Metadata } from "next";
import Link from "next/link";
import { NEW_ARTICLE_PATH } from "@/components/dashboard/dashboard-href";
import { ArticleEditor } from "@/components/editor/article-editor";
import { listPublicationsForEditor, listTagNamesForEditor } from "@/db/queries/article-editor";
import { requireRole } from "@/lib/authz";
import { emptyEditorValues } from "@/lib/articles/editor-values";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import "../../../admin/admin.css";
import "../../dashboard.css";

export const metadata: Metadata = { title: "New article", robots: { index: false } };

export default async function NewArticlePage() {
  await requireRole("author", { returnTo: NEW_ARTICLE_PATH });
  const [tagNames, publications, timeZone] = await Promise.all([listTagNamesForEditor(), listPublicationsForEditor(), getDisplayTimeZone()]);
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
        timeZone={timeZone}
      />
    </div>
  );
}
