// Slack's mrkdwn as the acting person would see it: mentions by name, dates in their
// language and time zone, quotes, emoji codes, links (Slack permalinks open here).
import { person, view } from "./state.js";

export const escapeHtml = (text) =>
  String(text)
    .replace(/&(?!(amp|lt|gt);)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

export const nameOf = (id) => view.people.find((p) => p.id === id)?.realName ?? id;

const EMOJI = {
  white_check_mark: "✅",
  heavy_check_mark: "✔️",
  grey_question: "❔",
  question: "❓",
  x: "❌",
  warning: "⚠️",
  eyes: "👀",
  tada: "🎉",
  bell: "🔔",
  calendar: "📅",
  bar_chart: "📊",
  memo: "📝",
  rotating_light: "🚨",
  hourglass: "⌛",
  wave: "👋",
  sparkles: "✨",
};

/** An emoji by its Slack name (`white_check_mark`), as Slack draws it. */
export const emoji = (name) => EMOJI[name] ?? `:${name}:`;

const dayOf = (date, tz) =>
  Date.parse(
    new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(date),
  ) / 86_400_000;

/** A date in the acting person's language and time zone. */
export function localDate(date, options) {
  const p = person();
  return new Intl.DateTimeFormat(p.locale, { timeZone: p.tz, ...options }).format(date);
}

/** `<!date^seconds^format|fallback>`: Slack fills the format's tokens for whoever reads it. */
export function slackDate(seconds, format) {
  const p = person();
  const at = new Date(seconds * 1000);
  const now = new Date(view.now);
  const relative = new Intl.RelativeTimeFormat(p.locale, { numeric: "auto" });
  const pretty = (options) => {
    const days = dayOf(at, p.tz) - dayOf(now, p.tz);
    return Math.abs(days) <= 1 ? relative.format(days, "day") : localDate(at, options);
  };
  const ago = () => {
    const minutes = Math.round((at.getTime() - now.getTime()) / 60_000);
    if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
    if (Math.abs(minutes) < 60 * 48) return relative.format(Math.round(minutes / 60), "hour");
    return relative.format(Math.round(minutes / 1440), "day");
  };
  const tokens = {
    date_num: () =>
      new Intl.DateTimeFormat("en-CA", { timeZone: p.tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(
        at,
      ),
    date: () => localDate(at, { dateStyle: "long" }),
    date_short: () => localDate(at, { dateStyle: "medium" }),
    date_long: () => localDate(at, { dateStyle: "full" }),
    date_pretty: () => pretty({ dateStyle: "long" }),
    date_short_pretty: () => pretty({ dateStyle: "medium" }),
    date_long_pretty: () => pretty({ dateStyle: "full" }),
    time: () => localDate(at, { timeStyle: "short" }),
    time_secs: () => localDate(at, { timeStyle: "medium" }),
    ago,
  };
  return format.replace(/\{(\w+)\}/g, (token, name) => (tokens[name] ? tokens[name]() : token));
}

/** A Slack permalink (`…/archives/C…/p1733…`): the conversation and message it points at. */
export function permalinkTarget(href) {
  const found = /\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})/.exec(String(href));
  return found ? { channel: found[1], ts: `${found[2]}.${found[3]}` } : null;
}

function formatted(segment) {
  return escapeHtml(segment)
    .replace(/\*([^*\n]+)\*/g, "<b>$1</b>")
    .replace(/(^|\s)_([^_\n]+)_/g, "$1<i>$2</i>")
    .replace(/~([^~\n]+)~/g, "<s>$1</s>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/:([a-z0-9_+-]+):/g, (code, name) => (EMOJI[name] ? EMOJI[name] : code));
}

/** Slack's mrkdwn, as far as Rapport uses it: mentions, channels, dates, links, bold, italics, code, quotes. */
export function mrkdwn(text) {
  const inline = (line) =>
    line
      .split(/(<[^>\n]+>)/)
      .map((part) => {
        const token = /^<([^>]+)>$/.exec(part);
        if (!token) return formatted(part);
        const [target, label] = token[1].split("|");
        if (target.startsWith("@")) return `<b class="mention">@${escapeHtml(nameOf(target.slice(1)))}</b>`;
        if (target.startsWith("#"))
          return `<b class="mention">#${escapeHtml(label ?? view.channels.find((c) => c.id === target.slice(1))?.name ?? target.slice(1))}</b>`;
        if (target.startsWith("!date^")) {
          const [, seconds, format] = target.split("^");
          return escapeHtml(slackDate(Number(seconds), format ?? "{date_short} {time}"));
        }
        if (target.startsWith("!")) return `<b class="mention">@${escapeHtml(target.slice(1).split("^")[0])}</b>`;
        const inside = permalinkTarget(target);
        return inside
          ? `<a href="#" data-permalink="${escapeHtml(target)}">${escapeHtml(label ?? target)}</a>`
          : `<a href="${escapeHtml(target)}" target="_blank" rel="noopener">${escapeHtml(label ?? target)}</a>`;
      })
      .join("");
  // A line that starts with ">" (or "&gt;", as Slack escapes it) is a quote.
  const lines = String(text ?? "").split("\n");
  return lines
    .map((line) => {
      const quote = /^(?:>|&gt;) ?(.*)$/.exec(line);
      return quote ? `<blockquote>${inline(quote[1])}</blockquote>` : `${inline(line)}<br>`;
    })
    .join("")
    .replace(/<br>$/, "");
}

export const textOf = (t) => (t?.type === "mrkdwn" ? mrkdwn(t.text) : escapeHtml(t?.text ?? ""));
