import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";

type CheckboxFieldProps = {
  name: string;
  label: string;
  defaultChecked: boolean;
  errors?: string[];
  hint?: string;
};

// A checkbox with its label beside it. Unchecked, the browser sends nothing for it at all; the
// server action reads that absence as "off".
export function CheckboxField({ name, label, defaultChecked, errors, hint }: CheckboxFieldProps) {
  const id = `field-${name}`;
  return (
    <div className="settings-checkbox-field">
      <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} {...describedFieldProps(id, { errors, hint })} />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
