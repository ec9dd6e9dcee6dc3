import type { AllMiddlewareArgs, App, BlockSuggestion, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { normalizeName } from "../../../domain/customers/normalize.js";
import { clip } from "../../../domain/text.js";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS } from "../../ids.js";
import { personOf } from "../../middleware/resolve-person.js";
import { customerOption } from "../../views/log-form.view.js";

const SUGGESTIONS = 20;

/** The customer type-ahead: matching customers, then "Create …" for what was typed. */
export function customerSuggestions(deps: SlackDeps) {
  return async ({ ack, body, context }: SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs) => {
    const payload = body as BlockSuggestion;
    const person = await personOf(context);
    const query = clip(payload.value.trim(), 140);
    const found = await deps.customers.search(person.member.workspaceId, query, SUGGESTIONS);
    const options = found.map((c) =>
      customerOption(person.t, { id: c.id, name: c.email ? `${c.name} · ${c.email}` : c.name }),
    );
    const exact = found.some((c) => normalizeName(c.name) === normalizeName(query));
    if (query && !exact) options.push(customerOption(person.t, { newName: query }));
    await ack({ options });
  };
}

export function registerOptions(app: App, deps: SlackDeps): void {
  app.options(ACTIONS.customerSelect, customerSuggestions(deps));
}
