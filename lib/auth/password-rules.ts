// Shared with client forms (hints, minLength), so it imports nothing server-side.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
