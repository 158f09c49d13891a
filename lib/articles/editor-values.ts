// The editor's fields as the browser sends them: every value a string, a missing one "". The same
// shape fills the form (from the article, a pending copy or a refused post), is stored as an
// autosaved pending copy, and is what lib/articles/article-input.ts validates.
export const editorFieldNames = [
  "title",
  "slug",
  "excerpt",
  "body",
  "tags",
  // "" (none), "new" (create one from the fields below) or an existing publication's id.
  "publicationId",
  "publicationName",
  "publicationCountry",
  "publicationLanguage",
  "publicationWebsite",
  "publicationDescription",
  "originalTitle",
  "originalUrl",
  "originalLanguage",
  // "on" when ticked (what a checkbox sends), "" otherwise.
  "commentsOpen",
  // A datetime-local value ("2030-05-01T09:30") in the site's time zone; used by Schedule.
  "publishAt",
  // The cover: an upload's id ("" for none), its alt text, "on" when marked decorative, a caption.
  "coverMediaId",
  "coverAlt",
  "coverDecorative",
  "coverCaption",
] as const;

export type EditorField = (typeof editorFieldNames)[number];
export type EditorValues = Record<EditorField, string>;

export const NEW_PUBLICATION = "new";

export function emptyEditorValues(): EditorValues {
  const values = Object.fromEntries(editorFieldNames.map((name) => [name, ""])) as EditorValues;
  values.commentsOpen = "on";
  return values;
}

// Picks the editor's fields out of a form post or a stored copy; anything else is ignored.
export function editorValuesFrom(source: FormData | Record<string, unknown>): EditorValues {
  const read = (name: string): unknown => (source instanceof FormData ? source.get(name) : source[name]);
  const values = {} as EditorValues;
  for (const name of editorFieldNames) {
    const value = read(name);
    values[name] = typeof value === "string" ? value : "";
  }
  return values;
}

// Values a refused post or a pending copy carried back, or null when there are none.
export function storedEditorValues(source: Record<string, unknown> | null | undefined): EditorValues | null {
  if (!source || typeof source !== "object") return null;
  if (!editorFieldNames.some((name) => typeof source[name] === "string")) return null;
  return editorValuesFrom(source);
}

type StoredArticle = {
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  tagNames: readonly string[];
  publicationId: number | null;
  originalTitle: string | null;
  originalUrl: string | null;
  originalLanguage: string | null;
  commentsOpen: boolean;
  // The scheduled time, already shown in the site's zone as a datetime-local value; "" when none.
  publishAtInput: string;
  coverMediaId: string | null;
  coverAlt: string;
  coverDecorative: boolean;
  coverCaption: string;
};

// The editor's fields for a stored article.
export function editorValuesForArticle(article: StoredArticle): EditorValues {
  return {
    ...emptyEditorValues(),
    title: article.title,
    slug: article.slug,
    excerpt: article.excerpt,
    body: article.body,
    tags: article.tagNames.join(", "),
    publicationId: article.publicationId === null ? "" : String(article.publicationId),
    originalTitle: article.originalTitle ?? "",
    originalUrl: article.originalUrl ?? "",
    originalLanguage: article.originalLanguage ?? "",
    commentsOpen: article.commentsOpen ? "on" : "",
    publishAt: article.publishAtInput,
    coverMediaId: article.coverMediaId ?? "",
    coverAlt: article.coverAlt,
    coverDecorative: article.coverDecorative ? "on" : "",
    coverCaption: article.coverCaption,
  };
}
