type FieldProps = {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "search";
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
};

// A labelled input whose errors and hint are announced with it (aria-describedby).
export function FormField({ name, label, type = "text", defaultValue, errors, hint, multiline, rows = 5, ...rest }: FieldProps) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, defaultValue, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy, ...rest };
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />}
      {hint ? (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="form-error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
