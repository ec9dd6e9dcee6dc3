// The sandbox page: a small Slack. It renders the Block Kit Rapport sends and
// sends back what Slack would (through the sandbox server, which signs it).
const $ = (id) => document.getElementById(id);
const view = { people: [], channels: [], me: "", channel: "C0SUPPORT", thread: null, modalKey: "", last: "" };

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  if (!response.ok) console.error(`${method} ${path}: ${answer.error ?? response.status}`);
  return answer;
}

const escapeHtml = (text) =>
  String(text)
    .replace(/&(?!(amp|lt|gt);)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
const nameOf = (id) => view.people.find((p) => p.id === id)?.realName ?? id;

function formatted(segment) {
  return segment
    .replace(/</g, "&lt;")
    .replace(/\*([^*\n]+)\*/g, "<b>$1</b>")
    .replace(/(^|\s)_([^_\n]+)_/g, "$1<i>$2</i>")
    .replace(/~([^~\n]+)~/g, "<s>$1</s>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|\n)&gt; ?([^\n]*)/g, "$1<blockquote>$2</blockquote>")
    .replace(/\n/g, "<br>");
}

/** Slack's mrkdwn, as far as Rapport uses it: mentions, channels, dates, links, bold, italics, code. */
function mrkdwn(text) {
  return String(text ?? "")
    .split(/(<[^>\n]+>)/)
    .map((part) => {
      const token = /^<([^>]+)>$/.exec(part);
      if (!token) return formatted(part);
      const [target, label] = token[1].split("|");
      if (target.startsWith("@")) return `<b>@${escapeHtml(nameOf(target.slice(1)))}</b>`;
      if (target.startsWith("#"))
        return `<b>#${escapeHtml(label ?? view.channels.find((c) => c.id === target.slice(1))?.name ?? target.slice(1))}</b>`;
      if (target.startsWith("!date^"))
        return escapeHtml(new Date(Number(target.split("^")[1]) * 1000).toLocaleString());
      if (target.startsWith("!")) return `<b>@${escapeHtml(target.slice(1))}</b>`;
      return `<a href="${escapeHtml(target)}" target="_blank">${escapeHtml(label ?? target)}</a>`;
    })
    .join("");
}

const textOf = (t) => (t?.type === "mrkdwn" ? mrkdwn(t.text) : escapeHtml(t?.text ?? ""));

function element(tag, attrs = {}, html) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  if (html !== undefined) node.innerHTML = html;
  return node;
}

/** Sends a block action as Slack would: from a message, the home tab or a modal. */
function act(where, blockId, action) {
  call("POST", "/action", {
    user: view.me,
    channel: where.channel,
    message: where.message,
    responseUrl: where.responseUrl,
    viewId: where.viewId,
    action: { block_id: blockId, ...action },
  }).then(refresh);
}

function optionOf(options, value) {
  return (options ?? []).find((o) => o.value === value);
}

/** An interactive element; in a modal input it also records its value for the submission. */
function control(el, blockId, where, state) {
  const remember = (value) => {
    if (state) state[blockId] = { [el.action_id]: value };
  };
  // Drawn again (field errors): what the person already entered wins over the view's initial value.
  const entered = state?.[blockId]?.[el.action_id];
  const dispatch = (payload) => {
    if (!state || where.dispatch) act(where, blockId, { action_id: el.action_id, type: el.type, ...payload });
  };
  if (el.type === "button") {
    return element(
      "button",
      {
        type: "button",
        class: el.style ?? "",
        "data-action": el.action_id,
        onclick: () => act(where, blockId, { action_id: el.action_id, type: "button", value: el.value }),
      },
      escapeHtml(el.text.text),
    );
  }
  if (el.type === "static_select" || el.type === "overflow" || el.type === "radio_buttons") {
    const select = element("select", { "data-action": el.action_id });
    select.append(element("option", { value: "" }, escapeHtml(el.placeholder?.text ?? "…")));
    for (const o of el.options ?? el.option_groups?.flatMap((g) => g.options) ?? [])
      select.append(element("option", { value: o.value }, escapeHtml(o.text.text)));
    const initial = entered?.selected_option ?? el.initial_option;
    if (initial) {
      select.value = initial.value;
      remember({ type: el.type, selected_option: initial });
    }
    select.addEventListener("change", () => {
      const chosen = optionOf(el.options ?? el.option_groups?.flatMap((g) => g.options), select.value);
      remember({ type: el.type, selected_option: chosen ?? null });
      if (el.type === "overflow" || !state) dispatch({ selected_option: chosen });
    });
    return select;
  }
  if (el.type === "external_select") {
    const box = element("div", { class: "external" });
    const input = element("input", {
      type: "text",
      "data-action": el.action_id,
      placeholder: el.placeholder?.text ?? "",
    });
    const list = element("select", { size: 5, hidden: "" });
    const initial = entered?.selected_option ?? el.initial_option;
    if (initial) {
      input.value = initial.text.text;
      remember({ type: el.type, selected_option: initial });
    }
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const answer = await call("POST", "/suggest", {
          user: view.me,
          viewId: where.viewId,
          actionId: el.action_id,
          blockId,
          value: input.value,
        });
        const options = answer.options ?? answer.option_groups?.flatMap((g) => g.options) ?? [];
        list.replaceChildren(...options.map((o) => element("option", { value: o.value }, escapeHtml(o.text.text))));
        list.hidden = options.length === 0;
        list.onchange = () => {
          const chosen = optionOf(options, list.value);
          input.value = chosen?.text.text ?? "";
          list.hidden = true;
          remember({ type: el.type, selected_option: chosen });
        };
      }, 200);
    });
    box.append(input, list);
    return box;
  }
  if (el.type === "datepicker") {
    const date = entered?.selected_date ?? el.initial_date;
    const input = element("input", { type: "date", "data-action": el.action_id, value: date ?? "" });
    if (date) remember({ type: el.type, selected_date: date });
    input.addEventListener("change", () => {
      remember({ type: el.type, selected_date: input.value || null });
      if (!state) dispatch({ selected_date: input.value });
    });
    return input;
  }
  if (el.type === "checkboxes") {
    const box = element("div");
    const chosen = new Set((entered?.selected_options ?? el.initial_options ?? []).map((o) => o.value));
    const update = () => remember({ type: el.type, selected_options: el.options.filter((o) => chosen.has(o.value)) });
    update();
    for (const o of el.options) {
      const tick = element("input", { type: "checkbox", value: o.value, "data-action": el.action_id });
      tick.checked = chosen.has(o.value);
      tick.addEventListener("change", () => {
        if (tick.checked) chosen.add(o.value);
        else chosen.delete(o.value);
        update();
      });
      const label = element("label", { class: "inline" });
      label.append(tick, document.createTextNode(` ${o.text.text}`));
      box.append(label);
    }
    return box;
  }
  if (el.type === "plain_text_input" || el.type === "number_input" || el.type === "email_text_input") {
    const input = el.multiline
      ? element("textarea", { rows: 4, "data-action": el.action_id })
      : element("input", { type: "text", "data-action": el.action_id });
    input.value = entered ? (entered.value ?? "") : (el.initial_value ?? "");
    remember({ type: el.type, value: input.value || null });
    input.addEventListener("input", () => remember({ type: el.type, value: input.value || null }));
    return input;
  }
  return element("span", {}, `[${escapeHtml(el.type)}]`);
}

