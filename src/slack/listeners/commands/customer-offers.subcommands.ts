import { escapeMrkdwn } from "../../mrkdwn.js";
import { oneCustomer } from "./customer-reference.js";
import type { Subcommand, SubcommandInput } from "./subcommand.js";

const say = (input: SubcommandInput, text: string) => input.respond({ response_type: "ephemeral", text });

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u;

/** `tag <customer>: vip, winter` or `untag <customer>: winter` */
function retag(remove: boolean): Subcommand {
  return async (input) => {
    const { person, deps } = input;
    const at = input.args.lastIndexOf(":");
    const reference = input.args.slice(0, at).trim();
    const tags = input.args
      .slice(at + 1)
      .split(/[,\s]+/)
      .map((tag) => tag.trim().toLowerCase())
      .filter(Boolean);
    if (at < 0 || !reference || tags.length === 0 || !tags.every((tag) => TAG.test(tag)))
      return void (await say(input, person.t("customer.tagUsage")));
    const customer = await oneCustomer(input, reference);
    if (!customer) return;
    const now = await deps.customers.retag(
      person.member.workspaceId,
      customer.id,
      person.member.id,
      remove ? [] : tags,
      remove ? tags : [],
    );
    await say(
      input,
      person.t("customer.tagsSaved", {
        customer: escapeMrkdwn(customer.name),
        tags: now.length ? now.map((tag) => `\`${escapeMrkdwn(tag)}\``).join(" ") : person.t("customer.none"),
      }),
    );
  };
}

/** `optout <customer>` / `optin <customer>`: no offers, or offers again. */
function optOut(optedOut: boolean): Subcommand {
  return async (input) => {
    const { person, deps } = input;
    const reference = input.args.trim();
    if (!reference) return void (await say(input, person.t("customer.optUsage")));
    const customer = await oneCustomer(input, reference);
    if (!customer) return;
    await deps.customers.setOptedOut(person.member.workspaceId, customer.id, person.member.id, optedOut);
    await say(
      input,
      person.t(optedOut ? "customer.optedOut" : "customer.optedIn", { customer: escapeMrkdwn(customer.name) }),
    );
  };
}

export const CUSTOMER_OFFER_SUBCOMMANDS: Record<string, Subcommand> = {
  tag: retag(false),
  untag: retag(true),
  optout: optOut(true),
  optin: optOut(false),
};
