import { ImageResponse } from "next/og";
import { connection } from "next/server";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import { getSiteSettings } from "@/db/queries/site-settings";

// The article's social image (og:image), drawn per request: never at build, when there is no
// database. Next adds the og:image tags to the article page itself. With a cover, the cover fills
// the card and the same text sits on a dark band over its lower part.
export const alt = "The article's title, author and site name";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const article = await getPublishedArticleBySlug({ slug: (await params).slug });
  if (!article) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const settings = await getSiteSettings();
  // Imported here, not at the top: the article page loads this module for `alt` and `size`, and
  // must not wait for sharp to load before it can send its <head>.
  const cover = article.cover ? await (await import("@/lib/media/social-cover")).socialCoverDataUrl(article.cover, size) : null;
  if (cover) {
    return new ImageResponse(
      (
        <div style={{ width: "100%", height: "100%", display: "flex", position: "relative", backgroundColor: "#1c1b19" }}>
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
