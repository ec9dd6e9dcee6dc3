export type Role = "agent" | "manager" | "director" | "admin";

export interface Member {
  id: string;
  workspaceId: string;
  slackUserId: string;
  displayName: string | null;
  role: Role;
  locale: string | null;
  localeOverride: string | null;
  timeZone: string | null;
  profileFetchedAt: Date | null;
  /** The workspace's language, set by an admin: for people whose Slack language Rapport does not speak. */
  workspaceLocale?: string | null;
  /** They said to keep the language they get when the Home tab offered a choice. */
  languageOfferDismissedAt?: Date | null;
}

/** What the chat platform knows of a person (Slack's users.info, in production). */
export interface Profile {
  displayName: string | null;
  locale: string | null;
  timeZone: string | null;
}

export interface ProfileSource {
  fetchProfile(userId: string): Promise<Profile>;
}
