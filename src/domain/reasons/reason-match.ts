import type { ReasonCategory } from "./reason.types.js";
import { REASON_WORDS } from "./reason-words.js";

// Finding a complaint's category in what people write: a tag at the end of a one-line log
// ("… arrived damaged #delivery"), and a suggestion from the summary's words.

/** Lower case, Latin accents removed (other scripts keep their marks). */
export function foldWord(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase();
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const wordsOf = (text: string) => [...foldWord(text).matchAll(WORD)].map((m) => m[0]);

/** A name as a tag is compared: its words run together ("Product quality" → "productquality"). */
const tagForm = (text: string) => wordsOf(text).join("");

/** `#word` at the end of a text, or a channel Slack escaped there (`<#C123|billing>`). */
const TRAILING_TAG = /\s*(?:#([\p{L}][\p{L}\p{M}\p{N}_-]{0,39})|<#C[A-Z0-9]+\|([^>|]{1,80})>)\s*$/u;

/** The tags at the end of a summary, last first, and the summary before each of them. */
export function trailingTags(summary: string): Array<{ tag: string; before: string }> {
  const found: Array<{ tag: string; before: string }> = [];
  let rest = summary;
  for (let i = 0; i < 3; i++) {
    const match = TRAILING_TAG.exec(rest);
    if (!match) break;
    rest = rest.slice(0, match.index);
    found.push({ tag: match[1] ?? match[2] ?? "", before: rest.trimEnd() });
  }
  return found;
}

/**
 * The category a tag at the end of the summary names, and the summary without it; none when no
 * tag names one of `categories` (the tag then stays part of the summary).
 */
export function categoryFromTags(
  summary: string,
  categories: ReasonCategory[],
  namesOf: (c: ReasonCategory) => string[],
): { category: ReasonCategory; summary: string } | undefined {
  for (const { tag, before } of trailingTags(summary)) {
    const wanted = tagForm(tag);
    if (!wanted || !before) continue;
    const category = categories.find((c) => namesOf(c).some((n) => tagForm(n) === wanted));
    if (category) return { category, summary: before };
  }
  return undefined;
}

const matches = (word: string, stem: string) => (stem.length >= 5 ? word.startsWith(stem) : word === stem);

/**
 * The category the summary's words point to (the defaults' words in every language, and the
 * words of a name an admin gave); none when nothing points anywhere or two point equally.
 */
export function suggestCategory(summary: string, categories: ReasonCategory[]): ReasonCategory | undefined {
  const words = wordsOf(summary);
  if (words.length === 0) return undefined;
  const scored = categories
    .filter((c) => !c.retired && c.key !== "other")
    .map((c) => {
      const stems = [
        ...(c.key && c.key !== "other" ? REASON_WORDS[c.key].map(foldWord) : []),
        // A name an admin gave (a default's own names are in the word list already).
        ...(c.name ? wordsOf(c.name).filter((w) => w.length >= 4) : []),
      ];
      const score = words.filter((w) => stems.some((stem) => matches(w, stem))).length;
      return { c, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || (second && second.score === best.score)) return undefined;
  return best.c;
}
