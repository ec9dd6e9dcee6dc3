// What a hostile value must never become in what the app sends Slack: a live mention, a ping, a
// link. Slack reads these only in mrkdwn (section and context text, fields, a message's `text`),
// never in plain_text, so only mrkdwn is searched.
type Json = Record<string, unknown>;

export const LIVE_MARKER = /<(?:!channel|!here|!everyone|@U0EVIL|#C0EVIL|https?:\/\/evil)/;

/** Every mrkdwn string in a message, view or block list, with where it is. */
export function mrkdwnTexts(value: unknown, path = ""): Array<{ path: string; text: string }> {
  const found: Array<{ path: string; text: string }> = [];
  const visit = (node: unknown, at: string) => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) visit(child, `${at}/${i}`);
      return;
    }
    if (!node || typeof node !== "object") return;
    const object = node as Json;
    if (object.type === "mrkdwn" && typeof object.text === "string")
      found.push({ path: `${at}/text`, text: object.text });
    for (const [key, child] of Object.entries(object)) {
      if (key === "text" && typeof child === "string") continue;
      visit(child, `${at}/${key}`);
    }
  };
  const root = (value ?? {}) as Json;
  // A message's top-level text is mrkdwn unless it says otherwise; it is what notifications show.
  if (typeof root.text === "string" && root.mrkdwn !== false) found.push({ path: `${path}/text`, text: root.text });
  visit(root.blocks, `${path}/blocks`);
  visit(root.view, `${path}/view`);
  visit(root.attachments, `${path}/attachments`);
  return found;
}

/** The mrkdwn texts in which a hostile marker is live. */
export function liveMarkers(value: unknown): Array<{ path: string; text: string }> {
  return mrkdwnTexts(value).filter((t) => LIVE_MARKER.test(t.text));
}
