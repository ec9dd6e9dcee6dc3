// The first screen: the beginning of #support shows what the sandbox already holds and
// three things to try; a short tour points at the parts of the page, and can be dismissed.
import { escapeHtml, mrkdwn, nameOf } from "./format.js";
import { $, element, view } from "./state.js";

const TOUR_DONE = "rapport-sandbox-tour-done";

/** What to try first: with demo data, its three main flows; in an --empty sandbox, setting up. */
function suggestions() {
  if (view.history.length === 0)
    return [
      ["Set up a team (as Ada, the admin)", "/rapport team Support channel #managers director @dora"],
      ["Give Ben a role", "/rapport role @ben agent team Support"],
      ["Then log a first interaction", "/rapport log Maria Silva question phone: asks about delivery times"],
    ];
  return [
    ["Look a customer up", "/rapport customer Maria Silva"],
    ["Log an interaction in one line", "/rapport log Acme Ltd complaint phone: the invoice is still wrong"],
    ["Open the form", "/rapport log"],
  ];
}

/** The top of #support: the seeded history and the three suggestions (a click puts one in the message box). */
export function channelIntro(fill) {
  const box = element("div", { class: "intro", id: "intro" });
  box.append(element("h3", {}, "This is the very beginning of <b>#support</b>"));
  if (view.history.length) {
    box.append(
      element("p", {}, "Already logged in this sandbox (slash commands are seen only by whoever types them):"),
    );
    const list = element("ul", { class: "history" });
    for (const line of view.history)
      list.append(element("li", {}, `<b>${escapeHtml(nameOf(line.user))}</b>: ${mrkdwn(`\`/rapport ${line.text}\``)}`));
    box.append(list);
  } else box.append(element("p", {}, "Nothing is set up yet: act as Ada, the admin, and start here."));
  box.append(element("p", {}, "Three things to try:"));
  const tries = element("div", { class: "tries" });
  for (const [label, command] of suggestions())
    tries.append(
      element(
        "button",
        { type: "button", class: "try", "data-try": command, onclick: () => fill(command) },
        escapeHtml(label),
      ),
    );
  box.append(tries);
  return box;
}

const STEPS = [
  [
    "#person",
    "Act as any of the demo people: an agent, a manager, a director or an admin, each in their own language and time zone.",
  ],
  ["#sidebar", "Channels, your DM with Rapport and its Home tab, as in Slack."],
  ["#text", "Type messages or /rapport commands here; @name and #channel work as in Slack."],
  ["#travel", "Move the clock on: follow-ups, reminders and the weekly digest arrive as they would."],
];

/** The tour: one step at a time, beside the part of the page it names; Skip or the last step ends it for good. */
export function startTour() {
  if (localStorage.getItem(TOUR_DONE)) return;
  const box = $("tour");
  let step = 0;
  const end = () => {
    localStorage.setItem(TOUR_DONE, "1");
    box.hidden = true;
    document.querySelector(".tour-target")?.classList.remove("tour-target");
  };
  const draw = () => {
    const [target, text] = STEPS[step];
    document.querySelector(".tour-target")?.classList.remove("tour-target");
    document.querySelector(target)?.classList.add("tour-target");
    const last = step === STEPS.length - 1;
    box.replaceChildren(
      element("p", {}, `<b>${step + 1}/${STEPS.length}</b> ${escapeHtml(text)}`),
      element("button", { type: "button", id: "tour-skip", onclick: end }, "Skip tour"),
      element(
        "button",
        {
          type: "button",
          class: "primary",
          id: "tour-next",
          onclick: () => {
            if (last) return end();
            step++;
            draw();
          },
        },
        last ? "Done" : "Next",
      ),
    );
    box.hidden = false;
  };
  draw();
}
