// Shared by the server's validation and the browser's textarea (kept free of imports for the client bundle).
export const COMMENT_MAX_LENGTH = 5000;

// The optional reason a moderator gives when sending a comment to spam or trash.
export const MODERATION_NOTE_MAX_LENGTH = 300;
