import type { AllMiddlewareArgs, App, GlobalShortcut, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { guessFromText } from "../../../domain/interactions/guess.js";
import type { SlackDeps } from "../../deps.js";
import { SHORTCUTS } from "../../ids.js";
import { openLogForm } from "../../log-form.js";
import { personOf } from "../../middleware/resolve-person.js";
import { plainFromSlack } from "../../slack-text.js";
import type { LogFormPrefill } from "../../views/log-form.view.js";

/** "Log as customer interaction" on a message: the form, filled from the message. */
export function logMessageShortcut(deps: SlackDeps) {
  return async ({
    ack,
    shortcut,
    client,
    context,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const person = await personOf(context);
    const text = plainFromSlack(shortcut.message.text ?? "");
    const guess = guessFromText(text, { channel: "chat" });
    const prefill: LogFormPrefill = { summary: guess.summary, kind: guess.kind, channel: guess.channel };
    if (guess.customer) {
      const match = await deps.customers.match(person.member.workspaceId, guess.customer);
      prefill.customer =
        match.status === "found" ? { id: match.customer.id, name: match.customer.name } : { newName: guess.customer };
    }
    await openLogForm(
      deps,
      { client: client, triggerId: shortcut.trigger_id, t: person.t, workspaceId: person.member.workspaceId },
      prefill,
      {
        channelId: shortcut.channel.id,
        source: {
          channelId: shortcut.channel.id,
          messageTs: shortcut.message.ts,
          authorSlackId: shortcut.message.user ?? null,
        },
      },
    );
  };
}

/** The ⚡ shortcut, from anywhere (mobile too): the empty form; the confirmation arrives by DM. */
export function logInteractionShortcut(deps: SlackDeps) {
  return async ({
    ack,
    shortcut,
    client,
    context,
  }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs) => {
    await ack();
    const person = await personOf(context);
    await openLogForm(
      deps,
      { client: client, triggerId: shortcut.trigger_id, t: person.t, workspaceId: person.member.workspaceId },
      {},
      {},
    );
  };
}

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: SHORTCUTS.logMessage, type: "message_action" },
    logMessageShortcut(deps),
  );
  app.shortcut<GlobalShortcut>(
    { callback_id: SHORTCUTS.logInteraction, type: "shortcut" },
    logInteractionShortcut(deps),
  );
}
