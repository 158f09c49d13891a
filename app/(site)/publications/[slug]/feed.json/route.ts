import { connection } from "next/server";
import { feedResponse, renderArticleFeed } from "@/lib/feeds/site-feeds";

// The publication's latest articles (json); an unknown slug is a 404 decided by the server first.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  const { slug } = await params;
  return feedResponse(await renderArticleFeed("publication", "json", slug));
}
