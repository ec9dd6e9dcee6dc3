import { type Verbatim, verbatim } from "../i18n/verbatim.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/**
 * A date Slack shows in each reader's own time zone and format, with a plain
 * fallback for clients that cannot (notifications).
 */
export function slackDate(date: Date, style: "date" | "dateTime" = "dateTime"): Verbatim {
  const seconds = Math.floor(date.getTime() / 1000);
  const token = style === "date" ? "{date_short_pretty}" : "{date_short_pretty} {time}";
  return verbatim(`<!date^${seconds}^${token}|${date.toISOString().slice(0, 16).replace("T", " ")} UTC>`);
}

/** A person, as Slack shows them. Slack IDs only (never user text), so nothing to escape. */
export function mention(slackUserId: string): Verbatim {
  return /^[UW][A-Z0-9]+$/.test(slackUserId) ? verbatim(`<@${slackUserId}>`) : escapeMrkdwn(slackUserId);
}

/** A channel, as Slack shows it. */
export function channelLink(channelId: string): Verbatim {
  return /^[CGD][A-Z0-9]+$/.test(channelId) ? verbatim(`<#${channelId}>`) : escapeMrkdwn(channelId);
}
