import type { ActionState } from "@/lib/actions/action-state";
import { BAN_REASON_MAX_LENGTH, banDurationLabels, banDurations, type BanDuration } from "@/lib/bans";
import { describedFieldProps, FieldMessages } from "./field-messages";
import { SubmitButton } from "./submit-button";

// The reason and duration of a ban and its submit button, shared by /admin/users and the
// moderation queue. `fieldKey` tells one form's ids from another's on the same page.
export function BanFields({
  fieldKey,
  reasonLabel,
  defaultDuration,
  submitText,
  state,
}: {
  fieldKey: number;
  reasonLabel: string;
  defaultDuration: BanDuration;
  submitText: string;
  state: ActionState;
}) {
  const reasonId = `ban-reason-${fieldKey}`;
  const durationId = `ban-duration-${fieldKey}`;
  const reasonErrors = state.fieldErrors?.reason;
  const duration = state.values?.duration ?? defaultDuration;
  return (
    <>
      <div className="admin-field">
        <label htmlFor={reasonId}>{reasonLabel}</label>
        <input
          id={reasonId}
          name="reason"
          type="text"
          maxLength={BAN_REASON_MAX_LENGTH}
          defaultValue={state.values?.reason}
          {...describedFieldProps(reasonId, { errors: reasonErrors })}
        />
        <FieldMessages id={reasonId} errors={reasonErrors} />
      </div>
      <div className="admin-inline-fields">
        <label htmlFor={durationId}>Ban for</label>
        {/* Keyed by its default, so the form reset after an action keeps the choice. */}
        <select key={duration} id={durationId} name="duration" defaultValue={duration}>
          {banDurations.map((value) => (
            <option key={value} value={value}>
              {banDurationLabels[value]}
            </option>
          ))}
        </select>
        <SubmitButton className="button button-small button-danger" pendingText="Banning…">
          {submitText}
        </SubmitButton>
      </div>
    </>
  );
}
