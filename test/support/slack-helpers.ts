import { expect } from "vitest";
import type { RecordedCall } from "../../src/slack-stand-in/fake-slack.js";
import type { TestApp } from "./test-app.js";

type Json = Record<string, unknown>;

/** The answer posted to one command's or action's response_url. */
export async function answerTo(app: TestApp, responseUrl: string, nth = 0): Promise<Json> {
  const path = new URL(responseUrl).pathname;
  await app.slack.waitFor(
    "response_url",
    () => app.slack.callsTo("response_url").filter((c) => c.args.url === path).length > nth,
  );
  return app.slack.callsTo("response_url").filter((c) => c.args.url === path)[nth]?.args as Json;
}

/** Every button in a message, by action_id, with its value. */
export function buttonsOf(message: Json): Array<{ action_id: string; value: string; text: string }> {
  const blocks = (message.blocks ?? []) as Array<{ type: string; elements?: Json[]; accessory?: Json }>;
  return blocks
    .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
    .filter((e) => e.type === "button")
    .map((e) => ({ action_id: String(e.action_id), value: String(e.value), text: String((e.text as Json).text) }));
}

export function button(message: Json, actionId: string): { action_id: string; value: string } {
  const found = buttonsOf(message).find((b) => b.action_id === actionId || b.action_id.startsWith(`${actionId}_`));
  if (!found) throw new Error(`no ${actionId} button in ${JSON.stringify(message.blocks)}`);
  return found;
}

/** All the text a message shows, blocks included, to search in. */
export function textOf(message: Json): string {
  return JSON.stringify(message.blocks ?? message.text);
}

export async function latest(app: TestApp, method: string, before: number): Promise<RecordedCall> {
  return app.slack
    .waitFor(method, () => app.slack.callsTo(method).length > before)
    .then(() => app.slack.callsTo(method).at(-1) as RecordedCall);
}

/** Slack's view_submission state for the log form, from plain values. */
export function logFormState(values: {
  customer?: string;
  kind?: string;
  channel?: string;
  summary?: string;
  outcome?: string;
  sentiment?: string;
  occurredAt?: Date;
  followUpDays?: string;
}): Json {
  const selected = (value?: string) => ({ type: "static_select", selected_option: value ? { value } : null });
  return {
    values: {
      customer: {
        customer_select: {
          type: "external_select",
          selected_option: values.customer ? { value: values.customer } : null,
        },
      },
      kind: { kind_input: selected(values.kind ?? "question") },
      channel: { channel_input: selected(values.channel ?? "phone") },
      summary: { summary_input: { type: "plain_text_input", value: values.summary ?? null } },
      outcome: { outcome_input: { type: "radio_buttons", selected_option: { value: values.outcome ?? "pending" } } },
      sentiment: { sentiment_input: selected(values.sentiment) },
      occurred_at: {
        occurred_at_input: {
          type: "datetimepicker",
          selected_date_time: Math.floor((values.occurredAt ?? new Date()).getTime() / 1000),
        },
      },
      follow_up_days: { follow_up_days_input: { type: "number_input", value: values.followUpDays ?? null } },
    },
  };
}

/** Slack's view_submission state for the campaign form: a segment, an offer, and its first and last day. */
export function campaignFormState(values: {
  name: string;
  offer: string;
  segment: string;
  tag?: string | null;
  starts: string;
  ends: string;
}): Json {
  const value = (v: string | null) => ({ type: "plain_text_input", value: v });
  return {
    values: {
      campaign_name: { campaign_name_input: value(values.name) },
      campaign_offer: { campaign_offer_input: value(values.offer) },
      campaign_segment: {
        campaign_segment_input: { type: "static_select", selected_option: { value: values.segment } },
      },
      campaign_tag: { campaign_tag_input: value(values.tag ?? null) },
      campaign_team: { campaign_team_input: { type: "static_select", selected_option: null } },
      campaign_starts: { campaign_starts_input: { type: "datepicker", selected_date: values.starts } },
      campaign_ends: { campaign_ends_input: { type: "datepicker", selected_date: values.ends } },
    },
  };
}

/** Opens `user`'s Home tab as Slack would and resolves with the text of the view published for it. */
export async function openHome(app: TestApp, user: string): Promise<string> {
  const before = app.slack.callsTo("views.publish").length;
  await app.driver.event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" });
  const published = () =>
    app.slack
      .callsTo("views.publish")
      .slice(before)
      .find((c) => c.args.user_id === user);
  await expect.poll(published).toBeDefined();
  const call = published();
  expect(call?.result?.ok).toBe(true);
  return textOf(call?.args.view as Json);
}

/** The texts a person reads in a message, blocks or a view (not ids, values, metadata or URLs). */
export function readableTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(readableTexts);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "text" && typeof inner === "string"
      ? [inner]
      : ["value", "action_id", "block_id", "callback_id", "private_metadata", "url", "image_url"].includes(key)
        ? []
        : readableTexts(inner),
  );
}

/** Slack's view_submission state for the follow-up's Done form: how it went, and a note. */
export function followUpDoneState(outcome: string, note: string): Json {
  return {
    values: {
      follow_up_outcome: { follow_up_outcome_input: { selected_option: { value: outcome } } },
      follow_up_outcome_note: { follow_up_outcome_note_input: { value: note } },
    },
  };
}

/** `who` presses Done under a follow-up's DM and submits its form: how it went, and a note. */
export async function completeFollowUp(
  app: TestApp,
  who: { user: string; channel: string },
  dm: Json,
  outcome: string,
  note: string,
): Promise<void> {
  const done = button(dm, "follow_up_done");
  const opened = app.slack.callsTo("views.open").length;
  await app.driver.blockAction(who, { action_id: done.action_id, value: done.value });
  const form = (await latest(app, "views.open", opened)).args.view as Json;
  await app.driver.viewSubmission(who, {
    id: `VDONE${Math.random().toString(36).slice(2)}`,
    callback_id: form.callback_id,
    private_metadata: form.private_metadata,
    state: followUpDoneState(outcome, note),
  });
}
