"use client";

import { useActionState } from "react";
import { saveDiscussionSettingsAction } from "@/app/(studio)/admin/settings/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { CheckboxField } from "./checkbox-field";
import { NumberField } from "./number-field";
import type { DiscussionSettings, NumberLimits, NumberSetting } from "./settings-types";

type Props = { settings: DiscussionSettings; limits: NumberLimits; defaults: DiscussionSettings };

export function DiscussionSettingsForm({ settings, limits, defaults }: Props) {
  const [state, formAction] = useActionState(saveDiscussionSettingsAction, idleState);
  // After a refusal every box shows what was typed, not what is stored. A box left unchecked was
  // not sent at all, so its absence from the typed values means it was unchecked.
  const typed = state.values;
  const checked = (name: "commentsHoldAll" | "commentsRequirePriorApproval") =>
    typed ? typed[name] !== undefined : settings[name];
  const number = (name: NumberSetting) => ({
    name,
    defaultValue: typed?.[name] ?? String(settings[name]),
    errors: state.fieldErrors?.[name],
    ...limits[name],
  });
  const range = (name: NumberSetting) => `${limits[name].min} to ${limits[name].max}; default ${defaults[name]}.`;

  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <fieldset>
        <legend>Before a comment appears</legend>
        <CheckboxField
          name="commentsHoldAll"
          label="Hold every comment for moderation"
          defaultChecked={checked("commentsHoldAll")}
          errors={state.fieldErrors?.commentsHoldAll}
        />
        <CheckboxField
          name="commentsRequirePriorApproval"
          label="A comment author must have a previously approved comment"
          defaultChecked={checked("commentsRequirePriorApproval")}
          errors={state.fieldErrors?.commentsRequirePriorApproval}
        />
        <p className="form-hint">
          Comments by moderators, admins and the article’s own author always appear at once.
        </p>
      </fieldset>
      <NumberField
        {...number("commentMaxLinks")}
        label="Hold a comment if it contains more than this many links"
        hint={range("commentMaxLinks")}
      />
      <FormField
        name="commentDisallowedWords"
        label="Disallowed words"
        multiline
        rows={6}
        maxLength={20_000}
        defaultValue={typed?.commentDisallowedWords ?? settings.commentDisallowedWords}
        errors={state.fieldErrors?.commentDisallowedWords}
        hint="One word or phrase per line, matched as whole words in any letter case. A comment containing any of them goes to spam."
      />
      <NumberField
        {...number("commentFloodSeconds")}
        label="Minimum seconds between two comments by the same person"
        hint={`${range("commentFloodSeconds")} 0 turns the limit off; moderators and admins are never limited.`}
      />
      <NumberField
        {...number("commentThreadDepth")}
        label="Nest replies up to this many levels"
        hint={`${range("commentThreadDepth")} A reply to a comment at the deepest level joins that comment’s thread.`}
      />
      <NumberField
        {...number("commentEditMinutes")}
        label="Commenters may edit their comment for this many minutes"
        hint={`${range("commentEditMinutes")} 0 turns editing off.`}
      />
      <NumberField
        {...number("commentReportThreshold")}
        label="Send a published comment back to moderation when this many readers report it"
        hint={`${range("commentReportThreshold")} Each reader can report a comment once.`}
      />
      <SubmitButton pendingText="Saving…">Save discussion settings</SubmitButton>
    </form>
  );
}
