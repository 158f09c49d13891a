// A commenter may change their comment for a while after posting (setting commentEditMinutes).
export function isWithinEditWindow(createdAt: Date, editMinutes: number, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < editMinutes * 60_000;
}
