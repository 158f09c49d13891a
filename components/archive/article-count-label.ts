// "1 article", "12 articles": the counts on the archive and tag indexes.
export function articleCountLabel(count: number): string {
  return count === 1 ? "1 article" : `${count.toLocaleString("en-US")} articles`;
}
