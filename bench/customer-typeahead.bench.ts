// The form's customer type-ahead (block_suggestion) with 50,000 customers in
// the workspace, on PGlite and on PostgreSQL, next to a bare Bolt app that
// answers a fixed list. Slack waits 3 seconds for the answer.
import type { Rapport } from "../src/app.js";
import { fmt, forEachTarget, load, median } from "./support.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const QUERIES = ["ma", "silva", "joão", "nokia oy", "kum", "x", "virtanen", "sharma 4", "berz", "lee"];

// Names from the languages the team works in, so prefixes and substrings are realistic.
const FIRST = [
  "Maria",
  "João",
  "Ana",
  "Pedro",
  "Aino",
  "Mikko",
  "Liga",
  "Janis",
  "Priya",
  "Rahul",
  "Kumar",
  "Lakshmi",
  "Emma",
  "Lee",
  "Sofia",
];
const LAST = [
  "Silva",
  "Santos",
  "Virtanen",
  "Korhonen",
  "Berzins",
  "Ozola",
  "Sharma",
  "Patel",
  "Subramanian",
  "Murugan",
  "Smith",
  "Nokia Oy",
  "Costa",
  "Lee",
  "Kalnina",
];

async function seed(rapport: Rapport): Promise<void> {
  const prisma = rapport.database.prisma;
  const { id } = await prisma.workspace.upsert({
    where: { slackTeamId: "T0RAPPORT" },
    create: { slackTeamId: "T0RAPPORT" },
    update: {},
    select: { id: true },
  });
  const first = `ARRAY[${FIRST.map((n) => `'${n}'`).join(",")}]`;
  const last = `ARRAY[${LAST.map((n) => `'${n}'`).join(",")}]`;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Customer" (id, "workspaceId", name, "normalizedName", email, "updatedAt")
    SELECT gen_random_uuid(), '${id}'::uuid, n, lower(translate(n, 'ãáâàçéêíóôõúüāēīšžņļķģč', 'aaaaceeiooouuaeisznlkgc')),
           'c' || i || '@example.com', now()
    FROM (SELECT i, (${first})[1 + i % ${FIRST.length}] || ' ' || (${last})[1 + (i / ${FIRST.length}) % ${LAST.length}] || ' ' || i AS n
          FROM generate_series(1, ${CUSTOMERS}) AS i) AS names`);
}

export async function benchCustomerTypeahead(): Promise<void> {
  console.log(
    `\nCustomer type-ahead: ${CUSTOMERS} customers, ${REQUESTS} block_suggestion requests one at a time, ${ROUNDS} rounds (medians)`,
  );
  console.log(
    `${"target".padEnd(28)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}  p50 vs bare`,
  );
  let baseline: number | undefined;
  await forEachTarget(POSTGRES, async (target) => {
    target.slack.addUser({ id: "U0TYPE", name: "typist" });
    if (target.rapport) await seed(target.rapport);
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push(
        await load(REQUESTS, 1, (i) =>
          target.driver.blockSuggestion({ user: "U0TYPE" }, "customer_select", QUERIES[i % QUERIES.length] ?? "a"),
        ),
      );
    }
    const p50 = median(rounds.map((r) => r.p50));
    baseline ??= p50;
    console.log(
      `${target.name.padEnd(28)}${fmt(median(rounds.map((r) => r.rps)), 0)}${fmt(p50)}${fmt(median(rounds.map((r) => r.p99)))}  ${(p50 / baseline).toFixed(2)}x`,
    );
  });
}
