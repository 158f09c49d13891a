"use client";

import { useEffect, useMemo, useState } from "react";
import { renderMarkdown } from "@/lib/markdown";

const PREVIEW_DELAY_MS = 250;

// The body as readers will see it: the very function the article page renders with
// (lib/markdown.ts, GitHub-flavoured Markdown, sanitised), run in the browser as the author types.
// Without JavaScript it is rendered on the server from the last posted body.
export function MarkdownPreview({ source }: { source: string }) {
  const [shown, setShown] = useState(source);
  useEffect(() => {
    const timer = setTimeout(() => setShown(source), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [source]);
  const rendered = useMemo(() => renderMarkdown(shown), [shown]);
  return (
    <section className="editor-preview" aria-labelledby="editor-preview-heading">
      <h2 id="editor-preview-heading">Preview</h2>
      {shown.trim() === "" ? (
        <p className="form-hint">The preview of the body appears here.</p>
      ) : (
        <div className="article-body editor-preview-body">{rendered}</div>
      )}
    </section>
  );
}
