// Sending what a person did to Rapport, as Slack would: block actions, with a button's
// `confirm` dialog first.

import { escapeHtml } from "./format.js";
import { $, call, element, view } from "./state.js";

let after = () => {};
/** What to do after each action (the page redraws). */
export const afterEachAction = (fn) => {
  after = fn;
};

/** Sends a block action: from a message, the Home tab or a modal. */
export function act(where, blockId, action) {
  return call("POST", "/action", {
    user: view.me,
    channel: where.channel,
    message: where.message,
    responseUrl: where.responseUrl,
    viewId: where.viewId,
    action: { block_id: blockId, ...action },
  }).then(() => after());
}

/** A `confirm` object's dialog, as Slack shows it before sending the action; resolves true when confirmed. */
export function confirmed(confirm) {
  if (!confirm) return Promise.resolve(true);
  const layer = $("confirm-layer");
  const box = $("confirm");
  return new Promise((resolve) => {
    const done = (answer) => {
      layer.hidden = true;
      document.removeEventListener("keydown", onKey, true);
      resolve(answer);
    };
    const onKey = (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        done(false);
      }
    };
    document.addEventListener("keydown", onKey, true);
    const buttons = element("div", { class: "buttons" });
    buttons.append(
      element(
        "button",
        { type: "button", id: "confirm-deny", onclick: () => done(false) },
        escapeHtml(confirm.deny?.text ?? "Cancel"),
      ),
      element(
        "button",
        {
          type: "button",
          id: "confirm-yes",
          class: confirm.style === "danger" ? "danger" : "primary",
          onclick: () => done(true),
        },
        escapeHtml(confirm.confirm?.text ?? "Yes"),
      ),
    );
    box.replaceChildren(
      element("h3", {}, escapeHtml(confirm.title?.text ?? "")),
      element("p", {}, escapeHtml(confirm.text?.text ?? "")),
      buttons,
    );
    layer.hidden = false;
  });
}
