import type { WebClient } from "@slack/web-api";

/** Rapport cannot work with this Slack: the token is refused, or Slack cannot be reached. */
export class SlackStartError extends Error {
  override name = "SlackStartError";
}

/**
 * Asks Slack who the bot token belongs to (`auth.test`) before taking requests, so a wrong token or
 * an unreachable Slack stops the start with one clear message instead of a "fetch failed" per tick.
 */
export async function checkSlackToken(client: WebClient, apiUrl: string): Promise<void> {
  try {
    await client.auth.test();
  } catch (error) {
    const refused = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof refused === "string")
      throw new SlackStartError(
        `Slack refused SLACK_BOT_TOKEN (${refused}). Set it to the Bot User OAuth Token (xoxb-…) from your Slack app's page: OAuth & Permissions, after installing the app to the workspace.`,
      );
    const cause = (error as { original?: { message?: string }; message?: string }).original?.message;
    throw new SlackStartError(
      `Slack cannot be reached at ${apiUrl} (${cause ?? String((error as Error).message ?? error)}). Check the network, or SLACK_API_URL if you point Rapport elsewhere. To try Rapport without Slack, run \`npm run sandbox\`.`,
    );
  }
}
