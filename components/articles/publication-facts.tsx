import { languageName } from "@/lib/dates";

// The dt/dd pairs only, so callers can add their own facts to the same list.
export function PublicationFacts({
  publication,
}: {
  publication: { country: string | null; language: string | null; website: string | null };
}) {
  const { country, language, website } = publication;
  return (
    <>
      {country ? (
        <>
          <dt>Country</dt>
          <dd>{country}</dd>
        </>
      ) : null}
      {language ? (
        <>
          <dt>Language</dt>
          <dd>{languageName(language)}</dd>
        </>
      ) : null}
      {website ? (
        <>
          <dt>Website</dt>
          <dd>
            <a href={website} rel="noopener noreferrer">
              {website.replace(/^https?:\/\//, "")}
            </a>
          </dd>
        </>
      ) : null}
    </>
  );
}
