import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors.js";
import type { TimelineEntry } from "../../src/domain/interactions/interaction.types.js";
import { CHANNELS, KINDS, OUTCOMES } from "../../src/domain/interactions/vocabulary.js";
import { createI18n } from "../../src/i18n/i18n.js";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.js";
import { errorText } from "../../src/slack/error-text.js";
import { buildCustomerCard } from "../../src/slack/views/customer-card.view.js";
import { customerNamed } from "../support/domain-fixtures.js";
import { readableTexts } from "../support/slack-helpers.js";

// Statuses, severities and the like are stored as English words; a person reading Rapport in
// another language must never see them (the Portuguese customer card showed "pending", "approved",
// "high"; the Finnish refusal said "tila on jo claimed").
const ESCALATION_STATUSES = ["open", "claimed", "approved", "rejected", "resolved", "cancelled"] as const;
const SEVERITIES = ["low", "normal", "high", "urgent"] as const;
const FOLLOW_UP_STATUSES = ["pending", "done", "cancelled"] as const;
const RAW = [...ESCALATION_STATUSES, ...SEVERITIES, ...FOLLOW_UP_STATUSES, ...KINDS, ...CHANNELS, ...OUTCOMES];

const i18n = await createI18n("en");
const at = new Date("2026-11-20T10:00:00Z");
const customer = customerNamed("Maria Silva", "c1");
const entries: TimelineEntry[] = [
  ...ESCALATION_STATUSES.flatMap((status) =>
    SEVERITIES.map(
      (severity): TimelineEntry => ({
        type: "escalation",
        id: randomUUID(),
        at,
        status,
        severity,
        reason: "x",
      }),
    ),
  ),
  ...FOLLOW_UP_STATUSES.map(
    (status): TimelineEntry => ({ type: "followUp", id: randomUUID(), at, status, note: "x", assignee: null }),
  ),
  ...KINDS.map(
    (kind, i): TimelineEntry => ({
      type: "interaction",
      id: randomUUID(),
      at,
      kind,
      channel: CHANNELS[i % CHANNELS.length] ?? "phone",
      outcome: OUTCOMES[i % OUTCOMES.length] ?? "pending",
      summary: "x",
      author: null,
      authorId: "m1",
      fromIntake: false,
      changeable: true,
    }),
  ),
];

/** The stored English words that show through in `text` (a word the language itself uses is no leak). */
function leaks(locale: string, text: string): string[] {
  const t = i18n.translator(locale as never);
  const own = new Set(
    ["escalation.status", "severity", "followUp.status", "kind", "channel", "outcome"].flatMap((group) =>
      RAW.map((word) => t(`${group}.${word}`).toLowerCase()),
    ),
  );
  return RAW.filter((word) => !own.has(word) && new RegExp(`(^|[^\\p{L}_])${word}([^\\p{L}_]|$)`, "iu").test(text));
}

describe.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("enum values in %s", (locale) => {
  const t = i18n.translator(locale);

  it("the customer card shows every status, severity, kind, channel and outcome in the reader's words", () => {
    const card = buildCustomerCard(t, { customer, entries, total: entries.length, offset: 0 });
    expect(leaks(locale, readableTexts(card.blocks).join("\n"))).toEqual([]);
  });

  it("a refusal names the escalation's status in the reader's words", () => {
    for (const status of ESCALATION_STATUSES) {
      const text = errorText(t, new DomainError("alreadyDecided", { status, by: "U1" }));
      expect(leaks(locale, text), text).toEqual([]);
      expect(text).toContain(t(`escalation.status.${status}`).toLocaleLowerCase(locale));
    }
  });
});
