import { listUsers, type UserListItem } from "@/db/queries/user-admin";
import type { UserRole } from "@/db/schema";

export type ReassignmentCandidate = { id: number; displayName: string; email: string; role: UserRole };

// Everyone who may receive another user's articles: authors, moderators and admins (a reader
// cannot). listUsers has no role filter, so this walks its pages, as `npm run user -- list` does.
export async function listReassignmentCandidates({ exceptUserId }: { exceptUserId: number }): Promise<ReassignmentCandidate[]> {
  const candidates: ReassignmentCandidate[] = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const result = await listUsers({ page });
    for (const user of result.items) {
      if (user.role !== "reader" && user.id !== exceptUserId) {
        candidates.push({ id: user.id, displayName: user.displayName, email: user.email, role: user.role });
      }
    }
    pageCount = result.pageCount;
  }
  return candidates.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id - b.id);
}

// One user's list entry (for the article count), found by searching for their email.
export async function findListedUser({ id, email }: { id: number; email: string }): Promise<UserListItem | null> {
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const result = await listUsers({ search: email, page });
    const found = result.items.find((user) => user.id === id);
    if (found) return found;
    pageCount = result.pageCount;
  }
  return null;
}
