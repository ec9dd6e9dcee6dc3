import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { DomainError } from "../../../domain/errors.js";
import type { LoggedInteraction } from "../../../domain/interactions/interaction.service.js";
import type { ReasonCategory } from "../../../domain/reasons/reason.types.js";
import type { SlackDeps } from "../../deps.js";
import { BLOCK_IDS } from "../../ids.js";
import { type LogFormValues, readLogForm } from "../../log-form.values.js";
import { loggedCard } from "../../logged-card.js";
import { BadPayloadError, decode, type LogFormMetadata, LogFormMetadataSchema } from "../../payloads.js";
import type { Person } from "../../people.js";
import { tellPerson } from "../../reply.js";
import { buildEscalateForm } from "../../views/escalation-forms.view.js";
import { saveAndClose, submitter } from "./guard.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

async function store(
  deps: SlackDeps,
  person: Person,
  values: LogFormValues,
  metadata: LogFormMetadata,
  viewId: string,
): Promise<LoggedInteraction> {
  const { member } = person;
  const { escalate: _escalate, ...fields } = values;
  const outcome = await deps.logging.log(
    { workspaceId: member.workspaceId, memberId: member.id, role: member.role },
    {
      surface: "form",
      fields,
      // Slack sends a double-clicked submit twice with the same view id: the second finds the first.
      requestKey: `view:${viewId}`,
      ...(metadata.interactionId ? { interactionId: metadata.interactionId } : {}),
      ...(metadata.draftId ? { draftId: metadata.draftId } : {}),
      source: metadata.source ?? null,
    },
  );
  if (outcome.status !== "logged") throw new Error(`the form was answered with ${outcome.status}`);
  return outcome.logged;
}

/**
 * The form is submitted: check each field, store, and only then close the form.
 * If storing fails the form stays open with everything typed, and says why.
 */
export function logFormSubmission(deps: SlackDeps) {
  return async (args: SubmitArgs) => {
    const { ack, body, view, client } = args;
    const person = await submitter(args);
    const { t } = person;
    let metadata: LogFormMetadata;
    try {
      metadata = decode(LogFormMetadataSchema, view.private_metadata);
    } catch (error) {
      if (!(error instanceof BadPayloadError)) throw error;
      await ack({ response_action: "errors", errors: { [BLOCK_IDS.summary]: t("errors.badPayload") } });
      return;
    }
    const form = readLogForm(view.state.values, t, deps.now());
    if (!form.ok) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    // Going on to the escalation form: what a complaint can be about, read with the save.
    const escalating = form.values.escalate && !metadata.interactionId;
    let categories: ReasonCategory[] = [];
    const stored = Promise.all([
      store(deps, person, form.values, metadata, view.id),
      escalating ? deps.reasons.list(person.member.workspaceId) : Promise.resolve([]),
    ]).then(([saved, found]) => {
      categories = found;
      return saved;
    });
    const logged = await saveAndClose(args, person, stored, {
      field: (error) =>
        error instanceof DomainError && error.code === "customerUnavailable" ? BLOCK_IDS.customer : BLOCK_IDS.summary,
      typed: form.values.summary,
      channelId: metadata.channelId,
      // "Escalate to a manager" ticked: the same window goes on to the escalation form.
      next: (saved) =>
        escalating
          ? buildEscalateForm(
              t,
              saved.interaction,
              metadata.channelId,
              categories,
              deps.reasons.suggest(categories, saved.interaction.summary),
            )
          : undefined,
    });
    if (!logged) return;
    if (!logged.created && !metadata.interactionId) return; // a repeated submit: the first one already answered
    const { workspaceId } = person.member;
    if (metadata.source && !logged.interaction.sourcePermalink) {
      const { permalink } = await client.chat.getPermalink({
        channel: metadata.source.channelId,
        message_ts: metadata.source.messageTs,
      });
      if (permalink) {
        await deps.interactions.attachPermalink(workspaceId, logged.interaction.id, permalink);
        logged.interaction.sourcePermalink = permalink;
      }
    }
    await tellPerson(
      client,
      body.user.id,
      metadata.channelId,
      await loggedCard(deps, person, logged, Boolean(metadata.interactionId)),
    );
  };
}
