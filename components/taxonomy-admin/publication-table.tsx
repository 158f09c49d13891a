import Link from "next/link";
import type { PublicationAdminItem } from "@/db/queries/publication-admin";
import { languageName } from "@/lib/dates";
import { publicationListHref, type AdminListContext } from "./taxonomy-admin-href";

export function PublicationTable({
  publications,
  caption,
  context,
}: {
  publications: PublicationAdminItem[];
  caption: string;
  context: AdminListContext;
}) {
  return (
    <div className="admin-table-scroll">
      <table className="admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col">Country</th>
            <th scope="col">Language</th>
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
          {publications.map((publication) => (
            <tr key={publication.id}>
              <th scope="row">{publication.name}</th>
              <td className="admin-email">
                <Link href={`/publications/${publication.slug}`}>{publication.slug}</Link>
              </td>
              <td>{publication.country ?? ""}</td>
              <td>{publication.language ? `${languageName(publication.language)} (${publication.language})` : ""}</td>
              <td className="admin-number">{publication.publishedCount.toLocaleString("en-US")}</td>
              <td className="admin-number">{publication.articleCount.toLocaleString("en-US")}</td>
              <td>
                <p className="taxonomy-admin-row-links">
                  <Link href={`${publicationListHref(context, { edit: String(publication.id) })}#edit-publication`}>
                    Edit<span className="visually-hidden"> {publication.name}</span>
                  </Link>
                  <Link href={`${publicationListHref(context, { delete: String(publication.id) })}#delete-publication`}>
                    Delete…<span className="visually-hidden"> {publication.name}</span>
                  </Link>
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
