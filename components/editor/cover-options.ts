import type { CoverChoice } from "@/db/queries/media";
import { formatDisplayDateTime } from "@/lib/dates";
import type { CoverOption } from "./cover-picker";

// The cover picker's choices, labelled for people: when each was uploaded, its size, and (for an
// admin, who sees everyone's) by whom.
export function coverOptionsFor(choices: readonly CoverChoice[], { timeZone, showOwner }: { timeZone: string; showOwner: boolean }): CoverOption[] {
  return choices.flatMap((choice) => {
    const thumbnail = choice.variants[0];
    const widest = choice.variants[choice.variants.length - 1];
    if (!thumbnail || !widest) return [];
    const owner = showOwner && choice.ownerName ? ` by ${choice.ownerName}` : "";
    return [{ id: choice.id, label: `Uploaded ${formatDisplayDateTime(choice.createdAt, timeZone)}${owner}, ${widest.width} × ${widest.height}`, thumbnail }];
  });
}
