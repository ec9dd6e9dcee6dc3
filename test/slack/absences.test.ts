// Who is away: `/rapport away …` by the person, by their manager, read in the absent person's
// time zone; overlapping and touching stretches merge; refusals change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/absences/absence-range.parser.js";
import { answerTo, latest, openHome, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, DIRECTOR, MGR1, OTHER_MGR, setUpWorkspace } from "../support/workspace-setup.js";

const KIWI = { user: "U0KIWI", channel: "C0SUPPORT" };
const DIRECTOR_AT = { user: DIRECTOR, channel: "C0DIRS" };
const HOUR = 3_600_000;
const dayIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
const shown = (day: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

describe("absences", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const say = async (who: { user: string; channel: string }, text: string) =>
    String((await answerTo(app, (await app.driver.command("/rapport", text, who)).responseUrl)).text);
  const rows = async (slackUserId: string) =>
    (
      await db().absence.findMany({
        where: { member: { slackUserId } },
        orderBy: { startsOn: "asc" },
      })
    ).map((a) => ({
      from: a.startsOn.toISOString().slice(0, 10),
      to: a.endsOn.toISOString().slice(0, 10),
      note: a.note,
    }));
  const today = (timeZone = "UTC") => dayIn(app.clock.now(), timeZone);

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: KIWI.user, name: "kiri", tz: "Pacific/Auckland" });
    await setUpWorkspace(app, ["role <@U0KIWI|kiri> agent team Support"]);
    // Auckland is 13 hours ahead in December: from 11:00 UTC its date is already tomorrow's.
    const utcHour = app.clock.now().getUTCHours();
    app.clock.advance((((12 - utcHour + 24) % 24) + 0.5) * HOUR);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().absence.deleteMany();
  });

  it("reads `today` in the absent person's time zone, not the server's", async () => {
    expect(today("Pacific/Auckland")).toBe(addDays(today(), 1));
    const answer = await say(KIWI, "away today sick");
    const day = today("Pacific/Auckland");
    expect(answer).toBe(`You are away from ${shown(day)} to ${shown(day)}.`);
    expect(await rows(KIWI.user)).toEqual([{ from: day, to: day, note: "sick" }]);
  });

  it("merges overlapping and touching stretches into one, keeping the notes", async () => {
    const base = today();
    await say(AGENT, `away ${addDays(base, 20)}..${addDays(base, 24)} holiday`);
    await say(AGENT, `away ${addDays(base, 23)}..${addDays(base, 30)} family`);
    const last = await say(AGENT, `away ${addDays(base, 31)}`);
    expect(last).toBe(`You are away from ${shown(addDays(base, 20))} to ${shown(addDays(base, 31))}.`);
    await say(AGENT, `away ${addDays(base, 40)}..${addDays(base, 41)}`);
    expect(await rows(AGENT.user)).toEqual([
      { from: addDays(base, 20), to: addDays(base, 31), note: "holiday · family" },
      { from: addDays(base, 40), to: addDays(base, 41), note: null },
    ]);
    expect(await db().auditEvent.count({ where: { action: "absence.set" } })).toBeGreaterThanOrEqual(4);
  });

  it("merges two overlapping requests sent at once into one stretch", async () => {
    const base = today();
    await Promise.all([
      say(AGENT, `away ${addDays(base, 5)}..${addDays(base, 9)}`),
      say(AGENT, `away ${addDays(base, 8)}..${addDays(base, 12)}`),
    ]);
    expect(await rows(AGENT.user)).toEqual([{ from: addDays(base, 5), to: addDays(base, 12), note: null }]);
  });

  it("refuses days it cannot read, an end before the start, the past and more than a year, storing nothing", async () => {
    const base = today();
    expect(await say(AGENT, "away next year")).toContain("Write the days as `2026-12-24..2027-01-02`");
    expect(await say(AGENT, "away 2026-02-30")).toContain("Write the days as");
    expect(await say(AGENT, `away ${addDays(base, 9)}..${addDays(base, 3)}`)).toBe(
      "An absence cannot end before it starts.",
    );
    expect(await say(AGENT, `away ${addDays(base, -9)}..${addDays(base, -3)}`)).toBe("Those days have already passed.");
    expect(await say(AGENT, `away ${base}..${addDays(base, 400)}`)).toBe("An absence can cover at most 366 days.");
    const list = await answerTo(app, (await app.driver.command("/rapport", "away", AGENT)).responseUrl);
    expect(textOf(list)).toContain("Nobody is away today or later.");
    expect(await rows(AGENT.user)).toEqual([]);
  });

  it("keeps a note with markers as text: nothing pings, nothing breaks", async () => {
    const answer = await say(AGENT, "away today <!channel> 🤒 \u200b".concat("x".repeat(2_000)));
    expect(answer).toContain("You are away");
    const [row] = await rows(AGENT.user);
    expect(row?.note?.startsWith("@channel 🤒")).toBe(true);
    const list = await answerTo(app, (await app.driver.command("/rapport", "away", MGR1)).responseUrl);
    expect(textOf(list)).not.toContain("<!channel>");
  });

  it("lets a manager mark their own team's people, and nobody else's", async () => {
    expect(await say(MGR1, "away <@U0AGENT|abe> today sick")).toBe(
      `<@U0AGENT> is away from ${shown(today())} to ${shown(today())}.`,
    );
    expect(await say(OTHER_MGR, "away <@U0AGENT|abe> tomorrow")).toBe(
      "Only their manager, a director or an admin can mark someone else away.",
    );
    expect(await say(AGENT, "away <@U0MGR1|mia> tomorrow")).toBe(
      "Only their manager, a director or an admin can mark someone else away.",
    );
    expect(await say(OTHER_MGR, "away <@U0AGENT|abe> off")).toBe(
      "Only their manager, a director or an admin can mark someone else away.",
    );
    expect(await rows(AGENT.user)).toEqual([{ from: today(), to: today(), note: "sick" }]);
    expect(await rows(MGR1.user)).toEqual([]);
    expect(await say(ADMIN, `away <@U0MGR1|mia> ${addDays(today(), 3)}`)).toContain("<@U0MGR1> is away");
  });

  it("lists one's own absences, and a manager's team's, soonest first", async () => {
    await say(AGENT, `away ${addDays(today(), 10)}..${addDays(today(), 12)} dentist`);
    await say(KIWI, "away tomorrow");
    await say(OTHER_MGR, `away ${addDays(today(), 2)}`);
    const mine = textOf(await answerTo(app, (await app.driver.command("/rapport", "away", AGENT)).responseUrl));
    expect(mine).toContain("<@U0AGENT>");
    expect(mine).toContain("dentist");
    expect(mine).not.toContain("U0KIWI");
    const team = textOf(await answerTo(app, (await app.driver.command("/rapport", "away", MGR1)).responseUrl));
    expect(team.indexOf("U0KIWI")).toBeGreaterThan(-1);
    expect(team.indexOf("U0KIWI")).toBeLessThan(team.indexOf("U0AGENT"));
    expect(team).not.toContain("U0MGRX");
  });

  it("keeps past absences and lists the last 90 days' of one's team, latest first", async () => {
    const member = (slackUserId: string) => db().member.findFirstOrThrow({ where: { slackUserId } });
    const [agent, kiwi, other] = await Promise.all([member(AGENT.user), member(KIWI.user), member(OTHER_MGR.user)]);
    const day = (offset: number) => new Date(`${addDays(today(), offset)}T00:00:00Z`);
    await db().absence.createMany({
      data: [
        { member: agent, from: -20, to: -18, note: "conference" },
        { member: kiwi, from: -9, to: -8, note: "flu" },
        { member: kiwi, from: -120, to: -100, note: "long ago" },
        { member: other, from: -5, to: -4, note: "other team" },
      ].map((a) => ({
        workspaceId: a.member.workspaceId,
        memberId: a.member.id,
        startsOn: day(a.from),
        endsOn: day(a.to),
        note: a.note,
        setById: a.member.id,
      })),
    });
    await say(AGENT, "away today still counts as now");
    const past = async (who: { user: string; channel: string }) =>
      textOf(await answerTo(app, (await app.driver.command("/rapport", "away past", who)).responseUrl));
    const team = await past(MGR1);
    expect(team).toContain("Who was away (the last 90 days)");
    expect(team.indexOf("flu")).toBeGreaterThan(-1);
    expect(team.indexOf("flu")).toBeLessThan(team.indexOf("conference"));
    for (const absent of ["long ago", "other team", "still counts"]) expect(team).not.toContain(absent);
    const mine = await past(AGENT);
    expect(mine).toContain("conference");
    expect(mine).not.toContain("flu");
    expect(await past(KIWI)).toContain("flu");
    expect(await past(DIRECTOR_AT)).toContain("other team");
  });

  it("`away off` ends today's absence and drops later ones; saying it again says there is nothing to end", async () => {
    await db().absence.create({
      data: {
        workspaceId: (await db().workspace.findFirstOrThrow()).id,
        memberId: (await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).id,
        setById: (await db().member.findFirstOrThrow({ where: { slackUserId: AGENT.user } })).id,
        startsOn: new Date(`${addDays(today(), -3)}T00:00:00Z`),
        endsOn: new Date(`${addDays(today(), 2)}T00:00:00Z`),
      },
    });
    await say(AGENT, `away ${addDays(today(), 9)}`);
    expect(await say(AGENT, "away off")).toBe("Welcome back: you are no longer away.");
    expect(await rows(AGENT.user)).toEqual([{ from: addDays(today(), -3), to: addDays(today(), -1), note: null }]);
    expect(await say(AGENT, "away off")).toBe("There is no absence from today on to end.");
    await say(KIWI, "away today");
    expect(await say(MGR1, "away <@U0KIWI|kiri> off")).toBe("<@U0KIWI> is no longer away.");
    expect(await rows(KIWI.user)).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "absence.ended" } })).toBe(2);
  });

  it("shows a manager who of their team is away today and this week on the Home tab", async () => {
    await say(AGENT, "away today flu");
    await say(KIWI, `away ${addDays(today("Pacific/Auckland"), 20)}`);
    await say(OTHER_MGR, "away tomorrow");
    const home = (user: string) => openHome(app, user);
    const manager = await home(MGR1.user);
    expect(manager).toContain("Away today and this week");
    expect(manager).toContain("<@U0AGENT> · ");
    expect(manager).toContain("flu");
    expect(manager).not.toContain("U0KIWI");
    expect(manager).not.toContain("U0MGRX");
    expect(await home(AGENT.user)).not.toContain("Away today and this week");
  });

  it("lets anyone mark themselves away from the Home tab, refusing bad days in the form, and come back from it", async () => {
    const before = await openHome(app, AGENT.user);
    expect(before).toContain("away_open_form");
    expect(before).not.toContain("away_back");
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(AGENT, { action_id: "away_open_form" });
    const form = (await latest(app, "views.open", opened)).args.view as Record<string, unknown>;
    expect(JSON.stringify(form)).toContain(`"initial_date":"${today()}"`);
    const submit = async (from: string, to: string, note: string, cover: string | null = null) => {
      const response = await app.driver.viewSubmission(AGENT, {
        id: `VAWAY${from}${to}`,
        callback_id: form.callback_id,
        private_metadata: form.private_metadata,
        state: {
          values: {
            away_from: { away_from_input: { type: "datepicker", selected_date: from } },
            away_to: { away_to_input: { type: "datepicker", selected_date: to } },
            away_note: { away_note_input: { type: "plain_text_input", value: note } },
            away_cover: { away_cover_input: { type: "users_select", selected_user: cover } },
          },
        },
      });
      const body = String(response.body ?? "");
      return body ? JSON.parse(body) : {};
    };
    expect(await submit(addDays(today(), 3), addDays(today(), 1), "x")).toEqual({
      response_action: "errors",
      errors: { away_to: "An absence cannot end before it starts." },
    });
    expect(await submit(addDays(today(), -9), addDays(today(), -2), "x")).toMatchObject({
      errors: { away_to: "Those days have already passed." },
    });
    expect((await submit(today(), addDays(today(), 2), "x", AGENT.user)).errors).toHaveProperty("away_cover");
    expect(await rows(AGENT.user)).toEqual([]);

    expect(await submit(today(), addDays(today(), 2), "training\nin Porto <!here>")).toEqual({});
    await expect
      .poll(() => rows(AGENT.user))
      .toEqual([{ from: today(), to: addDays(today(), 2), note: "training in Porto <!here>" }]);
    const during = await openHome(app, AGENT.user);
    expect(during).toContain(`You are away from ${shown(today())} to ${shown(addDays(today(), 2))}.`);
    expect(during).toContain("&lt;!here&gt;");
    expect(during).not.toContain("<!here>");
    expect(during).toContain("away_back");

    await app.driver.blockAction(AGENT, { action_id: "away_back" });
    await expect.poll(() => rows(AGENT.user)).toEqual([]);
    expect(await openHome(app, AGENT.user)).not.toContain("away_back");
  });
});
