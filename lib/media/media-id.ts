// An upload's id: 24 random hex digits (lib/media/media-files.ts makes them). Pure, so the
// editor's validation, shared with the browser, can check a cover's id too.
export const MEDIA_ID_PATTERN = /^[0-9a-f]{24}$/;
