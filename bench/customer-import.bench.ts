// Importing 100,000 customers (owners, tags, last-contact dates, external ids) from a CSV file, on
// each database: rows per second through Rapport's import (read, matched, planned, written in
// batches) next to one multi-row INSERT of the same rows in the same run; and the app's ack p99 for
// one-line logs sent while the import runs, next to the same load with nothing else running.
import type { Rapport } from "../src/app.js";
import { runImport } from "../src/imports/run-import.js";
import { fmt, median, onEachDatabase, percentile, startRapportTarget, type Target } from "./support.js";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const OWNERS = 50;
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const AGENT = "U0BENCHAGENT";

function customerFile(): Buffer {
  const lines = ["Name,Email,Owner,Tags,Last contact,External id"];
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (i % 9)).padStart(2, "0");
    lines.push(
      `Imported Customer ${i},customer${i}@example.com,<@U0OWN${String(i % OWNERS).padStart(4, "0")}>,"vip,tier-${i % 3}",2026-${month}-${day},X-${i}`,
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** Acks of one-liners sent 4 at a time until `until` settles (at least 40). */
async function acksWhile(target: Target, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const acks: number[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (!done || acks.length < 40) {
        const i = n++;
        const t0 = performance.now();
        await target.driver.command("/rapport", `log Ack Check ${i % 20} question phone: during ${i}`, {
          user: AGENT,
          channel: "C0BENCH",
        });
        acks.push(performance.now() - t0);
      }
    }),
  );
  return acks.sort((a, b) => a - b);
}

async function measure(name: string, databaseUrl: string): Promise<void> {
  const target = await startRapportTarget(name, databaseUrl, { clock: false });
  const rapport = target.rapport as Rapport;
  try {
    const prisma = rapport.database.prisma;
    target.slack.addUser({ id: AGENT, name: "bench" });
    // The workspace, its owners, and the agent whose one-liners measure the acks.
    await target.driver.command("/rapport", "log Warm Up: first", { user: AGENT, channel: "C0BENCH" });
    const workspace = await prisma.workspace.findFirstOrThrow();
    await prisma.member.createMany({
      data: Array.from({ length: OWNERS }, (_, i) => ({
        workspaceId: workspace.id,
        slackUserId: `U0OWN${String(i).padStart(4, "0")}`,
      })),
    });
    const bytes = customerFile();
    const quiet = await acksWhile(target, new Promise((resolve) => setTimeout(resolve, 3_000)));
    const importInto = (workspaceId: string) =>
      runImport(
        prisma,
        { bytes, dryRun: false, workspaceId },
        { say: () => {}, progress: () => {}, now: () => new Date(), slackUserByEmail: async () => null },
      );
    // Alone, for the rows per second.
    const t0 = performance.now();
    const outcome = await importInto(workspace.id);
    const importMs = performance.now() - t0;
    if (!outcome.ok) throw new Error(outcome.problem);
    const stored = await prisma.customer.count({
      where: { workspaceId: workspace.id, externalId: { startsWith: "X-" } },
    });
    // The baseline: the same rows in one multi-row INSERT (arrays unnested), into a second workspace.
    const other = await prisma.workspace.create({ data: { slackTeamId: "T0BULK" } });
    const owners = await prisma.member.findMany({
      where: { workspaceId: workspace.id, slackUserId: { startsWith: "U0OWN" } },
    });
    const ownerIds = owners.map((o) => o.id);
    const columns = {
      name: [] as string[],
      email: [] as string[],
      owner: [] as string[],
      tags: [] as string[],
      last: [] as string[],
      ext: [] as string[],
    };
    for (let i = 0; i < ROWS; i++) {
      columns.name.push(`Imported Customer ${i}`);
      columns.email.push(`customer${i}@example.com`);
      columns.owner.push(ownerIds[i % ownerIds.length] as string);
      columns.tags.push(`{vip,tier-${i % 3}}`);
      columns.last.push(`2026-${String(1 + (i % 9)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`);
      columns.ext.push(`X-${i}`);
    }
    const b0 = performance.now();
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", email, "ownerId", tags, "lastContactAt", "externalId", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, n, lower(n), e, o::uuid, t::text[], l::timestamptz, x, now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS r(n, e, o, t, l, x)`,
      other.id,
      columns.name,
      columns.email,
      columns.owner,
      columns.tags,
      columns.last,
      columns.ext,
    );
    const bulkMs = performance.now() - b0;

    // The same file into a third workspace while one-liners are sent, for the acks.
    const third = await prisma.workspace.create({ data: { slackTeamId: "T0ACKS" } });
    await prisma.member.createMany({
      data: owners.map((o) => ({ workspaceId: third.id, slackUserId: o.slackUserId })),
    });
    const during = await acksWhile(target, importInto(third.id));
    const rate = (ms: number) => (ROWS / ms) * 1000;
    console.log(
      `\n${name}: ${ROWS} customers, ${OWNERS} owners (stored: ${stored}, created ${outcome.applied?.created})`,
    );
    console.log(
      `  ${"Rapport import (read, plan, write in batches)".padEnd(48)} ${fmt(importMs / 1000, 1)} s  ${fmt(rate(importMs), 0)} rows/s`,
    );
    console.log(
      `  ${"one multi-row INSERT of the same rows".padEnd(48)} ${fmt(bulkMs / 1000, 1)} s  ${fmt(rate(bulkMs), 0)} rows/s`,
    );
    console.log(`  import / bulk insert: ${(importMs / bulkMs).toFixed(2)}× the time`);
    console.log(
      `  ack p50/p99 of one-liners (4 at a time): quiet ${fmt(median(quiet), 0)} /${fmt(percentile(quiet, 99), 0)} ms (${quiet.length}), ` +
        `during the import ${fmt(median(during), 0)} /${fmt(percentile(during, 99), 0)} ms (${during.length}); p99 ratio ${(percentile(during, 99) / percentile(quiet, 99)).toFixed(2)}×`,
    );
  } finally {
    await target.stop();
  }
}

export async function benchCustomerImport(): Promise<void> {
  console.log(`\n== customer import, ${ROWS} rows ==`);
  await onEachDatabase(POSTGRES, measure);
}
