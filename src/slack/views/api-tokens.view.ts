import type { KnownBlock } from "@slack/types";
import type { ApiTokenInfo } from "../../domain/api/api-token.types.js";
import type { WebhookInfo } from "../../domain/webhooks/webhook.types.js";
import type { Translate } from "../../i18n/i18n.js";
import { verbatim } from "../../i18n/verbatim.js";
import { slackDate } from "../format.js";
import { fitMrkdwn, mrkdwnText } from "../mrkdwn.js";

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });

/** One token: its name, scope, the end of its secret, when it was made and last used. */
export function tokenLine(t: Translate, token: ApiTokenInfo): string {
  return t("api.tokenLine", {
    name: mrkdwnText(token.name, 40),
    scope: t(`api.scope.${token.scope}`),
    hint: verbatim(`\`…${token.hint}\``),
    created: slackDate(token.createdAt, "date"),
    used: token.lastUsedAt ? slackDate(token.lastUsedAt) : t("api.neverUsed"),
  });
}

/** The new token, shown this once. */
export function buildTokenCreated(t: Translate, created: { token: string; info: ApiTokenInfo }) {
  const text = t("api.created", {
    name: mrkdwnText(created.info.name, 40),
    scope: t(`api.scope.${created.info.scope}`),
  });
  return {
    text,
    blocks: [section(text), section(`\`\`\`${created.token}\`\`\``), section(t("api.createdHint"))],
  };
}

export function buildTokenList(t: Translate, tokens: ApiTokenInfo[]): { text: string; blocks: KnownBlock[] } {
  const lines = tokens.map((token) => `• ${tokenLine(t, token)}`);
  const text = [t("api.listTitle"), ...(lines.length ? lines : [t("api.none")])].join("\n");
  return { text: t("api.listTitle"), blocks: [section(fitMrkdwn(text, 3_000))] };
}

/** One webhook: where, for what, its last delivery and the week's failures. */
export function webhookLine(t: Translate, hook: WebhookInfo): string {
  const last = hook.last
    ? t(`webhook.last.${hook.last.status}`, {
        at: slackDate(hook.last.at),
        status: hook.last.httpStatus === null ? "–" : String(hook.last.httpStatus),
      })
    : t("webhook.never");
  return t("webhook.line", {
    url: verbatim(`\`${hook.url.replace(/`/g, "%60").slice(0, 200)}\``),
    events: verbatim(hook.events.join(", ")),
    last,
    failures: String(hook.failures),
  });
}

export function buildWebhookAdded(t: Translate, added: { hook: WebhookInfo; secret: string }) {
  const text = t("webhook.added", { line: verbatim(webhookLine(t, added.hook)) });
  return { text, blocks: [section(text), section(`\`\`\`${added.secret}\`\`\``), section(t("webhook.addedHint"))] };
}

export function buildWebhookList(t: Translate, hooks: WebhookInfo[]): { text: string; blocks: KnownBlock[] } {
  const lines = hooks.map((hook) => `• ${webhookLine(t, hook)}`);
  const text = [t("webhook.listTitle"), ...(lines.length ? lines : [t("webhook.none")])].join("\n");
  return { text: t("webhook.listTitle"), blocks: [section(fitMrkdwn(text, 3_000))] };
}
