/** Typed errors a service throws; src/slack/error-reporter.ts turns each code into the user's language. */
export type DomainErrorCode =
  | "databaseUnavailable"
  | "notAllowed"
  | "undoExpired"
  | "interactionNotFound"
  | "customerNotFound"
  | "customerUnavailable"
  | "followUpWhenRange"
  | "badHolidayDate"
  | "draftNotFound"
  | "adminOnly"
  | "escalationNotFound"
  | "alreadyDecided"
  | "assigneeNotManager"
  | "notAllowedEscalation"
  | "unknownTeam"
  | "followUpNotFound"
  | "campaignNotFound"
  | "campaignManagersOnly"
  | "campaignNotYours"
  | "campaignEndsBeforeStart"
  | "campaignAlreadyOver"
  | "campaignNeedsTag"
  | "campaignNeedsTeam"
  | "reportManagersOnly"
  | "reportNeedsTeam"
  | "reportBadPeriod"
  | "reportUnknownPerson"
  | "reportNotYourTeam"
  | "targetDirectorsOnly"
  | "badCurrency"
  | "absenceDates"
  | "absenceEndsBeforeStart"
  | "absenceInThePast"
  | "absenceTooLong"
  | "absenceNotYourTeam"
  | "absenceBadCover"
  | "followUpNobodyToTake"
  | "apiAdminsOnly"
  | "apiTokenName"
  | "externalIdTaken"
  | "webhookUrl"
  | "webhookEvents"
  | "reasonAdminsOnly"
  | "reasonName"
  | "reasonExists"
  | "reasonUnknown"
  | "reasonTooMany"
  | "reasonNotOffered"
  | "reasonNotComplaint"
  | "rootCauseNotDecided"
  | "rootCauseEmpty"
  | "importBusy"
  | "importGone";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

export const Errors = {
  notAllowed: () => new DomainError("notAllowed"),
  undoExpired: (minutes: number) => new DomainError("undoExpired", { minutes }),
  interactionNotFound: () => new DomainError("interactionNotFound"),
  customerNotFound: (name: string) => new DomainError("customerNotFound", { name }),
  /** An id from a button or a form that names no customer of this workspace. */
  customerUnavailable: () => new DomainError("customerUnavailable"),
  draftNotFound: () => new DomainError("draftNotFound"),
  adminOnly: () => new DomainError("adminOnly"),
  followUpNotFound: () => new DomainError("followUpNotFound"),
};

// Connection-level failures: the database is down or unreachable, not a bad query.
const UNAVAILABLE_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // database server timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
]);

const UNAVAILABLE_MESSAGES =
  /connection terminated|connection refused|timeout exceeded when trying to connect|can't reach database|server closed the connection|DatabaseNotReachable|ECONNREFUSED/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  if (error instanceof DomainError) return error.code === "databaseUnavailable";
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** A unique constraint refused the insert (Prisma's P2002, or PostgreSQL's 23505 through an adapter). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (code === "P2002" || code === "23505") return true;
  return typeof cause === "object" && cause !== null && isUniqueViolation(cause);
}
