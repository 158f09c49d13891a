import type { IncomingMessage, ServerResponse } from "node:http";
import type { ActionState } from "../actions/action-state";
import { checkAccess, validateForm } from "../actions/form-checks";
import { userFromSessionCookie } from "../auth/session-user";
import { CLIENT_IP_HEADER } from "../client-ip";
import { postCommentInput } from "../comments/comment-input";
import { COMMENT_FORM_STATE_HEADER, commentPostPath, encodeCommentFormState } from "../comments/comment-form-state";
import { postComment } from "../comments/post-comment";
import { logUnhandledError } from "../error-log";
import { MAX_REQUEST_BODY_BYTES } from "../request-body-limit";
import { loginPathFor } from "../safe-redirect";
import { resolveSiteTimeZone } from "../site-time-zone";
import { readRequestBody } from "./replayed-request";

type Render = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

// The comment form's target without JavaScript: POST /articles/<slug>/comments, urlencoded. It is
// answered here, before Next: going through a server action cost about 20 ms of CPU per post (Next's
// action machinery, Auth.js re-issuing the session cookie). The checks are the same: same origin,
// session (lib/auth/session-user.ts, as lib/authz.ts), access and zod validation
// (lib/actions/form-checks.ts, as the action wrappers), then lib/comments/post-comment.ts, which
// the server action runs too. Nothing here is ever cached.
const PATH = /^\/articles\/([^/?#]+)\/comments$/;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// As Next's server-action check, but stricter: the Origin must be present and name this site
// (the address the request was sent to, or SITE_URL), and a browser's Sec-Fetch-Site must agree.
function isSameOrigin(req: IncomingMessage, { siteOrigin, trustProxy }: { siteOrigin: string; trustProxy: boolean }): boolean {
  const fetchSite = header(req, "sec-fetch-site");
  if (fetchSite !== undefined && fetchSite !== "same-origin") return false;
  const origin = header(req, "origin");
  if (!origin || origin === "null") return false;
  if (origin === siteOrigin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwardedHost = trustProxy ? header(req, "x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return originHost === (forwardedHost || header(req, "host"));
}

function answer(res: ServerResponse, status: number, headers: Record<string, string>, text = ""): void {
  res.writeHead(status, { "cache-control": "private, no-store", ...(text ? { "content-type": "text/plain; charset=utf-8" } : {}), ...headers });
  res.end(text);
}

export function createCommentPostEndpoint({ render, siteOrigin, trustProxy }: { render: Render; siteOrigin: string; trustProxy: boolean }) {
  // A refusal is answered with the article page (and the reply target), rendered by Next for this
  // signed-in reader with the form's state: the message beside the field, the typed text kept.
  async function renderRefusal(req: IncomingMessage, res: ServerResponse, slug: string, state: ActionState): Promise<void> {
    const parentId = state.values?.parentId ?? "";
    req.method = "GET";
    req.url = `/articles/${slug}${/^[1-9]\d{0,15}$/.test(parentId) ? `?replytocom=${parentId}` : ""}`;
    delete req.headers["content-type"];
    delete req.headers["content-length"];
    req.headers[COMMENT_FORM_STATE_HEADER] = encodeCommentFormState(state);
    res.setHeader("cache-control", "private, no-store");
    await render(req, res);
  }

  // True when the request was this endpoint's (and has been answered).
  return async function handleCommentPost(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== "POST") return false;
    const slug = PATH.exec(req.url ?? "")?.[1];
    if (slug === undefined) return false;

    if (!isSameOrigin(req, { siteOrigin, trustProxy })) {
      answer(res, 403, { connection: "close" }, "Forbidden: the form was not sent from this site.\n");
      return true;
    }
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(header(req, "content-type") ?? "")) {
      answer(res, 415, { connection: "close" }, "Unsupported Media Type: post the comment form.\n");
      return true;
    }
    let form: URLSearchParams;
    try {
      // The body's size was checked against the site's limit before (lib/request-body-limit.ts).
      form = new URLSearchParams((await readRequestBody(req, MAX_REQUEST_BODY_BYTES)).toString("utf8"));
    } catch {
      // The client went away (or sent more than it announced): there is no one to answer.
      res.destroy();
      return true;
    }
    try {
      const user = await userFromSessionCookie(header(req, "cookie"));
      // Signed out (or a cookie that does not decode): sign in and come back to the form.
      if (!user) {
        answer(res, 303, { location: loginPathFor(`/articles/${slug}#respond`) });
        return true;
      }
      const access = await checkAccess(user, "reader", { form, timeZone: resolveSiteTimeZone });
      if (!access.ok) {
        await renderRefusal(req, res, slug, access.state);
        return true;
      }
      const parsed = validateForm(postCommentInput, form);
      if (!parsed.ok) {
        await renderRefusal(req, res, slug, parsed.state);
        return true;
      }
      const posted = await postComment({
        input: parsed.data,
        user: access.user,
        ip: header(req, CLIENT_IP_HEADER) ?? "unknown",
        typedBody: form.get("body") ?? "",
      });
      if (posted.status === "refused") await renderRefusal(req, res, slug, posted.state);
      else answer(res, 303, { location: posted.location });
    } catch (error) {
      if (res.headersSent) throw error;
      logUnhandledError("server", error, { method: "POST", url: commentPostPath(slug) });
      await renderRefusal(req, res, slug, {
        status: "error",
        message: "Something went wrong. Please try again.",
        values: { body: form.get("body") ?? "", parentId: form.get("parentId") ?? "" },
      });
    }
    return true;
  };
}
