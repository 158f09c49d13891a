// Shared by the server's validation and the browser's textarea (kept free of imports for the client bundle).
export const COMMENT_MAX_LENGTH = 5000;
