import type { ExtendedErrorHandlerArgs } from "@slack/bolt/dist/App.js";
import type { WebClient } from "@slack/web-api";
import { DomainError, isDatabaseUnavailable } from "../domain/errors.js";
import type { I18n } from "../i18n/i18n.js";
import { matchLocale, type SupportedLocale } from "../i18n/locales.js";
import type { Logger } from "../logging/logger.js";
import { errorText } from "./error-text.js";
import { BadPayloadError } from "./payloads.js";
import { buildErrorMessage } from "./views/error.view.js";

interface Surface {
  responseUrl?: string;
  channel?: string;
  user?: string;
  typed?: string;
  kind: string;
}

// What a failed request tells us about where its author is waiting for an answer.
function surfaceOf(body: Record<string, unknown>): Surface {
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const nested = (v: unknown) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});
  if (typeof body.command === "string") {
    return {
      kind: `command ${body.command}`,
      responseUrl: text(body.response_url),
      channel: text(body.channel_id),
      user: text(body.user_id),
      typed: `${body.command} ${text(body.text) ?? ""}`.trim(),
    };
  }
  const event = nested(body.event);
  if (body.type === "event_callback") {
    return { kind: `event ${text(event.type)}`, channel: text(event.channel), user: text(event.user) };
  }
  return {
    kind: `interaction ${text(body.type)}`,
    responseUrl: text(body.response_url),
    channel: text(nested(body.channel).id),
    user: text(nested(body.user).id),
  };
}

/**
 * The one path for unhandled errors: the log gets the context, the person gets
 * a short message in their language (with what they typed), never a stack trace.
 */
export function createErrorReporter(deps: {
  i18n: I18n;
  defaultLocale: SupportedLocale;
  logger: Logger;
  client: WebClient;
}) {
  return async ({ error, context, body }: ExtendedErrorHandlerArgs): Promise<void> => {
    const payload = (body ?? {}) as Record<string, unknown>;
    const surface = surfaceOf(payload);
    const cause = (error as { original?: unknown }).original ?? error;
    const unavailable = isDatabaseUnavailable(error) || isDatabaseUnavailable(cause);
    const t = deps.i18n.translator(matchLocale(context.locale as string | undefined) ?? deps.defaultLocale);
    let text: string;
    if (cause instanceof BadPayloadError) {
      // A stale button from an older message, or a forged value: answered politely, nothing broken here.
      deps.logger.info(
        { request: surface.kind, user: surface.user, problem: cause.message },
        "request refused: bad payload",
      );
      text = t("errors.badPayload");
    } else if (cause instanceof DomainError && !unavailable) {
      // An expected refusal (not allowed, too late to undo…): the person is told why; not a failure to log.
      deps.logger.info({ code: cause.code, request: surface.kind, user: surface.user }, "request refused");
      text = errorText(t, cause);
    } else {
      deps.logger.error(
        { err: cause, request: surface.kind, team: context.teamId, user: surface.user },
        unavailable ? "request failed: database unavailable" : "request failed",
      );
      text = t(`errors.${unavailable ? "unavailable" : "unexpected"}`);
    }
    const message = buildErrorMessage(text, t, cause instanceof DomainError ? undefined : surface.typed);
    try {
      if (surface.responseUrl) {
        await fetch(surface.responseUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ response_type: "ephemeral", replace_original: false, ...message }),
          signal: AbortSignal.timeout(5_000),
        });
      } else if (surface.channel && surface.user) {
        await deps.client.chat.postEphemeral({ channel: surface.channel, user: surface.user, ...message });
      } else if (surface.user) {
        await deps.client.chat.postMessage({ channel: surface.user, ...message });
      }
    } catch (reportError) {
      deps.logger.warn({ err: reportError }, "could not tell the user about a failed request");
    }
  };
}
