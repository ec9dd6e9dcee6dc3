// Who may see which figures (review, export, digest, targets), what the CSV
// holds, and each role's App Home.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHome, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  ADMIN,
  AGENT,
  DIRECTOR,
  escalateFromCard,
  MGR1,
  OTHER_MGR,
  setUpWorkspace,
} from "../support/workspace-setup.js";

const DAY = 86_400_000;
const DIR = { user: DIRECTOR, channel: "C0DIRS" };
const AGENT2 = { user: "U0AGENT2", channel: "C0SUPPORT" };

describe("reviews, exports, targets and the App Home", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  /** The last answer to a command (after any "working on it" note). */
  const ask = async (who: { user: string; channel: string }, text: string) => {
    const { responseUrl } = await app.driver.command("/rapport", text, who);
    const path = new URL(responseUrl).pathname;
    await app.slack.waitFor("response_url", (args) => args.url === path && !/⏳/.test(textOf(args)));
    const answers = app.slack.callsTo("response_url").filter((c) => c.args.url === path);
    return (answers.at(-1) as { args: Record<string, unknown> }).args;
  };
  const filesFor = (user: string) => [...app.slack.files.values()].filter((f) => f.channelId === `D${user}`);

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: AGENT2.user, name: "bea" });
    await setUpWorkspace(app, ["role <@U0AGENT2|bea> agent team Support"]);
    const prisma = db();
    const workspace = await prisma.workspace.findFirstOrThrow();
    const member = async (slack: string) => prisma.member.findFirstOrThrow({ where: { slackUserId: slack } });
    const agent = await member(AGENT.user);
    const agent2 = await member(AGENT2.user);
    const sales = await member(OTHER_MGR.user);
    const customer = await prisma.customer.create({
      data: { workspaceId: workspace.id, name: 'Acme, "Ltd"', normalizedName: "acme ltd", externalId: "=1+1" },
    });
    // Last week (UTC: everyone's zone here), on its Wednesday noon: the agent logs 6, bea 2, xena (Sales) 3.
    const today = new Date();
    const monday = Date.UTC(
      today.getUTCFullYear(),
      today.getUTCMonth(),
      today.getUTCDate() - ((today.getUTCDay() + 6) % 7),
    );
    const lastWeek = new Date(monday - 5 * DAY + 12 * 3_600_000);
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ({
        authorId: agent.id,
        kind: i < 2 ? "complaint" : "question",
        summary: `a${i}`,
      })),
      { authorId: agent2.id, kind: "order", summary: '=HYPERLINK("http://evil","x")' },
      { authorId: agent2.id, kind: "question", summary: 'line one\nline two, "quoted" — தமிழ் ✓' },
      ...Array.from({ length: 3 }, (_, i) => ({ authorId: sales.id, kind: "order", summary: `s${i}` })),
    ];
    await prisma.interaction.createMany({
      data: rows.map((r, i) => ({
        workspaceId: workspace.id,
        customerId: customer.id,
        authorId: r.authorId,
        kind: r.kind as "question",
        channel: "phone" as const,
        outcome: i === 0 ? ("resolved" as const) : ("pending" as const),
        summary: r.summary,
        occurredAt: new Date(lastWeek.getTime() + i * 60_000),
      })),
    });
  });
  afterAll(() => app?.stop());

  it("review: agents see themselves, managers their team's people, with the team median; others are refused", async () => {
    const own = await ask(AGENT, "review me last");
    expect(textOf(own)).toContain("Interactions logged: *6*");
    // Support's people with figures or roles: abe 6, bea 2, mia 0, max 0 → median 1.
    expect(textOf(own)).toContain("team median 1");
    expect(textOf(own)).toContain("Complaints resolved at first contact: *50");
    // The same words in another language: "eu" for me, "passada" for last week.
    expect(textOf(await ask(AGENT, "review eu passada"))).toContain("Interactions logged: *6*");

    const other = await ask(AGENT, "review <@U0AGENT2|bea> last");
    expect(textOf(other)).toContain("only see figures for your own team");
    const byManager = await ask(MGR1, "review <@U0AGENT2|bea> last");
    expect(textOf(byManager)).toContain("Interactions logged: *2*");
    const otherTeam = await ask(OTHER_MGR, "review <@U0AGENT|abe> last");
    expect(textOf(otherTeam)).toContain("only see figures for your own team");
    const byDirector = await ask(DIR, "review <@U0AGENT|abe> 2020-W99");
    expect(textOf(byDirector)).toContain("as a period");
  });

  it("review: a week with nothing to count shows zeros, not 'I don't know that person'", async () => {
    const quiet = await ask(DIR, "review <@U0AGENT|abe> 2026-W01");
    expect(textOf(quiet)).toContain("Interactions logged: *0*");
    const stranger = await ask(DIR, "review <@U0NEVER|nobody> last");
    // Named as typed, never as a live mention: the id could be anyone's (the fuzzer sent another workspace's).
    expect(stranger.text).toBe("No figures for @nobody yet: they have not used Rapport.");
    const unnamed = await ask(DIR, "review <@U0NEVER> last");
    expect(unnamed.text).toBe("No figures for @U0NEVER yet: they have not used Rapport.");
    const hostile = await ask(DIR, "review <@U0NEVER|<!channel>> last");
    expect(String(hostile.text)).not.toMatch(/<!channel>|<@U0NEVER/);
  });

  it("review: shows the days the person was away in the period, clipped to it, so a quiet week reads fairly", async () => {
    const prisma = db();
    const agent = await prisma.member.findFirstOrThrow({ where: { slackUserId: AGENT.user } });
    const day = (text: string) => new Date(`${text}T00:00:00Z`);
    // 2026-W01 runs from Monday 29 December 2025 to Sunday 4 January 2026.
    await prisma.absence.createMany({
      data: [
        ["2025-12-01", "2025-12-05", "before the week"],
        ["2025-12-20", "2025-12-30", "holiday"],
        ["2026-01-02", "2026-01-02", "sick <!here>"],
        ["2026-01-04", "2026-01-10", null],
      ].map(([from, to, note]) => ({
        workspaceId: agent.workspaceId,
        memberId: agent.id,
        startsOn: day(from as string),
        endsOn: day(to as string),
        note,
        setById: agent.id,
      })),
    });
    try {
      const text = textOf(await ask(DIR, "review <@U0AGENT|abe> 2026-W01"));
      // 29–30 December, 2 January and 4 January: four of the week's days.
      expect(text).toContain("Days away in this period: *4*");
      expect(text).toContain("Dec 29, 2025 – Dec 30, 2025 (holiday)");
      expect(text).toContain("Jan 2, 2026 (sick &lt;!here&gt;)");
      expect(text).toContain("Jan 4, 2026");
      expect(text).not.toContain("before the week");
      expect(text).not.toContain("<!here>");
      // A week they were not away shows no such line.
      expect(textOf(await ask(DIR, "review <@U0AGENT|abe> 2026-W03"))).not.toContain("Days away");
    } finally {
      await prisma.absence.deleteMany({ where: { memberId: agent.id } });
    }
  });

  it("export: a CSV with a BOM, formulas made inert, quotes and new lines kept; each sees only theirs", async () => {
    const answer = await ask(AGENT2, "export last");
    expect(textOf(answer)).toContain("2 interactions");
    const [interactions, escalations] = filesFor(AGENT2.user);
    expect(interactions?.filename).toMatch(/interactions\.csv$/);
    expect(escalations?.filename).toMatch(/escalations\.csv$/);
    const bytes = interactions?.bytes as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => r.summary)).toEqual([
      '\'=HYPERLINK("http://evil","x")',
      'line one\nline two, "quoted" — தமிழ் ✓',
    ]);
    expect(records.every((r) => r.customer === 'Acme, "Ltd"' && r.customer_id === "'=1+1")).toBe(true);

    // A manager gets their team (abe and bea: 8), not another; the director any team.
    expect(textOf(await ask(MGR1, "export last"))).toContain("8 interactions");
    expect(textOf(await ask(MGR1, "export last Sales"))).toContain("only see figures for your own team");
    expect(textOf(await ask(DIR, "export last Sales"))).toContain("3 interactions");
    expect(textOf(await ask(DIR, "export last Nowhere"))).toContain("There is no team called");
    expect(filesFor(MGR1.user)).toHaveLength(2);
  });

  it("targets: directors set them, others are refused, bad values explained; the digest shows them", async () => {
    expect(textOf(await ask(AGENT, "target complaint-rate 10%"))).toContain("Only directors and admins");
    expect(textOf(await ask(DIR, "target complaint-rate lots"))).toContain("is not a value for that target");
    expect(textOf(await ask(DIR, "target speed 3"))).toContain("Metrics: follow-up-completion");
    expect(textOf(await ask(DIR, "target complaint-rate 10%"))).toContain("Target saved");
    expect(await db().target.findMany()).toMatchObject([{ metric: "complaint_rate", value: 10 }]);
    // Last week: 2 complaints in 11 interactions = 18 %, above the 10 % aimed for.
    const digest = await ask(DIR, "digest last");
    expect(textOf(digest)).toContain("🔸 Complaint rate: 18%");
    expect(textOf(await ask(AGENT, "digest time mon 09:00"))).toContain("Only directors and admins");
  });

  it("the App Home for each role, and refreshed after the person acts", async () => {
    const home = (user: string) => openHome(app, user);
    const agentHome = await home(AGENT.user);
    expect(agentHome).toContain("No follow-ups due today");
    expect(agentHome).not.toContain("escalations waiting");

    await escalateFromCard(app, "Globex complaint phone: broken screen");
    const refreshed = await app.slack.waitFor(
      "views.publish",
      (args) => args.user_id === AGENT.user && textOf(args.view as Record<string, unknown>).includes("Globex"),
    );
    expect(textOf(refreshed.args.view as Record<string, unknown>)).toContain("Your open escalations");

    const managerHome = await home(MGR1.user);
    expect(managerHome).toContain("Support: escalations waiting");
    expect(managerHome).toContain("Globex");
    expect(managerHome).toContain("Support this week");
    // What this week's complaints were about (the escalation filed it under the first category).
    expect(managerHome).toContain("By category: Delivery *1*");
    expect(await home(OTHER_MGR.user)).toContain("No escalation is waiting");
    const directorHome = await home(DIRECTOR);
    expect(directorHome).toContain("All escalations waiting");
    expect(directorHome).toContain("Complaint rate");
    const adminHome = await home(ADMIN.user);
    expect(adminHome).toContain("All escalations waiting");
  });
});
