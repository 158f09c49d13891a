import type { AdminListContext } from "./taxonomy-admin-href";

// Hidden fields that carry the list's search and page through an action's redirect.
export function ListContextFields({ context }: { context: AdminListContext }) {
  return (
    <>
      {context.q ? <input type="hidden" name="q" value={context.q} /> : null}
      {context.page > 1 ? <input type="hidden" name="page" value={context.page} /> : null}
    </>
  );
}
