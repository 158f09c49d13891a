"use client";

import { useId, useRef, useState } from "react";
import { ARTICLE_LIMITS } from "@/lib/articles/article-input";
import type { EditorField, EditorValues } from "@/lib/articles/editor-values";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/media/upload-limits";
import { editorFieldId, EditorInput } from "./editor-fields";
import { imageFileProblem, uploadImageFile } from "./upload-image";

// An upload the author may choose as the cover; `label` is already written for people.
export type CoverOption = { id: string; label: string; thumbnail: { width: number; height: number } };

type Props = {
  options: readonly CoverOption[];
  values: Pick<EditorValues, "coverMediaId" | "coverAlt" | "coverDecorative" | "coverCaption">;
  onChange: (name: string, value: string) => void;
  errors: (name: EditorField) => string[] | undefined;
  hydrated: boolean;
};

// The article's cover: one of the author's uploads (a select, so it works without JavaScript),
// its alt text or a "decorative" mark, and a caption. With JavaScript a new image can be uploaded
// here and becomes the cover at once; the server checks again that the upload is the author's.
export function CoverPicker({ options: initialOptions, values, onChange, errors, hydrated }: Props) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [options, setOptions] = useState<readonly CoverOption[]>(initialOptions);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const selected = options.find((option) => option.id === values.coverMediaId) ?? null;
  const selectId = editorFieldId("coverMediaId");
  const selectErrors = errors("coverMediaId");

  async function upload() {
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ tone: "error", text: "Choose an image file first." });
    const problem = imageFileProblem(file);
    if (problem) return setMessage({ tone: "error", text: problem });
    setBusy(true);
    setMessage({ tone: "ok", text: "Uploading…" });
    try {
      const uploaded = await uploadImageFile(file);
      if (!uploaded.ok) return setMessage({ tone: "error", text: uploaded.message });
      const answer = uploaded.image;
      const thumbnail = answer.variants[0];
      const widest = answer.variants[answer.variants.length - 1];
      if (!thumbnail || !widest) return setMessage({ tone: "error", text: "The upload failed. Please try again." });
      setOptions((current) => [{ id: answer.id, label: `New upload, ${widest.width} × ${widest.height}`, thumbnail }, ...current]);
      onChange("coverMediaId", answer.id);
      setMessage({ tone: "ok", text: "Uploaded and chosen as the cover. Describe it in “Cover alt text”." });
      if (fileRef.current) fileRef.current.value = "";
    } catch {
      setMessage({ tone: "error", text: "The upload failed (no connection?). Your text is unchanged; try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="cover-picker">
      <legend>Cover image</legend>
      <div className="form-field">
        <label htmlFor={selectId}>Cover</label>
        <select
          id={selectId}
          name="coverMediaId"
          value={values.coverMediaId}
          onChange={(event) => onChange("coverMediaId", event.target.value)}
          aria-invalid={selectErrors?.length ? true : undefined}
          aria-describedby={`${selectId}-hint${selectErrors?.length ? ` ${selectId}-error` : ""}`}
        >
          <option value="">No cover</option>
          {values.coverMediaId !== "" && !selected ? <option value={values.coverMediaId}>An image not in your uploads</option> : null}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <p className="form-hint" id={`${selectId}-hint`}>
          Shown above the article and on social media. Choose one of your uploads (see Media in the dashboard){hydrated ? " or upload a new one below" : ""}.
        </p>
        {selectErrors?.length ? (
          <p className="form-error" id={`${selectId}-error`}>
            {selectErrors.join(" ")}
          </p>
        ) : null}
      </div>
      {selected ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own smallest variant, already sized
        <img
          src={`/media/${selected.id}-${selected.thumbnail.width}.webp`}
          width={selected.thumbnail.width}
          height={selected.thumbnail.height}
          alt=""
          className="cover-picker-preview"
        />
      ) : null}
      {hydrated ? (
        <div className="form-field">
          <label htmlFor={`${id}-file`}>Upload a new cover</label>
          <input ref={fileRef} id={`${id}-file`} type="file" accept={ACCEPTED_IMAGE_TYPES.join(",")} aria-describedby={`${id}-file-hint`} />
          <p className="form-hint" id={`${id}-file-hint`}>
            JPEG, PNG, WebP or AVIF, up to 10 MB.
          </p>
          <button type="button" className="button button-secondary" onClick={() => void upload()} disabled={busy} aria-disabled={busy}>
            {busy ? "Uploading…" : "Upload as cover"}
          </button>
          <div aria-live="polite" role="status" className="form-message-region">
            {message ? <p className={`form-message ${message.tone === "ok" ? "form-message-ok" : "form-message-error"}`}>{message.text}</p> : null}
          </div>
        </div>
      ) : null}
      <EditorInput
        name="coverAlt"
        label="Cover alt text"
        value={values.coverAlt}
        onChange={onChange}
        errors={errors("coverAlt")}
        maxLength={ARTICLE_LIMITS.coverAlt}
        hint="What the cover shows, for readers who cannot see it. Required to publish, unless it is decorative."
      />
      <div className="editor-checkbox">
        <label>
          <input
            type="checkbox"
            name="coverDecorative"
            checked={values.coverDecorative !== ""}
            onChange={(event) => onChange("coverDecorative", event.target.checked ? "on" : "")}
          />
          Decorative cover (conveys nothing; screen readers skip it)
        </label>
      </div>
      <EditorInput
        name="coverCaption"
        label="Cover caption (optional)"
        value={values.coverCaption}
        onChange={onChange}
        errors={errors("coverCaption")}
        maxLength={ARTICLE_LIMITS.coverCaption}
      />
    </fieldset>
  );
}
