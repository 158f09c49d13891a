import { connection } from "next/server";
import { feedResponse, renderArticleFeed } from "@/lib/feeds/site-feeds";

// The site's latest articles (atom); served through the page cache like the home page.
export async function GET(): Promise<Response> {
  await connection();
  return feedResponse(await renderArticleFeed("site", "atom"));
}
