import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AdminListSearchForm } from "@/components/taxonomy-admin/admin-list-search-form";
import { idParam, plural, returnQuery, searchParam, single } from "@/components/taxonomy-admin/admin-list-params";
import {
  DeletePublicationPanel,
  EditPublicationPanel,
  NewPublicationPanel,
} from "@/components/taxonomy-admin/publication-panels";
import { PublicationTable } from "@/components/taxonomy-admin/publication-table";
import { PUBLICATION_ADMIN_PATH, publicationListHref } from "@/components/taxonomy-admin/taxonomy-admin-href";
import { AdminNav } from "@/components/admin/admin-nav";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listPublicationsForAdmin } from "@/db/queries/publication-admin";
import { requireRole } from "@/lib/authz";
import { parsePageNumber } from "@/lib/pagination";
import type { SearchParams } from "@/lib/route-params";
import "../admin.css";
import "@/components/taxonomy-admin/taxonomy-admin.css";

export const metadata: Metadata = { title: "Publications", robots: { index: false } };

const doneMessages: Record<string, string> = {
  created: "Publication added.",
  saved: "Publication saved. Its page and its articles show the change.",
  unchanged: "Nothing to change: the publication already had those details.",
  deleted: "Publication deleted. Its articles stay, without it.",
};

export default async function AdminPublicationsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireRole("admin", { returnTo: PUBLICATION_ADMIN_PATH + returnQuery(params) });

  const q = searchParam(params);
  const done = single(params.done);
  const creating = single(params.new) !== undefined;
  const editId = idParam(params.edit);
  const deleteId = idParam(params.delete);
  // Whatever stays in the URL when a page number is bad or past the end.
  const kept: Record<string, string> = {};
  if (done && done in doneMessages) kept.done = done;
  if (creating) kept.new = "1";
  if (editId !== null) kept.edit = String(editId);
  if (deleteId !== null) kept.delete = String(deleteId);

  const page = parsePageNumber(params.page);
  if (page === null) redirect(publicationListHref({ q, page: 1 }, kept));
  const listing = await listPublicationsForAdmin({ search: q, page });
  // Past the last page (say, after deleting its only publication): back to the first one.
  if (page > listing.pageCount) redirect(publicationListHref({ q, page: 1 }, kept));

  const context = { q, page };
  const doneMessage = done ? doneMessages[done] : undefined;
  const caption = `${q ? `Publications matching “${q}”` : "All publications"}${listing.pageCount > 1 ? `, page ${page} of ${listing.pageCount}` : ""}`;

  return (
    <div className="taxonomy-admin">
      <AdminNav current={PUBLICATION_ADMIN_PATH} />
      <h1>Publications</h1>
      <p className="admin-count">
        {q
          ? `${plural(listing.total, "publication matches", "publications match")} “${q}”.`
          : `${plural(listing.total, "publication", "publications")} in all.`}
      </p>
      <p className="form-hint">
        The outlets translated articles first appeared in, credited under “About this publication”. “Published” counts the
        articles readers can see now.
      </p>
      <div aria-live="polite" role="status" className="admin-done">
        {doneMessage ? <p className="form-message form-message-ok">{doneMessage}</p> : null}
      </div>
      {creating ? (
        <NewPublicationPanel context={context} />
      ) : (
        <p className="taxonomy-admin-new">
          <Link href={`${publicationListHref(context, { new: "1" })}#new-publication`}>Add a publication</Link>
        </p>
      )}
      {editId !== null ? <EditPublicationPanel publicationId={editId} context={context} /> : null}
      {deleteId !== null ? <DeletePublicationPanel publicationId={deleteId} context={context} /> : null}
      <AdminListSearchForm
        path={PUBLICATION_ADMIN_PATH}
        q={q}
        label="Search publications by name or slug"
        showAllText="Show all publications"
      />
      {listing.items.length === 0 ? (
        <p>{q ? `No publications match “${q}”.` : "No publications yet."}</p>
      ) : (
        <PublicationTable publications={listing.items} caption={caption} context={context} />
      )}
      <PaginationNav
        page={page}
        pageCount={listing.pageCount}
        label="Publication pages"
        hrefForPage={(target) => publicationListHref({ q, page: target })}
        previousText="← Previous page"
        nextText="Next page →"
      />
    </div>
  );
}
