import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/database.js";
import { createFollowUpRepository, type FollowUpRepository } from "../../src/domain/follow-ups/follow-up.repository.js";
import { createLogger } from "../../src/logging/logger.js";
import { pgliteTemplate } from "../support/pglite-template.js";

// Found by CI: an instance that read a follow-up before another sent it could
// lease it once the other let go, and send it again. A lease now also requires
// the follow-up to be as the caller saw it.
describe("leasing a follow-up to send it", () => {
  let db: Database;
  let repo: FollowUpRepository;
  const now = new Date("2026-11-24T10:00:00Z");

  beforeAll(async () => {
    db = await openDatabase({ kind: "pglite" }, createLogger("silent"), { pgliteTemplate: await pgliteTemplate() });
    repo = createFollowUpRepository(db.prisma);
    const ws = await db.prisma.workspace.create({ data: { slackTeamId: "T1" } });
    const member = await db.prisma.member.create({ data: { workspaceId: ws.id, slackUserId: "U1" } });
    const customer = await db.prisma.customer.create({
      data: { workspaceId: ws.id, name: "Acme", normalizedName: "acme" },
    });
    await repo.create({
      workspaceId: ws.id,
      customerId: customer.id,
      assigneeId: member.id,
      interactionId: null,
      dueAt: new Date(now.getTime() - 60_000),
      note: "call",
    });
  });
  afterAll(() => db.close());

  it("is refused to a caller whose copy is stale, and to a second caller while held", async () => {
    const [seenByA] = await repo.due(now, 10);
    const [seenByB] = await repo.due(now, 10);
    if (!seenByA || !seenByB) throw new Error("nothing due");
    const until = new Date(now.getTime() + 120_000);
    expect(await repo.lease(seenByA, now, until)).toEqual({ ranOut: null });
    expect(await repo.lease(seenByB, now, until)).toBeNull(); // held by A
    await repo.markDelivered(seenByA.id, "D1", "1.1", now); // A sent it and let go
    expect(await repo.lease(seenByB, now, until)).toBeNull(); // B's copy says "not sent yet": stale
    const [fresh] = await repo.due(now, 10);
    expect(fresh?.notifiedAt).toEqual(now);
  });
});
