import { ImageResponse } from "next/og";
import { connection } from "next/server";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import { getSiteSettings } from "@/db/queries/site-settings";
import { SOCIAL_IMAGE_SIZE as size } from "@/lib/seo/article-social-image";

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

// The article's social image (og:image, twitter:image and the JSON-LD image), drawn per request:
// never at build, when there is no database. The article page links it with a version query that
// changes whenever what is drawn changes, so link-preview caches fetch it again; the image itself
// ignores the query. With a cover, the cover fills the card and the same text sits on a dark band
// over its lower part.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  const article = await getPublishedArticleBySlug({ slug: (await params).slug });
  if (!article) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const settings = await getSiteSettings();
  // Imported here, not at the top: sharp loads only once an image is drawn.
  const cover = article.cover ? await (await import("@/lib/media/social-cover")).socialCoverDataUrl(article.cover, size) : null;
  if (cover) {
    return new ImageResponse(
      (
        <div style={{ width: "100%", height: "100%", display: "flex", position: "relative", backgroundColor: "#1c1b19" }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- drawn by ImageResponse, where only a plain <img> exists */}
          <img src={cover} width={size.width} height={size.height} alt="" style={{ position: "absolute", top: 0, left: 0 }} />
          <div
            style={{
              position: "absolute",
              left: 0,
              right: 0,
              bottom: 0,
              display: "flex",
              flexDirection: "column",
              padding: "36px 64px 44px",
              backgroundColor: "rgba(20, 19, 17, 0.82)",
              color: "#fbfaf7",
              borderTop: "10px solid #8a2d1c",
            }}
          >
            <div style={{ display: "flex", fontSize: 26, letterSpacing: 2, color: "#e9c7bd" }}>{clip(settings.siteTitle, 60)}</div>
            <div style={{ display: "flex", fontSize: 50, lineHeight: 1.15, marginTop: 10 }}>{clip(article.title, 110)}</div>
            <div style={{ display: "flex", fontSize: 26, marginTop: 12, color: "#d8d4cc" }}>By {clip(article.author.displayName, 60)}</div>
          </div>
        </div>
      ),
      size,
    );
  }
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "72px 80px",
          backgroundColor: "#fbfaf7",
          color: "#1c1b19",
          borderTop: "16px solid #8a2d1c",
        }}
      >
        <div style={{ display: "flex", fontSize: 30, color: "#8a2d1c", letterSpacing: 2 }}>{clip(settings.siteTitle, 60)}</div>
        <div style={{ display: "flex", fontSize: 64, lineHeight: 1.15 }}>{clip(article.title, 140)}</div>
        <div style={{ display: "flex", fontSize: 32, color: "#55524c" }}>By {clip(article.author.displayName, 60)}</div>
      </div>
    ),
    size,
  );
}
