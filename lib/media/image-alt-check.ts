import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { isMarkedDecorative } from "./media-reference";

// Every image in a published body needs alt text, or an explicit decorative mark (the address
// ends in `#decorative`, or `:decorative` for an uploaded image). Drafts may lack it; Publish,
// Schedule and Update are refused until each image has one.
const parser = unified().use(remarkParse).use(remarkGfm);

type MdNode = { type: string; alt?: string | null; url?: string; identifier?: string; children?: MdNode[] };

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

// The addresses of the images that lack alt text and are not marked decorative, in order.
export function imagesMissingAltText(markdown: string): string[] {
  const tree = parser.parse(markdown) as MdNode;
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === "definition" && node.identifier && node.url !== undefined) definitions.set(node.identifier, node.url);
  });
  const missing: string[] = [];
  walk(tree, (node) => {
    if (node.type !== "image" && node.type !== "imageReference") return;
    const url = node.type === "image" ? (node.url ?? "") : (definitions.get(node.identifier ?? "") ?? "");
    if ((node.alt ?? "").trim() === "" && !isMarkedDecorative(url)) missing.push(url);
  });
  return missing;
}

export function missingAltTextMessage(missing: readonly string[]): string {
  const count = missing.length === 1 ? "An image in the body has" : `${missing.length} images in the body have`;
  return `${count} no alt text. Describe each image between the brackets, ![like this](…), or mark it decorative (the image inserter’s “Decorative” box) before publishing.`;
}
