import { diffTexts } from "@/lib/revisions/text-diff";

// A diff as React elements: what the revision has that the current text lacks is <del>, what the
// current text added is <ins>; folded unchanged lines are counted.
export function TextDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const segments = diffTexts(before, after);
  if (segments.length === 0) return <p className="form-hint">{label}: no difference.</p>;
  return (
    <pre className="text-diff" aria-label={label}>
      {segments.map((segment, index) => {
        switch (segment.kind) {
          case "added":
            return <ins key={index}>{segment.text}</ins>;
          case "removed":
            return <del key={index}>{segment.text}</del>;
          case "folded":
            return (
              <span key={index} className="text-diff-folded">
                {`⋯ ${segment.lines} unchanged ${segment.lines === 1 ? "line" : "lines"}\n`}
              </span>
            );
          case "same":
            return <span key={index}>{segment.text}</span>;
        }
      })}
    </pre>
  );
}
