import { createKeyOf, normalizeName } from "../customers/normalize.js";
import type { CustomerFields, ExistingCustomer, ImportRepository } from "./import.repository.js";
import { type ImportRow, type SkippedRow, yieldToOthers } from "./import-rows.js";

// An import, planned then applied: each row matched to an existing customer by external id, then
// email, then phone (or the create key of an earlier import of the same row), else created; never
// merged by name alone — a row that only shares a name with a customer is listed for a decision.
// Applying the same file again finds every row and changes nothing.

export const IMPORT_BATCH = 500;

export interface PlannedUpdate {
  row: ImportRow;
  id: string;
  fields: Partial<CustomerFields>;
}

export interface ImportPlan {
  creates: Array<{ row: ImportRow; fields: CustomerFields & { createKey: string } }>;
  updates: PlannedUpdate[];
  unchanged: number;
  /** Rows whose name matches a customer they have no key in common with: nothing is done with them. */
  sameName: Array<{ row: ImportRow; customer: { id: string; name: string } }>;
  skipped: SkippedRow[];
  /** Rows whose owner could not be found (imported without one). */
  ownersNotFound: Array<{ line: number; owner: string }>;
}

export interface ImportProgress {
  done: number;
  total: number;
  created: number;
  updated: number;
}

export interface ImportDeps {
  repository: ImportRepository;
  /** A Slack user (U…, <@U…>) or an email address as a member's id; null when nobody is found. */
  ownerOf(workspaceId: string, reference: string): Promise<string | null>;
}

const importKey = (row: ImportRow) =>
  `import:${createKeyOf({ name: row.name, email: row.email, phone: row.phone, externalId: row.externalId })}`;

/** What the row changes on the customer: only cells that hold something, and only what differs. */
function changesOf(row: ImportRow, ownerId: string | null, c: ExistingCustomer): Partial<CustomerFields> {
  const fields: Partial<CustomerFields> = {};
  if (row.name !== c.name) fields.name = row.name;
  if (row.email && row.email !== c.email) fields.email = row.email;
  if (row.phone && row.phone !== c.phone) fields.phone = row.phone;
  if (row.externalId && row.externalId !== c.externalId) fields.externalId = row.externalId;
  if (row.tier && row.tier !== c.tier) fields.tier = row.tier;
  if (row.tags.length && row.tags.some((t) => !c.tags.includes(t)))
    fields.tags = [...new Set([...c.tags, ...row.tags])];
  if (row.optedOut !== null && row.optedOut !== c.optedOutOfOffers) fields.optedOutOfOffers = row.optedOut;
  if (ownerId && ownerId !== c.ownerId) fields.ownerId = ownerId;
  // A later contact than the one known moves it on; an older one changes nothing.
  if (row.lastContact && (!c.lastContactAt || row.lastContact > c.lastContactAt))
    fields.lastContactAt = row.lastContact;
  if (row.notes && row.notes !== c.notes) fields.notes = row.notes;
  return fields;
}

export function createImportService(deps: ImportDeps) {
  async function ownersFor(workspaceId: string, rows: ImportRow[], plan: ImportPlan) {
    const found = new Map<string, string | null>();
    for (const reference of new Set(rows.map((r) => r.owner).filter((o): o is string => o !== null)))
      found.set(reference, await deps.ownerOf(workspaceId, reference));
    for (const row of rows)
      if (row.owner && !found.get(row.owner))
        plan.ownersNotFound.push({ line: row.line, owner: row.owner.slice(0, 100) });
    return (row: ImportRow) => (row.owner ? (found.get(row.owner) ?? null) : null);
  }

  return {
    /** What applying the rows would do (nothing is written). */
    async plan(
      workspaceId: string,
      rows: ImportRow[],
      skipped: SkippedRow[],
      /** The admin decided: rows sharing only a name with a customer are new customers. */
      createNamesakes = false,
    ): Promise<ImportPlan> {
      const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, sameName: [], skipped, ownersNotFound: [] };
      const ownerOf = await ownersFor(workspaceId, rows, plan);
      for (let start = 0; start < rows.length; start += IMPORT_BATCH) {
        const batch = rows.slice(start, start + IMPORT_BATCH);
        const existing = await deps.repository.existing(workspaceId, {
          externalIds: batch.flatMap((r) => (r.externalId ? [r.externalId] : [])),
          emails: batch.flatMap((r) => (r.email ? [r.email] : [])),
          phones: batch.flatMap((r) => (r.phone ? [r.phone] : [])),
          createKeys: batch.map(importKey),
          names: batch.map((r) => normalizeName(r.name)),
        });
        const by = (pick: (c: ExistingCustomer) => string | null) =>
          new Map(existing.flatMap((c) => (pick(c) ? [[pick(c) as string, c] as const] : [])));
        const byExternal = by((c) => c.externalId);
        const byEmail = by((c) => c.email);
        const byPhone = by((c) => c.phone);
        const byKey = by((c) => c.createKey);
        const byName = by((c) => c.normalizedName);
        for (const row of batch) {
          const ownerId = ownerOf(row);
          const match =
            (row.externalId && byExternal.get(row.externalId)) ||
            (row.email && byEmail.get(row.email)) ||
            (row.phone && byPhone.get(row.phone)) ||
            byKey.get(importKey(row));
          if (match) {
            const fields = changesOf(row, ownerId, match);
            if (Object.keys(fields).length === 0) plan.unchanged++;
            else plan.updates.push({ row, id: match.id, fields });
            continue;
          }
          const namesake = byName.get(normalizeName(row.name));
          if (namesake && !createNamesakes) {
            plan.sameName.push({ row, customer: { id: namesake.id, name: namesake.name } });
            continue;
          }
          plan.creates.push({
            row,
            fields: {
              name: row.name,
              email: row.email,
              phone: row.phone,
              externalId: row.externalId,
              tier: row.tier,
              tags: row.tags,
              optedOutOfOffers: row.optedOut ?? false,
              ownerId,
              lastContactAt: row.lastContact,
              notes: row.notes,
              createKey: importKey(row),
            },
          });
        }
      }
      return plan;
    },

    /** Writes the plan in batches, saying how far it got after each; audited once at the end. */
    async apply(
      workspaceId: string,
      actorId: string | null,
      plan: ImportPlan,
      progress: (p: ImportProgress) => Promise<void> | void = () => {},
      /** Asked before each batch: an import cancelled stops there (what was written stays, and is found again next time). */
      stopped: () => Promise<boolean> = async () => false,
    ): Promise<{ created: number; updated: number; stopped: boolean }> {
      const total = plan.creates.length + plan.updates.length;
      let created = 0;
      let updated = 0;
      let done = 0;
      for (let start = 0; start < Math.max(plan.creates.length, plan.updates.length); start += IMPORT_BATCH) {
        if (await stopped()) return { created, updated, stopped: true };
        const creates = plan.creates.slice(start, start + IMPORT_BATCH).map((c) => c.fields);
        const updates = plan.updates.slice(start, start + IMPORT_BATCH).map((u) => ({ id: u.id, fields: u.fields }));
        const written = await deps.repository.write(workspaceId, creates, updates);
        created += written.created;
        updated += written.updated;
        done += creates.length + updates.length;
        await progress({ done, total, created, updated });
        // Between batches, whatever else waits (an acknowledgement, a query) goes first.
        await yieldToOthers();
      }
      await deps.repository.audit(workspaceId, actorId, {
        created,
        updated,
        unchanged: plan.unchanged,
        skipped: plan.skipped.length,
        sameName: plan.sameName.length,
      });
      return { created, updated, stopped: false };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
