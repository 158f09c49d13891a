import Link from "next/link";
import { countPublishedArticlesByAuthor } from "@/db/queries/articles";

export function articleCountLabel(count: number): string {
  return count === 1 ? "1 Article" : `${count} Articles`;
}

export async function AuthorBox({ author }: { author: { id: number; slug: string; displayName: string; bio: string } }) {
  const articleCount = await countPublishedArticlesByAuthor({ authorId: author.id });
  return (
    <section className="author-box" aria-labelledby="author-box-heading">
      <h2 id="author-box-heading">About {author.displayName}</h2>
      <p className="author-box-count">
        <Link href={`/authors/${author.slug}`}>{articleCountLabel(articleCount)}</Link>
      </p>
      {author.bio ? <p className="author-box-bio">{author.bio}</p> : null}
    </section>
  );
}
