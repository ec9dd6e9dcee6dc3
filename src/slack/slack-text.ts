import { unescapeText } from "../i18n/verbatim.js";

/**
 * Text as the person typed it, from what Slack sends for an escaped slash
 * command or a message: links, mentions and emails are unwrapped to their
 * visible form and &amp; &lt; &gt; decoded. The result is plain text, to be
 * escaped again wherever it goes back into mrkdwn.
 */
export function plainFromSlack(text: string): string {
  return unescapeText(
    text
      .replace(
        /<(mailto:|tel:)?([^<>|]+)\|([^<>]+)>/g,
        (_all, scheme: string | undefined, target: string, label: string) => {
          if (scheme) return label;
          if (target.startsWith("@")) return `@${label}`;
          if (target.startsWith("#")) return `#${label}`;
          if (target.startsWith("!")) return `@${label}`;
          return label === target ? target : `${label} (${target})`;
        },
      )
      .replace(/<(mailto:|tel:)?([^<>|]+)>/g, (_all, _scheme: string | undefined, target: string) =>
        target.startsWith("!") ? `@${target.slice(1).split("^")[0]}` : target,
      ),
  );
}
