import type { WebClient } from "@slack/web-api";
import type { Draft } from "../domain/drafts/draft.types.js";
import type { Interaction } from "../domain/interactions/interaction.types.js";
import type { Translate } from "../i18n/i18n.js";
import type { LogFormMetadata } from "./payloads.js";
import { buildLogForm, type LogFormPrefill } from "./views/log-form.view.js";

/** Opens the logging form; `trigger_id` works once, within 3 seconds of the click or command. */
export async function openLogForm(
  client: WebClient,
  triggerId: string,
  t: Translate,
  prefill: LogFormPrefill,
  metadata: LogFormMetadata,
  now: Date,
) {
  await client.views.open({ trigger_id: triggerId, view: buildLogForm(t, prefill, metadata, now) });
}

export function prefillFromDraft(draft: Draft): { prefill: LogFormPrefill; metadata: LogFormMetadata } {
  const { data } = draft;
  return {
    prefill: {
      ...(data.customerId && data.customer
        ? { customer: { id: data.customerId, name: data.customer } }
        : data.customer
          ? { customer: { newName: data.customer } }
          : {}),
      kind: data.kind,
      channel: data.channel,
      summary: data.summary,
    },
    metadata: {
      draftId: draft.id,
      ...(data.replyChannelId ? { channelId: data.replyChannelId } : {}),
      ...(data.source
        ? {
            source: {
              channelId: data.source.channelId,
              messageTs: data.source.messageTs,
              authorSlackId: data.source.authorSlackId ?? null,
            },
          }
        : {}),
    },
  };
}

export function prefillFromInteraction(interaction: Interaction): LogFormPrefill {
  return {
    customer: { id: interaction.customerId, name: interaction.customerName },
    kind: interaction.kind,
    channel: interaction.channel,
    summary: interaction.summary,
    outcome: interaction.outcome,
    sentiment: interaction.sentiment,
    occurredAt: interaction.occurredAt,
  };
}
