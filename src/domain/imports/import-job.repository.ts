import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";

export type ImportJobStatus = "previewed" | "running" | "done" | "stopped" | "cancelled" | "failed";

export interface ImportJob {
  id: string;
  workspaceId: string;
  requestedById: string;
  requestedBySlackId: string;
  fileId: string;
  filename: string;
  status: ImportJobStatus;
  createNamesakes: boolean;
  dmChannelId: string | null;
  messageTs: string | null;
  rowsTotal: number;
  rowsDone: number;
  created: number;
  updated: number;
}

export interface ImportJobRepository {
  create(
    job: Pick<ImportJob, "workspaceId" | "requestedById" | "requestedBySlackId" | "fileId" | "filename" | "rowsTotal">,
  ): Promise<ImportJob>;
  get(workspaceId: string, id: string): Promise<ImportJob | null>;
  /** Previewed → running, unless another import of the workspace runs (then "busy"). */
  start(
    workspaceId: string,
    id: string,
    leaseUntil: Date,
    createNamesakes: boolean,
  ): Promise<"started" | "busy" | "gone">;
  progress(id: string, counts: Pick<ImportJob, "rowsDone" | "created" | "updated">, leaseUntil: Date): Promise<void>;
  place(id: string, channelId: string, ts: string): Promise<void>;
  /** Ends a running or previewed import; false when it had ended already. */
  finish(id: string, status: Exclude<ImportJobStatus, "previewed" | "running">, at: Date): Promise<boolean>;
  /** Running imports whose instance stopped holding them (it died mid-way): to resume. */
  abandoned(now: Date, limit: number): Promise<ImportJob[]>;
  /** Takes over an abandoned import (one instance wins). */
  claim(id: string, now: Date, leaseUntil: Date): Promise<boolean>;
}

const shape = (row: ImportJob & Record<string, unknown>): ImportJob => ({
  id: row.id,
  workspaceId: row.workspaceId,
  requestedById: row.requestedById,
  requestedBySlackId: row.requestedBySlackId,
  fileId: row.fileId,
  filename: row.filename,
  status: row.status as ImportJobStatus,
  createNamesakes: row.createNamesakes as boolean,
  dmChannelId: row.dmChannelId,
  messageTs: row.messageTs,
  rowsTotal: row.rowsTotal,
  rowsDone: row.rowsDone,
  created: row.created,
  updated: row.updated,
});

export function createImportJobRepository(prisma: PrismaClient): ImportJobRepository {
  return {
    async create(job) {
      return shape((await prisma.importJob.create({ data: job })) as never);
    },
    async get(workspaceId, id) {
      const row = await prisma.importJob.findFirst({ where: { id, workspaceId } });
      return row ? shape(row as never) : null;
    },
    async start(workspaceId, id, leaseUntil, createNamesakes) {
      try {
        const { count } = await prisma.importJob.updateMany({
          where: { id, workspaceId, status: "previewed" },
          data: { status: "running", runningKey: workspaceId, leaseUntil, createNamesakes },
        });
        return count === 1 ? "started" : "gone";
      } catch (error) {
        // The one-running-per-workspace key is taken: another admin's import runs.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "busy";
        throw error;
      }
    },
    async progress(id, counts, leaseUntil) {
      await prisma.importJob.updateMany({ where: { id, status: "running" }, data: { ...counts, leaseUntil } });
    },
    async place(id, channelId, ts) {
      await prisma.importJob.updateMany({ where: { id }, data: { dmChannelId: channelId, messageTs: ts } });
    },
    async finish(id, status, at) {
      const { count } = await prisma.importJob.updateMany({
        where: { id, status: { in: ["previewed", "running"] } },
        data: { status, runningKey: null, leaseUntil: null, finishedAt: at },
      });
      return count === 1;
    },
    async claim(id, now, leaseUntil) {
      const { count } = await prisma.importJob.updateMany({
        where: { id, status: "running", leaseUntil: { lt: now } },
        data: { leaseUntil },
      });
      return count === 1;
    },
    async abandoned(now, limit) {
      const rows = await prisma.importJob.findMany({
        where: { status: "running", leaseUntil: { lt: now } },
        orderBy: { createdAt: "asc" },
        take: limit,
      });
      return rows.map((r) => shape(r as never));
    },
  };
}
