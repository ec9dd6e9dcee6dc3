// The sandbox page: a small Slack. It renders the Block Kit Rapport sends and sends back
// what Slack would (through the sandbox server, which signs it). Who is acting and where
// they look are kept in the address, so a reload comes back to the same place.
import { afterEachAction } from "./act.js";
import { renderBlocks, renderMessage } from "./blocks.js";
import { escapeHtml, localDate, permalinkTarget } from "./format.js";
import { $, call, element, person, view } from "./state.js";
import { channelIntro, startTour } from "./welcome.js";

function remember() {
  const url = new URL(location.href);
  url.searchParams.set("as", view.me);
  url.searchParams.set("in", view.channel);
  if (view.thread) url.searchParams.set("thread", view.thread);
  else url.searchParams.delete("thread");
  history.replaceState(null, "", url);
}

/** Opens a conversation (and a thread in it), keeping what was typed in the one left. */
function go(channel, thread = null) {
  view.drafts[view.channel] = $("text").value;
  view.channel = channel;
  view.thread = thread;
  view.last = "";
  $("text").value = view.drafts[channel] ?? "";
  remember();
  renderSidebar();
  if (channel === "HOME") call("POST", "/home", { user: view.me }).then(refresh);
  else refresh();
}

function openThread(ts) {
  view.thread = ts;
  view.last = "";
  remember();
  refresh();
}

function dismiss(m) {
  view.dismissed.add(m.responseUrl ?? m.ts);
  view.last = "";
  refresh();
}

const fill = (text) => {
  $("text").value = text;
  $("text").focus();
};

function closeModal() {
  call("POST", "/close", { user: view.me }).then(refresh);
}

function renderModal(modal) {
  const layer = $("modal-layer");
  if (!modal) {
    layer.hidden = true;
    view.modalKey = "";
    return;
  }
  const key = `${modal.id}:${modal.hash}`;
  if (key === view.modalKey) return;
  view.modalKey = key;
  // What the person entered stays with the modal while it is open, as in Slack (also across updates).
  if (view.modalValues?.id !== modal.id) view.modalValues = { id: modal.id, values: {} };
  const values = view.modalValues.values;
  const form = $("modal");
  const draw = (errors = {}) => {
    const title = element("div", { class: "modal-title" });
    title.append(
      element("h3", {}, escapeHtml(modal.title?.text ?? "")),
      element("button", { type: "button", id: "modal-x", title: "Close", onclick: closeModal }, "×"),
    );
    form.replaceChildren(title, renderBlocks(modal.blocks, { viewId: modal.id }, values, errors));
    const buttons = element("div", { class: "buttons" });
    buttons.append(
      element(
        "button",
        { type: "button", id: "modal-close", onclick: closeModal },
        escapeHtml(modal.close?.text ?? "Cancel"),
      ),
    );
    if (modal.submit)
      buttons.append(
        element("button", { type: "submit", class: "primary", id: "modal-submit" }, escapeHtml(modal.submit.text)),
      );
    form.append(buttons);
  };
  form.onsubmit = async (event) => {
    event.preventDefault();
    const answer = await call("POST", "/submit", { user: view.me, values });
    if (answer.errors) draw(answer.errors);
    else refresh();
  };
  draw();
  layer.hidden = false;
}

function renderSidebar() {
  const link = (id, label) =>
    element("a", { class: id === view.channel ? "active" : "", "data-channel": id, onclick: () => go(id) }, label);
  $("sidebar").replaceChildren(
    element("h4", {}, "Channels"),
    ...view.channels.map((c) => link(c.id, `# ${escapeHtml(c.name)}`)),
    element("h4", {}, "Apps"),
    link(`D${view.me}`, "Rapport (messages)"),
    link("HOME", "Rapport (home)"),
  );
}

function title() {
  if (view.channel === "HOME") return "Rapport — Home";
  if (view.channel.startsWith("D")) return "Rapport";
  return `# ${view.channels.find((c) => c.id === view.channel)?.name}`;
}

const visible = (messages) => messages.filter((m) => !m.ephemeral || !view.dismissed.has(m.responseUrl ?? m.ts));

