import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";

// A labelled text box (or textarea) with its own id, so several forms on one page (a row each)
// never share one; its hint and errors are announced with it.
export function AdminTextField({
  id,
  name,
  label,
  defaultValue,
  errors,
  hint,
  maxLength,
  required,
  multiline,
  className = "form-field",
  inputMode,
  spellCheck,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  maxLength?: number;
  required?: boolean;
  multiline?: boolean;
  className?: string;
  inputMode?: "url" | "text";
  spellCheck?: boolean;
}) {
  const common = { id, name, defaultValue, maxLength, required, spellCheck, ...describedFieldProps(id, { errors, hint }) };
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" inputMode={inputMode} {...common} />}
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
