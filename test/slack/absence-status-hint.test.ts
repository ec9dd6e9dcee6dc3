// A Slack status that says "away" is a hint, never the only source: Rapport asks the person once
// per status (user_change), and marks them away only when they say so.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { button, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { AGENT, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const DAY = 86_400_000;
const KIWI = { user: "U0KIWI", channel: "C0SUPPORT" };
const dayIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

describe("a Slack status as a hint of an absence", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  /** Slack tells the app that `user` changed their profile, as user_change carries it. */
  const statusChange = async (
    user: string,
    status: { text: string; emoji: string; expiration?: number },
    team = "T0RAPPORT",
  ) => {
    const response = await app.driver.event(
      {
        type: "user_change",
        user: {
          id: user,
          team_id: team,
          name: user.toLowerCase(),
          deleted: false,
          is_bot: false,
          tz: "Europe/Lisbon",
          profile: {
            real_name: user,
            status_text: status.text,
            status_emoji: status.emoji,
            status_expiration: status.expiration ?? 0,
          },
        },
        cache_ts: Math.floor(app.clock.now().getTime() / 1000),
      },
      { team },
    );
    expect(response.status).toBe(200);
    await app.rapport.settled();
  };
  const questions = (user: string) =>
    app.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === user && c.result?.ok && textOf(c.args).includes("Your Slack status says"));
  const absences = async (slackUserId: string) =>
    (await db().absence.findMany({ where: { member: { slackUserId } } })).map((a) => ({
      from: a.startsOn.toISOString().slice(0, 10),
      to: a.endsOn.toISOString().slice(0, 10),
    }));

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: KIWI.user, name: "kiri", tz: "Pacific/Auckland" });
    await setUpWorkspace(app, ["role <@U0KIWI|kiri> agent team Support"]);
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    await db().absence.deleteMany();
    await db().member.updateMany({ data: { awayStatusSeen: null } });
    app.slack.calls.length = 0;
  });

  it("asks once per status, marks them away only when they say so, for the days it suggested", async () => {
    // A holiday status that Slack clears in three days.
    const expiration = Math.floor((app.clock.now().getTime() + 3 * DAY) / 1000);
    await statusChange(KIWI.user, { text: "Vacationing", emoji: ":palm_tree:", expiration });
    const [question] = questions(KIWI.user);
    expect(question).toBeDefined();
    expect(textOf(question?.args ?? {})).toContain("Vacationing");
    // The status alone marks nothing.
    expect(await absences(KIWI.user)).toEqual([]);

    // The same status again (a retry, another profile edit, a second instance): no second question.
    await statusChange(KIWI.user, { text: "Vacationing", emoji: ":palm_tree:", expiration });
    await statusChange(KIWI.user, { text: "Vacationing", emoji: ":palm_tree:", expiration });
    expect(questions(KIWI.user)).toHaveLength(1);

    const accept = button(question?.args ?? {}, "away_hint_accept");
    await app.driver.blockAction(KIWI, { action_id: accept.action_id, value: accept.value });
    // Their own days, in Auckland: from today there to the day the status ends there.
    const from = dayIn(app.clock.now(), "Pacific/Auckland");
    const to = dayIn(new Date(expiration * 1000 - 1), "Pacific/Auckland");
    await expect.poll(() => absences(KIWI.user)).toEqual([{ from, to }]);
    const answer = app.slack.callsTo("response_url").at(-1)?.args as Json;
    expect(answer.replace_original).toBe(true);
    expect(String(answer.text)).toMatch(/^You are away from /);
  });

  it("does not ask when they are marked away already, nor for a status that says nothing of it", async () => {
    const answer = await app.driver.command("/rapport", "away today", AGENT);
    expect(answer.status).toBe(200);
    await app.rapport.settled();
    await statusChange(AGENT.user, { text: "Out sick", emoji: ":face_with_thermometer:" });
    await statusChange(KIWI.user, { text: "In a meeting", emoji: ":spiral_calendar_pad:" });
    expect([...questions(AGENT.user), ...questions(KIWI.user)]).toEqual([]);
  });

  it("asks again when the status comes back after having changed, and 'not away' changes nothing", async () => {
    await statusChange(KIWI.user, { text: "Lomalla", emoji: "" });
    await statusChange(KIWI.user, { text: "Back at my desk", emoji: "" });
    await statusChange(KIWI.user, { text: "Lomalla", emoji: "" });
    const asked = questions(KIWI.user);
    expect(asked).toHaveLength(2);
    const dismiss = button(asked[1]?.args ?? {}, "away_hint_dismiss");
    await app.driver.blockAction(KIWI, { action_id: dismiss.action_id, value: dismiss.value });
    await expect
      .poll(() => String((app.slack.callsTo("response_url").at(-1)?.args as Json | undefined)?.text))
      .toContain("nothing changed");
    expect(await absences(KIWI.user)).toEqual([]);
  });

  it("leaves people Rapport has never met alone, in this workspace or another", async () => {
    const before = await db().member.count();
    await statusChange("U0STRANGER", { text: "Vacationing", emoji: ":palm_tree:" });
    // Kiri's id, but from another workspace: not the Kiri Rapport knows.
    await statusChange(KIWI.user, { text: "Vacationing", emoji: ":palm_tree:" }, "T0ELSEWHERE");
    expect(app.slack.callsTo("chat.postMessage")).toEqual([]);
    expect(await db().member.count()).toBe(before);
    expect(await db().absence.count()).toBe(0);
  });

  it("shows a status with markers as text: nothing pings", async () => {
    await statusChange(KIWI.user, { text: "Vacation <!channel> <@U0AGENT> *bold*", emoji: ":palm_tree:" });
    const text = textOf(questions(KIWI.user)[0]?.args ?? {});
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<@U0AGENT>");
  });

  it("reads the status with a person's profile too (users.info), where no user_change came", async () => {
    app.slack.addUser({ id: "U0SUNNY", name: "sunny", status: { text: "On holiday", emoji: ":palm_tree:" } });
    const first = await app.driver.command("/rapport", "help", { user: "U0SUNNY", channel: "C0SUPPORT" });
    expect(first.status).toBe(200);
    await app.rapport.settled();
    await expect.poll(() => questions("U0SUNNY").length).toBe(1);
    expect(textOf(questions("U0SUNNY")[0]?.args ?? {})).toContain("On holiday");
    // Read again a day later: the same status, no second question; still nothing marked.
    app.clock.advance(DAY + 60_000);
    await app.driver.command("/rapport", "help", { user: "U0SUNNY", channel: "C0SUPPORT" });
    await app.rapport.settled();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(questions("U0SUNNY")).toHaveLength(1);
    expect(await absences("U0SUNNY")).toEqual([]);
  });
});
