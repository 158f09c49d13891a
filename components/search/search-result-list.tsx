import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { SearchResult } from "@/db/queries/search";
import { splitSnippet } from "@/lib/search/search-query";

// The snippet's matched words as <mark> elements; the text itself stays plain React text.
function Snippet({ text }: { text: string }) {
  return (
    <p className="search-snippet">
      {splitSnippet(text).map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : part.text))}
    </p>
  );
}

export function SearchResultList({ results }: { results: SearchResult[] }) {
  return (
    <ol className="article-list search-results">
      {results.map((result) => (
        <li key={result.id}>
          <article className="article-summary">
            <h2>
              <Link href={`/articles/${result.slug}`}>{result.title}</Link>
            </h2>
            <p className="article-meta">
              By <Link href={`/authors/${result.author.slug}`}>{result.author.displayName}</Link>
              {" · "}
              <DateTime date={result.publishedAt} />
            </p>
            {result.snippet ? <Snippet text={result.snippet} /> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
