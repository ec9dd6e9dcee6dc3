// Why customers complained and whether they were won back, against counts worked out here from
// seeded histories: each complaint's recovery judged by hand from what was seeded after it, the
// categories (root cause first) and the root causes of last week in Kolkata, edges included.

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Digest, Review } from "../../src/domain/reports/digest.types.js";
import type { InteractionRow } from "../../src/domain/reports/export.repository.js";
import { interactionsCsv } from "../../src/domain/reports/export-csv.js";
import { reportServiceOn } from "../../src/domain/reports/report-wiring.js";
import { KOLKATA, kolkataMonday, random } from "../support/seeding.js";
import { answerTo, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, DIRECTOR, MGR1, OTHER_MGR, setUpWorkspace } from "../support/workspace-setup.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LAPSED_DAYS = 45;

/** What happens after a seeded complaint. */
type Story =
  | { kind: "satisfied"; after: number }
  | { kind: "notSatisfied"; after: number }
  | { kind: "wentWell"; after: number }
  | { kind: "wentBadly"; after: number }
  | { kind: "complainedAgain"; after: number }
  | { kind: "churned"; after: number }
  | { kind: "lateContact"; after: number }
  | { kind: "nothing" };

interface Seeded {
  at: Date;
  author: string;
  story: Story;
  category: string | null;
  rootCause: string | null;
  rootCauseAt: Date | null;
  deleted?: boolean;
  /** The seeded customer's number (external id S-n). */
  n: number;
  /** Its summary, as exported. */
  summary: string;
}

/** The recovery of one complaint as of `asOf`, worked out from its story (the definition in words). */
function judge(c: Seeded, asOf: Date): "recovered" | "notRecovered" | "lost" | "pending" {
  const t = c.at.getTime();
  const until = Math.min(t + 90 * DAY, asOf.getTime());
  const s = c.story;
  const when = "after" in s ? t + s.after : Number.POSITIVE_INFINITY;
  const happened = when <= until;
  // The first interaction after it, if any, within the window: a good one before a churn, and after
  // an unsatisfied follow-up (so only those decide the state), else the story's own.
  const contactAt =
    s.kind === "churned"
      ? t + s.after / 2
      : s.kind === "notSatisfied"
        ? t + s.after + DAY
        : ["wentWell", "wentBadly", "complainedAgain", "lateContact"].includes(s.kind)
          ? when
          : null;
  const contact = contactAt !== null && contactAt <= until ? contactAt : null;
  const wentWell = contact !== null && ["wentWell", "lateContact", "churned", "notSatisfied"].includes(s.kind);
  const lapsed = t + LAPSED_DAYS * DAY <= asOf.getTime() && (contact === null || contact > t + LAPSED_DAYS * DAY);
  if ((s.kind === "churned" && happened) || lapsed) return "lost";
  if (s.kind === "notSatisfied" && when <= asOf.getTime()) return "notRecovered";
  if ((s.kind === "satisfied" && when <= asOf.getTime()) || wentWell) return "recovered";
  if ((s.kind === "wentBadly" || s.kind === "complainedAgain") && happened) return "notRecovered";
  if (t + 90 * DAY <= asOf.getTime()) return "notRecovered";
  return "pending";
}

