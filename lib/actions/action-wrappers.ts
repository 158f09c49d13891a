import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { SessionUser } from "@/db/queries/auth-users";
import type { UserRole } from "@/db/schema";
import { getCurrentUser } from "../authz";
import { logUnhandledError } from "../error-log";
import { getDisplayTimeZone } from "../display-time-zone";
import { typedValues, type ActionState } from "./action-state";
import { checkAccess, validateForm } from "./form-checks";

type Handler<Input, Context> = (input: Input, context: Context & { formData: FormData }) => Promise<ActionState>;

// Every action is a form's (useActionState passes the previous state, then the FormData). A
// hand-made request can call one with other arguments; it gets this answer, not a 500.
const notAFormPost: ActionState = { status: "error", message: "The form could not be read. Reload the page and try again." };

async function runValidated<Schema extends z.ZodType, Context>(
  schema: Schema,
  formData: FormData,
  context: Context,
  handler: Handler<z.infer<Schema>, Context>,
): Promise<ActionState> {
  if (!(formData instanceof FormData)) return notAFormPost;
  const parsed = validateForm(schema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    return await handler(parsed.data, { ...context, formData });
  } catch (error) {
    // redirect() and notFound() are control flow, not failures.
    unstable_rethrow(error);
    logUnhandledError("action", error);
    return { status: "error", message: "Something went wrong. Please try again.", values: typedValues(formData) };
  }
}

// For visitors who need not be signed in (sign-in, registration, password reset).
export function publicAction<Schema extends z.ZodType>(schema: Schema, handler: Handler<z.infer<Schema>, object>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> =>
    runValidated(schema, formData, {}, handler);
}

type UserContext = { user: SessionUser };

function roleAction(role: UserRole, { allowBanned = false }: { allowBanned?: boolean } = {}) {
  return <Schema extends z.ZodType>(schema: Schema, handler: Handler<z.infer<Schema>, UserContext>) =>
    async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
      if (!(formData instanceof FormData)) return notAFormPost;
      const access = await checkAccess(await getCurrentUser(), role, { allowBanned, form: formData, timeZone: getDisplayTimeZone });
      if (!access.ok) return access.state;
      return runValidated(schema, formData, { user: access.user }, handler);
    };
}

// One wrapper per permission level; every server action is built with one of these.
export const userAction = roleAction("reader");
// Account self-service a banned user still needs (password, deleting the account) stays open.
export const accountAction = roleAction("reader", { allowBanned: true });
export const authorAction = roleAction("author");
export const moderatorAction = roleAction("moderator");
export const adminAction = roleAction("admin");
