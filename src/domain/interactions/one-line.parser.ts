import { editDistance } from "../customers/normalize.js";
import { visibleText } from "../text.js";
import { CUSTOMER_NAME_MAX_LENGTH, SUMMARY_MAX_LENGTH } from "./interaction.limits.js";
import {
  allKindWords,
  type Channel,
  channelOf,
  DEFAULT_CHANNEL,
  DEFAULT_KIND,
  type Kind,
  kindOf,
  trailingChannel,
} from "./vocabulary.js";

// `/rapport log <customer> [kind] [channel]: <summary>`
// Kind and channel may come in either order and default to question and phone.
// A customer name that ends in a kind or channel word is written in quotes.

export interface OneLineLog {
  customer: string;
  kind: Kind;
  channel: Channel;
  summary: string;
}

export type OneLineError =
  | { code: "missingSeparator" }
  | { code: "missingCustomer" }
  | { code: "emptySummary" }
  | { code: "summaryTooLong"; max: number; length: number }
  | { code: "customerTooLong"; max: number }
  | { code: "unknownKind"; word: string; suggestion: string };

export type OneLineResult =
  | { ok: true; value: OneLineLog }
  | { ok: false; error: OneLineError; partial: Partial<OneLineLog> };

function splitHead(head: string): { quoted?: string; words: string[] } {
  const quoted = /^\s*["“”«»']([^"“”«»']+)["“”«»']\s*(.*)$/.exec(head);
  if (quoted) return { quoted: quoted[1]?.trim(), words: (quoted[2] ?? "").split(/\s+/).filter(Boolean) };
  return { words: head.split(/\s+/).filter(Boolean) };
}

function closestKindWord(word: string): string | undefined {
  if (word.length < 4) return undefined;
  const limit = word.length < 7 ? 1 : 2;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of allKindWords()) {
    const distance = editDistance(word.toLowerCase(), candidate, limit);
    if (distance > 0 && distance <= limit && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word;
}

interface Tail {
  kind?: Kind;
  channel?: Channel;
  consumed: number;
}

// Kind and channel at the end, in either order ("other" is both a kind and a
// channel word): the reading that uses the most words wins, channel-last first.
function readTail(words: string[], quoted: boolean): Tail {
  const read = (order: Array<"kind" | "channel">): Tail => {
    const rest = [...words];
    const tail: Tail = { consumed: 0 };
    for (const part of [...order].reverse()) {
      // Keep at least one word for the customer unless the customer was quoted.
      const spare = quoted ? 0 : 1;
      if (part === "kind") {
        const kind = rest.length > spare ? kindOf(rest.at(-1) ?? "") : undefined;
        if (kind) {
          tail.kind = kind;
          rest.pop();
          tail.consumed += 1;
        }
      } else {
        const trailing = trailingChannel(rest);
        if (trailing && rest.length - trailing.length >= spare) {
          tail.channel = trailing.channel;
          rest.splice(rest.length - trailing.length);
          tail.consumed += trailing.length;
        }
      }
    }
    return tail;
  };
  const channelLast = read(["kind", "channel"]);
  const kindLast = read(["channel", "kind"]);
  return kindLast.consumed > channelLast.consumed ? kindLast : channelLast;
}

export function parseOneLine(text: string): OneLineResult {
  const separator = text.indexOf(":");
  if (separator < 0) return { ok: false, error: { code: "missingSeparator" }, partial: { summary: text.trim() } };
  const summary = text.slice(separator + 1).trim();
  const { quoted, words } = splitHead(text.slice(0, separator));

  const tail = readTail(words, Boolean(quoted));
  const { kind, channel } = tail;
  words.splice(words.length - tail.consumed);
  // A lone word left is the customer, even if it is also a kind or channel word.
  const customer = (quoted ?? words.join(" ")).trim();
  const partial = { customer, kind: kind ?? DEFAULT_KIND, channel: channel ?? DEFAULT_CHANNEL, summary };

  if (!kind && !quoted && words.length >= 2) {
    const suggestion = closestKindWord(words.at(-1) ?? "");
    if (suggestion) {
      const word = words.at(-1) ?? "";
      const error = { code: "unknownKind" as const, word, suggestion: kindOf(suggestion) ?? suggestion };
      return { ok: false, error, partial: { ...partial, customer: words.slice(0, -1).join(" ") } };
    }
  }
  // A name of zero-width characters or controls names nobody.
  if (!visibleText(customer)) return { ok: false, error: { code: "missingCustomer" }, partial };
  if (customer.length > CUSTOMER_NAME_MAX_LENGTH)
    return { ok: false, error: { code: "customerTooLong", max: CUSTOMER_NAME_MAX_LENGTH }, partial };
  if (!summary) return { ok: false, error: { code: "emptySummary" }, partial };
  if (summary.length > SUMMARY_MAX_LENGTH) {
    return { ok: false, error: { code: "summaryTooLong", max: SUMMARY_MAX_LENGTH, length: summary.length }, partial };
  }
  return { ok: true, value: partial };
}

export { channelOf, kindOf };
