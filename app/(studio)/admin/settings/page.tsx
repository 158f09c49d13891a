import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { DiscussionSettingsForm } from "@/components/settings/discussion-settings-form";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import type { DiscussionSettings, NumberLimits, NumberSetting } from "@/components/settings/settings-types";
import { getSiteSettings } from "@/db/queries/site-settings";
import { requireRole } from "@/lib/authz";
import { getConfig } from "@/lib/config";
import type { SearchParams } from "@/lib/route-params";
import { discussionSettingsFields, siteSettingsDefaults, type SiteSettings } from "@/lib/site-settings";
import "./settings.css";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

const savedSections = new Set(["general", "discussion"]);

function limitsOf(name: NumberSetting): { min: number; max: number } {
  const field = discussionSettingsFields[name];
  return { min: field.minValue ?? 0, max: field.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const numberLimits: NumberLimits = {
  commentMaxLinks: limitsOf("commentMaxLinks"),
  commentFloodSeconds: limitsOf("commentFloodSeconds"),
  commentThreadDepth: limitsOf("commentThreadDepth"),
  commentEditMinutes: limitsOf("commentEditMinutes"),
  commentReportThreshold: limitsOf("commentReportThreshold"),
};

function discussionPart(settings: SiteSettings | typeof siteSettingsDefaults): DiscussionSettings {
  return {
    commentsHoldAll: settings.commentsHoldAll,
    commentsRequirePriorApproval: settings.commentsRequirePriorApproval,
    commentMaxLinks: settings.commentMaxLinks,
    commentDisallowedWords: settings.commentDisallowedWords,
    commentFloodSeconds: settings.commentFloodSeconds,
    commentThreadDepth: settings.commentThreadDepth,
    commentEditMinutes: settings.commentEditMinutes,
    commentReportThreshold: settings.commentReportThreshold,
  };
}

export default async function AdminSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole("admin", { returnTo: "/admin/settings" });
  const [settings, params] = await Promise.all([getSiteSettings(), searchParams]);
  const saved = typeof params.saved === "string" && savedSections.has(params.saved);
  return (
    <div className="narrow-page admin-settings">
      <AdminNav current="/admin/settings" />
      <h1>Settings</h1>
      <div aria-live="polite" role="status">
        {saved ? <p className="form-message form-message-ok">Settings saved.</p> : null}
      </div>
      <section aria-labelledby="general-heading" id="general">
        <h2 id="general-heading">General</h2>
        <GeneralSettingsForm
          settings={{
            siteTitle: settings.siteTitle,
            tagline: settings.tagline,
            timeZone: settings.timeZone,
            articlesPerPage: settings.articlesPerPage,
            revisionsPerArticle: settings.revisionsPerArticle,
          }}
          serverTimeZone={getConfig().timeZone}
          timeZones={Intl.supportedValuesOf("timeZone")}
        />
      </section>
      <section aria-labelledby="discussion-heading" id="discussion">
        <h2 id="discussion-heading">Discussion</h2>
        <p className="form-hint settings-intro">The rules every new or edited comment passes through; changes apply to the next comment.</p>
        <DiscussionSettingsForm
          settings={discussionPart(settings)}
          defaults={discussionPart(siteSettingsDefaults)}
          limits={numberLimits}
        />
      </section>
    </div>
  );
}
