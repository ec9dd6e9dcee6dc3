import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, buttonsOf, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Json = Record<string, unknown>;

describe("/rapport customer <name>", () => {
  let app: TestApp;
  const agent = { user: "U0CARD", channel: "C0SUPPORT" };
  const colleague = { user: "U0CARD2", channel: "C0SUPPORT" };
  const db = () => app.rapport.database.prisma;
  let customerId: string;

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: agent.user, name: "cara", displayName: "Cara" });
    app.slack.addUser({ id: colleague.user, name: "carl" });
    await answerTo(
      app,
      (await app.driver.command("/rapport", "log Wayne Enterprises complaint: first &lt;b&gt;bold&lt;/b&gt;", agent))
        .responseUrl,
    );
    const first = await db().interaction.findFirstOrThrow();
    customerId = first.customerId;
    // 24 more, an hour apart, the newest last.
    await db().interaction.createMany({
      data: Array.from({ length: 24 }, (_, i) => ({
        workspaceId: first.workspaceId,
        customerId,
        authorId: first.authorId,
        kind: "question" as const,
        channel: "email" as const,
        summary: `question number ${i + 1}`,
        occurredAt: new Date(first.occurredAt.getTime() + (i + 1) * 3_600_000),
      })),
    });
  });
  afterAll(() => app.stop());

  // The paging line (the card's last context; a complainer's recovery line comes first).
  const page = (message: Json) =>
    (message.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>)
      .filter((b) => b.type === "context")
      .at(-1)?.elements?.[0]?.text;

  it("shows the details and the newest ten entries, with paging through the rest", async () => {
    const card = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer wayne   ENTERPRISES", agent)).responseUrl,
    );
    expect(card.response_type).toBe("ephemeral");
    expect(textOf(card)).toContain('"text":"Wayne Enterprises"');
    expect(page(card)).toBe("1–10 of 25");
    expect(textOf(card)).toContain("question number 24");
    expect(textOf(card)).not.toContain("question number 14");
    expect(buttonsOf(card).map((b) => b.text)).toEqual(["Older"]);

    const older = buttonsOf(card)[0];
    const responseUrl = app.slack.newResponseUrl();
    await app.driver.blockAction(
      agent,
      { action_id: older?.action_id, value: older?.value },
      { response_url: responseUrl },
    );
    const second = await answerTo(app, responseUrl);
    expect(second.replace_original).toBe(true);
    expect(page(second)).toBe("11–20 of 25");
    expect(textOf(second)).toContain("question number 14");
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["Newer", "Older"]);

    const last = buttonsOf(second)[1];
    const lastUrl = app.slack.newResponseUrl();
    await app.driver.blockAction(agent, { action_id: last?.action_id, value: last?.value }, { response_url: lastUrl });
    const third = await answerTo(app, lastUrl);
    expect(page(third)).toBe("21–25 of 25");
    expect(textOf(third)).toContain("first &lt;b&gt;bold&lt;/b&gt;");
    expect(buttonsOf(third).map((b) => b.text)).toEqual(["Newer"]);
  });

  it("says so when nobody has that name", async () => {
    const answer = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer Stark Industries", agent)).responseUrl,
    );
    expect(answer.text).toBe(
      "I know no customer called “Stark Industries”. It is created the first time you log an interaction with it.",
    );
  });

  it("finds a customer by the start of the name, as the form's type-ahead does", async () => {
    const answer = await answerTo(app, (await app.driver.command("/rapport", "customer wayne", agent)).responseUrl);
    expect(textOf(answer)).toContain("Wayne Enterprises");
    expect(textOf(answer)).toContain("question number 24");
  });

  it("offers one close name as a question, not as 'several customers match'", async () => {
    const answer = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer Wayne Enterprizes", agent)).responseUrl,
    );
    expect(answer.text).toBe("No customer is called “Wayne Enterprizes”. Did you mean:");
    expect(textOf(answer)).toContain("• Wayne Enterprises");
  });

  it("lets the author delete an entry from its menu (soft, recorded), and refuses another agent", async () => {
    const card = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer Wayne Enterprises", agent)).responseUrl,
    );
    const overflow = (
      card.blocks as Array<{
        accessory?: { action_id: string; options: Array<{ value: string; text: { text: string } }> };
      }>
    ).find((b) => b.accessory)?.accessory;
    const remove = overflow?.options.find((o) => o.text.text === "Delete");
    if (!overflow || !remove) throw new Error("no menu");
    const target = JSON.parse(remove.value) as { i: string };

    const refusedUrl = app.slack.newResponseUrl();
    await app.driver.blockAction(
      colleague,
      { type: "overflow", action_id: overflow.action_id, selected_option: { value: remove.value } },
      { response_url: refusedUrl },
    );
    expect((await answerTo(app, refusedUrl)).text).toBe("Only its author or a manager can change this interaction.");
    expect((await db().interaction.findUniqueOrThrow({ where: { id: target.i } })).deletedAt).toBeNull();

    const url = app.slack.newResponseUrl();
    await app.driver.blockAction(
      agent,
      { type: "overflow", action_id: overflow.action_id, selected_option: { value: remove.value } },
      { response_url: url },
    );
    expect(textOf(await answerTo(app, url))).toContain("Deleted:");
    const row = await db().interaction.findUniqueOrThrow({ where: { id: target.i } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db().auditEvent.count({ where: { entityId: target.i, action: "interaction.deleted" } })).toBe(1);
    const after = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer Wayne Enterprises", agent)).responseUrl,
    );
    expect(page(after)).toBe("1–10 of 24");
  });

  it("offers Edit and Delete only to people who may use them (the forged click above is still refused)", async () => {
    const menus = (message: Json) =>
      (message.blocks as Array<{ accessory?: { type: string } }>).filter((b) => b.accessory?.type === "overflow")
        .length;
    const mine = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer Wayne Enterprises", agent)).responseUrl,
    );
    expect(menus(mine)).toBe(10);
    const theirs = await answerTo(
      app,
      (await app.driver.command("/rapport", "customer Wayne Enterprises", colleague)).responseUrl,
    );
    expect(menus(theirs)).toBe(0);
    expect(textOf(theirs)).toContain("question number 23");
  });
});
