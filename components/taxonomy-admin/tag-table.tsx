import Link from "next/link";
import type { TagAdminItem } from "@/db/queries/tag-admin";
import { TagRowActions } from "./tag-row-actions";
import { tagListHref, type AdminListContext } from "./taxonomy-admin-href";

export function TagTable({ tags, caption, context }: { tags: TagAdminItem[]; caption: string; context: AdminListContext }) {
  return (
    <div className="admin-table-scroll">
      <table className="admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col" className="admin-number">
              Published
            </th>
            <th scope="col" className="admin-number">
              All articles
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id}>
              <th scope="row">{tag.name}</th>
              <td className="admin-email">
                <Link href={`/tags/${tag.slug}`}>{tag.slug}</Link>
              </td>
              <td className="admin-number">{tag.publishedCount.toLocaleString("en-US")}</td>
              <td className="admin-number">{tag.articleCount.toLocaleString("en-US")}</td>
              <td>
                {/* Keyed by what the form shows, so a rename gives it fresh defaults. */}
                <TagRowActions
                  key={`${tag.name}\u0000${tag.slug}`}
                  tag={{ id: tag.id, name: tag.name, slug: tag.slug }}
                  context={context}
                  mergeHref={`${tagListHref(context, { merge: String(tag.id) })}#merge-tag`}
                  deleteHref={`${tagListHref(context, { delete: String(tag.id) })}#delete-tag`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
