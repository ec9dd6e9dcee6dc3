import type { PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { Absence } from "./absence.types.js";

export interface AbsenceRepository {
  /**
   * Keeps `memberId` away from `startsOn` to `endsOn`, merged with every absence of theirs it
   * overlaps or touches (one row per stretch); returns the stretch as stored.
   */
  add(
    workspaceId: string,
    actorId: string,
    absence: { memberId: string; startsOn: string; endsOn: string; note: string | null; coverId?: string | null },
  ): Promise<Absence>;
  /** Ends their absences from `today` on: later ones go, a current one ends yesterday. */
  endFrom(workspaceId: string, actorId: string, memberId: string, today: string): Promise<number>;
  /** For each person, the absence that covers their day (each their own local date), if any. */
  awayOn(workspaceId: string, days: Array<{ memberId: string; day: string }>): Promise<Map<string, Absence>>;
  /**
   * Keeps `seen` as the away status last read for them (null: their status says nothing of it);
   * true only when it differs from the one kept, so each status is acted on once, by one instance.
   */
  noteStatus(workspaceId: string, memberId: string, seen: string | null): Promise<boolean>;
  /** These people's absences that overlap the days `from` to `to` (both included), latest first. */
  during(workspaceId: string, memberIds: string[], from: string, to: string): Promise<Absence[]>;
  /** Absences of these people that end on or after `from`, soonest first. */
  upcoming(workspaceId: string, memberIds: string[], from: string): Promise<Absence[]>;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const asDate = (text: string) => new Date(`${text}T00:00:00Z`);
const shape = (row: {
  id: string;
  memberId: string;
  startsOn: Date;
  endsOn: Date;
  note: string | null;
  coverId: string | null;
  setById: string;
}): Absence => ({ ...row, startsOn: day(row.startsOn), endsOn: day(row.endsOn) });

export function createAbsenceRepository(prisma: PrismaClient): AbsenceRepository {
  return {
    async add(workspaceId, actorId, absence) {
      return prisma.$transaction(async (tx) => {
        // One writer per person at a time, so two overlapping requests merge instead of both inserting.
        await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${absence.memberId}::uuid FOR UPDATE`;
        const dayBefore = new Date(asDate(absence.startsOn).getTime() - 86_400_000);
        const dayAfter = new Date(asDate(absence.endsOn).getTime() + 86_400_000);
        const touching = await tx.absence.findMany({
          where: {
            workspaceId,
            memberId: absence.memberId,
            startsOn: { lte: dayAfter },
            endsOn: { gte: dayBefore },
          },
          orderBy: { startsOn: "asc" },
        });
        const startsOn = [absence.startsOn, ...touching.map((a) => day(a.startsOn))].sort()[0] ?? absence.startsOn;
        const endsOn = [absence.endsOn, ...touching.map((a) => day(a.endsOn))].sort().at(-1) ?? absence.endsOn;
        const notes = [...new Set([...touching.map((a) => a.note), absence.note].filter((n): n is string => !!n))];
        if (touching.length) await tx.absence.deleteMany({ where: { id: { in: touching.map((a) => a.id) } } });
        const row = await tx.absence.create({
          data: {
            workspaceId,
            memberId: absence.memberId,
            startsOn: asDate(startsOn),
            endsOn: asDate(endsOn),
            note: notes.length ? notes.join(" · ").slice(0, 500) : null,
            // The cover named now wins; otherwise the one named before stays.
            coverId: absence.coverId ?? touching.find((a) => a.coverId)?.coverId ?? null,
            setById: actorId,
          },
        });
        await recordAudit(tx, {
          workspaceId,
          actorId,
          action: "absence.set",
          entityType: "member",
          entityId: absence.memberId,
          data: { startsOn, endsOn, merged: touching.length },
        });
        return shape(row);
      });
    },

    async endFrom(workspaceId, actorId, memberId, today) {
      return prisma.$transaction(async (tx) => {
        const later = await tx.absence.deleteMany({
          where: { workspaceId, memberId, startsOn: { gte: asDate(today) } },
        });
        const yesterday = new Date(asDate(today).getTime() - 86_400_000);
        const current = await tx.absence.updateMany({
          where: { workspaceId, memberId, startsOn: { lt: asDate(today) }, endsOn: { gte: asDate(today) } },
          data: { endsOn: yesterday },
        });
        const ended = later.count + current.count;
        if (ended)
          await recordAudit(tx, {
            workspaceId,
            actorId,
            action: "absence.ended",
            entityType: "member",
            entityId: memberId,
            data: { from: today, ended },
          });
        return ended;
      });
    },

    async awayOn(workspaceId, days) {
      if (days.length === 0) return new Map();
      const sorted = days.map((d) => d.day).sort();
      const rows = await prisma.absence.findMany({
        where: {
          workspaceId,
          memberId: { in: days.map((d) => d.memberId) },
          startsOn: { lte: asDate(sorted.at(-1) ?? "") },
          endsOn: { gte: asDate(sorted[0] ?? "") },
        },
      });
      const away = new Map<string, Absence>();
      for (const { memberId, day: on } of days) {
        const row = rows.find((r) => r.memberId === memberId && day(r.startsOn) <= on && day(r.endsOn) >= on);
        if (row) away.set(memberId, shape(row));
      }
      return away;
    },

    async noteStatus(workspaceId, memberId, seen) {
      const changed = await prisma.$executeRaw`
        UPDATE "Member" SET "awayStatusSeen" = ${seen}
        WHERE id = ${memberId}::uuid AND "workspaceId" = ${workspaceId}::uuid AND "awayStatusSeen" IS DISTINCT FROM ${seen}`;
      return changed === 1;
    },

    async during(workspaceId, memberIds, from, to) {
      if (memberIds.length === 0) return [];
      const rows = await prisma.absence.findMany({
        where: {
          workspaceId,
          memberId: { in: memberIds },
          startsOn: { lte: asDate(to) },
          endsOn: { gte: asDate(from) },
        },
        orderBy: [{ startsOn: "desc" }, { memberId: "asc" }],
        take: 200,
      });
      return rows.map(shape);
    },

    async upcoming(workspaceId, memberIds, from) {
      if (memberIds.length === 0) return [];
      const rows = await prisma.absence.findMany({
        where: { workspaceId, memberId: { in: memberIds }, endsOn: { gte: asDate(from) } },
        orderBy: [{ startsOn: "asc" }, { memberId: "asc" }],
        take: 200,
      });
      return rows.map(shape);
    },
  };
}
