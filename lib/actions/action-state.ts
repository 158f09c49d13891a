// One shape for every form's server-action result, used with useActionState. `values` carries
// what the user typed back into the form after a refusal; passwords are never included.
export type ActionState = {
  status: "idle" | "ok" | "invalid" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
};

export const idleState: ActionState = { status: "idle" };

const secretFields = /password|token/i;

// A submitted form: FormData from a server action, URLSearchParams from a plain form post.
export type FormEntries = { entries(): IterableIterator<[string, unknown]> };

export function typedValues(form: FormEntries): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION") && !secretFields.test(name)) values[name] = value;
  }
  return values;
}
