// The weekly digest's deliveries: one row per person and ISO week, created when
// it falls due and marked sent only once Slack has the message.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type Lease, leaseFrom, type Posted } from "../outbound.js";

export interface DigestWorkspace {
  id: string;
  timeZone: string;
  digestWeekday: number;
  digestMinute: number;
  digestForManagers: boolean;
  recipients: Array<{ id: string; slackUserId: string; role: string; timeZone: string | null; createdAt: Date }>;
}

export interface DueDigest {
  id: string;
  workspaceId: string;
  memberId: string;
  week: string;
  dueAt: Date;
  late: boolean;
  attempts: number;
  unsure: boolean;
}

export interface DigestDeliveryRepository {
  /** Each workspace with the people who get a digest (directors; managers when it is turned on). */
  workspaces(): Promise<DigestWorkspace[]>;
  /** Creates the rows that are not there yet; existing ones stay as they are. */
  ensure(rows: Array<Omit<DueDigest, "id" | "attempts" | "unsure">>): Promise<void>;
  due(now: Date, limit: number): Promise<DueDigest[]>;
  lease(id: string, now: Date, until: Date, instanceId: string): Promise<Lease | null>;
  markSent(id: string, posted: Posted, at: Date): Promise<void>;
  /** Try again at `at`; `unsure`: the attempt may have posted, so the next one looks first. */
  retryLater(id: string, at: Date, unsure: boolean): Promise<void>;
  /** The person no longer gets digests (no longer a director or manager): the row goes. */
  drop(id: string): Promise<void>;
  setSchedule(
    workspaceId: string,
    schedule: { digestWeekday?: number; digestMinute?: number; digestForManagers?: boolean },
  ): Promise<void>;
}

export function createDigestDeliveryRepository(prisma: PrismaClient): DigestDeliveryRepository {
  return {
    async workspaces() {
      const rows = await prisma.workspace.findMany({
        select: {
          id: true,
          timeZone: true,
          digestWeekday: true,
          digestMinute: true,
          digestForManagers: true,
          members: {
            where: { role: { in: ["director", "manager"] } },
            select: { id: true, slackUserId: true, role: true, timeZone: true, createdAt: true },
          },
        },
      });
      return rows.map(({ members, ...w }) => ({
        ...w,
        recipients: members.filter((m) => m.role === "director" || w.digestForManagers),
      }));
    },
    async ensure(rows) {
      // Due from its moment (not from the database's clock, which may run ahead of the app's).
      if (rows.length > 0)
        await prisma.digestDelivery.createMany({
          data: rows.map((row) => ({ ...row, nextAttemptAt: row.dueAt })),
          skipDuplicates: true,
        });
    },
    async due(now, limit) {
      return prisma.digestDelivery.findMany({
        where: { sentAt: null, nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
        orderBy: { dueAt: "asc" },
        take: limit,
        select: {
          id: true,
          workspaceId: true,
          memberId: true,
          week: true,
          dueAt: true,
          late: true,
          attempts: true,
          unsure: true,
        },
      });
    },
    async lease(id, now, until, instanceId) {
      // The UPDATE re-checks the row, so of two instances taking it, one gets it.
      const [taken] = await prisma.$queryRaw<Array<{ was: Date | null }>>`
        WITH old AS (SELECT id, "leaseUntil" AS was FROM "DigestDelivery" WHERE id = ${id}::uuid FOR UPDATE)
        UPDATE "DigestDelivery" d SET "leaseUntil" = ${until}, "leasedBy" = ${instanceId}, attempts = d.attempts + 1,
          unsure = d.unsure OR old.was IS NOT NULL
        FROM old
        WHERE d.id = old.id AND d."sentAt" IS NULL AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${now})
        RETURNING old.was`;
      return taken ? leaseFrom(taken.was) : null;
    },
    async markSent(id, posted, at) {
      await prisma.digestDelivery.update({
        where: { id },
        data: { sentAt: at, channelId: posted.channelId, ts: posted.ts, leaseUntil: null },
      });
    },
    async retryLater(id, at, unsure) {
      await prisma.digestDelivery.update({
        where: { id },
        data: { nextAttemptAt: at, ...(unsure ? { unsure: true } : { leaseUntil: null }) },
      });
    },
    async drop(id) {
      await prisma.digestDelivery.deleteMany({ where: { id, sentAt: null } });
    },
    async setSchedule(workspaceId, schedule) {
      await prisma.workspace.update({ where: { id: workspaceId }, data: schedule });
    },
  };
}
