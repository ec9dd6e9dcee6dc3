// The digest's figures against counts computed here, independently, from seeded
// data: random rows plus rows on the edges of the week in the reader's time zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportService } from "../../src/domain/reports/report.service.js";
import { reportServiceOn } from "../../src/domain/reports/report-wiring.js";
import { KOLKATA, KOLKATA_OFFSET, kolkataMonday, random } from "../support/seeding.js";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, DIRECTOR, MGR1, OTHER_MGR, setUpWorkspace } from "../support/workspace-setup.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const OFFSET = KOLKATA_OFFSET;
const KINDS = ["question", "order", "complaint", "feedback", "other"] as const;
const CHANNELS = ["phone", "in_person", "email", "chat", "social", "other"] as const;

describe("digest figures, right to the row", () => {
  let app: TestApp;
  let reports: ReportService;
  const db = () => app.rapport.database.prisma;
  const seeded = {
    interactions: [] as Array<{
      at: Date;
      kind: string;
      channel: string;
      outcome: string;
      author: string;
      deleted: boolean;
    }>,
    escalations: [] as Array<{
      createdAt: Date;
      decidedAt: Date | null;
      dueAt: Date;
      handoffAt: Date;
      firstResponse: Date | null;
      responder: string | null;
      team: string;
      reason: string;
      complaint: boolean;
    }>,
    followUps: [] as Array<{
      dueAt: Date;
      status: string;
      completedAt: Date | null;
      assignee: string;
      byCover: boolean;
    }>,
    conditions: [] as Array<{ since: Date; condition: string }>,
    wonBack: [] as Date[],
  };
  let thisWeek: Date;
  let lastWeek: Date;

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app);
    const prisma = db();
    await prisma.member.updateMany({
      where: { slackUserId: DIRECTOR },
      data: { timeZone: KOLKATA, profileFetchedAt: new Date() },
    });
    reports = reportServiceOn(prisma, () => app.clock.now());
    const now = app.clock.now();
    thisWeek = kolkataMonday(now);
    lastWeek = new Date(thisWeek.getTime() - 7 * DAY);
    const rand = random(47);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
    const workspace = await prisma.workspace.findFirstOrThrow();
    const people = await prisma.member.findMany();
    const idOf = (slack: string) => people.find((p) => p.slackUserId === slack)?.id as string;
    const teams = await prisma.team.findMany();
    const teamId = (name: string) => teams.find((t) => t.name === name)?.id as string;
    const authors = [AGENT.user, MGR1.user, OTHER_MGR.user];
    const customers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        prisma.customer.create({
          data: {
            workspaceId: workspace.id,
            name: `Customer ${i}`,
            normalizedName: `customer ${i}`,
            ownerId: idOf(pick(authors)),
          },
        }),
      ),
    );
    const start = lastWeek.getTime() - 9 * DAY;
    const span = now.getTime() - start;
    const times = [
      ...Array.from({ length: 400 }, () => new Date(start + Math.floor(rand() * span))),
      // The edges: a minute before and at Monday midnight in Kolkata, a millisecond before the week ends.
      new Date(lastWeek.getTime() - MIN),
      lastWeek,
      new Date(thisWeek.getTime() - 1),
      thisWeek,
      // Midnight UTC on that Monday is inside the week in Kolkata (05:30 there).
      new Date(lastWeek.getTime() + OFFSET),
    ];
    const interactionRows = times.map((at, i) => {
      const row = {
        at,
        kind: i >= 400 ? "complaint" : pick(KINDS),
        channel: pick(CHANNELS),
        outcome: pick(["resolved", "pending", "escalated"] as const),
        author: pick(authors),
        deleted: i < 400 && rand() < 0.05,
      };
      seeded.interactions.push(row);
      return {
        workspaceId: workspace.id,
        customerId: pick(customers).id,
        authorId: idOf(row.author),
        kind: row.kind as (typeof KINDS)[number],
        channel: row.channel as (typeof CHANNELS)[number],
        outcome: row.outcome as "resolved",
        summary: `seeded ${i}`,
        occurredAt: at,
        deletedAt: row.deleted ? now : null,
      };
    });
    await prisma.interaction.createMany({ data: interactionRows });
    const interactions = await prisma.interaction.findMany({ where: { summary: { startsWith: "seeded" } } });
    for (let i = 0; i < 60; i++) {
      const interaction = pick(interactions);
      const createdAt = new Date(start + Math.floor(rand() * span));
      const dueAt = new Date(createdAt.getTime() + Math.floor(rand() * 3 * DAY));
      const decided = rand() < 0.6;
      const decidedAt = decided ? new Date(createdAt.getTime() + Math.floor(rand() * 4 * DAY)) : null;
      const claimedAt = rand() < 0.5 ? new Date(createdAt.getTime() + Math.floor(rand() * 3 * DAY)) : null;
      const team = pick(["Support", "Sales"]);
      const reason = pick(["Refund", "refund ", "Late delivery", "Rude staff", "Broken item"]);
      // Who answered it first: the claimer, else the decider.
      const claimer = claimedAt ? pick(authors) : null;
      const decider = decidedAt ? pick(authors) : null;
      const e = await prisma.escalation.create({
        data: {
          workspaceId: workspace.id,
          interactionId: interaction.id,
          customerId: interaction.customerId,
          teamId: teamId(team),
          raisedById: interaction.authorId,
          status: decided ? pick(["approved", "rejected"] as const) : claimedAt ? "claimed" : "open",
          reason,
          requestedAction: "refund",
          dueAt,
          handoffAt: new Date(dueAt.getTime() + DAY),
          decidedAt,
          claimedById: claimer ? idOf(claimer) : null,
          decidedById: decider ? idOf(decider) : null,
          createdAt,
        },
      });
      const events = [{ escalationId: e.id, toStatus: "open" as const, createdAt }];
      if (claimedAt) events.push({ escalationId: e.id, toStatus: "claimed" as "open", createdAt: claimedAt });
      if (decidedAt) events.push({ escalationId: e.id, toStatus: "approved" as "open", createdAt: decidedAt });
      await prisma.escalationEvent.createMany({ data: events });
      const responses = [claimedAt, decidedAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
      seeded.escalations.push({
        createdAt,
        decidedAt,
        dueAt,
        handoffAt: new Date(dueAt.getTime() + DAY),
        firstResponse: responses.length ? new Date(Math.min(...responses)) : null,
        responder: claimer ?? decider,
        team,
        reason: reason.trim().toLowerCase(),
        complaint: interaction.kind === "complaint",
      });
    }
    for (let i = 0; i < 80; i++) {
      const dueAt = new Date(start + Math.floor(rand() * span));
      const status = pick(["pending", "done", "done", "cancelled"] as const);
      const completedAt = status === "done" ? new Date(dueAt.getTime() + Math.floor((rand() * 4 - 1) * DAY)) : null;
      const assignee = pick(authors);
      // Some went to a cover while the assignee was away; the cover did it, or the assignee once back.
      const cover = rand() < 0.4 ? pick(authors.filter((a) => a !== assignee)) : null;
      const doneBy = status === "done" ? (cover && rand() < 0.6 ? cover : assignee) : null;
      seeded.followUps.push({ dueAt, status, completedAt, assignee, byCover: doneBy !== null && doneBy === cover });
      await prisma.followUp.create({
        data: {
          workspaceId: workspace.id,
          customerId: pick(customers).id,
          assigneeId: idOf(assignee),
          status,
          note: "seeded",
          dueAt,
          completedAt,
          coverId: cover ? idOf(cover) : null,
          completedById: doneBy ? idOf(doneBy) : null,
          outcome: status === "done" ? pick(["satisfied", "not_satisfied", "no_answer"]) : null,
        },
      });
    }
    for (const [i, customer] of customers.entries()) {
      const since = new Date(start + Math.floor(rand() * span));
      const condition = i % 2 ? "lapsed" : "at_risk";
      seeded.conditions.push({ since, condition });
      await prisma.customerCondition.create({
        data: { workspaceId: workspace.id, customerId: customer.id, condition, score: 50, reasons: [], since },
      });
    }
    const campaign = await prisma.campaign.create({
      data: {
        workspaceId: workspace.id,
        name: "Seeded",
        offer: "10%",
        segment: "lapsed",
        startsAt: new Date(start),
        endsAt: now,
        createdById: idOf(MGR1.user),
      },
    });
    for (const customer of customers) {
      const wonBackAt = rand() < 0.7 ? new Date(start + Math.floor(rand() * span)) : null;
      if (wonBackAt) seeded.wonBack.push(wonBackAt);
      await prisma.outreach.create({
        data: {
          workspaceId: workspace.id,
          campaignId: campaign.id,
          customerId: customer.id,
          recipientId: idOf(AGENT.user),
          status: "sent",
          wonBackAt,
        },
      });
    }
  });
  afterAll(() => app?.stop());

  const inWeek = (at: Date | null, from: Date) => at !== null && at >= from && at.getTime() < from.getTime() + 7 * DAY;
  const count = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;

  it("last week in Kolkata: volumes, escalations, follow-ups, retention and the chart match the seeded rows", async () => {
    const director = await db().member.findFirstOrThrow({ where: { slackUserId: DIRECTOR } });
    const digest = await reports.digestFor(
      { ...director, role: "director" as const, timeZone: KOLKATA, profileFetchedAt: null },
      "last",
    );
    expect(digest.period.from).toEqual(lastWeek);
    expect(digest.period.to).toEqual(thisWeek);

    const live = seeded.interactions.filter((r) => !r.deleted);
    const current = live.filter((r) => inWeek(r.at, lastWeek));
    const before = live.filter((r) => inWeek(r.at, new Date(lastWeek.getTime() - 7 * DAY)));
    const v = digest.figures.volume;
    expect(v.total).toBe(current.length);
    expect(digest.figures.previousVolume.total).toBe(before.length);
    expect(v.resolved).toBe(count(current, (r) => r.outcome === "resolved"));
    expect(v.complaints).toBe(count(current, (r) => r.kind === "complaint"));
    for (const kind of KINDS) expect(v.byKind[kind] ?? 0, kind).toBe(count(current, (r) => r.kind === kind));
    for (const channel of CHANNELS)
      expect(v.byChannel[channel] ?? 0, channel).toBe(count(current, (r) => r.channel === channel));
    // The edge rows: the one a minute before Monday is last week's week before; the others count.
    expect(current.some((r) => r.at.getTime() === lastWeek.getTime())).toBe(true);
    expect(current.some((r) => r.at.getTime() === thisWeek.getTime())).toBe(false);

    const e = seeded.escalations;
    const metDeadline = (x: (typeof e)[number]) => x.firstResponse !== null && x.firstResponse <= x.dueAt;
    expect(digest.figures.escalations.deadlinesDue).toBe(count(e, (x) => inWeek(x.dueAt, lastWeek)));
    expect(digest.figures.escalations.decidedOnTime).toBe(
      count(e, (x) => inWeek(x.dueAt, lastWeek) && x.decidedAt !== null && x.decidedAt <= x.handoffAt),
    );
    expect(digest.figures.escalations.deadlinesDue).toBeGreaterThan(0);
    expect(digest.figures.escalations.opened).toBe(count(e, (x) => inWeek(x.createdAt, lastWeek)));
    expect(digest.figures.escalations.decided).toBe(count(e, (x) => inWeek(x.decidedAt, lastWeek)));
    expect(digest.figures.escalations.breaches).toBe(
      count(e, (x) => inWeek(x.dueAt, lastWeek) && (x.firstResponse === null || x.firstResponse > x.dueAt)),
    );
    const hours = e
      .filter((x) => inWeek(x.decidedAt, lastWeek))
      .map((x) => ((x.decidedAt as Date).getTime() - x.createdAt.getTime()) / HOUR)
      .sort((a, b) => a - b);
    const mid = Math.floor(hours.length / 2);
    const median =
      hours.length === 0 ? null : hours.length % 2 ? hours[mid] : ((hours[mid - 1] ?? 0) + (hours[mid] ?? 0)) / 2;
    if (median === null) expect(digest.figures.escalations.medianDecisionHours).toBeNull();
    else expect(digest.figures.escalations.medianDecisionHours).toBeCloseTo(median as number, 6);
    const reasons = new Map<string, number>();
    for (const x of e.filter((x) => x.complaint && inWeek(x.createdAt, lastWeek)))
      reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
    const top = [...reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
    expect(digest.figures.topReasons.map((r) => [r.reason, r.count])).toEqual(top);

    const f = seeded.followUps.filter((x) => x.status !== "cancelled" && inWeek(x.dueAt, lastWeek));
    const onTime = (x: (typeof f)[number]) =>
      x.status === "done" && (x.completedAt as Date).getTime() <= x.dueAt.getTime() + DAY;
    expect(digest.figures.followUps).toEqual({
      due: f.length,
      onTime: count(f, onTime),
      late: count(f, (x) => x.status === "done" && !onTime(x)),
      open: count(f, (x) => x.status === "pending"),
      byCover: count(f, (x) => x.byCover),
    });
    expect(digest.figures.followUps.byCover).toBeGreaterThan(0);
    expect(digest.figures.retention).toEqual({
      lapsed: count(seeded.conditions, (c) => c.condition === "lapsed" && inWeek(c.since, lastWeek)),
      atRisk: count(seeded.conditions, (c) => c.condition === "at_risk" && inWeek(c.since, lastWeek)),
      wonBack: count(seeded.wonBack, (at) => inWeek(at, lastWeek)),
    });

    // Per team (Support: the agent and mia; Sales: xena) and per person.
    const support = digest.teams.find((t) => t.name === "Support");
    expect(support?.interactions).toBe(count(current, (r) => r.author === AGENT.user || r.author === MGR1.user));
    expect(digest.teams.find((t) => t.name === "Sales")?.interactions).toBe(
      count(current, (r) => r.author === OTHER_MGR.user),
    );
    for (const name of ["Support", "Sales"]) {
      const line = digest.teams.find((t) => t.name === name);
      const due = e.filter((x) => x.team === name && inWeek(x.dueAt, lastWeek));
      expect({ name, due: line?.deadlinesDue, met: line?.deadlinesMet }).toEqual({
        name,
        due: due.length,
        met: count(due, metDeadline),
      });
    }
    // Each person's deadlines: those they answered first, and in time.
    const everyone = await reports.review(
      { ...(await db().member.findFirstOrThrow({ where: { slackUserId: DIRECTOR } })), timeZone: KOLKATA },
      (await db().member.findFirstOrThrow({ where: { slackUserId: MGR1.user } })).id,
      "last",
    );
    const mine = e.filter((x) => x.responder === MGR1.user && inWeek(x.dueAt, lastWeek));
    expect(mine.length).toBeGreaterThan(0);
    expect([everyone.person.escalationsAnswered, everyone.person.answeredOnTime]).toEqual([
      mine.length,
      count(mine, metDeadline),
    ]);
    const now = app.clock.now();
    for (const p of digest.support)
      expect(p.overdueNow).toBe(
        count(seeded.followUps, (x) => x.assignee === p.slackUserId && x.status === "pending" && x.dueAt < now),
      );

    // The chart: eight weeks ending with last week, Monday dates in Kolkata.
    expect(digest.weeks).toHaveLength(8);
    const chartFrom = new Date(lastWeek.getTime() - 7 * 7 * DAY);
    for (const [i, week] of digest.weeks.entries()) {
      const from = new Date(chartFrom.getTime() + i * 7 * DAY);
      expect(week.monday).toBe(new Date(from.getTime() + OFFSET).toISOString().slice(0, 10));
      for (const kind of KINDS)
        expect(week.counts[kind] ?? 0, `${week.monday} ${kind}`).toBe(
          count(live, (r) => r.kind === kind && inWeek(r.at, from)),
        );
    }
  });

  it("a manager's digest holds their team only", async () => {
    const manager = await db().member.findFirstOrThrow({ where: { slackUserId: MGR1.user } });
    const digest = await reports.digestFor({ ...manager, timeZone: KOLKATA }, "last");
    const current = seeded.interactions.filter((r) => !r.deleted && inWeek(r.at, lastWeek));
    expect(digest.team?.name).toBe("Support");
    expect(digest.figures.volume.total).toBe(count(current, (r) => r.author === AGENT.user || r.author === MGR1.user));
    expect(digest.figures.escalations.opened).toBe(
      count(seeded.escalations, (x) => x.team === "Support" && inWeek(x.createdAt, lastWeek)),
    );
    expect(digest.teams).toEqual([]);
  });

  it("/rapport digest shows the figures with the chart; agents are told it is not theirs", async () => {
    const answer = await answerTo(
      app,
      (await app.driver.command("/rapport", "digest last", { user: DIRECTOR, channel: "C0DIRS" })).responseUrl,
      1,
    );
    const current = seeded.interactions.filter((r) => !r.deleted && inWeek(r.at, lastWeek));
    expect(textOf(answer)).toContain(`*Interactions:* ${current.length}`);
    const blocks = answer.blocks as Array<{ type: string; slack_file?: { id: string } }>;
    expect(blocks.length).toBeLessThanOrEqual(50);
    const image = blocks.find((b) => b.type === "image");
    const file = app.slack.files.get(image?.slack_file?.id ?? "");
    expect(file?.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");

    const refused = await answerTo(app, (await app.driver.command("/rapport", "digest", AGENT)).responseUrl, 1);
    expect(textOf(refused)).toContain("Digests are for managers and directors");
    const bad = await answerTo(
      app,
      (await app.driver.command("/rapport", "digest 2026-W77", { user: DIRECTOR, channel: "C0DIRS" })).responseUrl,
      1,
    );
    expect(textOf(bad)).toContain("as a period");
  });
});
