// The people of the sandbox: one of each role, in different languages and time zones.
import type { FakeUser } from "../slack-stand-in/fake-slack.js";

export interface SandboxPerson extends FakeUser {
  role: "agent" | "manager" | "director" | "admin";
}

export const PEOPLE: SandboxPerson[] = [
  { id: "U0ANA", name: "ana", realName: "Ana Souza", locale: "pt-BR", tz: "America/Sao_Paulo", role: "agent" },
  { id: "U0BEN", name: "ben", realName: "Ben Carter", locale: "en-US", tz: "Europe/London", role: "agent" },
  { id: "U0MIA", name: "mia", realName: "Mia Virtanen", locale: "fi-FI", tz: "Europe/Helsinki", role: "manager" },
  { id: "U0DORA", name: "dora", realName: "Dora Ozola", locale: "lv-LV", tz: "Europe/Riga", role: "director" },
  { id: "U0ADA", name: "ada", realName: "Ada Admin", locale: "en-US", tz: "UTC", role: "admin" },
];

/** The channels the page lists; DMs with the app are "D<user id>". */
export const CHANNELS = [
  { id: "C0SUPPORT", name: "support" },
  { id: "C0MGRS", name: "managers" },
  { id: "C0INTAKE", name: "intake" },
];

/** What an admin types to set the sandbox up, then what agents log so every flow has history. */
export const SET_UP = [
  "team Support channel <#C0MGRS|managers> director <@U0DORA|dora>",
  "role <@U0ANA|ana> agent team Support",
  "role <@U0BEN|ben> agent team Support",
  "role <@U0MIA|mia> manager team Support",
  "role <@U0DORA|dora> director",
  "hours 00:00-24:00 mon-sun UTC",
  "intake <#C0INTAKE|intake> on",
];

export const HISTORY: Array<{ user: string; text: string }> = [
  { user: "U0ANA", text: "log Maria Silva order phone: wants two more boxes of the winter blend" },
  { user: "U0ANA", text: "log Maria Silva question email: asks when the order ships" },
  { user: "U0BEN", text: "log Acme Ltd complaint phone: invoice charged twice" },
  { user: "U0BEN", text: "log Acme Ltd feedback chat: likes the new portal" },
  { user: "U0ANA", text: "log João Pereira question in person: opening hours at Christmas" },
];
