// Importing customers from a spreadsheet or CRM export: the mapping proposed from headers in other
// languages and encodings, the preview, owners matched through Slack by email, idempotent
// re-imports and updates, never a merge by name alone, each kind of bad file refused with nothing
// changed, lapsed customers found at once — and the same through the command line.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { WebClient } from "@slack/web-api";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposeMapping } from "../../src/domain/imports/header-mapping.js";
import { IMPORT_BATCH } from "../../src/domain/imports/import.service.js";
import { type ImportIo, runImport } from "../../src/imports/run-import.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../support/test-database.js";
import { AGENT, setUpWorkspace } from "../support/workspace-setup.js";

const DAY = 24 * 60 * 60 * 1000;

describe("importing customers", () => {
  let app: TestApp;
  let workspaceId: string;
  const db = () => app.rapport.database.prisma;
  const said: string[] = [];
  const io = (): ImportIo => {
    const slack = new WebClient(app.config.slack.botToken, { slackApiUrl: app.config.slack.apiUrl });
    return {
      say: (line) => said.push(line),
      progress: () => {},
      now: () => app.clock.now(),
      slackUserByEmail: async (email) =>
        (await slack.users.lookupByEmail({ email }).catch(() => null))?.user?.id ?? null,
    };
  };
  const importFile = (bytes: Uint8Array, options: { dryRun?: boolean; mapping?: Record<string, string> } = {}) =>
    runImport(
      db(),
      { bytes, dryRun: options.dryRun ?? false, workspaceId, ...(options.mapping ? { mapping: options.mapping } : {}) },
      io(),
    );
  const snapshot = async () =>
    (await db().customer.findMany({ orderBy: { name: "asc" } })).map(({ createdAt: _c, ...c }) => c);

  beforeAll(async () => {
    app = await startTestApp();
    app.slack.addUser({ id: "U0OWNER", name: "olga", email: "olga@example.com" });
    await setUpWorkspace(app);
    workspaceId = (await db().workspace.findFirstOrThrow()).id;
  });
  afterAll(() => app.stop());

  it("proposes the mapping from headers in six languages and from CRM exports", () => {
    expect(proposeMapping(["Nome", "E-mail", "Telefone", "Responsável", "Etiquetas", "Último contato"])).toEqual({
      name: 0,
      email: 1,
      phone: 2,
      owner: 3,
      tags: 4,
      lastContact: 5,
    });
    expect(proposeMapping(["Nimi", "Sähköposti", "Puhelin", "Asiakasnumero"])).toEqual({
      name: 0,
      email: 1,
      phone: 2,
      externalId: 3,
    });
    expect(proposeMapping(["Vārds", "Uzvārds", "E-pasts", "Tālrunis"])).toEqual({
      firstName: 0,
      lastName: 1,
      email: 2,
      phone: 3,
    });
    expect(proposeMapping(["नाम", "ईमेल", "फ़ोन"])).toEqual({ name: 0, email: 1, phone: 2 });
    expect(proposeMapping(["பெயர்", "மின்னஞ்சல்", "தொலைபேசி"])).toEqual({ name: 0, email: 1, phone: 2 });
    // HubSpot and Salesforce exports.
    expect(
      proposeMapping([
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Contact owner",
        "Last Activity Date",
      ]),
    ).toEqual({
      externalId: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      phone: 4,
      owner: 5,
      lastContact: 6,
    });
    expect(proposeMapping(["Account ID", "Account Name", "Account Owner", "Type"])).toEqual({
      externalId: 0,
      name: 1,
      owner: 2,
    });
  });

  const portuguese = [
    "Nome;E-mail;Telefone;Responsável;Etiquetas;Último contato;Código",
    "Padaria São João;joao@padaria.pt;+351 912 345 678;olga@example.com;vip, lisboa;03/10/2026;C-1",
    "Café Ça Va;cava@example.com;;<@U0AGENT>;;2026-06-01;C-2",
    'Fórmula Lda;formula@example.com;;;;;"=HYPERLINK(""http://evil"",""x"")"',
    ";semnome@example.com;;;;;C-4",
    "Duplicada;joao@padaria.pt;;;;;C-5",
    "Data Má;data@example.com;;;;31/02/2026;C-6",
    "E-mail Mau;not-an-email;;;;;C-7",
  ].join("\r\n");

  it("reads a Windows-1252 file with semicolons: previews, then imports, owners matched by email", async () => {
    const bytes = iconv.encode(portuguese, "windows-1252");
    const before = await snapshot();
    const preview = await importFile(bytes, { dryRun: true });
    if (!preview.ok) throw new Error(preview.problem);
    expect(await snapshot()).toEqual(before);
    expect(preview.plan.creates.map((c) => c.row.name)).toEqual(["Padaria São João", "Café Ça Va", "Fórmula Lda"]);
    expect(preview.plan.skipped.map((s) => [s.line, s.reason.code])).toEqual([
      [5, "noName"],
      [6, "duplicateInFile"],
      [7, "badDate"],
      [8, "badEmail"],
    ]);
    expect(said.join("\n")).toContain("To create: 3. To update: 0. Unchanged: 0. Skipped: 4.");
    expect(preview.rejectedCsv).toContain("the same id, email or phone as line 2");

    const done = await importFile(bytes);
    if (!done.ok) throw new Error(done.problem);
    expect(done.applied).toEqual({ created: 3, updated: 0, stopped: false });
    const padaria = await db().customer.findFirstOrThrow({ where: { externalId: "C-1" }, include: { owner: true } });
    expect(padaria).toMatchObject({
      name: "Padaria São João",
      email: "joao@padaria.pt",
      phone: "+351912345678",
      tags: ["vip", "lisboa"],
      lastContactAt: new Date("2026-10-03T00:00:00Z"),
    });
    expect(padaria.owner?.slackUserId).toBe("U0OWNER");
    expect(
      (await db().customer.findFirstOrThrow({ where: { externalId: "C-2" }, include: { owner: true } })).owner
        ?.slackUserId,
    ).toBe(AGENT.user);
    // A formula is kept as the text it is, run by nobody.
    expect((await db().customer.findFirstOrThrow({ where: { email: "formula@example.com" } })).externalId).toBe(
      '=HYPERLINK("http://evil","x")',
    );
    expect(await db().auditEvent.count({ where: { action: "customers.imported" } })).toBe(1);
  });

  it("changes nothing on a second import of the same file, and says what an updated export changes", async () => {
    const bytes = iconv.encode(portuguese, "windows-1252");
    const before = await snapshot();
    const again = await importFile(bytes);
    if (!again.ok) throw new Error(again.problem);
    expect(again.applied).toEqual({ created: 0, updated: 0, stopped: false });
    expect(again.plan.unchanged).toBe(3);
    expect(await snapshot()).toEqual(before);

    const updated = `${portuguese.split("\r\n").slice(0, 2).join("\r\n").replace("+351 912 345 678", "+351 913 000 000")}\r\nNova Loja;nova@example.com;;;;;C-9`;
    const result = await importFile(iconv.encode(updated, "windows-1252"));
    if (!result.ok) throw new Error(result.problem);
    expect(result.applied).toEqual({ created: 1, updated: 1, stopped: false });
    expect(result.plan.updates[0]?.fields).toEqual({ phone: "+351913000000" });
    expect((await db().customer.findFirstOrThrow({ where: { externalId: "C-1" } })).phone).toBe("+351913000000");
  });

  it("never merges by name alone: a namesake is listed for a decision, not created or changed", async () => {
    await db().customer.create({ data: { workspaceId, name: "Acme Lda", normalizedName: "acme lda" } });
    const result = await importFile(new TextEncoder().encode("Name,Email\nAcme Lda,acme@example.com\n"));
    if (!result.ok) throw new Error(result.problem);
    expect(result.plan.sameName.map((s) => s.customer.name)).toEqual(["Acme Lda"]);
    expect(result.applied).toEqual({ created: 0, updated: 0, stopped: false });
    expect(await db().customer.count({ where: { name: "Acme Lda" } })).toBe(1);
    expect(result.rejectedCsv).toContain("same name as the existing customer Acme Lda");
  });

  it("reads UTF-8 with a byte-order mark and UTF-16 (Excel's Unicode text), first and last names joined", async () => {
    const finnish = "Nimi\tSähköposti\tAsiakasnumero\nMäkinen Oy\tinfo@makinen.fi\tF-1\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(finnish, "utf-16le")]);
    const result = await importFile(utf16);
    if (!result.ok) throw new Error(result.problem);
    expect((await db().customer.findFirstOrThrow({ where: { externalId: "F-1" } })).name).toBe("Mäkinen Oy");
    const latvian = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("Vārds,Uzvārds,E-pasts\nJānis,Bērziņš,janis@example.lv\n"),
    ]);
    expect((await importFile(latvian)).ok).toBe(true);
    expect((await db().customer.findFirstOrThrow({ where: { email: "janis@example.lv" } })).name).toBe("Jānis Bērziņš");
  });

  it("refuses an empty, binary, nameless, oversized or 10,000-column file, changing nothing", async () => {
    const before = await snapshot();
    const problem = async (bytes: Uint8Array) => {
      const result = await importFile(bytes);
      return result.ok ? "imported" : result.problem;
    };
    expect(await problem(new Uint8Array())).toBe("The file is empty.");
    expect(await problem(new TextEncoder().encode("\n\n  \n"))).toBe("The file is empty.");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await problem(png)).toContain("not a text file");
    expect(await problem(new TextEncoder().encode("Colour,Size\nred,XL\n"))).toContain(
      "No column holds the customer's name. The header is: Colour, Size",
    );
    expect(await problem(Buffer.alloc(50 * 1024 * 1024 + 1, 0x61))).toContain("larger than 50 MB");
    const wide = `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",")}\n`;
    expect(await problem(new TextEncoder().encode(wide))).toContain("more than 200 columns");
    // A row (not the header) of 10,000 columns is set aside with the reason; the others go in.
    const wideRow = `Name,Email\nWide Row,${"x,".repeat(9_999)}x\nNarrow Row,narrow@example.com\n`;
    const result = await importFile(new TextEncoder().encode(wideRow));
    if (!result.ok) throw new Error(result.problem);
    expect(result.plan.skipped.map((s) => s.reason)).toEqual([{ code: "tooManyColumns", count: 10_001, max: 200 }]);
    expect(result.applied).toEqual({ created: 1, updated: 0, stopped: false });
    expect((await snapshot()).length).toBe(before.length + 1);
  });

  it("finds an imported customer lapsed at once from the last contact date, and nudges the owner", async () => {
    const old = new Date(app.clock.now().getTime() - 200 * DAY).toISOString().slice(0, 10);
    const result = await importFile(
      new TextEncoder().encode(`Name,Owner,Last contact\nSleepy Ltd,olga@example.com,${old}\n`),
    );
    if (!result.ok) throw new Error(result.problem);
    await app.rapport.scheduler.runNow("retention", app.clock.now());
    const sleepy = await db().customer.findFirstOrThrow({ where: { name: "Sleepy Ltd" } });
    expect(
      await db().customerCondition.findFirst({ where: { customerId: sleepy.id, condition: "lapsed" } }),
    ).not.toBeNull();
    await app.slack.waitFor(
      "chat.postMessage",
      (a) => a.channel === "U0OWNER" && JSON.stringify(a).includes("Sleepy Ltd"),
    );
  });

  it("stops between batches when asked, keeps what was written, and goes on from there the next time", async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `Stopped ${i},stopped${i}@example.com`);
    const bytes = new TextEncoder().encode(`Name,Email\n${rows.join("\n")}\n`);
    let batches = 0;
    const stopping = await runImport(
      db(),
      { bytes, dryRun: false, workspaceId },
      {
        ...io(),
        progress: () => {
          batches++;
        },
        stopped: async () => batches >= 1,
      },
    );
    if (!stopping.ok) throw new Error(stopping.problem);
    expect(stopping.applied).toEqual({ created: IMPORT_BATCH, updated: 0, stopped: true });
    expect(await db().customer.count({ where: { name: { startsWith: "Stopped " } } })).toBe(IMPORT_BATCH);
    const rest = await importFile(bytes);
    if (!rest.ok) throw new Error(rest.problem);
    expect(rest.applied).toEqual({ created: 2_500 - IMPORT_BATCH, updated: 0, stopped: false });
    expect(rest.plan.unchanged).toBe(IMPORT_BATCH);
    expect(await db().customer.count({ where: { name: { startsWith: "Stopped " } } })).toBe(2_500);
  });

  it("takes two rows of the same name and nothing else as one: the second is set aside", async () => {
    const result = await importFile(new TextEncoder().encode("Name\nTwin Shop\ntwin shop\n"));
    if (!result.ok) throw new Error(result.problem);
    expect(result.plan.skipped.map((s) => s.reason)).toEqual([{ code: "duplicateInFile", line: 2 }]);
    expect(await db().customer.count({ where: { normalizedName: "twin shop" } })).toBe(1);
  });

  it("paces the nudges of a big import: ten an hour for one owner, never a flood on day one", async () => {
    const old = new Date(app.clock.now().getTime() - 300 * DAY).toISOString().slice(0, 10);
    const rows = Array.from({ length: 25 }, (_, i) => `Paced ${i},olga@example.com,${old},P-${i}`);
    const result = await importFile(new TextEncoder().encode(`Name,Owner,Last contact,Id\n${rows.join("\n")}\n`));
    if (!result.ok) throw new Error(result.problem);
    const paced = () =>
      app.slack
        .callsTo("chat.postMessage")
        .filter((c) => c.args.channel === "U0OWNER" && /Paced \d+/.test(JSON.stringify(c.args))).length;
    await app.rapport.scheduler.runNow("retention", app.clock.now());
    expect(paced()).toBe(10);
    app.clock.advance(60 * 60 * 1000);
    await app.rapport.scheduler.runNow("retention", app.clock.now());
    expect(paced()).toBe(20);
    app.clock.advance(60 * 60 * 1000);
    await app.rapport.scheduler.runNow("retention", app.clock.now());
    expect(paced()).toBe(25);
  });

  describe.skipIf(!TEST_DATABASE_URL)("from the command line", () => {
    it(`previews with --dry-run, then imports, against the configured PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`, async () => {
      const pg = await startTestApp({ database: "postgres" });
      try {
        await setUpWorkspace(pg);
        const folder = mkdtempSync(join(tmpdir(), "rapport-import-"));
        const file = join(folder, "customers.csv");
        writeFileSync(file, "Company,E-mail\nCli Co,cli@example.com\n,nobody@example.com\n");
        const run = (...args: string[]) =>
          promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/import-customers.ts", file, ...args], {
            env: {
              ...process.env,
              SLACK_BOT_TOKEN: pg.config.slack.botToken,
              SLACK_SIGNING_SECRET: "secret",
              SLACK_API_URL: pg.config.slack.apiUrl,
              DATABASE_URL: (pg.config.database as { url: string }).url,
            },
          });
        const dry = await run("--dry-run");
        expect(dry.stdout).toContain("To create: 1.");
        expect(dry.stdout).toContain("Dry run: nothing was changed.");
        expect(await pg.rapport.database.prisma.customer.count()).toBe(0);
        const real = await run();
        expect(real.stdout).toContain("Done: 1 created");
        expect(real.stderr).toContain("1/1 rows");
        expect(readFileSync(`${file}.rejected.csv`, "utf8")).toContain("no name");
        expect(await pg.rapport.database.prisma.customer.count()).toBe(1);
      } finally {
        await pg.stop();
      }
    }, 60_000);
  });
});
