// A field's hint and errors, and the attributes that announce them with it: `${id}-hint` and
// `${id}-error`, named by aria-describedby. Shared by every labelled field.
type FieldDescription = { errors?: string[]; hint?: string };

export function describedFieldProps(id: string, { errors, hint }: FieldDescription) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export function FieldMessages({ id, errors, hint }: FieldDescription & { id: string }) {
  return (
    <>
      {hint ? (
        <p className="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="form-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}
