import { ARTICLE_IMAGE_SIZES, isMarkedDecorative, parseMediaReference, srcSetFor } from "./media-reference";

// A rehype step that runs after the sanitiser: our own uploaded images (see media-reference.ts)
// get srcset, sizes, width and height (so nothing shifts while they load), and an image alone in
// its paragraph becomes a <figure> with its Markdown title as the <figcaption>. Every attribute
// it writes comes from the validated reference (an id of hex digits and numbers), never from
// raw text. Decorative images get alt="" whatever was typed.

type Properties = Record<string, unknown>;
type Text = { type: "text"; value: string };
type Element = { type: "element"; tagName: string; properties: Properties; children: Node[] };
type Node = Text | Element | { type: string; children?: Node[] };

function isElement(node: Node, tagName?: string): node is Element {
  return node.type === "element" && (tagName === undefined || (node as Element).tagName === tagName);
}

function isBlank(node: Node): boolean {
  return node.type === "text" && (node as Text).value.trim() === "";
}

// Feeds are read away from the site: there the addresses must be absolute.
export type MediaImageOptions = { origin?: string };

// Rewrites an <img> in place; answers its caption (the title) when it is one of ours.
function enhance(image: Element, origin: string): { caption: string | null } | null {
  const src = typeof image.properties.src === "string" ? image.properties.src : "";
  const reference = parseMediaReference(src);
  if (!reference) {
    if (isMarkedDecorative(src)) image.properties.alt = "";
    return null;
  }
  const title = typeof image.properties.title === "string" && image.properties.title.trim() !== "" ? image.properties.title : null;
  image.properties = {
    src: `${origin}/media/${reference.id}-${reference.width}.webp`,
    srcSet: srcSetFor(reference, origin),
    sizes: ARTICLE_IMAGE_SIZES,
    width: reference.width,
    height: reference.height,
    alt: reference.decorative ? "" : typeof image.properties.alt === "string" ? image.properties.alt : "",
    loading: "lazy",
    decoding: "async",
  };
  return { caption: title };
}

function transform(parent: { children?: Node[] }, origin: string): void {
  const children = parent.children;
  if (!children) return;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index]!;
    if (!isElement(child)) continue;
    if (child.tagName === "img") {
      enhance(child, origin);
      continue;
    }
    const content = child.tagName === "p" ? child.children.filter((node) => !isBlank(node)) : [];
    const only = content.length === 1 ? content[0] : undefined;
    if (only && isElement(only, "img")) {
      const enhanced = enhance(only, origin);
      if (enhanced) {
        const figureChildren: Node[] = [only];
        if (enhanced.caption !== null) {
          figureChildren.push({ type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: enhanced.caption }] });
        }
        children[index] = { type: "element", tagName: "figure", properties: { className: ["article-figure"] }, children: figureChildren };
        continue;
      }
    }
    transform(child, origin);
  }
}

export default function rehypeMediaImages(options: MediaImageOptions = {}) {
  return (tree: unknown) => transform(tree as { children?: Node[] }, options.origin ?? "");
}
