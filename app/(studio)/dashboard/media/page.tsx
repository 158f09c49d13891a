import type { Metadata } from "next";
import Link from "next/link";
import { DeleteMediaForm } from "@/components/media/delete-media-form";
import { listMediaWithUsage } from "@/db/queries/media";
import { hasRole, requireRole } from "@/lib/authz";
import { formatDisplayDateTime } from "@/lib/dates";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { mediaReference } from "@/lib/media/media-reference";
import { ACCEPTED_IMAGE_TYPES, formatBytes, uploadMessages } from "@/lib/media/upload-limits";
import type { SearchParams } from "@/lib/route-params";
import "../../admin/admin.css";
import "../dashboard.css";

export const metadata: Metadata = { title: "Media", robots: { index: false } };

function uploadOutcome(query: Record<string, string | string[] | undefined>): { tone: "ok" | "error"; text: string } | null {
  if (typeof query.uploaded === "string") return { tone: "ok", text: "Image uploaded. Copy its Markdown below into an article, with alt text." };
  if (query.deleted === "1") return { tone: "ok", text: "Image deleted." };
  if (typeof query.error === "string" && query.error in uploadMessages) {
    return { tone: "error", text: uploadMessages[query.error as keyof typeof uploadMessages] };
  }
  return null;
}

// An author's uploads (admins see everyone's), newest first, with the articles using each; an
// unused one can be deleted. The upload form is a plain multipart post to the upload route, so
// it works without JavaScript too (the route answers with a redirect back here).
export default async function MediaPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole("author", { returnTo: "/dashboard/media" });
  const everyone = hasRole(user, "admin");
  const [items, timeZone, query] = await Promise.all([listMediaWithUsage({ ownerId: everyone ? null : user.id }), getDisplayTimeZone(), searchParams]);
  const outcome = uploadOutcome(query);

  return (
    <div className="dashboard media-library">
      <p className="editor-back">
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1>{everyone ? "Media" : "Your media"}</h1>
      <div aria-live="polite" role="status">
        {outcome ? <p className={`form-message ${outcome.tone === "ok" ? "form-message-ok" : "form-message-error"}`}>{outcome.text}</p> : null}
      </div>
      <form method="post" action="/api/uploads" encType="multipart/form-data" className="stacked-form media-upload-form" aria-label="Upload an image">
        <div className="form-field">
          <label htmlFor="media-file">Image file</label>
          <input id="media-file" name="file" type="file" accept={ACCEPTED_IMAGE_TYPES.join(",")} required aria-describedby="media-file-hint" />
          <p className="form-hint" id="media-file-hint">
            JPEG, PNG, WebP or AVIF, up to 10 MB. In the editor, “Insert an image” uploads and inserts in one step.
          </p>
        </div>
        <button type="submit" className="button button-secondary">
          Upload
        </button>
      </form>
      {items.length === 0 ? (
        <p>No images uploaded yet.</p>
      ) : (
        <ul className="media-list">
          {items.map((item) => {
            const thumbnail = item.variants[0];
            const label = `image uploaded ${formatDisplayDateTime(item.createdAt, timeZone)}`;
            return (
              <li key={item.id} className="media-item" aria-label={label}>
                {thumbnail ? (
                  // eslint-disable-next-line @next/next/no-img-element -- our own variant, already sized
                  <img src={`/media/${item.id}-${thumbnail.width}.webp`} width={thumbnail.width} height={thumbnail.height} alt="" loading="lazy" className="media-thumbnail" />
                ) : null}
                <div className="media-facts">
                  <p>
                    {item.width} × {item.height} {item.sourceFormat.toUpperCase()}, {formatBytes(item.sourceBytes)}; uploaded{" "}
                    {formatDisplayDateTime(item.createdAt, timeZone)}
                    {everyone && item.ownerName ? ` by ${item.ownerName}` : ""}.
                  </p>
                  <label className="form-hint" htmlFor={`media-${item.id}-markdown`}>
                    Markdown (write the alt text between the brackets)
                  </label>
                  <input id={`media-${item.id}-markdown`} readOnly value={`![](${mediaReference(item)})`} className="media-markdown" />
                  {item.usedIn.length > 0 ? (
                    <p>
                      Used in:{" "}
                      {item.usedIn.map((article, index) => (
                        <span key={article.articleId}>
                          {index > 0 ? ", " : ""}
                          {article.asCover ? (article.inBody ? "cover and body of " : "cover of ") : null}
                          <Link href={`/dashboard/articles/${article.articleId}/edit`}>{article.title}</Link> ({article.status})
                        </span>
                      ))}
                    </p>
                  ) : (
                    <>
                      <p>Not used in any article.</p>
                      <DeleteMediaForm mediaId={item.id} label={`Delete the ${label}`} />
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
