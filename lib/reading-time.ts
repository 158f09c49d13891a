// Reading speed for "N min read": a common figure for adult silent reading of prose.
export const WORDS_PER_MINUTE = 230;

// Markdown that is not read as words: link and image targets, HTML tags, fence and emphasis marks.
const linkTargets = /\]\([^)]*\)/g;
const htmlTags = /<[^>]+>/g;
const words = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(markdown: string): number {
  const text = markdown.replace(linkTargets, "]").replace(htmlTags, " ");
  return text.match(words)?.length ?? 0;
}

// Whole minutes, rounded up; even a short article takes a minute.
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.ceil(countWords(markdown) / WORDS_PER_MINUTE));
}

export function readingTimeLabel(minutes: number): string {
  return `${minutes} min read`;
}
