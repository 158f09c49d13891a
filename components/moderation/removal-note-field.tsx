import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";
import { MODERATION_NOTE_MAX_LENGTH } from "@/lib/comments/comment-limits";

// The optional reason sent with Spam or Trash (one comment's buttons or the bulk menu); the
// commenter sees it beside their comment. Other commands ignore it.
export function RemovalNoteField({
  id,
  defaultValue,
  errors,
}: {
  id: string;
  defaultValue?: string;
  errors?: string[];
}) {
  const hint = "Optional; shown to the commenter when you choose Spam or Trash.";
  return (
    <div className="queue-note-field">
      {/* Enter in the text box submits with the form's first button, which in a comment's own
          form would be Approve: a disabled first button makes Enter do nothing instead. (In the
          bulk form this comes after Apply, which stays the default.) */}
      <button type="submit" disabled hidden tabIndex={-1} aria-hidden="true">
        Choose a command
      </button>
      <label htmlFor={id}>Reason for removal</label>{" "}
      <input
        type="text"
        id={id}
        name="note"
        maxLength={MODERATION_NOTE_MAX_LENGTH}
        defaultValue={defaultValue}
        {...describedFieldProps(id, { errors, hint })}
      />
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
