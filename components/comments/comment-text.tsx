import { splitLinks } from "@/lib/comments/comment-links";

function Line({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, index) =>
        part.kind === "link" ? (
          <a key={index} href={part.href} rel="nofollow ugc noopener">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

// A comment is plain text: paragraphs on blank lines, line breaks kept, web addresses linked.
// React escapes every character, so markup a commenter types is shown, never interpreted.
export function CommentText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>
          {paragraph.split("\n").map((line, lineIndex) => (
            <span key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              <Line text={line} />
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
