"use client";

import type { ChangeEvent } from "react";
import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";

type Common = {
  name: string;
  label: string;
  value: string;
  onChange: (name: string, value: string) => void;
  errors?: string[];
  hint?: string;
  maxLength?: number;
  required?: boolean;
  placeholder?: string;
};

export function editorFieldId(name: string): string {
  return `editor-${name}`;
}

// A labelled, controlled input of the editor, its errors and hint announced with it.
export function EditorInput({
  type = "text",
  list,
  lang,
  inputMode,
  ...field
}: Common & { type?: "text" | "url" | "datetime-local"; list?: string; lang?: string; inputMode?: "url" | "text" }) {
  const id = editorFieldId(field.name);
  return (
    <div className="form-field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        name={field.name}
        type={type}
        value={field.value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => field.onChange(field.name, event.target.value)}
        maxLength={field.maxLength}
        required={field.required}
        placeholder={field.placeholder}
        list={list}
        lang={lang}
        inputMode={inputMode}
        autoComplete="off"
        {...describedFieldProps(id, { errors: field.errors, hint: field.hint })}
      />
      <FieldMessages id={id} errors={field.errors} hint={field.hint} />
    </div>
  );
}

export function EditorTextArea({ rows = 4, className, ...field }: Common & { rows?: number; className?: string }) {
  const id = editorFieldId(field.name);
  return (
    <div className={className ? `form-field ${className}` : "form-field"}>
      <label htmlFor={id}>{field.label}</label>
      <textarea
        id={id}
        name={field.name}
        rows={rows}
        value={field.value}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => field.onChange(field.name, event.target.value)}
        maxLength={field.maxLength}
        required={field.required}
        placeholder={field.placeholder}
        {...describedFieldProps(id, { errors: field.errors, hint: field.hint })}
      />
      <FieldMessages id={id} errors={field.errors} hint={field.hint} />
    </div>
  );
}