async function refresh() {
  if (!view.me) return;
  const channel = view.channel === "HOME" ? `D${view.me}` : view.channel;
  const query = new URLSearchParams({ user: view.me, channel, since: String(view.since) });
  if (view.thread) query.set("thread", view.thread);
  const state = await call("GET", `/state?${query}`);
  view.now = Date.parse(state.now);
  const p = person();
  $("clock").textContent = localDate(new Date(view.now), { dateStyle: "full", timeStyle: "short" });
  $("clock").title = p.tz;
  const home = view.channel === "HOME";
  $("composer").hidden = home;
  const fingerprint = JSON.stringify([
    view.channel,
    view.thread,
    state.messages,
    state.replies,
    home ? state.home : null,
    [...view.dismissed],
  ]);
  if (fingerprint !== view.last) {
    view.last = fingerprint;
    $("title").textContent = title();
    const box = $("messages");
    const hooks = { openThread, dismiss, refresh };
    if (home)
      box.replaceChildren(
        state.home
          ? renderBlocks(state.home.blocks, { viewId: state.home.id }, null)
          : element("p", {}, "Nothing published yet."),
      );
    else
      box.replaceChildren(
        ...(view.channel === "C0SUPPORT" ? [channelIntro(fill)] : []),
        ...visible(state.messages).map((m) => renderMessage(m, channel, hooks)),
      );
    box.scrollTop = box.scrollHeight;
    $("thread").hidden = !view.thread;
    if (view.thread) {
      const replies = $("replies");
      replies.replaceChildren(
        ...visible(state.replies).map((m) => renderMessage(m, channel, { ...hooks, inThread: true })),
      );
      replies.scrollTop = replies.scrollHeight;
    }
    // A permalink followed: its message, marked and in view.
    const marked = view.highlight && document.querySelector(`.message[data-ts="${view.highlight}"]`);
    if (marked) {
      marked.classList.add("highlight");
      marked.scrollIntoView({ block: "center" });
      view.highlight = null;
    }
  }
  renderModal(state.modal);
}

/** A Slack permalink in a message opens its conversation here (and its thread, for a reply). */
async function followPermalink(href) {
  const target = permalinkTarget(href);
  if (!target) return;
  const found = await call("GET", `/find?${new URLSearchParams({ channel: target.channel, ts: target.ts })}`);
  go(target.channel, found.thread ?? null);
  view.highlight = target.ts;
}

async function start() {
  const { people, channels, history: seeded, since } = await call("GET", "/people");
  Object.assign(view, { people, channels, history: seeded, since });
  const who = $("person");
  for (const p of people)
    who.append(element("option", { value: p.id }, `${escapeHtml(p.realName)} (${p.role}, ${p.locale}, ${p.tz})`));
  const asked = new URLSearchParams(location.search);
  // With nothing set up yet, the admin is the one to start with.
  const first = seeded.length ? people[0] : (people.find((p) => p.role === "admin") ?? people[0]);
  view.me = people.some((p) => p.id === asked.get("as")) ? asked.get("as") : first.id;
  view.channel = asked.get("in") ?? "C0SUPPORT";
  view.thread = asked.get("thread");
  who.value = view.me;
  who.addEventListener("change", () => {
    view.drafts[view.channel] = $("text").value;
    view.me = who.value;
    if (view.channel.startsWith("D")) view.channel = `D${view.me}`;
    view.thread = null;
    view.last = "";
    view.modalKey = "";
    go(view.channel);
  });
  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("text").value;
    $("text").value = "";
    view.drafts[view.channel] = "";
    await call("POST", "/say", { user: view.me, channel: view.channel, text });
    refresh();
  });
  $("reply-composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("reply-text").value;
    $("reply-text").value = "";
    await call("POST", "/say", { user: view.me, channel: view.channel, text, thread: view.thread });
    refresh();
  });
  $("close-thread").addEventListener("click", () => openThread(null));
  for (const [id, hours] of [
    ["travel-hour", 1],
    ["travel-day", 24],
    ["travel-week", 168],
  ])
    $(id).addEventListener("click", async () => {
      await call("POST", "/travel", { hours });
      refresh();
    });
  // Escape closes the open modal, as in Slack.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("modal-layer").hidden && $("confirm-layer").hidden) closeModal();
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-permalink]");
    if (!link) return;
    event.preventDefault();
    followPermalink(link.dataset.permalink);
  });
  afterEachAction(refresh);
  if (view.channel === "HOME") go("HOME");
  else {
    renderSidebar();
    refresh();
  }
  startTour();
  setInterval(refresh, 700);
}

start();
