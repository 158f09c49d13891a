import "../zod-jitless";
import { z } from "zod";
import { MEDIA_ID_PATTERN } from "../media/media-id";
import { slugify } from "../slugs";
import { editorValuesFrom, NEW_PUBLICATION, type EditorField, type EditorValues } from "./editor-values";

// What the server accepts from the article editor (new and edit, every button, autosave). Pure:
// shared by the server actions, the data-layer tests and the editor's hints.

export const ARTICLE_LIMITS = {
  title: 200,
  slug: 80,
  excerpt: 1000,
  body: 200_000,
  tags: 15,
  tagName: 50,
  tagsField: 1000,
  publicationName: 120,
  publicationCountry: 80,
  publicationDescription: 2000,
  originalTitle: 300,
  url: 2000,
  languageTag: 35,
  coverAlt: 300,
  coverCaption: 300,
} as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type PublicationChoice =
  | { mode: "none" }
  | { mode: "existing"; id: number }
  | {
      mode: "new";
      name: string;
      slug: string;
      country: string | null;
      language: string | null;
      website: string | null;
      description: string;
    };

export type ArticleTagInput = { name: string; slug: string };

// An upload shown above the body. Decorative covers keep no alt text.
export type ArticleCover = { mediaId: string; alt: string; decorative: boolean; caption: string };

// The article as the data layer stores it.
export type ArticleFields = {
  title: string;
  // Derived from the title when the field was left empty.
  slug: string;
  excerpt: string;
  body: string;
  tags: ArticleTagInput[];
  publication: PublicationChoice;
  originalTitle: string | null;
  originalUrl: string | null;
  originalLanguage: string | null;
  commentsOpen: boolean;
  cover: ArticleCover | null;
};

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

// A BCP 47 language tag ("ja", "pt-BR", "zh-Hant"), stored in its canonical case.
export function canonicalLanguageTag(value: string): string | null {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);
const optional = (schema: z.ZodString) => schema.transform((value) => (value === "" ? null : value));

const webAddress = (label: string) =>
  optional(
    text(ARTICLE_LIMITS.url, `Keep the ${label} under ${ARTICLE_LIMITS.url.toLocaleString("en-US")} characters.`).refine(
      (value) => value === "" || isWebAddress(value),
      `Enter a full web address starting with http:// or https://.`,
    ),
  );

const languageTag = text(ARTICLE_LIMITS.languageTag, "Enter a short language code such as ja or pt-BR.")
  .refine((value) => value === "" || canonicalLanguageTag(value) !== null, "Enter a language code such as ja, fr or pt-BR (BCP 47).")
  .transform((value) => (value === "" ? null : canonicalLanguageTag(value)));

// "Economy, Foreign policy,  economy" → Economy, Foreign policy (one per slug, first spelling wins).
export function parseTagNames(field: string): ArticleTagInput[] {
  const seen = new Set<string>();
  const tags: ArticleTagInput[] = [];
  for (const part of field.split(",")) {
    const name = part.trim().replace(/\s+/g, " ");
    if (name === "") continue;
    const slug = slugify(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ name, slug });
  }
  return tags;
}

const tagsField = z
  .string()
  .max(ARTICLE_LIMITS.tagsField, "That is too many tags.")
  .transform(parseTagNames)
  .superRefine((tags, context) => {
    const unusable = tags.filter((tag) => tag.slug === "").map((tag) => `“${tag.name}”`);
    if (unusable.length > 0) {
      context.addIssue({ code: "custom", message: `Tag names need at least one letter a–z or digit: ${unusable.join(", ")}.` });
    }
    const tooLong = tags.filter((tag) => tag.name.length > ARTICLE_LIMITS.tagName).map((tag) => `“${tag.name.slice(0, 20)}…”`);
    if (tooLong.length > 0) {
      context.addIssue({ code: "custom", message: `Keep each tag under ${ARTICLE_LIMITS.tagName} characters: ${tooLong.join(", ")}.` });
    }
    if (tags.length > ARTICLE_LIMITS.tags) {
      context.addIssue({ code: "custom", message: `Use at most ${ARTICLE_LIMITS.tags} tags.` });
    }
  });

const publicationIdField = z
  .string()
  .trim()
  .refine((value) => value === "" || value === NEW_PUBLICATION || /^[1-9][0-9]{0,15}$/.test(value), "Choose a publication from the list.");

