// When a follow-up is due, as people type it: "in 3 days", "tomorrow",
// "next monday", "2026-12-01" — and the same in the team's other languages.

export type When =
  | { kind: "in"; minutes: number }
  | { kind: "day"; offsetDays: number }
  | { kind: "weekday"; weekday: number }
  | { kind: "date"; date: string };

const TOMORROW = ["tomorrow", "amanhã", "amanha", "huomenna", "rīt", "rit", "कल", "நாளை"];
const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  segunda: 1,
  terça: 2,
  terca: 2,
  quarta: 3,
  quinta: 4,
  sexta: 5,
  sábado: 6,
  sabado: 6,
  domingo: 7,
  maanantai: 1,
  tiistai: 2,
  keskiviikko: 3,
  torstai: 4,
  perjantai: 5,
  lauantai: 6,
  sunnuntai: 7,
  pirmdiena: 1,
  otrdiena: 2,
  trešdiena: 3,
  ceturtdiena: 4,
  piektdiena: 5,
  sestdiena: 6,
  svētdiena: 7,
};
const UNITS: Array<[RegExp, number]> = [
  [/^(hours?|horas?|tuntia?|tunnin|stundām?|stundas|घंटे|घंटों|மணி(?:நேரம்|நேரத்தில்)?)$/u, 60],
  [/^(days?|dias?|päivää?|päivän|dienām?|dienas|दिन|दिनों|நாட்களில்|நாள்)$/u, 60 * 24],
  [/^(weeks?|semanas?|viikkoa?|viikon|nedēļām?|nedēļas|सप्ताह|हफ़्ते|हफ्ते|வாரம்|வாரங்களில்)$/u, 60 * 24 * 7],
];

export function parseWhen(text: string): When | null {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const joined = words.join(" ");
  if (/^\d{4}-\d{2}-\d{2}$/.test(joined) && !Number.isNaN(Date.parse(`${joined}T00:00:00Z`)))
    return { kind: "date", date: joined };
  if (words.length === 1 && TOMORROW.includes(joined)) return { kind: "day", offsetDays: 1 };
  if (["today", "hoje", "tänään", "šodien", "आज", "இன்று"].includes(joined)) return { kind: "day", offsetDays: 0 };
  // "in 3 days", "daqui a 3 dias", "3 päivän päästä", "pēc 3 dienām", "3 दिन बाद", "3 நாட்களில்"
  const number = words.find((w) => /^\d{1,3}$/.test(w));
  const unit = words.map((w) => UNITS.find(([pattern]) => pattern.test(w))?.[1]).find((u) => u !== undefined);
  if (number && unit) return { kind: "in", minutes: Number(number) * unit };
  // "next monday", "próxima segunda", "ensi maanantai", "nākamā pirmdiena"
  const weekday = words.map((w) => WEEKDAYS[w.replace(/-feira$/, "")]).find((d) => d !== undefined);
  if (weekday) return { kind: "weekday", weekday };
  return null;
}
