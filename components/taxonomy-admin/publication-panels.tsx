import Link from "next/link";
import { getPublicationForAdmin, type PublicationAdminItem } from "@/db/queries/publication-admin";
import { PublicationDeleteForm } from "./publication-delete-form";
import { PublicationForm } from "./publication-form";
import { publicationListHref, type AdminListContext } from "./taxonomy-admin-href";

function articleCounts(publication: PublicationAdminItem): string {
  const all = publication.articleCount === 1 ? "1 article" : `${publication.articleCount.toLocaleString("en-US")} articles`;
  return `${all}, ${publication.publishedCount.toLocaleString("en-US")} published`;
}

function GonePublication({ id, heading, cancelHref }: { id: string; heading: string; cancelHref: string }) {
  return (
    <section className="admin-panel" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>That publication no longer exists.</p>
      <p>
        <Link href={cancelHref}>Back to the list</Link>
      </p>
    </section>
  );
}

// The form for a new publication (?new=1), shown above the list.
export function NewPublicationPanel({ context }: { context: AdminListContext }) {
  return (
    <section className="admin-panel" id="new-publication" aria-labelledby="new-publication-heading">
      <h2 id="new-publication-heading">Add a publication</h2>
      <PublicationForm context={context} cancelHref={publicationListHref(context)} />
    </section>
  );
}

// The edit form for one publication (?edit=<id>), shown above the list.
export async function EditPublicationPanel({ publicationId, context }: { publicationId: number; context: AdminListContext }) {
  const cancelHref = publicationListHref(context);
  const publication = await getPublicationForAdmin({ publicationId });
  if (!publication) return <GonePublication id="edit-publication" heading="Edit publication" cancelHref={cancelHref} />;
  const stored = {
    name: publication.name,
    slug: publication.slug,
    country: publication.country ?? "",
    language: publication.language ?? "",
    website: publication.website ?? "",
    description: publication.description,
  };
  return (
    <section className="admin-panel" id="edit-publication" aria-labelledby="edit-publication-heading">
      <h2 id="edit-publication-heading">Edit “{publication.name}”</h2>
      <p>
        <Link href={`/publications/${publication.slug}`}>/publications/{publication.slug}</Link> · {articleCounts(publication)}
      </p>
      {/* Keyed by what it shows, so a save by another admin gives it fresh defaults. */}
      <PublicationForm key={JSON.stringify(stored)} publicationId={publication.id} stored={stored}
        context={context}
        cancelHref={cancelHref}
      />
    </section>
  );
}

// The confirmation step for deleting a publication (?delete=<id>), shown above the list.
export async function DeletePublicationPanel({ publicationId, context }: { publicationId: number; context: AdminListContext }) {
  const cancelHref = publicationListHref(context);
  const publication = await getPublicationForAdmin({ publicationId });
  if (!publication) return <GonePublication id="delete-publication" heading="Delete publication" cancelHref={cancelHref} />;
  return (
    <section className="admin-panel" id="delete-publication" aria-labelledby="delete-publication-heading">
      <h2 id="delete-publication-heading">Delete “{publication.name}”?</h2>
      <p>
        /publications/{publication.slug} · {articleCounts(publication)}
      </p>
      <p>
        {publication.articleCount > 0
          ? "Its articles stay published as they are, without this publication in their “About this publication” box. "
          : ""}
        The publication’s page and its old addresses will answer “not found”.
      </p>
      <PublicationDeleteForm publication={{ id: publication.id, name: publication.name }} context={context} cancelHref={cancelHref} />
    </section>
  );
}
