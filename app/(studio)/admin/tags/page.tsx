import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AdminListSearchForm } from "@/components/taxonomy-admin/admin-list-search-form";
import { idParam, plural, returnQuery, searchParam, single } from "@/components/taxonomy-admin/admin-list-params";
import { TagDeletePanel, TagMergePanel } from "@/components/taxonomy-admin/tag-panels";
import { TagTable } from "@/components/taxonomy-admin/tag-table";
import { TAG_ADMIN_PATH, tagListHref } from "@/components/taxonomy-admin/taxonomy-admin-href";
import { AdminNav } from "@/components/admin/admin-nav";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listTagsForAdmin } from "@/db/queries/tag-admin";
import { requireRole } from "@/lib/authz";
import { parsePageNumber } from "@/lib/pagination";
import type { SearchParams } from "@/lib/route-params";
import "../admin.css";
import "@/components/taxonomy-admin/taxonomy-admin.css";

export const metadata: Metadata = { title: "Tags", robots: { index: false } };

const doneMessages: Record<string, string> = {
  renamed: "Tag renamed. Its old address now redirects to the new one.",
  unchanged: "Nothing to change: the tag already had that name and slug.",
  merged: "Tags merged. The merged tag’s articles and addresses now lead to the tag it was merged into.",
  deleted: "Tag deleted. Its articles keep their other tags.",
};

export default async function AdminTagsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireRole("admin", { returnTo: TAG_ADMIN_PATH + returnQuery(params) });

  const q = searchParam(params);
  const done = single(params.done);
  const mergeId = idParam(params.merge);
  const deleteId = idParam(params.delete);
  // Whatever stays in the URL when a page number is bad or past the end.
  const kept: Record<string, string> = {};
  if (done && done in doneMessages) kept.done = done;
  if (mergeId !== null) kept.merge = String(mergeId);
  if (deleteId !== null) kept.delete = String(deleteId);

  const page = parsePageNumber(params.page);
  if (page === null) redirect(tagListHref({ q, page: 1 }, kept));
  const listing = await listTagsForAdmin({ search: q, page });
  // Past the last page (say, after deleting its only tag): back to the first one.
  if (page > listing.pageCount) redirect(tagListHref({ q, page: 1 }, kept));

  const context = { q, page };
  const doneMessage = done ? doneMessages[done] : undefined;
  const caption = `${q ? `Tags matching “${q}”` : "All tags"}${listing.pageCount > 1 ? `, page ${page} of ${listing.pageCount}` : ""}`;

  return (
    <div className="taxonomy-admin">
      <AdminNav current={TAG_ADMIN_PATH} />
      <h1>Tags</h1>
      <p className="admin-count">
        {q ? `${plural(listing.total, "tag matches", "tags match")} “${q}”.` : `${plural(listing.total, "tag", "tags")} in all.`}
      </p>
      <p className="form-hint">
        “Published” counts the articles readers can see now; “All articles” adds drafts and scheduled ones. Authors create
        tags as they write.
      </p>
      <div aria-live="polite" role="status" className="admin-done">
        {doneMessage ? <p className="form-message form-message-ok">{doneMessage}</p> : null}
      </div>
      {mergeId !== null ? <TagMergePanel tagId={mergeId} context={context} /> : null}
      {deleteId !== null ? <TagDeletePanel tagId={deleteId} context={context} /> : null}
      <AdminListSearchForm path={TAG_ADMIN_PATH} q={q} label="Search tags by name or slug" showAllText="Show all tags" />
      {listing.items.length === 0 ? (
        <p>{q ? `No tags match “${q}”.` : "No tags yet."}</p>
      ) : (
        <TagTable tags={listing.items} caption={caption} context={context} />
      )}
      <PaginationNav
        page={page}
        pageCount={listing.pageCount}
        label="Tag pages"
        hrefForPage={(target) => tagListHref({ q, page: target })}
        previousText="← Previous page"
        nextText="Next page →"
      />
    </div>
  );
}