function renderBlocks(blocks, where, state, errors = {}) {
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
      if (block.text) node.append(element("div", {}, textOf(block.text)));
      if (block.fields)
        node.append(element("div", { class: "fields" }, block.fields.map((f) => `<div>${textOf(f)}</div>`).join("")));
      if (block.accessory && block.accessory.type !== "image")
        node.append(control(block.accessory, block.block_id, where, null));
    } else if (block.type === "actions") {
      const row = element("div", { class: "actions" });
      for (const el of block.elements)
        row.append(control(el, block.block_id, { ...where, dispatch: true }, state ? {} : null));
      node.append(row);
    } else if (block.type === "input") {
      node.append(
        element("label", {}, escapeHtml(block.label.text) + (block.optional ? " <small>(optional)</small>" : "")),
      );
      node.append(control(block.element, block.block_id, { ...where, dispatch: block.dispatch_action }, state));
      if (block.hint) node.append(element("div", { class: "context" }, escapeHtml(block.hint.text)));
      if (errors[block.block_id]) node.append(element("div", { class: "error" }, escapeHtml(errors[block.block_id])));
    }
    out.append(node);
  }
  return out;
}

function renderMessage(m, channel) {
  const node = element("div", { class: `message${m.ephemeral ? " ephemeral" : ""}`, "data-ts": m.ts });
  node.append(
    element(
      "div",
      { class: "who" },
      escapeHtml(m.user ? nameOf(m.user) : "Rapport") +
        (m.ephemeral ? ' <span class="note">Only visible to you</span>' : ""),
    ),
  );
  if (m.blocks?.length)
    node.append(
      renderBlocks(m.blocks, { channel, message: { ts: m.ts, blocks: m.blocks }, responseUrl: m.responseUrl }, null),
    );
  else node.append(element("div", {}, mrkdwn(m.text)));
  if (!m.ephemeral && !view.thread)
    node.append(
      element(
        "a",
        {
          class: "note",
          href: "#",
          onclick: (e) => {
            e.preventDefault();
            view.thread = m.ts;
            refresh();
          },
        },
        m.replies ? `${m.replies} replies` : "Reply in thread",
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
    form.replaceChildren(
      element("h3", {}, escapeHtml(modal.title?.text ?? "")),
      renderBlocks(modal.blocks, { viewId: modal.id }, values, errors),
    );
    const buttons = element("div", { class: "buttons" });
    buttons.append(
      element(
        "button",
        { type: "button", id: "modal-close", onclick: () => call("POST", "/close", { user: view.me }).then(refresh) },
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
    if (answer.errors) {
      draw(answer.errors);
    } else refresh();
  };
  draw();
  layer.hidden = false;
}

function renderSidebar() {
  const nav = $("sidebar");
  const link = (id, label) =>
    element(
      "a",
      {
        class: id === view.channel ? "active" : "",
        "data-channel": id,
        onclick: () => {
          view.channel = id;
          view.thread = null;
          view.last = "";
          renderSidebar();
          if (id === "HOME") call("POST", "/home", { user: view.me }).then(refresh);
          else refresh();
        },
      },
      label,
    );
  nav.replaceChildren(
    element("h4", {}, "Channels"),
    ...view.channels.map((c) => link(c.id, `# ${escapeHtml(c.name)}`)),
    element("h4", {}, "Apps"),
    link(`D${view.me}`, "Rapport (messages)"),
    link("HOME", "Rapport (home)"),
  );
}

async function refresh() {
  if (!view.me) return;
  const channel = view.channel === "HOME" ? `D${view.me}` : view.channel;
  const state = await call(
    "GET",
    `/state?user=${view.me}&channel=${channel}${view.thread ? `&thread=${view.thread}` : ""}`,
  );
  $("clock").textContent = new Date(state.now).toLocaleString();
  const fingerprint = JSON.stringify([
    view.channel,
    view.thread,
    state.messages,
    state.replies,
    view.channel === "HOME" ? state.home : null,
  ]);
  if (fingerprint !== view.last) {
    view.last = fingerprint;
    const title =
      view.channel === "HOME"
        ? "Rapport — Home"
        : view.channel.startsWith("D")
          ? "Rapport"
          : `# ${view.channels.find((c) => c.id === view.channel)?.name}`;
    $("title").textContent = title;
    const box = $("messages");
    if (view.channel === "HOME")
      box.replaceChildren(
        state.home
          ? renderBlocks(state.home.blocks, { viewId: state.home.id }, null)
          : element("p", {}, "Nothing published yet."),
      );
    else box.replaceChildren(...state.messages.map((m) => renderMessage(m, channel)));
    box.scrollTop = box.scrollHeight;
    $("composer").hidden = view.channel === "HOME";
    $("thread").hidden = !view.thread;
    if (view.thread) {
      const saved = view.thread;
      view.thread = "";
      $("replies").replaceChildren(...state.replies.map((m) => renderMessage(m, channel)));
      view.thread = saved;
    }
  }
  renderModal(state.modal);
}

async function start() {
  const { people, channels } = await call("GET", "/people");
  Object.assign(view, { people, channels });
  const who = $("person");
  for (const p of people)
    who.append(element("option", { value: p.id }, `${escapeHtml(p.realName)} (${p.role}, ${p.locale}, ${p.tz})`));
  view.me = new URLSearchParams(location.search).get("as") ?? people[0].id;
  who.value = view.me;
  who.addEventListener("change", () => {
    view.me = who.value;
    view.thread = null;
    view.last = "";
    view.modalKey = "";
    renderSidebar();
    refresh();
  });
  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("text").value;
    $("text").value = "";
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
  $("close-thread").addEventListener("click", () => {
    view.thread = null;
    refresh();
  });
  for (const [id, hours] of [
    ["travel-hour", 1],
    ["travel-day", 24],
    ["travel-week", 168],
  ])
    $(id).addEventListener("click", async () => {
      await call("POST", "/travel", { hours });
      refresh();
    });
  renderSidebar();
  refresh();
  setInterval(refresh, 700);
}

start();
