import { describedFieldProps, FieldMessages } from "./field-messages";

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
  const common = { id, name, defaultValue, ...describedFieldProps(id, { errors, hint }), ...rest };
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />}
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
