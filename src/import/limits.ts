// Limits the dialog needs before it loads the importer (a file is refused by
// size before it is read), kept apart so the main bundle does not pull the
// parsers in with them.

/** Larger inputs are refused unread: a lab topology fits in a few KB (Redis' own redis.conf is ~110 KB). */
export const MAX_IMPORT_BYTES = 256 * 1024;
