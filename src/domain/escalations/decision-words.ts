import type { Decision } from "./escalation.types.js";

// The words a manager may start a thread reply with, in every language Rapport speaks.
const WORDS: Array<[Decision, string[]]> = [
  [
    "approve",
    [
      "approve",
      "approved",
      "aprovar",
      "aprovado",
      "aprovo",
      "hyväksy",
      "hyväksytty",
      "hyväksyn",
      "apstiprināt",
      "apstiprinu",
      "apstiprināts",
      "स्वीकार",
      "मंजूर",
      "ஒப்புதல்",
      "அனுமதி",
    ],
  ],
  [
    "reject",
    [
      "reject",
      "rejected",
      "decline",
      "rejeitar",
      "rejeitado",
      "recusar",
      "recuso",
      "hylkää",
      "hylätty",
      "hylkään",
      "noraidīt",
      "noraidu",
      "noraidīts",
      "अस्वीकार",
      "नामंजूर",
      "நிராகரி",
      "மறு",
    ],
  ],
  ["claim", ["claim", "mine", "assumir", "assumo", "otan", "varaan", "uzņemos", "लूँगा", "एडुक्किरेन", "எடுக்கிறேன்"]],
  ["resolve", ["resolve", "resolved", "resolvido", "ratkaistu", "atrisināts", "हल", "தீர்ந்தது"]],
];

const index = new Map<string, Decision>(
  WORDS.flatMap(([decision, words]) => words.map((w) => [w.normalize("NFC").toLowerCase(), decision] as const)),
);

/** "approve — refund agreed" → { decision: approve, note: "refund agreed" }; anything else is conversation (null). */
export function parseDecisionReply(text: string): { decision: Decision; note: string } | null {
  const cleaned = text.replace(/^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>\s*/, "").trim();
  const match = /^([^\s:,.!—-]+)[\s:,.!—-]*([\s\S]*)$/u.exec(cleaned);
  if (!match?.[1]) return null;
  const decision = index.get(match[1].normalize("NFC").toLowerCase());
  return decision ? { decision, note: (match[2] ?? "").trim() } : null;
}
