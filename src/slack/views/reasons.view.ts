import type { KnownBlock, PlainTextOption } from "@slack/types";
import type { ReasonCategory } from "../../domain/reasons/reason.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { escapeMrkdwn, fitMrkdwn, shorten } from "../mrkdwn.js";

/** A category's name for this reader: the one an admin gave it, else the default's in their language. */
export const reasonName = (t: Translate, c: Pick<ReasonCategory, "key" | "name">): string =>
  c.name ?? (c.key ? t(`reasons.default.${c.key}`) : "–");

/** The categories in use (and `keep`, the one already chosen, even if retired since), as a select's options. */
export function reasonOptions(
  t: Translate,
  categories: ReasonCategory[],
  keep: string | null = null,
): PlainTextOption[] {
  return categories
    .filter((c) => !c.retired || c.id === keep)
    .slice(0, 100)
    .map((c) => ({ text: { type: "plain_text", text: shorten(reasonName(t, c), 75) }, value: c.id }));
}

/** `/rapport reasons`: the categories in use, then the retired ones. */
export function buildReasonList(t: Translate, categories: ReasonCategory[]): { text: string; blocks: KnownBlock[] } {
  const line = (c: ReasonCategory) => `• ${escapeMrkdwn(reasonName(t, c))}`;
  const inUse = categories.filter((c) => !c.retired).map(line);
  const retired = categories.filter((c) => c.retired).map(line);
  const text = [
    t("reasons.listTitle"),
    ...inUse,
    ...(retired.length ? [t("reasons.retiredTitle"), ...retired] : []),
    t("reasons.usage", { example: verbatim("`/rapport reasons add Warranty`") }),
  ].join("\n");
  return {
    text: t("reasons.listTitle"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: fitMrkdwn(text, 3_000) } }],
  };
}
