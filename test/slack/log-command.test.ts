import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerTo, button, buttonsOf, latest, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("/rapport log <customer> [kind] [channel]: <summary>", () => {
  let app: TestApp;
  const agent = { user: "U0AGENT", channel: "C0SUPPORT" };
  const other = { user: "U0OTHER", channel: "C0SUPPORT" };
  const log = (text: string, who = agent) => app.driver.command("/rapport", `log ${text}`, who);
  /** Clicks a button of `message` as `who`; resolves to the answer on that click's response_url. */
  const press = async (message: Record<string, unknown>, actionId: string, who = agent) => {
    const { action_id, value } = button(message, actionId);
    const responseUrl = app.slack.newResponseUrl();
    await app.driver.blockAction(who, { action_id, value }, { response_url: responseUrl });
    return answerTo(app, responseUrl);
  };
  const interactions = () =>
    app.rapport.database.prisma.interaction.findMany({ include: { customer: true }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: agent.user, name: "ana", tz: "Europe/Lisbon" });
    app.slack.addUser({ id: other.user, name: "otto" });
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    const db = app.rapport.database.prisma;
    await db.followUp.deleteMany();
    await db.interaction.deleteMany();
    await db.draft.deleteMany();
    await db.customer.deleteMany();
  });

  it("logs in one line, creates the new customer and confirms with context and buttons", async () => {
    const response = await log("Maria Silva complaint phone: parcel arrived damaged");
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3_000);
    const card = await answerTo(app, response.responseUrl);
    expect(card.response_type).toBe("ephemeral");
    expect(textOf(card)).toContain("Complaint by Phone with *Maria Silva*, Pending");
    expect(textOf(card)).toContain(">parcel arrived damaged");
    expect(textOf(card)).toContain("1 complaint in the last 90 days");
    // A complaint's card: the category its words suggest, to file it under, and Resolved.
    expect(buttonsOf(card).map((b) => b.text)).toEqual([
      "File under Delivery",
      "Resolved",
      "Escalate",
      "Add follow-up",
      "Edit",
      "Undo",
    ]);

    const [stored] = await interactions();
    expect(stored).toMatchObject({
      kind: "complaint",
      channel: "phone",
      outcome: "pending",
      summary: "parcel arrived damaged",
    });
    expect(stored?.customer).toMatchObject({ name: "Maria Silva", normalizedName: "maria silva" });
    const audit = await app.rapport.database.prisma.auditEvent.findFirst({ where: { entityId: stored?.id } });
    expect(audit?.action).toBe("interaction.logged");
  });

  it("answers in the acknowledgement itself when the log is quick: a confirmed log is a stored log", async () => {
    const before = await app.rapport.database.prisma.interaction.count();
    const response = await log("Quick Answer Co: opening hours");
    expect(response.answeredInAck).toBe(true);
    expect(JSON.parse(response.body)).toMatchObject({ response_type: "ephemeral" });
    expect(response.body).toContain("Quick Answer Co");
    // Stored before the answer left, and no second round trip on response_url.
    expect(await app.rapport.database.prisma.interaction.count()).toBe(before + 1);
    const path = new URL(response.responseUrl).pathname;
    expect(app.slack.callsTo("response_url").filter((c) => c.args.url === path && c.args.via !== "ack")).toEqual([]);
  });

  it("accepts synonyms in any case and in either order, with question and phone as defaults", async () => {
    await answerTo(app, (await log("Acme Corp E-MAIL Complain: invoice wrong")).responseUrl);
    await answerTo(app, (await log("Acme Corp: do you open on Sundays?")).responseUrl);
    await answerTo(app, (await log("Acme Corp in person ORDER: two chairs")).responseUrl);
    const rows = await interactions();
    expect(rows.map((r) => [r.kind, r.channel, r.outcome])).toEqual([
      ["complaint", "email", "pending"],
      ["question", "phone", "resolved"],
      ["order", "in_person", "resolved"],
    ]);
    expect(new Set(rows.map((r) => r.customerId)).size).toBe(1);
  });

  it("finds an existing customer whatever the case, accents and spacing, and by email or #id", async () => {
    const maria = await app.rapport.database.prisma.customer.create({
      data: {
        workspaceId: (await app.rapport.database.prisma.workspace.findFirstOrThrow()).id,
        name: "María Silva",
        normalizedName: "maria silva",
        email: "maria@example.com",
        externalId: "C-1042",
      },
    });
    await answerTo(app, (await log("  MARIA   silva : one")).responseUrl);
    await answerTo(app, (await log("<mailto:Maria@Example.com|Maria@Example.com> : two")).responseUrl);
    await answerTo(app, (await log("#C-1042: three")).responseUrl);
    const rows = await interactions();
    expect(rows.map((r) => r.customerId)).toEqual([maria.id, maria.id, maria.id]);
    expect(await app.rapport.database.prisma.customer.count()).toBe(1);
  });

  it("offers close names instead of creating a near-duplicate, and logs for the one chosen", async () => {
    await answerTo(app, (await log("John Smith: first call")).responseUrl);
    const choice = await answerTo(app, (await log("Jon Smith complaint: second call")).responseUrl);
    expect(textOf(choice)).toContain("some names are close");
    expect(await app.rapport.database.prisma.customer.count()).toBe(1);
    expect(await app.rapport.database.prisma.interaction.count()).toBe(1);

    const logged = await press(choice, "draft_pick_customer");
    expect(logged.replace_original).toBe(true);
    expect(textOf(logged)).toContain("with *John Smith*");
    const rows = await interactions();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ kind: "complaint", summary: "second call", customer: { name: "John Smith" } });
  });

  it("can create the new customer from the same choice", async () => {
    await answerTo(app, (await log("John Smith: first call")).responseUrl);
    const choice = await answerTo(app, (await log("Jon Smith: second call")).responseUrl);
    const pressed = await press(choice, "draft_create_customer");
    expect(textOf(pressed)).toContain("with *Jon Smith*");
    expect((await app.rapport.database.prisma.customer.findMany()).map((c) => c.name).sort()).toEqual([
      "John Smith",
      "Jon Smith",
    ]);
  });

  it("asks which one when several customers share the name", async () => {
    const workspaceId = (await app.rapport.database.prisma.workspace.findFirstOrThrow()).id;
    for (const email of ["ana1@example.com", "ana2@example.com"]) {
      await app.rapport.database.prisma.customer.create({
        data: { workspaceId, name: "Ana Costa", normalizedName: "ana costa", email },
      });
    }
    const choice = await answerTo(app, (await log("Ana Costa: which one?")).responseUrl);
    expect(textOf(choice)).toContain("Several customers match");
    expect(textOf(choice)).toContain("Usage: `/rapport log &lt;customer&gt; [kind] [channel]: &lt;summary&gt;`");
    expect(buttonsOf(choice).filter((b) => b.action_id.startsWith("draft_pick_customer"))).toHaveLength(2);
    expect(buttonsOf(choice).some((b) => b.action_id === "draft_create_customer")).toBe(false);
    expect(await app.rapport.database.prisma.interaction.count()).toBe(0);
  });

  it.each([
    ["Acme complant phone: refund please", "I don't know the kind “complant”. Did you mean complaint?"],
    ["Acme complaint:   ", "Write what happened after the colon."],
    ["Acme complaint phone late delivery", "Put a colon between the customer and the summary."],
    [`Acme: ${"x".repeat(2001)}`, "The summary has 2001 characters; the most is 2000."],
    [": nobody", "Say who the customer is before the colon."],
  ])("explains %j, shows the usage and offers the form with the text, storing nothing", async (text, explanation) => {
    const response = await log(text);
    const answer = await answerTo(app, response.responseUrl);
    expect(answer.text).toBe(explanation);
    expect(textOf(answer)).toContain("Usage: `/rapport log &lt;customer&gt; [kind] [channel]: &lt;summary&gt;`");
    expect(await app.rapport.database.prisma.interaction.count()).toBe(0);

    const open = button(answer, "draft_open_form");
    const before = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(agent, { action_id: open.action_id, value: open.value });
    const opened = await latest(app, "views.open", before);
    const view = JSON.stringify(opened.args.view);
    const typedSummary = text.includes(":")
      ? text
          .slice(text.indexOf(":") + 1)
          .trim()
          .slice(0, 2000)
      : text;
    if (typedSummary) expect(view).toContain(JSON.stringify(typedSummary).slice(1, -1).slice(0, 38));
  });

  it("shows user text as text: no @channel, no mention, no link, & kept", async () => {
    const response = await log(
      "Acme: ping <!channel> and <@U0BOSS|boss> see <https://evil.example|bank> &amp; &lt;!here&gt;",
    );
    const card = await answerTo(app, response.responseUrl);
    const [stored] = await interactions();
    expect(stored?.summary).toBe("ping @channel and @boss see bank (https://evil.example) & <!here>");
    const shown = textOf(card);
    expect(shown).toContain("see bank (https://evil.example) &amp; &lt;!here&gt;");
    expect(shown).not.toContain("<!channel>");
    expect(shown).not.toContain("<!here>");
    expect(shown).not.toContain("<@U0BOSS");
    expect(shown).not.toContain("<https://evil.example");
  });

  it("logs a command delivered twice (the same trigger) once", async () => {
    const form = (responseUrl: string) =>
      new URLSearchParams({
        team_id: "T0RAPPORT",
        channel_id: agent.channel,
        user_id: agent.user,
        command: "/rapport",
        text: "log Acme: twice",
        response_url: responseUrl,
        trigger_id: "42.twice",
      }).toString();
    const first = app.slack.newResponseUrl();
    const second = app.slack.newResponseUrl();
    await app.driver.send(form(first), "application/x-www-form-urlencoded");
    await answerTo(app, first);
    await app.driver.send(form(second), "application/x-www-form-urlencoded");
    expect(textOf(await answerTo(app, second))).toContain("Already logged:");
    expect(await app.rapport.database.prisma.interaction.count()).toBe(1);
  });

  describe("Undo", () => {
    it("works for the author in the first minutes: the interaction is soft-deleted and recorded", async () => {
      const card = await answerTo(app, (await log("Acme: oops")).responseUrl);
      const undone = await press(card, "interaction_undo");
      expect(undone.replace_original).toBe(true);
      expect(textOf(undone)).toContain("Undone");
      expect(buttonsOf(undone)).toEqual([]);
      const [row] = await interactions();
      expect(row?.deletedAt).toBeInstanceOf(Date);
      expect(
        await app.rapport.database.prisma.auditEvent.count({
          where: { entityId: row?.id, action: "interaction.undone" },
        }),
      ).toBe(1);
    });

    it("is refused to anyone else, and changes nothing", async () => {
      const card = await answerTo(app, (await log("Acme: mine")).responseUrl);
      const pressed = await press(card, "interaction_undo", other);
      expect(pressed.text).toBe("Only its author or a manager can change this interaction.");
      expect((await interactions())[0]?.deletedAt).toBeNull();
    });

    it("is judged by the app's clock, so it still works right after the clock moved (the sandbox's time travel)", async () => {
      app.clock.advance(3 * 24 * 3_600_000);
      const card = await answerTo(app, (await log("Acme: after the jump")).responseUrl);
      const pressed = await press(card, "interaction_undo");
      expect(textOf(pressed)).toContain("Undone");
    });

    it("is refused after five minutes", async () => {
      const card = await answerTo(app, (await log("Acme: later")).responseUrl);
      app.clock.advance(5 * 60 * 1000 + 1_000);
      const pressed = await press(card, "interaction_undo");
      expect(pressed.text).toBe("It can be undone only in the first 5 minutes; ask a manager to delete it.");
      expect((await interactions())[0]?.deletedAt).toBeNull();
    });

    it("refuses a forged button value without crashing", async () => {
      const responseUrl = app.slack.newResponseUrl();
      await app.driver.blockAction(
        agent,
        { action_id: "interaction_undo", value: '{"i":"not-a-uuid"}' },
        { response_url: responseUrl },
      );
      expect((await answerTo(app, responseUrl)).text).toBe(
        "That button is out of date; please try again from a fresh message.",
      );
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });
  });
});
