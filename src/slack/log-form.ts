import type { WebClient } from "@slack/web-api";
import type { Draft } from "../domain/drafts/draft.types.js";
import type { Interaction } from "../domain/interactions/interaction.types.js";
import type { Translate } from "../i18n/i18n.js";
import type { SlackDeps } from "./deps.js";
import type { LogFormMetadata } from "./payloads.js";
import { buildLogForm, type LogFormPrefill } from "./views/log-form.view.js";

export interface FormOpener {
  client: WebClient;
  /** Works once, within 3 seconds of the click or command. */
  triggerId: string;
  t: Translate;
  workspaceId: string;
}

/** Opens the logging form, with what a complaint can be filed under (and a suggestion from the summary). */
export async function openLogForm(
  deps: Pick<SlackDeps, "reasons" | "now">,
  { client, triggerId, t, workspaceId }: FormOpener,
  prefill: LogFormPrefill,
  metadata: LogFormMetadata,
) {
  const categories = await deps.reasons.list(workspaceId);
  const suggestion = prefill.summary ? deps.reasons.suggest(categories, prefill.summary) : undefined;
  await client.views.open({
    trigger_id: triggerId,
    view: buildLogForm(t, prefill, metadata, deps.now(), { categories, ...(suggestion ? { suggestion } : {}) }),
  });
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
    reasonCategoryId: interaction.reasonCategoryId,
  };
}
