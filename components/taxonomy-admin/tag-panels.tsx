import Link from "next/link";
import { getTagForAdmin, listTagMergeTargets, type TagAdminItem } from "@/db/queries/tag-admin";
import { TagDeleteForm } from "./tag-delete-form";
import { TagMergeForm } from "./tag-merge-form";
import { tagListHref, type AdminListContext } from "./taxonomy-admin-href";

function articleCounts(tag: TagAdminItem): string {
  const all = tag.articleCount === 1 ? "1 article" : `${tag.articleCount.toLocaleString("en-US")} articles`;
  return `${all}, ${tag.publishedCount.toLocaleString("en-US")} published`;
}

function GoneTag({ id, heading, cancelHref }: { id: string; heading: string; cancelHref: string }) {
  return (
    <section className="admin-panel" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>That tag no longer exists.</p>
      <p>
        <Link href={cancelHref}>Back to the list</Link>
      </p>
    </section>
  );
}

// The confirmation step for merging a tag (?merge=<id>), shown above the list.
export async function TagMergePanel({ tagId, context }: { tagId: number; context: AdminListContext }) {
  const cancelHref = tagListHref(context);
  const tag = await getTagForAdmin({ tagId });
  if (!tag) return <GoneTag id="merge-tag" heading="Merge tag" cancelHref={cancelHref} />;
  const targets = await listTagMergeTargets({ exceptTagId: tag.id });
  return (
    <section className="admin-panel" id="merge-tag" aria-labelledby="merge-tag-heading">
      <h2 id="merge-tag-heading">Merge “{tag.name}” into another tag</h2>
      <p>
        /tags/{tag.slug} · {articleCounts(tag)}
      </p>
      {targets.length === 0 ? (
        <>
          <p>There is no other tag to merge it into.</p>
          <p>
            <Link href={cancelHref}>Back to the list</Link>
          </p>
        </>
      ) : (
        <TagMergeForm tag={{ id: tag.id, name: tag.name }} targets={targets} context={context} cancelHref={cancelHref} />
      )}
    </section>
  );
}

// The confirmation step for deleting a tag (?delete=<id>), shown above the list.
export async function TagDeletePanel({ tagId, context }: { tagId: number; context: AdminListContext }) {
  const cancelHref = tagListHref(context);
  const tag = await getTagForAdmin({ tagId });
  if (!tag) return <GoneTag id="delete-tag" heading="Delete tag" cancelHref={cancelHref} />;
  return (
    <section className="admin-panel" id="delete-tag" aria-labelledby="delete-tag-heading">
      <h2 id="delete-tag-heading">Delete “{tag.name}”?</h2>
      <p>
        /tags/{tag.slug} · {articleCounts(tag)}
      </p>
      <p>
        {tag.articleCount > 0 ? "Its articles stay, with their other tags. " : ""}The tag’s page and its old addresses will
        answer “not found”. To keep them leading somewhere, merge it into another tag instead.
      </p>
      <TagDeleteForm tag={{ id: tag.id, name: tag.name }} context={context} cancelHref={cancelHref} />
    </section>
  );
}
