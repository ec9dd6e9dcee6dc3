import { App, type Logger as BoltLogger, type CustomRoute, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { Config } from "../config/config.js";

export const EVENTS_PATH = "/slack/events";

/** Bolt over HTTP on PORT (/slack/events), or over Socket Mode when an app token is set. */
export function createSlackApp(config: Config, logger: BoltLogger, customRoutes: CustomRoute[]): App {
  const common = {
    token: config.slack.botToken,
    logger,
    logLevel: LogLevel.INFO,
    extendedErrorHandler: true,
    clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {},
  } as const;
  if (config.slack.appToken) {
    return new App({
      ...common,
      socketMode: true,
      appToken: config.slack.appToken,
      customRoutes,
      installerOptions: { port: config.port },
    });
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? "",
    endpoints: EVENTS_PATH,
    customRoutes,
    logger,
    processBeforeResponse: false,
  });
  return new App({ ...common, receiver });
}
