import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import { isUniqueViolation } from "../errors.js";
import type { Member, Profile, Role } from "./member.types.js";

export interface MemberRepository {
  ensureWorkspace(slackTeamId: string, defaults: { locale: string; timeZone: string }): Promise<{ id: string }>;
  find(workspaceId: string, slackUserId: string): Promise<Member | null>;
  /** Creates the member, or returns the existing one when another request created it first. */
  create(
    workspaceId: string,
    slackUserId: string,
    role: Role,
    profile: Profile,
    fetchedAt: Date | null,
  ): Promise<Member>;
  saveProfile(workspaceId: string, memberId: string, profile: Profile, fetchedAt: Date): Promise<Member>;
  countWithRole(workspaceId: string, role: Role): Promise<number>;
  setLocaleOverride(workspaceId: string, memberId: string, locale: string | null): Promise<void>;
  workspaceLocale(workspaceId: string): Promise<string>;
  setWorkspaceLocale(workspaceId: string, locale: string, actorId: string): Promise<void>;
  dismissLanguageOffer(workspaceId: string, memberId: string, at: Date): Promise<void>;
  setRole(workspaceId: string, memberId: string, role: Role, actorId: string): Promise<Member>;
  /** Makes the member admin if the workspace has none yet; one at a time per workspace (a row lock). */
  becomeFirstAdmin(workspaceId: string, memberId: string): Promise<boolean>;
}

const memberSelect = {
  id: true,
  workspaceId: true,
  slackUserId: true,
  displayName: true,
  role: true,
  locale: true,
  localeOverride: true,
  timeZone: true,
  profileFetchedAt: true,
  languageOfferDismissedAt: true,
  workspace: { select: { defaultLocale: true } },
} as const;

type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;
const toMember = ({ workspace, ...row }: MemberRow): Member => ({ ...row, workspaceLocale: workspace.defaultLocale });
const orNull = (row: MemberRow | null) => (row ? toMember(row) : null);

// A first request from a new person (or workspace) can arrive several times at
// once: the losers of the insert race read what the winner wrote.
async function insertOrRead<T>(insert: () => Promise<T>, read: () => Promise<T | null>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await read();
    if (!existing) throw error;
    return existing;
  }
}

export function createMemberRepository(prisma: PrismaClient): MemberRepository {
  return {
    ensureWorkspace: (slackTeamId, defaults) =>
      insertOrRead(
        () =>
          prisma.workspace.upsert({
            where: { slackTeamId },
            create: { slackTeamId, defaultLocale: defaults.locale, timeZone: defaults.timeZone },
            update: {},
            select: { id: true },
          }),
        () => prisma.workspace.findUnique({ where: { slackTeamId }, select: { id: true } }),
      ),
    find: async (workspaceId, slackUserId) =>
      orNull(
        await prisma.member.findUnique({
          where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
          select: memberSelect,
        }),
      ),
    create: async (workspaceId, slackUserId, role, profile, fetchedAt) =>
      toMember(
        await insertOrRead(
          () =>
            prisma.member.upsert({
              where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
              create: { workspaceId, slackUserId, role, ...profile, profileFetchedAt: fetchedAt },
              update: {},
              select: memberSelect,
            }),
          () =>
            prisma.member.findUnique({
              where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
              select: memberSelect,
            }),
        ),
      ),
    saveProfile: async (workspaceId, memberId, profile, fetchedAt) =>
      toMember(
        await prisma.member.update({
          where: { id: memberId, workspaceId },
          data: { ...profile, profileFetchedAt: fetchedAt },
          select: memberSelect,
        }),
      ),
    countWithRole: (workspaceId, role) => prisma.member.count({ where: { workspaceId, role } }),
    async setLocaleOverride(workspaceId, memberId, locale) {
      await prisma.member.update({ where: { id: memberId, workspaceId }, data: { localeOverride: locale } });
    },
    async dismissLanguageOffer(workspaceId, memberId, at) {
      await prisma.member.update({ where: { id: memberId, workspaceId }, data: { languageOfferDismissedAt: at } });
    },
    async setWorkspaceLocale(workspaceId, locale, actorId) {
      await prisma.workspace.update({ where: { id: workspaceId }, data: { defaultLocale: locale } });
      await recordAudit(prisma, {
        workspaceId,
        actorId,
        action: "workspace.language",
        entityType: "Workspace",
        entityId: workspaceId,
        data: { locale },
      });
    },
    async workspaceLocale(workspaceId) {
      return (await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultLocale: true } }))
        .defaultLocale;
    },
    becomeFirstAdmin: (workspaceId, memberId) =>
      prisma.$transaction(async (tx) => {
        // Five first set-up commands at once: the workspace row is the queue they wait in.
        await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR UPDATE`;
        if ((await tx.member.count({ where: { workspaceId, role: "admin" } })) > 0) return false;
        await tx.member.update({ where: { id: memberId, workspaceId }, data: { role: "admin" } });
        await recordAudit(tx, {
          workspaceId,
          actorId: memberId,
          action: "member.role",
          entityType: "Member",
          entityId: memberId,
          data: { role: "admin", first: true },
        });
        return true;
      }),
    setRole: (workspaceId, memberId, role, actorId) =>
      prisma.$transaction(async (tx) => {
        const member = await tx.member.update({
          where: { id: memberId, workspaceId },
          data: { role },
          select: memberSelect,
        });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "member.role",
          entityType: "Member",
          entityId: memberId,
          data: { role },
        });
        return toMember(member);
      }),
  };
}
