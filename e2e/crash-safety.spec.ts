import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { newClient, signInThroughForm } from "./support/accounts";
import { plainFormTarget, postPlainForm } from "./support/form-replay";
import { freePort } from "./support/free-port";
import { makeTempDataDir, spawnServer } from "./support/spawn-server";

// Crash safety: the server is killed with SIGKILL (no shutdown, no checkpoint) while signed-in
// readers post comments over HTTP as fast as they can. Restarted on the same database, it must
// find it intact, and every comment that was answered with success must be there, exactly once.
const POSTERS = 4;
const ACKS_BEFORE_KILL = 40;

type Site = { article: { id: number; slug: string }; readers: { email: string; password: string }[] };
type Acked = { id: number; body: string };

function prepareSite(databasePath: string): Site {
  const result = spawnSync(process.execPath, ["--import", "tsx", "e2e/support/prepare-commenting-site.ts", String(POSTERS)], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Could not prepare the database:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Site;
}

async function signedInRequest(browser: Browser, baseUrl: string, reader: Site["readers"][number]): Promise<APIRequestContext> {
  const { context, page } = await newClient(browser, { baseURL: baseUrl, javaScriptEnabled: false });
  await signInThroughForm(page, reader, { callbackUrl: "/account" });
  const storageState = await context.storageState();
  await context.close();
  return playwrightRequest.newContext({ baseURL: baseUrl, storageState });
}

test("a server killed while comments are posted restarts with an intact database and every acknowledged comment once", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const data = makeTempDataDir();
  const site = prepareSite(data.databasePath);
  // One serving process, so that SIGKILL stops everything that writes at once, as a crash does
  // (with a cluster the workers would notice the primary's death and finish their requests).
  // The per-address comment limit (10 a minute) would refuse these posters, who all come from 127.0.0.1.
  const env = { DATABASE_PATH: data.databasePath, DEMO_CONTENT: "false", WEB_CONCURRENCY: "1", COMMENT_RATE_LIMIT: "100000" };
  const articlePath = `/articles/${site.article.slug}`;
  let server = await spawnServer({ port: await freePort(), env });
  const requests: APIRequestContext[] = [];
  try {
    for (const reader of site.readers) requests.push(await signedInRequest(browser, server.baseUrl, reader));
    const form = plainFormTarget(await (await requests[0]!.get(articlePath)).text(), "body");

    const acked: Acked[] = [];
    const refusals: string[] = [];
    let killed = false;
    const post = async (request: APIRequestContext, poster: number) => {
      for (let n = 1; !killed; n += 1) {
        const body = `Poster ${poster}, comment ${n}: ${Math.random().toString(36).slice(2)}`;
        try {
          const response = await postPlainForm(request, form.action, { ...form.fields, parentId: "", body }, { origin: server.baseUrl });
          const location = response.headers().location ?? "";
          const id = /#comment-(\d+)$/.exec(location)?.[1];
          if (response.status() === 303 && id) acked.push({ id: Number(id), body });
          else refusals.push(`${response.status()} ${location}`);
        } catch {
          // The connection died with the server: no answer, so no promise that it was stored.
        }
      }
    };
    const posting = requests.map((request, poster) => post(request, poster + 1));

    await expect.poll(() => acked.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    server.process.kill("SIGKILL");
    killed = true;
    await server.stop();
    await Promise.all(posting);
    expect(refusals).toEqual([]);

    server = await spawnServer({ port: await freePort(), env });
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "ok", migrations: "current" });

    const sqlite = new Database(data.databasePath, { readonly: true, fileMustExist: true });
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const find = sqlite.prepare("select id, status from comments where body = ?");
      for (const { id, body } of acked) expect(find.all(body), body).toEqual([{ id, status: "approved" }]);
      const repeated = sqlite.prepare("select body, count(*) as copies from comments group by body having copies > 1").all();
      expect(repeated).toEqual([]);
    } finally {
      sqlite.close();
    }

    // The restarted server shows them.
    const page = await (await fetch(`${server.baseUrl}${articlePath}`)).text();
    for (const { id } of acked.slice(-5)) expect(page).toContain(`id="comment-${id}"`);
  } finally {
    for (const request of requests) await request.dispose();
    await server.stop();
    data.remove();
  }
});
