import { DateTime } from "@/components/ui/date-time";

// " · edited <time>" after a comment's date, wherever a comment is listed; nothing if never edited.
export function EditedMark({ editedAt }: { editedAt: Date | null }) {
  if (!editedAt) return null;
  return (
    <>
      {" · "}
      <span className="comment-edited">
        edited <DateTime date={editedAt} withTime />
      </span>
    </>
  );
}