const editorSchema = z
  .object({
    title: text(ARTICLE_LIMITS.title, `Keep the title under ${ARTICLE_LIMITS.title} characters.`).min(1, "Enter a title."),
    slug: text(ARTICLE_LIMITS.slug, `Keep the slug under ${ARTICLE_LIMITS.slug} characters.`).refine(
      (value) => value === "" || SLUG_PATTERN.test(value),
      "Use only lowercase letters a–z, digits and single hyphens between them, e.g. my-article-title.",
    ),
    excerpt: text(ARTICLE_LIMITS.excerpt, `Keep the excerpt under ${ARTICLE_LIMITS.excerpt.toLocaleString("en-US")} characters.`),
    // Not trimmed: leading spaces are Markdown (indented code).
    body: z.string().max(ARTICLE_LIMITS.body, `The body is limited to ${ARTICLE_LIMITS.body.toLocaleString("en-US")} characters.`),
    tags: tagsField,
    publicationId: publicationIdField,
    publicationName: text(ARTICLE_LIMITS.publicationName, `Keep the name under ${ARTICLE_LIMITS.publicationName} characters.`),
    publicationCountry: text(ARTICLE_LIMITS.publicationCountry, `Keep the country under ${ARTICLE_LIMITS.publicationCountry} characters.`),
    publicationLanguage: languageTag,
    publicationWebsite: webAddress("website"),
    publicationDescription: text(
      ARTICLE_LIMITS.publicationDescription,
      `Keep the description under ${ARTICLE_LIMITS.publicationDescription.toLocaleString("en-US")} characters.`,
    ),
    originalTitle: optional(text(ARTICLE_LIMITS.originalTitle, `Keep the original title under ${ARTICLE_LIMITS.originalTitle} characters.`)),
    originalUrl: webAddress("address"),
    originalLanguage: languageTag,
    commentsOpen: z.string().transform((value) => value !== ""),
    coverMediaId: z
      .string()
      .trim()
      .refine((value) => value === "" || MEDIA_ID_PATTERN.test(value), "Choose the cover from your uploads."),
    coverAlt: text(ARTICLE_LIMITS.coverAlt, `Keep the cover’s alt text under ${ARTICLE_LIMITS.coverAlt} characters.`),
    coverDecorative: z.string().transform((value) => value !== ""),
    coverCaption: text(ARTICLE_LIMITS.coverCaption, `Keep the cover’s caption under ${ARTICLE_LIMITS.coverCaption} characters.`),
  })
  .superRefine((input, context) => {
    if (input.slug === "" && input.title !== "" && slugify(input.title, ARTICLE_LIMITS.slug) === "") {
      context.addIssue({
        code: "custom",
        path: ["slug"],
        message: "The title has no letters a–z or digits to make a slug from. Enter one, e.g. my-article-title.",
      });
    }
    if (input.publicationId === NEW_PUBLICATION) {
      if (input.publicationName === "") {
        context.addIssue({ code: "custom", path: ["publicationName"], message: "Enter the new publication’s name." });
      } else if (slugify(input.publicationName) === "") {
        context.addIssue({
          code: "custom",
          path: ["publicationName"],
          message: "The name needs at least one letter a–z or digit (it makes the publication’s web address).",
        });
      }
    }
  });

type ParsedEditor = z.infer<typeof editorSchema>;

function toArticleFields(input: ParsedEditor): ArticleFields {
  const publication: PublicationChoice =
    input.publicationId === ""
      ? { mode: "none" }
      : input.publicationId === NEW_PUBLICATION
        ? {
            mode: "new",
            name: input.publicationName,
            slug: slugify(input.publicationName),
            country: input.publicationCountry === "" ? null : input.publicationCountry,
            language: input.publicationLanguage,
            website: input.publicationWebsite,
            description: input.publicationDescription,
          }
        : { mode: "existing", id: Number(input.publicationId) };
  return {
    title: input.title,
    slug: input.slug === "" ? slugify(input.title, ARTICLE_LIMITS.slug) : input.slug,
    excerpt: input.excerpt,
    body: input.body.replace(/\r\n?/g, "\n"),
    tags: input.tags,
    publication,
    originalTitle: input.originalTitle,
    originalUrl: input.originalUrl,
    originalLanguage: input.originalLanguage,
    commentsOpen: input.commentsOpen,
    cover:
      input.coverMediaId === ""
        ? null
        : {
            mediaId: input.coverMediaId,
            alt: input.coverDecorative ? "" : input.coverAlt.replace(/\s+/g, " "),
            decorative: input.coverDecorative,
            caption: input.coverCaption.replace(/\s+/g, " "),
          },
  };
}

// Readers must be told what the cover shows, unless it is marked decorative (checked on Publish,
// Schedule and Update, like the body's images; a draft may still lack it).
export function coverLacksAltText(cover: ArticleCover | null): boolean {
  return cover !== null && !cover.decorative && cover.alt.trim() === "";
}

export const COVER_ALT_MISSING_MESSAGE =
  "The cover image has no alt text. Describe what it shows in “Cover alt text”, or tick “Decorative” if it conveys nothing, before publishing.";

export type FieldErrors = Partial<Record<EditorField | "form", string[]>>;

export type ArticleInputResult = { ok: true; fields: ArticleFields } | { ok: false; fieldErrors: FieldErrors };

// Validates the editor's fields (a form post or stored values) into what the data layer stores.
export function parseArticleInput(source: FormData | EditorValues): ArticleInputResult {
  const values = source instanceof FormData ? editorValuesFrom(source) : source;
  const parsed = editorSchema.safeParse(values);
  if (parsed.success) return { ok: true, fields: toArticleFields(parsed.data) };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form") as EditorField | "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}

// The slug an empty slug field will get, for the editor's hint.
export function derivedSlug(title: string): string {
  return slugify(title, ARTICLE_LIMITS.slug);
}

// What each of the editor's buttons asks for (the submit button's name="intent" value).
export const editorIntents = [
  "save-draft",
  "publish",
  "schedule",
  "update",
  "unpublish",
  "delete",
  "confirm-delete",
  "cancel-delete",
  "preview",
] as const;
export type EditorIntent = (typeof editorIntents)[number];
