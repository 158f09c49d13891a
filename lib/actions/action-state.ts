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

export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION") && !secretFields.test(name)) values[name] = value;
  }
  return values;
}
