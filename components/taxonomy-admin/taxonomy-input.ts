import "@/lib/zod-jitless";
import { z } from "zod";
import { slugify } from "@/lib/slugs";

// What admins may type for tags and publications: the server actions validate with these, the
// forms take their limits from here. Pure (zod only), so client components may import it.

export const SLUG_MAX_LENGTH = 80;
export const TAG_NAME_MAX_LENGTH = 100;
export const PUBLICATION_NAME_MAX_LENGTH = 200;
export const COUNTRY_MAX_LENGTH = 100;
export const LANGUAGE_MAX_LENGTH = 35;
export const WEBSITE_MAX_LENGTH = 500;
export const DESCRIPTION_MAX_LENGTH = 2000;
export const SEARCH_MAX_LENGTH = 200;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_FORMAT_MESSAGE =
  "Use only lower-case letters a–z, digits 0–9 and single hyphens between them, such as “world-politics”.";
export const SLUG_HINT = "Lower-case letters, digits and hyphens. Leave it empty to make one from the name.";

// Empty means "make one from the name" (see slugFromName).
const slugText = z
  .string()
  .trim()
  .max(SLUG_MAX_LENGTH, `A slug has at most ${SLUG_MAX_LENGTH} characters.`)
  .refine((slug) => slug === "" || slugPattern.test(slug), SLUG_FORMAT_MESSAGE);

function nameText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, "Enter a name.")
    .max(maxLength, `A name has at most ${maxLength} characters.`);
}

// An empty slug becomes the name's; a name with nothing usable in it asks for a slug instead.
// Used as `.transform(slugFromName)` on an object schema holding `name` and `slug`.
export function slugFromName<Value extends { name: string; slug: string }>(value: Value, context: z.RefinementCtx): Value {
  const slug = value.slug || slugify(value.name, SLUG_MAX_LENGTH);
  if (!slug) {
    context.issues.push({
      code: "custom",
      path: ["slug"],
      message: "Enter a slug: the name has no letters or digits to make one from.",
      input: value.slug,
    });
    return z.NEVER;
  }
  return { ...value, slug };
}

// Blank optional text is stored as null.
function optionalText(maxLength: number, label: string) {
  return z
    .string()
    .trim()
    .max(maxLength, `${label} has at most ${maxLength} characters.`)
    .transform((text) => (text === "" ? null : text));
}

export const LANGUAGE_MESSAGE = "Enter a BCP 47 language tag, such as “ja”, “en-GB” or “zh-Hant”.";

// A BCP 47 tag in its canonical form ("EN-gb" → "en-GB"), or null when left blank.
const languageTag = optionalText(LANGUAGE_MAX_LENGTH, "A language tag").transform((text, context) => {
  if (text === null) return null;
  if (/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(text)) {
    try {
      const [canonical] = Intl.getCanonicalLocales(text);
      if (canonical) return canonical;
    } catch {
      // Not a well-formed tag: refused below.
    }
  }
  context.issues.push({ code: "custom", message: LANGUAGE_MESSAGE, input: text });
  return z.NEVER;
});

export const WEBSITE_MESSAGE = "Enter a web address starting with http:// or https://, such as https://example.com.";

// http: or https: only (never javascript: or data:), with a host; kept as typed.
const website = optionalText(WEBSITE_MAX_LENGTH, "A web address").transform((text, context) => {
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = /\s/.test(text) ? null : new URL(text);
  } catch {
    url = null;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:") && url.hostname && !url.username && !url.password) {
    return text;
  }
  context.issues.push({ code: "custom", message: WEBSITE_MESSAGE, input: text });
  return z.NEVER;
});

// Object shapes, so the actions can add their ids and list context before `.transform(slugFromName)`.
export const tagFields = { name: nameText(TAG_NAME_MAX_LENGTH), slug: slugText };

export const publicationFields = {
  name: nameText(PUBLICATION_NAME_MAX_LENGTH),
  slug: slugText,
  country: optionalText(COUNTRY_MAX_LENGTH, "A country"),
  language: languageTag,
  website,
  description: z
    .string()
    .trim()
    .max(DESCRIPTION_MAX_LENGTH, `A description has at most ${DESCRIPTION_MAX_LENGTH.toLocaleString("en-US")} characters.`),
};

export const SLUG_TAKEN_MESSAGE = {
  tag: "Another tag already has this slug. Choose another, or merge the two tags.",
  publication: "Another publication already has this slug. Choose another.",
} as const;
