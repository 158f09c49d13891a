import { connection } from "next/server";
import { feedResponse, renderCommentsFeed } from "@/lib/feeds/site-feeds";

// RSS of the article's approved comments.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  const { slug } = await params;
  return feedResponse(await renderCommentsFeed(slug));
}
