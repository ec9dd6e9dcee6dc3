// The stand-in's people: who the workspace's users are, as users.info and users.lookupByEmail tell it.

type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  name: string;
  realName?: string;
  displayName?: string;
  locale?: string;
  tz?: string;
  email?: string;
  /** Their Slack status, as users.info's profile carries it. */
  status?: { text: string; emoji: string; expiration?: number };
}

export class PeopleDirectory {
  private readonly people = new Map<string, FakeUser>();

  constructor(private readonly teamId: string) {}

  add(user: FakeUser): void {
    this.people.set(user.id, user);
  }

  /** users.info's answer, or Slack's error. */
  info(userId: string, includeLocale: boolean): Json {
    const user = this.people.get(userId);
    if (!user) return { error: "user_not_found" };
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: this.teamId,
        name: user.name,
        real_name: user.realName ?? user.name,
        tz: user.tz ?? "UTC",
        ...(includeLocale ? { locale: user.locale ?? "en-US" } : {}),
        profile: {
          display_name: user.displayName ?? user.name,
          real_name: user.realName ?? user.name,
          status_text: user.status?.text ?? "",
          status_emoji: user.status?.emoji ?? "",
          status_expiration: user.status?.expiration ?? 0,
        },
      },
    };
  }

  /** users.lookupByEmail's answer (the address in any case), or Slack's error. */
  byEmail(address: string): Json {
    const email = address.toLowerCase();
    const user = [...this.people.values()].find((u) => u.email?.toLowerCase() === email);
    if (!email || !user) return { error: "users_not_found" };
    return { ok: true, user: { id: user.id, team_id: this.teamId, name: user.name, profile: { email: user.email } } };
  }
}
