import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { redirect } from "next/navigation";
import { DeleteUserPanel } from "@/components/admin/delete-user-panel";
import { UserSearchForm } from "@/components/admin/user-search-form";
import { UserTable } from "@/components/admin/user-table";
import { MAX_SEARCH_LENGTH, USER_LIST_PATH, userListHref } from "@/components/admin/user-list-href";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listUsers } from "@/db/queries/user-admin";
import { requireRole } from "@/lib/authz";
import { parsePageNumber } from "@/lib/pagination";
import type { SearchParams } from "@/lib/route-params";
import "../admin.css";

export const metadata: Metadata = { title: "Users", robots: { index: false } };

const doneMessages: Record<string, string> = {
  role: "Role changed.",
  banned: "User banned.",
  unbanned: "User unbanned.",
  deleted: "User deleted.",
};

type Params = Awaited<SearchParams>;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

// The query to come back to after signing in (the one-off ?done= message is left out).
function returnQuery(params: Params): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === "done" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const admin = await requireRole("admin", { returnTo: USER_LIST_PATH + returnQuery(params) });

  const q = (single(params.q) ?? "").trim().slice(0, MAX_SEARCH_LENGTH);
  const done = single(params.done);
  const deleteParam = single(params.delete);
  const deleteId = deleteParam && /^[1-9][0-9]{0,9}$/.test(deleteParam) ? Number(deleteParam) : null;
  // Whatever stays in the URL when a page number is bad or past the end.
  const kept: Record<string, string> = {};
  if (done && done in doneMessages) kept.done = done;
  if (deleteId !== null) kept.delete = String(deleteId);

  const page = parsePageNumber(params.page);
  if (page === null) redirect(userListHref({ q, page: 1 }, kept));
  const listing = await listUsers({ search: q, page });
  // Past the last page (say, after deleting its only user): back to the first one.
  if (page > listing.pageCount) redirect(userListHref({ q, page: 1 }, kept));

  const context = { q, page };
  const doneMessage = done ? doneMessages[done] : undefined;
  const caption = `${q ? `Users matching “${q}”` : "All users"}${listing.pageCount > 1 ? `, page ${page} of ${listing.pageCount}` : ""}`;

  return (
    <div className="admin-users">
      <AdminNav current="/admin/users" />
      <h1>Users</h1>
      <p className="admin-count">
        {q ? `${plural(listing.total, "user matches", "users match")} “${q}”.` : `${plural(listing.total, "user", "users")} in all.`}
      </p>
      <p className="form-hint">Role changes and bans take effect on the user’s next request.</p>
      <div aria-live="polite" role="status" className="admin-done">
        {doneMessage ? <p className="form-message form-message-ok">{doneMessage}</p> : null}
      </div>
      {deleteId !== null ? (
        <DeleteUserPanel
          userId={deleteId}
          currentUserId={admin.id}
          listed={listing.items.find((user) => user.id === deleteId)}
          context={context}
        />
      ) : null}
      <UserSearchForm q={q} />
      {listing.items.length === 0 ? (
        <p>{q ? `No users match “${q}”.` : "No users yet."}</p>
      ) : (
        <UserTable users={listing.items} caption={caption} currentUserId={admin.id} context={context} />
      )}
      <PaginationNav
        page={page}
        pageCount={listing.pageCount}
        label="User pages"
        hrefForPage={(target) => userListHref({ q, page: target })}
        previousText="← Previous page"
        nextText="Next page →"
      />
    </div>
  );
}