describe("complaint figures: categories, root causes and recovery, right to the row", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const seeded: Seeded[] = [];
  let thisWeek: Date;
  let lastWeek: Date;
  let digest: Digest;
  let review: Review;
  let exported: { interactions: AsyncIterable<InteractionRow> };
  const ids: Record<string, string> = {};
  const category: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    await setUpWorkspace(app, [`days lapsed ${LAPSED_DAYS}`]);
    const prisma = db();
    await prisma.member.updateMany({
      where: { slackUserId: DIRECTOR },
      data: { timeZone: KOLKATA, profileFetchedAt: new Date() },
    });
    const workspace = await prisma.workspace.findFirstOrThrow();
    // The defaults, made on first use.
    await answerTo(app, (await app.driver.command("/rapport", "reasons", ADMIN)).responseUrl);
    for (const c of await prisma.reasonCategory.findMany()) category[c.key ?? ""] = c.id;
    for (const m of await prisma.member.findMany()) ids[m.slackUserId] = m.id;
    const now = app.clock.now();
    thisWeek = kolkataMonday(now);
    lastWeek = new Date(thisWeek.getTime() - 7 * DAY);
    const rand = random(17);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
    const authors = [AGENT.user, MGR1.user, OTHER_MGR.user];
    const stories = (): Story => {
      const after = Math.floor(rand() * 60 * DAY) + MIN;
      return pick<Story>([
        { kind: "satisfied", after },
        { kind: "notSatisfied", after: Math.floor(after / 2) },
        { kind: "wentWell", after },
        { kind: "wentBadly", after },
        { kind: "complainedAgain", after },
        { kind: "churned", after },
        { kind: "lateContact", after: (LAPSED_DAYS + 3) * DAY },
        { kind: "nothing" },
      ]);
    };
    // Judged last week: complaints 90 days before it; the week before: 90 days before that.
    const judgedFrom = lastWeek.getTime() - 7 * DAY - 90 * DAY;
    const judgedTo = thisWeek.getTime() - 90 * DAY;
    const times = [
      ...Array.from(
        { length: 90 },
        () => new Date(judgedFrom - 2 * DAY + Math.floor(rand() * (judgedTo - judgedFrom + 4 * DAY))),
      ),
      // The edges of what last week judges, and of what the week before judges.
      new Date(lastWeek.getTime() - 90 * DAY - 1),
      new Date(lastWeek.getTime() - 90 * DAY),
      new Date(thisWeek.getTime() - 90 * DAY - 1),
      new Date(thisWeek.getTime() - 90 * DAY),
      new Date(judgedFrom),
      new Date(judgedFrom - 1),
      // In last week and the week before, for categories and root causes.
      ...Array.from({ length: 40 }, () => new Date(lastWeek.getTime() - 7 * DAY + Math.floor(rand() * 14 * DAY))),
      lastWeek,
      new Date(thisWeek.getTime() - 1),
      new Date(lastWeek.getTime() - MIN),
    ];
    const keys = ["delivery", "billing", "product_quality", "staff_conduct", "waiting_time", "other"];
    for (const [i, at] of times.entries()) {
      const story = stories();
      const filed = rand() < 0.8 ? pick(keys) : null;
      const rootCause = rand() < 0.5 ? pick(keys) : null;
      // Root causes found last week or the week before, one on each edge.
      const rootCauseAt = rootCause
        ? i === 0
          ? lastWeek
          : i === 1
            ? new Date(thisWeek.getTime() - 1)
            : new Date(lastWeek.getTime() - 7 * DAY + Math.floor(rand() * 15 * DAY))
        : null;
      const c: Seeded = {
        at,
        author: pick(authors),
        story,
        category: filed,
        rootCause,
        rootCauseAt,
        n: i,
        summary: `complaint ${i}`,
      };
      seeded.push(c);
      const customer = await prisma.customer.create({
        data: {
          workspaceId: workspace.id,
          name: `Seeded ${i}`,
          normalizedName: `seeded ${i}`,
          externalId: `S-${i}`,
          ...(story.kind === "churned" ? { status: "churned", churnedAt: new Date(at.getTime() + story.after) } : {}),
        },
      });
      const complaint = await prisma.interaction.create({
        data: {
          workspaceId: workspace.id,
          customerId: customer.id,
          authorId: ids[c.author] as string,
          kind: "complaint",
          channel: "phone",
          summary: `complaint ${i}`,
          occurredAt: at,
          reasonCategoryId: filed ? category[filed] : null,
          rootCauseCategoryId: rootCause ? category[rootCause] : null,
          rootCauseAt,
        },
      });
      const later = (
        kind: "question" | "complaint",
        outcome: "resolved" | "pending",
        sentiment: "positive" | "negative" | null,
        after: number,
      ) =>
        prisma.interaction.create({
          data: {
            workspaceId: workspace.id,
            customerId: customer.id,
            authorId: ids[c.author] as string,
            kind,
            channel: "email",
            outcome,
            sentiment,
            summary: `after ${i}`,
            occurredAt: new Date(at.getTime() + after),
          },
        });
      if (story.kind === "satisfied" || story.kind === "notSatisfied")
        await prisma.followUp.create({
          data: {
            workspaceId: workspace.id,
            customerId: customer.id,
            assigneeId: ids[c.author] as string,
            interactionId: complaint.id,
            note: "satisfied?",
            dueAt: new Date(at.getTime() + story.after),
            status: "done",
            outcome: story.kind === "satisfied" ? "satisfied" : "not_satisfied",
            completedAt: new Date(at.getTime() + story.after),
          },
        });
      if (story.kind === "wentWell") await later("question", "resolved", "positive", story.after);
      if (story.kind === "churned") await later("question", "resolved", "positive", story.after / 2);
      if (story.kind === "notSatisfied") await later("question", "resolved", "positive", story.after + DAY);
      if (story.kind === "wentBadly") await later("question", "resolved", "negative", story.after);
      if (story.kind === "complainedAgain") {
        // The second complaint is one of the figures' complaints too, with nothing after it.
        await later("complaint", "pending", null, story.after);
        seeded.push({
          at: new Date(at.getTime() + story.after),
          author: c.author,
          story: { kind: "nothing" },
          category: null,
          rootCause: null,
          rootCauseAt: null,
          n: i,
          summary: `after ${i}`,
        });
      }
      if (story.kind === "lateContact") await later("question", "resolved", "positive", story.after);
    }
    // A deleted complaint counts for nothing.
    await prisma.interaction.updateMany({ where: { summary: "complaint 2" }, data: { deletedAt: now } });
    const gone = seeded.findIndex((c) => c.at === times[2]);
    seeded[gone] = { ...(seeded[gone] as Seeded), deleted: true };
    const director = await prisma.member.findFirstOrThrow({ where: { slackUserId: DIRECTOR } });
    const reports = reportServiceOn(prisma, () => app.clock.now());
    digest = await reports.digestFor({ ...director, role: "director", timeZone: KOLKATA }, "last");
    const manager = await prisma.member.findFirstOrThrow({ where: { slackUserId: MGR1.user } });
    review = await reports.review({ ...manager, timeZone: KOLKATA }, ids[AGENT.user] as string, "last");
    exported = await reports.exportFor({ ...director, role: "director", timeZone: KOLKATA }, "last", undefined);
  });
  afterAll(() => app.stop());

  const live = () => seeded.filter((c) => !c.deleted);
  const judgedIn = (from: Date, to: Date) =>
    live().filter((c) => c.at.getTime() + 90 * DAY >= from.getTime() && c.at.getTime() + 90 * DAY < to.getTime());
  const tally = (list: Seeded[], asOf: Date) => ({
    judged: list.length,
    recovered: list.filter((c) => judge(c, asOf) === "recovered").length,
  });

  it("judges each complaint 90 days on, as of the period's end: the rate overall, by team and by person", () => {
    expect(digest.period.from).toEqual(lastWeek);
    const before = new Date(lastWeek.getTime() - 7 * DAY);
    const current = judgedIn(lastWeek, thisWeek);
    const previous = judgedIn(before, lastWeek);
    // The seeding reached every state, and both sides of each edge.
    const states = new Set(current.map((c) => judge(c, thisWeek)));
    expect([...states].sort()).toEqual(["lost", "notRecovered", "recovered"]);
    expect(current.length).toBeGreaterThan(20);
    expect(digest.figures.recovery).toEqual({ current: tally(current, thisWeek), previous: tally(previous, lastWeek) });
    const support = digest.teams.find((t) => t.name === "Support");
    const supportPeople = [AGENT.user, MGR1.user];
    expect(support?.recovery).toEqual({
      current: tally(
        current.filter((c) => supportPeople.includes(c.author)),
        thisWeek,
      ),
      previous: tally(
        previous.filter((c) => supportPeople.includes(c.author)),
        lastWeek,
      ),
    });
    const sales = digest.teams.find((t) => t.name === "Sales");
    expect(sales?.recovery.current).toEqual(
      tally(
        current.filter((c) => c.author === OTHER_MGR.user),
        thisWeek,
      ),
    );
  });

  it("gives a person's review their own recovery, categories and root causes", () => {
    const mine = live().filter((c) => c.author === AGENT.user);
    const before = new Date(lastWeek.getTime() - 7 * DAY);
    const judgedMine = (from: Date, to: Date) => judgedIn(from, to).filter((c) => c.author === AGENT.user);
    expect(review.recovery).toEqual({
      current: tally(judgedMine(lastWeek, thisWeek), thisWeek),
      previous: tally(judgedMine(before, lastWeek), lastWeek),
    });
    const inWeek = (at: Date | null) => at !== null && at >= lastWeek && at < thisWeek;
    const total = mine.filter((c) => inWeek(c.at) && (c.rootCause ?? c.category)).length;
    expect(review.reasonCategories.reduce((n, c) => n + c.count, 0)).toBe(total);
    const roots = mine.filter((c) => c.rootCause && inWeek(c.rootCauseAt)).length;
    // The review lists the top three root causes: together no more than all of them, and all when few.
    const listed = review.rootCauses.reduce((n, c) => n + c.count, 0);
    expect(listed).toBeLessThanOrEqual(roots);
    if (new Set(mine.filter((c) => c.rootCause && inWeek(c.rootCauseAt)).map((c) => c.rootCause)).size <= 3)
      expect(listed).toBe(roots);
  });

  it("counts complaints by their root cause where one was found, else their category, beside the week before", () => {
    const before = new Date(lastWeek.getTime() - 7 * DAY);
    const inSpan = (at: Date | null, from: Date) =>
      at !== null && at >= from && at.getTime() < from.getTime() + 7 * DAY;
    const expected = new Map<string, { count: number; previous: number }>();
    for (const c of live()) {
      const key = c.rootCause ?? c.category;
      if (!key) continue;
      const entry = expected.get(key) ?? { count: 0, previous: 0 };
      if (inSpan(c.at, lastWeek)) entry.count++;
      if (inSpan(c.at, before)) entry.previous++;
      expected.set(key, entry);
    }
    const got = new Map(
      digest.figures.reasonCategories.map((c) => [c.key ?? "", { count: c.count, previous: c.previous }]),
    );
    for (const [key, entry] of expected) if (entry.count + entry.previous > 0) expect(got.get(key), key).toEqual(entry);
    const roots = new Map<string, { count: number; previous: number }>();
    for (const c of live()) {
      if (!c.rootCause) continue;
      const entry = roots.get(c.rootCause) ?? { count: 0, previous: 0 };
      if (inSpan(c.rootCauseAt, lastWeek)) entry.count++;
      if (inSpan(c.rootCauseAt, before)) entry.previous++;
      roots.set(c.rootCause, entry);
    }
    const top = [...roots.entries()]
      .filter(([, e]) => e.count > 0)
      .sort((a, b) => b[1].count - a[1].count || b[1].previous - a[1].previous)
      .slice(0, 3);
    expect(digest.figures.rootCauses.map((c) => c.count)).toEqual(top.map(([, e]) => e.count));
    for (const c of digest.figures.rootCauses)
      expect({ count: c.count, previous: c.previous }).toEqual(roots.get(c.key ?? ""));
  });

  it("exports each complaint's category, root cause and recovery as of now", async () => {
    const { bytes } = await interactionsCsv(exported.interactions, KOLKATA);
    const rows = parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Array<Record<string, string>>;
    const complaints = rows.filter((r) => r.kind === "complaint");
    const expected = live().filter((c) => c.at >= lastWeek && c.at < thisWeek);
    expect(complaints).toHaveLength(expected.length);
    const words = { recovered: "recovered", notRecovered: "not_recovered", lost: "lost", pending: "pending" };
    const bySummary = new Map(expected.map((c) => [c.summary, c]));
    for (const row of complaints) {
      const c = bySummary.get(row.summary ?? "") as Seeded;
      expect([row.category, row.root_cause, row.recovery]).toEqual([
        c.category ?? "",
        c.rootCause ?? "",
        words[judge(c, app.clock.now())],
      ]);
    }
    expect(rows.filter((r) => r.kind !== "complaint").every((r) => r.recovery === "" && r.category === "")).toBe(true);
  });

  it("shows them in the digest, the review and the customer card", async () => {
    const say = async (who: { user: string; channel: string }, text: string) =>
      answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl);
    const review = textOf(await say(MGR1, "review <@U0AGENT|abe> last"));
    expect(review).toContain("Won back after a complaint");
    // A customer whose complaint was followed by a satisfied follow-up; one too recent to judge.
    const satisfied = seeded.find(
      (c) => !c.deleted && c.story.kind === "satisfied" && judge(c, app.clock.now()) === "recovered",
    );
    const card = textOf(await say(AGENT, `customer #S-${satisfied?.n}`));
    expect(card).toContain("After complaints:");
    expect(card).toContain("*won back*");
    const prisma = db();
    const workspace = await prisma.workspace.findFirstOrThrow();
    const fresh = await prisma.customer.create({
      data: { workspaceId: workspace.id, name: "Fresh Complainer", normalizedName: "fresh complainer" },
    });
    await prisma.interaction.create({
      data: {
        workspaceId: workspace.id,
        customerId: fresh.id,
        authorId: ids[AGENT.user] as string,
        kind: "complaint",
        channel: "phone",
        summary: "just now",
        occurredAt: new Date(app.clock.now().getTime() - HOUR),
        reasonCategoryId: category.billing,
      },
    });
    const freshCard = textOf(await say(AGENT, "customer Fresh Complainer"));
    expect(freshCard).toContain("(Billing): *too early to say*");
    // Days ago, and the next conversation went badly: not won back, before the 90 days are up.
    const sour = await prisma.customer.create({
      data: { workspaceId: workspace.id, name: "Sour Complainer", normalizedName: "sour complainer" },
    });
    for (const [kind, ago, sentiment] of [
      ["complaint", 3 * DAY, null],
      ["question", DAY, "negative"],
    ] as const)
      await prisma.interaction.create({
        data: {
          workspaceId: workspace.id,
          customerId: sour.id,
          authorId: ids[AGENT.user] as string,
          kind,
          channel: "phone",
          sentiment,
          summary: `sour ${kind}`,
          occurredAt: new Date(app.clock.now().getTime() - ago),
        },
      });
    expect(textOf(await say(AGENT, "customer Sour Complainer"))).toContain(": *not won back*");
  });
});
