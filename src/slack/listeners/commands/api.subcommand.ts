import { API_SCOPES, type ApiScope } from "../../../domain/api/api-token.types.js";
import { verbatim } from "../../../i18n/verbatim.js";
import { buildTokenCreated, buildTokenList, buildWebhookAdded, buildWebhookList } from "../../views/api-tokens.view.js";
import type { Subcommand, SubcommandInput } from "./subcommand.js";

// `/rapport api token create <name> [read|write]`, `api token list`, `api token revoke <name>`:
// admins keep the workspace's API tokens. A new token is shown once, to its creator only.

const say = (input: SubcommandInput, text: string) => input.respond({ response_type: "ephemeral", text });

export const apiSubcommand: Subcommand = async (input) => {
  const { person, deps } = input;
  const { t } = person;
  const [what = "", action = "", ...rest] = input.args.trim().split(/\s+/);
  if (what.toLowerCase() === "webhook") return webhookCommand(input, action.toLowerCase(), rest);
  if (what.toLowerCase() !== "token") return void (await say(input, t("api.usage")));
  switch (action.toLowerCase()) {
    case "create": {
      const last = rest.at(-1)?.toLowerCase() ?? "";
      const scope: ApiScope = (API_SCOPES as readonly string[]).includes(last) ? (last as ApiScope) : "read";
      const name = (API_SCOPES as readonly string[]).includes(last) ? rest.slice(0, -1).join(" ") : rest.join(" ");
      const created = await deps.apiTokens.create(person.member, name, scope);
      return void (await input.respond({ response_type: "ephemeral", ...buildTokenCreated(t, created) }));
    }
    case "list":
      return void (await input.respond({
        response_type: "ephemeral",
        ...buildTokenList(t, await deps.apiTokens.list(person.member)),
      }));
    case "revoke": {
      const name = rest.join(" ");
      const revoked = await deps.apiTokens.revoke(person.member, name);
      return void (await say(
        input,
        revoked ? t("api.revoked", { name: verbatim(`\`${name.replace(/`/g, "'")}\``) }) : t("api.noSuchToken"),
      ));
    }
    default:
      return void (await say(input, t("api.usage")));
  }
};

/** `/rapport api webhook add <url> [events…]`, `api webhook list`, `api webhook remove <url>`. */
async function webhookCommand(input: SubcommandInput, action: string, rest: string[]): Promise<void> {
  const { person, deps } = input;
  const { t } = person;
  // Slack sends a typed URL as <https://…> or <https://…|label>.
  const url = (rest[0] ?? "").replace(/^<([^|>]+)(?:\|[^>]*)?>$/, "$1");
  switch (action) {
    case "add": {
      const added = await deps.webhooks.add(person.member, url, rest.slice(1));
      return void (await input.respond({ response_type: "ephemeral", ...buildWebhookAdded(t, added) }));
    }
    case "list":
      return void (await input.respond({
        response_type: "ephemeral",
        ...buildWebhookList(t, await deps.webhooks.list(person.member)),
      }));
    case "remove": {
      const removed = await deps.webhooks.remove(person.member, url);
      return void (await say(input, removed ? t("webhook.removed") : t("webhook.noSuchHook")));
    }
    default:
      return void (await say(input, t("api.usage")));
  }
}
