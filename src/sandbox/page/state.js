// What the page knows: the demo people and channels, who is acting, where they are looking,
// and the clock of the sandbox (moved by time travel).
export const view = {
  people: [],
  channels: [],
  history: [],
  me: "",
  channel: "C0SUPPORT",
  thread: null,
  modalKey: "",
  last: "",
  now: Date.now(),
  /** The call number the page was loaded at: older ephemeral messages are gone, as after a reload in Slack. */
  since: 0,
  /** Ephemeral messages the person dismissed. */
  dismissed: new Set(),
  /** What was typed and not sent, per conversation (Slack keeps drafts). */
  drafts: {},
};

export const $ = (id) => document.getElementById(id);

/** The acting person: their locale and time zone decide how dates read. */
export const person = () => view.people.find((p) => p.id === view.me) ?? { locale: "en-US", tz: "UTC" };

export async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  if (!response.ok) console.error(`${method} ${path}: ${answer.error ?? response.status}`);
  return answer;
}

export function element(tag, attrs = {}, html) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  if (html !== undefined) node.innerHTML = html;
  return node;
}
