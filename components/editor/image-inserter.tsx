"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { imageMarkdown } from "@/lib/media/image-markdown";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/media/upload-limits";
import { imageFileProblem, uploadImageFile } from "./upload-image";

// Uploads an image to /api/uploads and inserts it into the body with its alt text (or marked
// decorative) and an optional caption. JavaScript only; nothing here is a field of the article
// form (no names), and a refusal leaves everything typed where it was. The size is checked before
// sending, so a too-large file is refused at once.
export function ImageInserter({ onInsert }: { onInsert: (markdown: string) => void }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [decorative, setDecorative] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  // Enter in these boxes must not submit the article form.
  function keepEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") event.preventDefault();
  }

  async function upload() {
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ tone: "error", text: "Choose an image file first." });
    if (!decorative && alt.trim() === "") {
      return setMessage({ tone: "error", text: "Describe the image in the alt text box, or tick “Decorative” if it conveys nothing." });
    }
    const problem = imageFileProblem(file);
    if (problem) return setMessage({ tone: "error", text: problem });
    setBusy(true);
    setMessage({ tone: "ok", text: "Uploading…" });
    try {
      const uploaded = await uploadImageFile(file);
      if (!uploaded.ok) return setMessage({ tone: "error", text: uploaded.message });
      onInsert(imageMarkdown({ media: uploaded.image, alt, caption, decorative }));
      setMessage({ tone: "ok", text: "Image inserted into the body." });
      setAlt("");
      setCaption("");
      setDecorative(false);
      if (fileRef.current) fileRef.current.value = "";
    } catch {
      setMessage({ tone: "error", text: "The upload failed (no connection?). Your text is unchanged; try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="image-inserter">
      <legend>Insert an image</legend>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>Image file</label>
        <input ref={fileRef} id={`${id}-file`} type="file" accept={ACCEPTED_IMAGE_TYPES.join(",")} aria-describedby={`${id}-file-hint`} />
        <p className="form-hint" id={`${id}-file-hint`}>
          JPEG, PNG, WebP or AVIF, up to 10 MB. Readers get it resized for their screen.
        </p>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-alt`}>Alt text</label>
        <input
          id={`${id}-alt`}
          type="text"
          value={alt}
          disabled={decorative}
          maxLength={300}
          onChange={(event) => setAlt(event.target.value)}
          onKeyDown={keepEnter}
          aria-describedby={`${id}-alt-hint`}
        />
        <p className="form-hint" id={`${id}-alt-hint`}>
          What the image shows, for readers who cannot see it. Required unless the image is decorative.
        </p>
      </div>
      <div className="editor-checkbox">
        <label>
          <input type="checkbox" checked={decorative} onChange={(event) => setDecorative(event.target.checked)} />
          Decorative (conveys nothing; screen readers skip it)
        </label>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-caption`}>Caption (optional)</label>
        <input id={`${id}-caption`} type="text" value={caption} maxLength={300} onChange={(event) => setCaption(event.target.value)} onKeyDown={keepEnter} />
      </div>
      <button type="button" className="button button-secondary" onClick={() => void upload()} disabled={busy} aria-disabled={busy}>
        {busy ? "Uploading…" : "Upload and insert"}
      </button>
      <div aria-live="polite" role="status" className="form-message-region">
        {message ? <p className={`form-message ${message.tone === "ok" ? "form-message-ok" : "form-message-error"}`}>{message.text}</p> : null}
      </div>
    </fieldset>
  );
}
