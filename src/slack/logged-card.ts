import type { LoggedInteraction } from "../domain/interactions/interaction.service.js";
import type { SlackDeps } from "./deps.js";
import type { Person } from "./people.js";
import { buildInteractionCard } from "./views/interaction-card.view.js";

/** The confirmation a person sees for an interaction they just logged or edited. */
export function loggedCard(deps: SlackDeps, person: Person, logged: LoggedInteraction, edited = false) {
  const actor = { memberId: person.member.id, role: person.member.role };
  return buildInteractionCard(person.t, {
    interaction: logged.interaction,
    context: logged.context,
    canUndo: !edited && deps.interactions.canUndo(actor, logged.interaction),
    state: edited ? "updated" : logged.created ? "logged" : "duplicate",
  });
}
