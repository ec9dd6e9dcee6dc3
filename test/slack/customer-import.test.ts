// The customer import in Slack, end to end through the stand-in: the form with its file_input, the
// file read from Slack with the bot token, the preview by DM, Import with a message that updates
// itself, the result and the rows not imported as a file; Cancel and Stop; one import at a time per
// workspace; an import whose instance died taken up again without duplicates; bad files answered in
// the admin's language.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, button, latest, textOf } from "../support/slack-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ADMIN, AGENT, setUpWorkspace } from "../support/workspace-setup.js";

type Json = Record<string, unknown>;
const LUCAS = { user: "U0LUCAS", channel: "C0SETUP" };

describe("importing customers in Slack", () => {
  let app: TestApp;
  const db = () => app.rapport.database.prisma;
  const form = async (who: { user: string; channel: string }) => {
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.command("/rapport", "import", who);
    return (await latest(app, "views.open", opened)).args.view as Json;
  };
  /** The person uploads `bytes` in the form and submits it; resolves with the DM that answers. */
  const send = async (who: { user: string; channel: string }, filename: string, bytes: Buffer) => {
    const view = await form(who);
    const file = app.slack.uploadAs(who.user, filename, bytes);
    const posted = app.slack.callsTo("chat.postMessage").length;
    const response = await app.driver.viewSubmission(who, {
      id: `V${Math.random().toString(36).slice(2)}`,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? "",
      state: { values: { import_file: { import_file_input: { type: "file_input", files: [file] } } } },
    });
    expect(response.body).toBe("");
    return dmAfter(who.user, posted);
  };
  /** The first DM to `user` posted after the first `after` messages. */
  const dmAfter = async (user: string, after: number): Promise<Json> => {
    const found = () =>
      app.slack
        .callsTo("chat.postMessage")
        .slice(after)
        .find((c) => c.args.channel === user);
    await expect.poll(found, { timeout: 10_000 }).toBeTruthy();
    return found()?.args as Json;
  };
  const csv = [
    "Nome;E-mail;Responsável;Último contato",
    "Padaria São João;joao@padaria.pt;<@U0AGENT>;2026-10-03",
    "Café Ça Va;cava@example.com;;",
    ";semnome@example.com;;",
  ].join("\r\n");

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: LUCAS.user, name: "lucas", locale: "pt-BR" });
    await setUpWorkspace(app, ["role <@U0LUCAS|lucas> admin"]);
  });
  afterAll(() => app.stop());

  it("is for admins: an agent is refused; the form takes one CSV file and asks for it when empty", async () => {
    const answer = await answerTo(app, (await app.driver.command("/rapport", "import", AGENT)).responseUrl);
    expect(textOf(answer)).toContain("admin");
    const view = await form(ADMIN);
    const input = (view.blocks as Json[]).find((b) => b.block_id === "import_file") as Json;
    expect(input.element).toMatchObject({ type: "file_input", max_files: 1 });
    const empty = await app.driver.viewSubmission(ADMIN, {
      id: "VIMPORT0",
      callback_id: view.callback_id,
      state: { values: { import_file: { import_file_input: { type: "file_input", files: [] } } } },
    });
    expect(JSON.parse(empty.body)).toEqual({
      response_action: "errors",
      errors: { import_file: "Choose the file to import." },
    });
  });

  it("previews by DM, imports on the click with a message that updates itself, and sends the rows not imported", async () => {
    const before = await db().customer.count();
    const preview = await send(ADMIN, "clientes.csv", iconv.encode(csv, "windows-1252"));
    expect(textOf(preview)).toContain("*2* to create");
    expect(textOf(preview)).toContain("Line 4: no name");
    expect(await db().customer.count()).toBe(before);
    const confirm = button(preview, "import_confirm");
    const updates = app.slack.callsTo("chat.update").length;
    await app.driver.blockAction(ADMIN, confirm);
    const done = await app.slack.waitFor(
      "chat.update",
      (a) => app.slack.callsTo("chat.update").length > updates && textOf(a).includes("Imported clientes.csv"),
    );
    expect(textOf(done.args)).toContain("2 created, 0 updated, 0 unchanged, 1 not imported");
    expect(await db().customer.count()).toBe(before + 2);
    const padaria = await db().customer.findFirstOrThrow({
      where: { email: "joao@padaria.pt" },
      include: { owner: true },
    });
    expect(padaria.owner?.slackUserId).toBe(AGENT.user);
    const shared = await app.slack.waitFor("files.completeUploadExternal", (a) =>
      JSON.stringify(a).includes("Rows not imported"),
    );
    expect(JSON.stringify(shared.args)).toContain("Rows not imported");
    expect(await db().importJob.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).toMatchObject({
      status: "done",
      runningKey: null,
      created: 2,
    });
    // The same file again: nothing to write, no Import button.
    const again = await send(ADMIN, "clientes.csv", iconv.encode(csv, "windows-1252"));
    expect(textOf(again)).toContain("Nothing to import");
    expect(textOf(again)).not.toContain("import_confirm");
  });

  it("imports once on a double click, and tells the second click nothing misleading", async () => {
    const preview = await send(ADMIN, "double.csv", Buffer.from("Name,Email\nDouble Co,double@example.com\n"));
    const confirm = button(preview, "import_confirm");
    const answered = app.slack.callsTo("response_url").length;
    await Promise.all([app.driver.blockAction(ADMIN, confirm), app.driver.blockAction(ADMIN, confirm)]);
    await expect
      .poll(async () => (await db().importJob.findFirstOrThrow({ where: { filename: "double.csv" } })).status)
      .toBe("done");
    expect(await db().customer.count({ where: { email: "double@example.com" } })).toBe(1);
    await app.rapport.settled();
    const said = app.slack
      .callsTo("response_url")
      .slice(answered)
      .map((c) => textOf(c.args));
    expect(said.filter((text) => /import is over/.test(text))).toEqual([]);
  });

  it("cancels a preview (nothing changed, the button then says it is over), in the admin's language", async () => {
    const preview = await send(LUCAS, "novos.csv", Buffer.from("Nome,E-mail\nLoja Nova,nova@example.com\n"));
    expect(textOf(preview)).toContain("Prévia da importação");
    const responded = app.slack.callsTo("response_url").length;
    await app.driver.blockAction(LUCAS, button(preview, "import_stop"));
    const replaced = await latest(app, "response_url", responded);
    expect(textOf(replaced.args)).toContain("cancelada: nada mudou");
    await app.driver.blockAction(LUCAS, button(preview, "import_confirm"));
    await app.slack.waitFor("response_url", (a) => /Essa importação acabou/.test(textOf(a)));
    expect(await db().customer.count({ where: { email: "nova@example.com" } })).toBe(0);
  });

  it("lets the admin bring rows that only share a name with a customer in as new customers", async () => {
    const workspaceId = (await db().workspace.findFirstOrThrow()).id;
    await db().customer.create({ data: { workspaceId, name: "Namesake Lda", normalizedName: "namesake lda" } });
    const uploads = app.slack.callsTo("files.completeUploadExternal").length;
    const preview = await send(ADMIN, "namesakes.csv", Buffer.from("Name\nNamesake Lda\nFresh Co\n"));
    expect(textOf(preview)).toContain("has the name of a customer already here");
    // The rows set aside are already downloadable with the preview.
    await expect.poll(() => app.slack.callsTo("files.completeUploadExternal").length).toBeGreaterThan(uploads);
    const updates = app.slack.callsTo("chat.update").length;
    await app.driver.blockAction(ADMIN, button(preview, "import_confirm_namesakes"));
    await app.slack.waitFor(
      "chat.update",
      (a) => app.slack.callsTo("chat.update").length > updates && textOf(a).includes("Imported namesakes.csv"),
    );
    expect(await db().customer.count({ where: { normalizedName: "namesake lda" } })).toBe(2);
    expect(await db().customer.count({ where: { name: "Fresh Co" } })).toBe(1);
  });

  it("runs one import at a time per workspace: a second admin is told, nothing of theirs is written", async () => {
    const first = await send(ADMIN, "first.csv", Buffer.from("Name,Email\nFirst Co,first@example.com\n"));
    const second = await send(LUCAS, "second.csv", Buffer.from("Name,Email\nSecond Co,second@example.com\n"));
    // The first is running (as if its batches were still being written).
    const job = await db().importJob.findFirstOrThrow({ where: { filename: "first.csv" } });
    await db().importJob.update({
      where: { id: job.id },
      data: { status: "running", runningKey: job.workspaceId, leaseUntil: new Date(Date.now() + 60_000) },
    });
    await app.driver.blockAction(LUCAS, button(second, "import_confirm"));
    await app.slack.waitFor("response_url", (a) => /Outra importação está em andamento/.test(textOf(a)));
    expect(await db().customer.count({ where: { email: "second@example.com" } })).toBe(0);
    expect(textOf(first)).toContain("import_confirm");
    await db().importJob.update({ where: { id: job.id }, data: { status: "done", runningKey: null } });
  });

  it("takes up an import whose instance died mid-way: every row once, none twice", async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `Bulk ${i},bulk${i}@example.com,B-${i}`);
    const preview = await send(ADMIN, "bulk.csv", Buffer.from(`Name,Email,External id\n${rows.join("\n")}\n`));
    expect(textOf(preview)).toContain("*2,500* to create");
    const job = await db().importJob.findFirstOrThrow({ where: { filename: "bulk.csv" } });
    // The instance that ran it wrote the first thousand, then died: its lease ran out.
    const workspaceId = job.workspaceId;
    await db().customer.createMany({
      data: rows.slice(0, 1_000).map((_, i) => ({
        workspaceId,
        name: `Bulk ${i}`,
        normalizedName: `bulk ${i}`,
        email: `bulk${i}@example.com`,
        externalId: `B-${i}`,
      })),
    });
    await db().importJob.update({
      where: { id: job.id },
      data: {
        status: "running",
        runningKey: workspaceId,
        leaseUntil: new Date(app.clock.now().getTime() - 1_000),
        rowsDone: 1_000,
      },
    });
    await app.rapport.scheduler.runNow("imports", app.clock.now());
    await expect
      .poll(async () => (await db().importJob.findUniqueOrThrow({ where: { id: job.id } })).status)
      .toBe("done");
    expect(await db().customer.count({ where: { email: { startsWith: "bulk" } } })).toBe(2_500);
    const final = await db().importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(final).toMatchObject({ created: 1_500, updated: 0, runningKey: null });
  });

  it("answers a file it cannot read in the admin's language, changing nothing; Slack's file stays private", async () => {
    const before = await db().customer.count();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const answer = await send(LUCAS, "logo.csv", png);
    expect(textOf(answer)).toContain("não é um arquivo de texto");
    const nameless = await send(ADMIN, "colours.csv", Buffer.from("Colour,Size\nred,XL\n"));
    expect(textOf(nameless)).toContain("No column holds the customer's name. The first line reads: Colour, Size");
    expect(await db().customer.count()).toBe(before);
    const file = app.slack.uploadAs(ADMIN.user, "secret.csv", Buffer.from("Name\nX\n"));
    const anonymous = await fetch(String(file.url_private), { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });

  it("is offered on an admin's Home tab", async () => {
    const published = app.slack.callsTo("views.publish").length;
    await app.driver.event({ type: "app_home_opened", user: ADMIN.user, channel: "D0ADMIN", tab: "home" });
    const home = (await latest(app, "views.publish", published)).args;
    const opened = app.slack.callsTo("views.open").length;
    await app.driver.blockAction(ADMIN, button(home.view as Json, "import_open"));
    expect(((await latest(app, "views.open", opened)).args.view as Json).callback_id).toBe("import_form");
  });
});
