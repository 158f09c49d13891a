"use client";

import { useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { saveArticleAction } from "@/app/(studio)/dashboard/articles/actions";
import { FormMessage } from "@/components/forms/form-message";
import type { EditorPhase } from "@/db/queries/article-editor";
import { idleState } from "@/lib/actions/action-state";
import { ARTICLE_LIMITS, derivedSlug } from "@/lib/articles/article-input";
import { insertParagraph } from "@/lib/media/image-markdown";
import { NEW_PUBLICATION, storedEditorValues, type EditorField, type EditorValues } from "@/lib/articles/editor-values";
import { AutosaveStatusLine } from "./autosave-status-line";
import { CoverPicker, type CoverOption } from "./cover-picker";
import { EditorButton } from "./editor-button";
import { editorFieldId, EditorInput, EditorTextArea } from "./editor-fields";
import { ImageInserter } from "./image-inserter";
import { MarkdownPreview } from "./markdown-preview";
import { useAutosave } from "./use-autosave";
import { useHydrated } from "./use-hydrated";
import { useLeaveWarning } from "./use-leave-warning";

export type EditorArticleSummary = { id: number; phase: EditorPhase };

type Props = {
  // Null for a new article.
  article: EditorArticleSummary | null;
  initialValues: EditorValues;
  // The ?saved= message of the redirect that brought the author here.
  savedMessage: string | null;
  tagNames: readonly string[];
  publications: readonly { id: number; name: string }[];
  // Uploads the author may choose as the cover.
  coverOptions: readonly CoverOption[];
  timeZone: string;
};

const TAG_LIST_ID = "editor-tag-names";

// The tag suggestions for a comma-separated field: every name, after what is already typed.
function tagSuggestions(field: string, names: readonly string[]): string[] {
  const cut = field.lastIndexOf(",");
  const before = cut === -1 ? "" : `${field.slice(0, cut + 1).trimEnd()} `;
  const chosen = new Set(
    field
      .slice(0, cut === -1 ? 0 : cut)
      .split(",")
      .map((name) => name.trim().toLowerCase()),
  );
  return names.filter((name) => !chosen.has(name.toLowerCase())).map((name) => `${before}${name}`);
}

// The article editor, for new and existing articles. One form and one server action: the
// buttons say what to do (intent). Controlled fields feed the live preview and autosave; the
// server renders the same fields from the article, a pending copy or a refused post, so the
// basics work without JavaScript (a Preview button re-renders the page with the preview).
export function ArticleEditor({ article, initialValues, savedMessage, tagNames, publications, coverOptions, timeZone }: Props) {
  const [state, formAction] = useActionState(saveArticleAction, idleState);
  const [values, setValues] = useState<EditorValues>(() => storedEditorValues(state.values) ?? initialValues);
  const [articleId, setArticleId] = useState<number | null>(article?.id ?? null);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);

  const onCreated = useCallback((id: number) => {
    setArticleId(id);
    // A reload now opens the draft instead of an empty editor.
    window.history.replaceState(null, "", `/dashboard/articles/${id}/edit`);
  }, []);
  const autosave = useAutosave({ formRef, initialArticleId: article?.id ?? null, onCreated });
  useLeaveWarning(autosave.hasUnsavedChanges);

  const { resume } = autosave;
  // The server answered (a refusal, a question): autosave goes on.
  useEffect(() => {
    resume();
  }, [state, resume]);

  const phase: EditorPhase = article?.phase ?? "draft";
  const errors = (name: EditorField) => state.fieldErrors?.[name];
  const confirmingDelete = state.status === "ok" && state.values?.confirm === "delete";

  function change(name: string, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    autosave.changed();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const creating = autosave.pendingCreation();
    if (creating) {
      // The first autosave is creating this article: wait for its id, then send again, so the
      // button acts on that article instead of creating a second one. Autosave keeps still
      // meanwhile (a second save would only delay the button), and the button is found again by
      // its intent, as a render in between may have replaced the element that was pressed.
      event.preventDefault();
      autosave.pause();
      const intent = submitter instanceof HTMLButtonElement ? submitter.value : null;
      void creating.then(() => {
        const form = formRef.current;
        if (!form) return;
        const id = autosave.currentArticleId();
        const field = form.elements.namedItem("articleId");
        if (field instanceof HTMLInputElement && id !== null) field.value = String(id);
        const button = [...form.querySelectorAll<HTMLButtonElement>('button[name="intent"]')].find((each) => each.value === intent);
        form.requestSubmit(button);
      });
      return;
    }
    autosave.pause();
  }

  // At the body's cursor (its end when it was never focused), as a paragraph of its own.
  function insertImage(markdown: string) {
    const field = document.getElementById(editorFieldId("body"));
    const position = field instanceof HTMLTextAreaElement ? field.selectionEnd : values.body.length;
    change("body", insertParagraph(values.body, position, markdown));
  }

  const publicationIsNew = values.publicationId === NEW_PUBLICATION;
  const slugHint = values.slug.trim() === "" && derivedSlug(values.title) !== "" ? `Left empty, it will be “${derivedSlug(values.title)}”.` : undefined;

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      // React resets a form after its action. Controlled text fields come back with their values
      // (React keeps their default in step), but a controlled checkbox or select falls back to the
      // state the server rendered (an unticked "Comments open" came back ticked) until the next
      // render writes it again: render at once.
      onReset={() => setValues((current) => ({ ...current }))}
      onBlur={autosave.left}
      className="stacked-form article-editor"
      noValidate
      aria-label={article ? "Edit article" : "New article"}
    >
      <input type="hidden" name="articleId" value={articleId ?? ""} />
      <div aria-live="polite" role="status" className="form-message-region">
        {state.status === "idle" && savedMessage ? <p className="form-message form-message-ok">{savedMessage}</p> : null}
      </div>
      {confirmingDelete ? (
        <div className="editor-confirm" role="alertdialog" aria-labelledby="editor-confirm-question">
          <p id="editor-confirm-question" className="form-message form-message-error">
            {state.message}
          </p>
          <div className="editor-buttons">
            <EditorButton intent="confirm-delete" pendingText="Deleting…" className="button button-danger">
              Yes, delete permanently
            </EditorButton>
            <EditorButton intent="cancel-delete" pendingText="Cancelling…" className="link-button">
              Cancel
            </EditorButton>
          </div>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      {hydrated ? <AutosaveStatusLine status={autosave.status} /> : null}

      <EditorInput
        name="title"
        label="Title"
        value={values.title}
        onChange={change}
        errors={errors("title")}
        maxLength={ARTICLE_LIMITS.title}
        required
      />
      <EditorInput
        name="slug"
        label="Slug"
        value={values.slug}
        onChange={change}
        errors={errors("slug")}
        maxLength={ARTICLE_LIMITS.slug}
        hint={[
          "The article’s web address: /articles/your-slug. Lowercase letters a–z, digits and hyphens.",
          slugHint,
          phase !== "draft" ? "Changing it keeps the old address working (it redirects here)." : undefined,
        ]
          .filter(Boolean)
          .join(" ")}
      />
      <EditorTextArea
        name="excerpt"
        label="Excerpt"
        value={values.excerpt}
        onChange={change}
        errors={errors("excerpt")}
        maxLength={ARTICLE_LIMITS.excerpt}
        rows={3}
        hint="Shown in article lists and search results."
      />

      <CoverPicker options={coverOptions} values={values} onChange={change} errors={errors} hydrated={hydrated} />

      <div className="editor-body-and-preview">
        <EditorTextArea
          name="body"
          label="Body (Markdown)"
          value={values.body}
          onChange={change}
          errors={errors("body")}
          maxLength={ARTICLE_LIMITS.body}
          rows={18}
          className="editor-body"
          hint="GitHub-flavoured Markdown: # headings, **bold**, [links](https://…), ![alt text](https://…) (images need alt text, or #decorative after the address), > quotes, lists, `code`, tables and footnotes[^1]."
        />
        <MarkdownPreview source={values.body} />
      </div>
      {hydrated ? <ImageInserter onInsert={insertImage} /> : null}
      {hydrated ? null : (
        <div className="editor-buttons">
          <EditorButton intent="preview" pendingText="Rendering…" className="button button-secondary">
            Preview
          </EditorButton>
        </div>
      )}

      <EditorInput
        name="tags"
        label="Tags"
        value={values.tags}
        onChange={change}
        errors={errors("tags")}
        maxLength={ARTICLE_LIMITS.tagsField}
        list={TAG_LIST_ID}
        hint="Separate tags with commas. New tags are created when the article is saved."
      />
      <datalist id={TAG_LIST_ID}>
        {tagSuggestions(values.tags, tagNames).map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>

      <fieldset className="editor-publication">
        <legend>About this publication</legend>
        <div className="form-field">
          <label htmlFor="editor-publicationId">Publication</label>
          <select
            id="editor-publicationId"
            name="publicationId"
            value={values.publicationId}
            onChange={(event) => change("publicationId", event.target.value)}
            aria-invalid={errors("publicationId")?.length ? true : undefined}
            aria-describedby={errors("publicationId")?.length ? "editor-publicationId-error" : undefined}
          >
            <option value="">None</option>
            {publications.map((publication) => (
              <option key={publication.id} value={String(publication.id)}>
                {publication.name}
              </option>
            ))}
            <option value={NEW_PUBLICATION}>New publication…</option>
          </select>
          {errors("publicationId")?.length ? (
            <p className="form-error" id="editor-publicationId-error">
              {errors("publicationId")?.join(" ")}
            </p>
          ) : null}
        </div>
        <fieldset className="editor-new-publication" hidden={hydrated && !publicationIsNew}>
          <legend>New publication</legend>
          {hydrated ? null : <p className="form-hint">Used when “New publication…” is chosen above.</p>}
          <EditorInput
            name="publicationName"
            label="Publication name"
            value={values.publicationName}
            onChange={change}
            errors={errors("publicationName")}
            maxLength={ARTICLE_LIMITS.publicationName}
          />
          <EditorInput
            name="publicationCountry"
            label="Country"
            value={values.publicationCountry}
            onChange={change}
            errors={errors("publicationCountry")}
            maxLength={ARTICLE_LIMITS.publicationCountry}
          />
          <EditorInput
            name="publicationLanguage"
            label="Language"
            value={values.publicationLanguage}
            onChange={change}
            errors={errors("publicationLanguage")}
            maxLength={ARTICLE_LIMITS.languageTag}
            hint="A language code such as ja, fr or pt-BR."
          />
          <EditorInput
            name="publicationWebsite"
            label="Website"
            type="url"
            inputMode="url"
            value={values.publicationWebsite}
            onChange={change}
            errors={errors("publicationWebsite")}
            maxLength={ARTICLE_LIMITS.url}
            placeholder="https://"
          />
          <EditorTextArea
            name="publicationDescription"
            label="Description"
            value={values.publicationDescription}
            onChange={change}
            errors={errors("publicationDescription")}
            maxLength={ARTICLE_LIMITS.publicationDescription}
            rows={3}
          />
        </fieldset>
        <EditorInput
          name="originalTitle"
          label="Original title"
          value={values.originalTitle}
          onChange={change}
          errors={errors("originalTitle")}
          maxLength={ARTICLE_LIMITS.originalTitle}
          lang={values.originalLanguage || undefined}
        />
        <EditorInput
          name="originalUrl"
          label="Original URL"
          type="url"
          inputMode="url"
          value={values.originalUrl}
          onChange={change}
          errors={errors("originalUrl")}
          maxLength={ARTICLE_LIMITS.url}
          placeholder="https://"
        />
        <EditorInput
          name="originalLanguage"
          label="Original language"
          value={values.originalLanguage}
          onChange={change}
          errors={errors("originalLanguage")}
          maxLength={ARTICLE_LIMITS.languageTag}
          hint="A language code such as ja, fr or pt-BR."
        />
      </fieldset>

      <div className="editor-checkbox">
        <label>
          <input
            type="checkbox"
            name="commentsOpen"
            checked={values.commentsOpen !== ""}
            onChange={(event) => change("commentsOpen", event.target.checked ? "on" : "")}
          />
          Comments open
        </label>
      </div>

      {phase !== "published" ? (
        <EditorInput
          name="publishAt"
          label="Publish at"
          type="datetime-local"
          value={values.publishAt}
          onChange={change}
          errors={errors("publishAt")}
          hint={
            phase === "scheduled"
              ? `In the site’s time zone (${timeZone}). Change it and press Update to move the date.`
              : `For Schedule: a future date and time in the site’s time zone (${timeZone}).`
          }
        />
      ) : null}

      <div className="editor-buttons">
        {phase === "draft" ? (
          <>
            <EditorButton intent="save-draft" pendingText="Saving…" className="button button-secondary">
              Save draft
            </EditorButton>
            <EditorButton intent="publish" pendingText="Publishing…">
              Publish now
            </EditorButton>
            <EditorButton intent="schedule" pendingText="Scheduling…">
              Schedule
            </EditorButton>
          </>
        ) : (
          <>
            <EditorButton intent="update" pendingText="Updating…">
              Update
            </EditorButton>
            {phase === "scheduled" ? (
              <EditorButton intent="publish" pendingText="Publishing…">
                Publish now
              </EditorButton>
            ) : null}
            <EditorButton intent="unpublish" pendingText="Unpublishing…" className="button button-secondary">
              Unpublish
            </EditorButton>
          </>
        )}
        {articleId !== null && !confirmingDelete ? (
          <EditorButton intent="delete" pendingText="Deleting…" className="button button-danger editor-delete">
            Delete
          </EditorButton>
        ) : null}
      </div>
    </form>
  );
}
