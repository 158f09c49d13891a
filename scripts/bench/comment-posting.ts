// Comment posting through the real HTTP path: signed-in sessions post the JavaScript-off form (an
// urlencoded POST to the form's action, lib/server/comment-post-endpoint.ts) and must be answered
// with a 303.
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import { encode } from "next-auth/jwt";

export type PostingResult = {
  settingsChanged: string[];
  sessions: number;
  accepted: number;
  acceptedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  otherResponses: Record<string, number>;
  errors: number;
  rowsStored: number;
  distinctRowsStored: number;
  // Server CPU spent while the posts ran (not while the sessions were prepared).
  serverCpuMs: number;
};

const SESSION_COOKIE = "authjs.session-token";
const BODY_PREFIX = "Bench comment";

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// Where the comment form posts without JavaScript, and its hidden fields.
function commentForm(html: string): { action: string; fields: Record<string, string> } {
  const form = (html.match(/<form[\s\S]*?<\/form>/g) ?? []).find((candidate) => candidate.includes('name="body"'));
  if (!form) throw new Error("The signed-in article page has no comment form");
  const action = /^<form[^>]*\saction="(\/[^"]*)"/.exec(form)?.[1];
  if (!action) throw new Error("The comment form has no action path");
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return { action: decodeEntities(action), fields };
}

function post(agent: http.Agent, url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}


export async function benchCommentPosting({
  baseUrl,
  databasePath,
  articleSlug,
  sessions,
  connections,
  durationSeconds,
  serverCpuMs,
  commentRateLimit,
}: {
  baseUrl: string;
  databasePath: string;
  articleSlug: string;
  sessions: number;
  connections: number;
  durationSeconds: number;
  serverCpuMs: () => number;
  // The server's COMMENT_RATE_LIMIT, reported as a changed setting.
  commentRateLimit: string;
}): Promise<PostingResult> {
  // The data layer reads DATABASE_PATH when it first opens the database.
  process.env.DATABASE_PATH = databasePath;
  const { updateSiteSettings } = await import("../../db/queries/site-settings");
  const { createUser, getSessionUserById } = await import("../../db/queries/auth-users");
  const { insertComment } = await import("../../db/queries/comment-writes");
  const { getPublishedArticleBySlug } = await import("../../db/queries/articles");
  const { countCommentsWithBodyPrefix } = await import("../../db/queries/comment-counts-by-prefix");

  const article = await getPublishedArticleBySlug({ slug: articleSlug });
  if (!article) throw new Error(`No published article ${articleSlug}`);
  const articleId = article.id;
  // The 15-second flood rule would refuse all but one post per session; nothing else is relaxed.
  await updateSiteSettings({ commentFloodSeconds: 0 });
  const settingsChanged = [
    "site setting commentFloodSeconds: 15 → 0 (in the bench's temporary database)",
    `environment COMMENT_RATE_LIMIT: 10 → ${commentRateLimit} per minute per address (all sessions post from 127.0.0.1)`,
  ];

  const secret = fs.readFileSync(path.join(path.dirname(databasePath), "auth-secret"), "utf8").trim();
  const cookies: string[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const created = await createUser({
      email: `bench-${i}@example.test`,
      displayName: `Bench reader ${i}`,
      passwordHash: null,
      role: "reader",
    });
    if (!created.ok) throw new Error(`Could not create bench reader ${i}`);
    // One approved comment from an hour ago: the readers' posts are published at once, so every
    // accepted post also invalidates the article's cached pages (the costlier path).
    await insertComment({
      articleId,
      authorId: created.id,
      body: `Earlier approved comment by bench reader ${i}`,
      status: "approved",
      createdAt: new Date(Date.now() - 3_600_000),
    });
    const user = await getSessionUserById({ id: created.id });
    const token = await encode({
      token: { sub: String(created.id), sv: user?.sessionVersion },
      secret,
      salt: SESSION_COOKIE,
    });
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }

  const pageUrl = `${baseUrl}/articles/${articleSlug}`;
  const page = await fetch(pageUrl, { headers: { cookie: cookies[0] ?? "" } });
  const form = commentForm(await page.text());
  const postUrl = new URL(form.action, baseUrl).href;
  const origin = new URL(baseUrl).origin;
  let sequence = 0;

  // Each connection posts, waits for the answer, and posts again until the time is up; a post
  // still in flight then is waited for and counted, so every stored row has its response.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  const cpuBefore = serverCpuMs();
  const deadline = performance.now() + durationSeconds * 1000;
  const startedAt = performance.now();
  const connection = async () => {
    while (performance.now() < deadline) {
      sequence += 1;
      const body = new URLSearchParams({ ...form.fields, parentId: "", body: `${BODY_PREFIX} ${sequence} ${Date.now()}` }).toString();
      const cookie = cookies[sequence % cookies.length] ?? "";
      const sentAt = performance.now();
      try {
        const status = await post(agent, postUrl, body, {
          cookie,
          origin,
          "content-type": "application/x-www-form-urlencoded",
          accept: "text/html",
        });
        latencies.push(performance.now() - sentAt);
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, connection));
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const cpuDuringPosts = serverCpuMs() - cpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;

  const accepted = statusCounts["303"] ?? 0;
  const { "303": _accepted, ...otherResponses } = statusCounts;
  const stored = await countCommentsWithBodyPrefix({ articleId, prefix: `${BODY_PREFIX} ` });
  return {
    settingsChanged,
    sessions,
    accepted,
    acceptedPerSecond: accepted / elapsedSeconds,
    p50Ms: Math.round(percentile(50)),
    p99Ms: Math.round(percentile(99)),
    otherResponses,
    errors,
    rowsStored: stored.rows,
    distinctRowsStored: stored.distinctBodies,
    serverCpuMs: cpuDuringPosts,
  };
}
