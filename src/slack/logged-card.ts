import type { LoggedInteraction } from "../domain/interactions/interaction.service.js";
import type { SlackDeps } from "./deps.js";
import type { Person } from "./people.js";
import { buildInteractionCard } from "./views/interaction-card.view.js";

/**
 * The confirmation a person sees for an interaction they just logged or edited; a complaint's
 * shows its category, or the one its words suggest.
 */
export async function loggedCard(deps: SlackDeps, person: Person, logged: LoggedInteraction, edited = false) {
  const { interaction } = logged;
  const actor = { memberId: person.member.id, role: person.member.role };
  const complaint = interaction.kind === "complaint";
  const categories = complaint ? await deps.reasons.list(interaction.workspaceId, true) : [];
  const suggestion =
    complaint && !interaction.reasonCategoryId ? deps.reasons.suggest(categories, interaction.summary) : undefined;
  return buildInteractionCard(person.t, {
    interaction,
    context: logged.context,
    canUndo: !edited && deps.interactions.canUndo(actor, interaction),
    state: edited ? "updated" : logged.created ? "logged" : "duplicate",
    categories,
    ...(suggestion ? { suggestion } : {}),
  });
}
