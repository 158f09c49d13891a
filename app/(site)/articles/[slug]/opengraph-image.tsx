import { ImageResponse } from "next/og";
import { connection } from "next/server";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import { getSiteSettings } from "@/db/queries/site-settings";

// The article's social image (og:image), drawn per request: never at build, when there is no
// database. Next adds the og:image tags to the article page itself.
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
