"use client";

import { useActionState } from "react";
import { saveGeneralSettingsAction } from "@/app/(studio)/admin/settings/actions";
import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { NumberField } from "./number-field";
import type { GeneralSettings } from "./settings-types";

const timeZoneHint = "Dates on every page are shown in this zone.";

// After a refusal every box shows what was typed (state.values), not what is stored.
export function GeneralSettingsForm({
  settings,
  serverTimeZone,
  timeZones,
}: {
  settings: GeneralSettings;
  serverTimeZone: string;
  timeZones: string[];
}) {
  const [state, formAction] = useActionState(saveGeneralSettingsAction, idleState);
  const typed = state.values;
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <FormField
        name="siteTitle"
        label="Site title"
        required
        maxLength={80}
        defaultValue={typed?.siteTitle ?? settings.siteTitle}
        errors={state.fieldErrors?.siteTitle}
        hint="Shown in the header of every page and in browser tabs."
      />
      <FormField
        name="tagline"
        label="Tagline"
        maxLength={160}
        defaultValue={typed?.tagline ?? settings.tagline}
        errors={state.fieldErrors?.tagline}
        hint="A line under the title; leave it empty to show none."
      />
      <div className="form-field">
        <label htmlFor="field-timeZone">Time zone</label>
        {/* Keyed by its value, so the form reset after an action keeps the choice. */}
        <select
          key={typed?.timeZone ?? settings.timeZone}
          id="field-timeZone"
          name="timeZone"
          defaultValue={typed?.timeZone ?? settings.timeZone}
          {...describedFieldProps("field-timeZone", { errors: state.fieldErrors?.timeZone, hint: timeZoneHint })}
        >
          <option value="">Server default ({serverTimeZone})</option>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <FieldMessages id="field-timeZone" errors={state.fieldErrors?.timeZone} hint={timeZoneHint} />
      </div>
      <NumberField
        name="articlesPerPage"
        label="Articles per page"
        min={1}
        max={100}
        defaultValue={typed?.articlesPerPage ?? String(settings.articlesPerPage)}
        errors={state.fieldErrors?.articlesPerPage}
        hint="On the home page and every author, tag and publication page (1–100)."
      />
      <NumberField
        name="revisionsPerArticle"
        label="Revisions kept per article"
        min={1}
        max={1000}
        defaultValue={typed?.revisionsPerArticle ?? String(settings.revisionsPerArticle)}
        errors={state.fieldErrors?.revisionsPerArticle}
        hint="Each Update keeps the article’s text as a revision; older ones beyond this number are deleted (1–1000)."
      />
      <SubmitButton pendingText="Saving…">Save general settings</SubmitButton>
    </form>
  );
}
