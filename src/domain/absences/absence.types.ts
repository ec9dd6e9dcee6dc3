/** A stretch of whole local days someone is away, both ends included (YYYY-MM-DD). */
export interface Absence {
  id: string;
  memberId: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
  /** Whom they named to cover for them, if anyone. */
  coverId: string | null;
  setById: string;
}

/** The longest stretch one absence may cover. */
export const ABSENCE_MAX_DAYS = 366;
