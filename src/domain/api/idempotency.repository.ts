import type { PrismaClient } from "../../generated/prisma/client.js";

export type Claim =
  /** This request is the first with its key: run it, then `finish`. */
  | { status: "first"; id: string }
  /** Answered before: the same answer again. */
  | { status: "done"; httpStatus: number; response: unknown }
  /** The same key with another request, or the first still running. */
  | { status: "mismatch" }
  | { status: "running" };

export interface IdempotencyRepository {
  /** Takes `key` for this request (its fingerprint), or says what became of the first with it. */
  claim(workspaceId: string, key: string, fingerprint: string): Promise<Claim>;
  finish(id: string, httpStatus: number, response: unknown): Promise<void>;
  /** The first failed in a way worth retrying: the key is free again. */
  release(id: string): Promise<void>;
  /** Forgets keys older than `before`, at most `limit`: how many. */
  prune(before: Date, limit: number): Promise<number>;
}

export function createIdempotencyRepository(prisma: PrismaClient): IdempotencyRepository {
  return {
    async claim(workspaceId, key, fingerprint) {
      const [inserted] = await prisma.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "ApiRequest" ("id", "workspaceId", "key", "fingerprint")
        VALUES (gen_random_uuid(), ${workspaceId}::uuid, ${key}, ${fingerprint})
        ON CONFLICT ("workspaceId", "key") DO NOTHING RETURNING "id"`;
      if (inserted) return { status: "first", id: inserted.id };
      const seen = await prisma.apiRequest.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
      if (!seen) return { status: "running" };
      if (seen.fingerprint !== fingerprint) return { status: "mismatch" };
      if (seen.status === null) return { status: "running" };
      return { status: "done", httpStatus: seen.status, response: seen.response };
    },
    async finish(id, httpStatus, response) {
      await prisma.apiRequest.update({ where: { id }, data: { status: httpStatus, response: response as object } });
    },
    async release(id) {
      await prisma.apiRequest.deleteMany({ where: { id, status: null } });
    },
    prune: (before, limit) => prisma.$executeRaw`
      DELETE FROM "ApiRequest" WHERE id IN (SELECT id FROM "ApiRequest" WHERE "createdAt" < ${before} LIMIT ${limit})`,
  };
}
