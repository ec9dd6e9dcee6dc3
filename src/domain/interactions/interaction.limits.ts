export const SUMMARY_MAX_LENGTH = 2_000;
export const CUSTOMER_NAME_MAX_LENGTH = 120;
/** How long the author may undo a new interaction. */
export const UNDO_WINDOW_MS = 5 * 60 * 1000;
export const FOLLOW_UP_MAX_DAYS = 365;
