// Block Kit layouts and messages as Slack draws them: sections, fields, context, images,
// actions and inputs; a message's files, reactions, thread link and, for an ephemeral
// message, "Only visible to you" with Dismiss.
import { control } from "./controls.js";
import { emoji, escapeHtml, localDate, mrkdwn, nameOf, textOf } from "./format.js";
import { call, element, view } from "./state.js";

export function renderBlocks(blocks, where, state, errors = {}) {
  const out = element("div");
  for (const block of blocks ?? []) {
    const node = element("div", { class: `block ${block.type}`, "data-block": block.block_id ?? "" });
    if (block.type === "header") node.innerHTML = escapeHtml(block.text.text);
    else if (block.type === "divider") node.append(element("hr"));
    else if (block.type === "context")
      node.innerHTML = block.elements.map((e) => (e.type === "image" ? "" : textOf(e))).join(" ");
    else if (block.type === "image") {
      const src = block.slack_file?.id ? `/file/${block.slack_file.id}` : block.image_url;
      node.append(element("img", { class: "block-image", src, alt: block.alt_text }));
    } else if (block.type === "section") {
      // The accessory sits on the right of the section's text, as in Slack.
      const body = element("div", { class: "section-body" });
      if (block.text) body.append(element("div", {}, textOf(block.text)));
      if (block.fields)
        body.append(element("div", { class: "fields" }, block.fields.map((f) => `<div>${textOf(f)}</div>`).join("")));
      node.append(body);
      if (block.accessory && block.accessory.type !== "image") {
        node.classList.add("with-accessory");
        node.append(control(block.accessory, block.block_id, where, null));
      }
    } else if (block.type === "actions") {
      const row = element("div", { class: "actions" });
      for (const el of block.elements)
        row.append(control(el, block.block_id, { ...where, dispatch: true }, state ? {} : null));
      node.append(row);
    } else if (block.type === "input") {
      node.append(element("label", {}, escapeHtml(block.label.text)));
      node.append(control(block.element, block.block_id, { ...where, dispatch: block.dispatch_action }, state));
      if (block.hint) node.append(element("div", { class: "context" }, escapeHtml(block.hint.text)));
      if (errors[block.block_id]) node.append(element("div", { class: "error" }, escapeHtml(errors[block.block_id])));
    }
    out.append(node);
  }
  return out;
}

const size = (bytes) => (bytes > 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`);

/** A file shared in a message: an image is shown, anything else is a download. */
function renderFile(file) {
  const href = `/file/${encodeURIComponent(file.id)}`;
  if (String(file.mimetype).startsWith("image/"))
    return element("img", { class: "block-image file-image", src: href, alt: file.title ?? file.name });
  const card = element("a", { class: "file", href, download: file.name, "data-file": file.name });
  card.innerHTML = `📄 <b>${escapeHtml(file.title || file.name)}</b> <span class="note">${escapeHtml(String(file.filetype).toUpperCase())} · ${size(file.size ?? 0)}</span>`;
  return card;
}

const timeOf = (ts) => localDate(new Date(Number(ts) * 1000), { dateStyle: "medium", timeStyle: "short" });

export function renderMessage(m, channel, { inThread, openThread, dismiss, refresh }) {
  const node = element("div", { class: `message${m.ephemeral ? " ephemeral" : ""}`, "data-ts": m.ts });
  const who = element(
    "div",
    { class: "who" },
    `${escapeHtml(m.user ? nameOf(m.user) : "Rapport")} <span class="note time">${escapeHtml(timeOf(m.ts))}</span>` +
      (m.ephemeral ? ' <span class="note">Only visible to you</span>' : ""),
  );
  if (m.ephemeral)
    who.append(
      element(
        "a",
        {
          class: "note dismiss",
          href: "#",
          onclick: (e) => {
            e.preventDefault();
            dismiss(m);
          },
        },
        "Dismiss",
      ),
    );
  node.append(who);
  if (m.blocks?.length)
    node.append(
      renderBlocks(m.blocks, { channel, message: { ts: m.ts, blocks: m.blocks }, responseUrl: m.responseUrl }, null),
    );
  else if (m.text) node.append(element("div", {}, mrkdwn(m.text)));
  for (const file of m.files ?? []) node.append(renderFile(file));
  if (m.reactions?.length) {
    const row = element("div", { class: "reactions" });
    for (const name of m.reactions)
      row.append(element("span", { class: "reaction", "data-reaction": name, title: `:${name}:` }, `${emoji(name)} 1`));
    node.append(row);
  }
  if (!m.ephemeral && !inThread)
    node.append(
      element(
        "a",
        {
          class: "note thread-link",
          href: "#",
          onclick: (e) => {
            e.preventDefault();
            openThread(m.ts);
          },
        },
        m.replies === 1 ? "1 reply" : m.replies ? `${m.replies} replies` : "Reply in thread",
      ),
    );
  // A person's message has the app's message shortcut, as in Slack's ⋯ menu.
  if (m.user && !m.ephemeral)
    node.append(
      element(
        "a",
        {
          class: "note shortcut",
          href: "#",
          "data-shortcut": "log",
          onclick: (e) => {
            e.preventDefault();
            call("POST", "/shortcut", {
              user: view.me,
              channel,
              message: { ts: m.ts, text: m.text, user: m.user },
            }).then(refresh);
          },
        },
        "⋯ Log as interaction",
      ),
    );
  return node;
}
