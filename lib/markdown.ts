import { toHtml } from "hast-util-to-html";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import rehypeMediaImages from "./media/rehype-media-images";

// One pipeline for every place Markdown is shown (article pages now, the editor's preview
// later), so a preview is exactly what readers get. Raw HTML in the source is dropped by
// remark-rehype and the result is sanitised; the tree becomes React elements, never an HTML string.
// remark-rehype already prefixes footnote ids with "user-content-"; the sanitiser must not prefix
// them again or footnote links point nowhere. Raw HTML never reaches the tree, so the only ids
// left are the ones remark-rehype generates.
const sanitizeSchema = { ...defaultSchema, clobberPrefix: "" };
// Uploaded images get their srcset, size and figure after sanitising (lib/media/rehype-media-images.ts).
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeMediaImages);

export function renderMarkdown(source: string): ReactNode {
  const tree = processor.runSync(processor.parse(source));
  return toJsxRuntime(tree, { Fragment, jsx, jsxs });
}

// The same sanitised tree as an HTML string, for feeds (which carry the full article as HTML);
// uploaded images get absolute addresses on `origin`, as feed readers are not on the site.
const feedProcessors = new Map<string, typeof processor>();

export function renderMarkdownToHtml(source: string, { origin = "" }: { origin?: string } = {}): string {
  let feedProcessor = feedProcessors.get(origin);
  if (!feedProcessor) {
    feedProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeMediaImages, { origin });
    feedProcessors.set(origin, feedProcessor);
  }
  return toHtml(feedProcessor.runSync(feedProcessor.parse(source)));
}
