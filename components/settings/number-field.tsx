import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";

type NumberFieldProps = {
  name: string;
  label: string;
  defaultValue: string;
  min: number;
  max: number;
  errors?: string[];
  hint?: string;
};

// FormField's sibling for whole numbers: a short box, its errors and hint announced with it. The
// browser's own range check stays off (the form is noValidate) so the server's message is shown.
export function NumberField({ name, label, defaultValue, min, max, errors, hint }: NumberFieldProps) {
  const id = `field-${name}`;
  return (
    <div className="form-field settings-number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        required
        defaultValue={defaultValue}
        {...describedFieldProps(id, { errors, hint })}
      />
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
