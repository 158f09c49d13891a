import Link from "next/link";
import type { PublishedArticle } from "@/db/queries/articles";
import { PublicationFacts } from "./publication-facts";
import { languageName } from "@/lib/dates";

// Credits the outlet a translated article comes from, and its original when known.
export function AboutPublication({ article }: { article: PublishedArticle }) {
  const { publication, originalTitle, originalUrl, originalLanguage } = article;
  if (!publication && !originalTitle && !originalUrl && !originalLanguage) return null;
  return (
    <section className="about-publication" aria-labelledby="about-publication-heading">
      <h2 id="about-publication-heading">About this publication</h2>
      {publication ? (
        <>
          <p className="publication-name">
            <Link href={`/publications/${publication.slug}`}>{publication.name}</Link>
          </p>
          {publication.description ? <p>{publication.description}</p> : null}
        </>
      ) : null}
      <dl className="facts">
        {publication ? <PublicationFacts publication={publication} /> : null}
        {originalTitle ? (
          <>
            <dt>Original title</dt>
            <dd lang={originalLanguage ?? undefined}>{originalTitle}</dd>
          </>
        ) : null}
        {originalLanguage ? (
          <>
            <dt>Original language</dt>
            <dd>{languageName(originalLanguage)}</dd>
          </>
        ) : null}
        {originalUrl ? (
          <>
            <dt>Original</dt>
            <dd>
              <a href={originalUrl} hrefLang={originalLanguage ?? undefined} rel="noopener noreferrer">
                {originalUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
