import { describe, expect, it } from "vitest";
import type { MemberRepository } from "../../src/domain/members/member.repository.js";
import { createMemberService, PROFILE_MAX_AGE_MS } from "../../src/domain/members/member.service.js";
import type { Member, Profile, ProfileSource } from "../../src/domain/members/member.types.js";

function fakeRepository(): MemberRepository & { members: Member[] } {
  const members: Member[] = [];
  return {
    members,
    ensureWorkspace: async () => ({ id: "w1" }),
    find: async (workspaceId, slackUserId) =>
      members.find((m) => m.workspaceId === workspaceId && m.slackUserId === slackUserId) ?? null,
    create: async (workspaceId, slackUserId, role, profile, fetchedAt) => {
      const member: Member = {
        id: `m${members.length + 1}`,
        workspaceId,
        slackUserId,
        role,
        localeOverride: null,
        ...profile,
        profileFetchedAt: fetchedAt,
      };
      members.push(member);
      return member;
    },
    saveProfile: async (_w, id, profile, fetchedAt) => {
      const member = members.find((m) => m.id === id);
      if (!member) throw new Error("missing");
      Object.assign(member, profile, { profileFetchedAt: fetchedAt });
      return member;
    },
    setLocaleOverride: async (_w, id, locale) => {
      const member = members.find((m) => m.id === id);
      if (member) member.localeOverride = locale;
    },
    workspaceLocale: async () => "en",
    setWorkspaceLocale: async () => {},
    dismissLanguageOffer: async () => {},
    countWithRole: async (workspaceId, role) =>
      members.filter((m) => m.workspaceId === workspaceId && m.role === role).length,
    becomeFirstAdmin: async (workspaceId, id) => {
      if (members.some((m) => m.workspaceId === workspaceId && m.role === "admin")) return false;
      const member = members.find((m) => m.id === id);
      if (member) member.role = "admin";
      return Boolean(member);
    },
    setRole: async (_w, id, role) => {
      const member = members.find((m) => m.id === id);
      if (!member) throw new Error("missing");
      member.role = role;
      return member;
    },
  };
}

function profiles(answers: Array<Profile | Error>): ProfileSource & { calls: number } {
  const source = {
    calls: 0,
    async fetchProfile() {
      const answer = answers[source.calls++] ?? answers.at(-1);
      if (answer instanceof Error) throw answer;
      if (!answer) throw new Error("no answer");
      return answer;
    },
  };
  return source;
}

describe("MemberService.identify", () => {
  const lisbon: Profile = { displayName: "Ana", locale: "pt-PT", timeZone: "Europe/Lisbon" };

  it("registers a new person as an agent with their profile", async () => {
    const repo = fakeRepository();
    const service = createMemberService(repo, { defaultLocale: "en", defaultTimeZone: "UTC" });
    const member = await service.identify("T1", "U1", profiles([lisbon]));
    expect(member).toMatchObject({ role: "agent", displayName: "Ana", locale: "pt-PT", timeZone: "Europe/Lisbon" });
  });

  it("asks Slack again only when the profile is older than a day", async () => {
    let now = new Date("2026-11-24T08:00:00Z");
    const repo = fakeRepository();
    const service = createMemberService(repo, { defaultLocale: "en", defaultTimeZone: "UTC", now: () => now });
    const source = profiles([lisbon, { ...lisbon, timeZone: "Asia/Kolkata" }]);
    await service.identify("T1", "U1", source);
    now = new Date(now.getTime() + PROFILE_MAX_AGE_MS - 1);
    expect((await service.identify("T1", "U1", source)).timeZone).toBe("Europe/Lisbon");
    expect(source.calls).toBe(1);
    now = new Date(now.getTime() + 2);
    expect((await service.identify("T1", "U1", source)).timeZone).toBe("Asia/Kolkata");
    expect(source.calls).toBe(2);
  });

  it("registers a person even when Slack cannot say who they are, and asks again next time", async () => {
    const repo = fakeRepository();
    const service = createMemberService(repo, { defaultLocale: "en", defaultTimeZone: "UTC" });
    const source = profiles([new Error("slack down"), lisbon]);
    expect(await service.identify("T1", "U1", source)).toMatchObject({ displayName: null, profileFetchedAt: null });
    expect(await service.identify("T1", "U1", source)).toMatchObject({ displayName: "Ana" });
    expect(repo.members).toHaveLength(1);
  });
});

describe("MemberService.ensureAdmin", () => {
  const profile: Profile = { displayName: null, locale: null, timeZone: null };

  it("makes the first person to ask an admin in a workspace with none, and nobody after", async () => {
    const repo = fakeRepository();
    const service = createMemberService(repo, { defaultLocale: "en", defaultTimeZone: "UTC" });
    const first = await service.identify("T1", "U1", profiles([profile]));
    const second = await service.identify("T1", "U2", profiles([profile]));
    expect(await service.ensureAdmin(first)).toBe(true);
    expect(first.role).toBe("admin");
    expect(await service.ensureAdmin(second)).toBe(false);
    expect(second.role).toBe("agent");
  });

  it("accepts people named in the configuration even when an admin exists", async () => {
    const repo = fakeRepository();
    const service = createMemberService(repo, {
      defaultLocale: "en",
      defaultTimeZone: "UTC",
      adminSlackUserIds: ["U2"],
    });
    await service.ensureAdmin(await service.identify("T1", "U1", profiles([profile])));
    expect(await service.ensureAdmin(await service.identify("T1", "U2", profiles([profile])))).toBe(true);
  });
});
