import type { APIRequestContext, APIResponse } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e-environment";

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

// The hidden fields React renders into a server-action form for JavaScript-off posts (the action
// id, its bound state): everything needed to call that action without the page.
export function serverActionFormFields(html: string, containingField: string): Record<string, string> {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => candidate.includes(`name="${containingField}"`));
  if (!form) throw new Error(`No form with a field named ${containingField}`);
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name?.startsWith("$ACTION")) fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  if (!Object.keys(fields).some((name) => /^\$ACTION_\d+:0$/.test(name) || name.startsWith("$ACTION_ID_"))) {
    throw new Error(`The form with ${containingField} carries no server action`);
  }
  return fields;
}

// Posts a server action the way a browser without JavaScript does, as whoever `request` is.
export function postServerActionForm(
  request: APIRequestContext,
  path: string,
  actionFields: Record<string, string>,
  fields: Record<string, string>,
): Promise<APIResponse> {
  return request.post(path, {
    multipart: { ...actionFields, ...fields },
    headers: { origin: E2E_BASE_URL },
    maxRedirects: 0,
  });
}

// A plain HTML form (no server action): where it posts and its hidden fields, as a browser without
// JavaScript sends them. The comment form is one (lib/server/comment-post-endpoint.ts).
export function plainFormTarget(html: string, containingField: string): { action: string; fields: Record<string, string> } {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => candidate.includes(`name="${containingField}"`));
  if (!form) throw new Error(`No form with a field named ${containingField}`);
  const action = /^<form[^>]*\saction="([^"]*)"/.exec(form)?.[1];
  if (!action || !action.startsWith("/")) throw new Error(`The form with ${containingField} has no action path`);
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return { action: decodeEntities(action), fields };
}

// Posts a plain form urlencoded, as a browser without JavaScript does, from this site's origin.
export function postPlainForm(
  request: APIRequestContext,
  action: string,
  fields: Record<string, string>,
  { origin = E2E_BASE_URL }: { origin?: string } = {},
): Promise<APIResponse> {
  return request.post(action, { form: fields, headers: { origin }, maxRedirects: 0 });
}
