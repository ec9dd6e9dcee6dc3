// Block Kit's interactive elements as Slack draws them. In a modal's input block an
// element records its value for the submission; elsewhere it sends a block action.
import { act, confirmed } from "./act.js";
import { escapeHtml } from "./format.js";
import { datePicker, dateTimePicker, wallClock } from "./pickers.js";
import { call, element, person, view } from "./state.js";

const optionsOf = (el) => el.options ?? el.option_groups?.flatMap((g) => g.options) ?? [];
const optionOf = (options, value) => (options ?? []).find((o) => o.value === value);
const today = () => wallClock(view.now, person().tz).date;

function button(el, blockId, where) {
  return element(
    "button",
    {
      type: "button",
      class: el.style ?? "",
      "data-action": el.action_id,
      onclick: async () => {
        if (await confirmed(el.confirm))
          act(where, blockId, { action_id: el.action_id, type: "button", value: el.value });
      },
    },
    escapeHtml(el.text.text),
  );
}

/** The ⋯ menu: a list that opens under the button; choosing sends the action. */
function overflow(el, blockId, where) {
  const box = element("div", { class: "overflow", "data-action": el.action_id });
  const menu = element("div", { class: "overflow-menu", hidden: "" });
  for (const o of el.options ?? [])
    menu.append(
      element(
        "button",
        {
          type: "button",
          "data-value": o.value,
          onclick: async () => {
            menu.hidden = true;
            if (await confirmed(el.confirm))
              act(where, blockId, { action_id: el.action_id, type: "overflow", selected_option: o });
          },
        },
        escapeHtml(o.text.text),
      ),
    );
  box.append(
    element(
      "button",
      {
        type: "button",
        class: "overflow-button",
        onclick: () => {
          menu.hidden = !menu.hidden;
          // Near the bottom of the conversation the menu opens upwards, as Slack's does.
          const room = box.closest("#messages, #replies, #modal")?.getBoundingClientRect();
          const below = box.getBoundingClientRect().bottom + menu.offsetHeight;
          menu.classList.toggle("up", Boolean(room && below > room.bottom));
        },
      },
      "⋯",
    ),
    menu,
  );
  return box;
}

function radios(el, blockId, remember, dispatch, entered) {
  const box = element("div", { class: "radios", "data-action": el.action_id });
  const initial = entered?.selected_option ?? el.initial_option;
  if (initial) remember({ type: el.type, selected_option: initial });
  for (const o of el.options ?? []) {
    const radio = element("input", { type: "radio", name: `${blockId}-${el.action_id}`, value: o.value });
    radio.checked = initial?.value === o.value;
    radio.addEventListener("change", () => {
      remember({ type: el.type, selected_option: o });
      dispatch({ selected_option: o });
    });
    const label = element("label", { class: "inline" });
    label.append(radio, document.createTextNode(` ${o.text.text}`));
    box.append(label);
  }
  return box;
}

function select(el, remember, dispatch, entered) {
  const box = element("select", { "data-action": el.action_id });
  box.append(element("option", { value: "" }, escapeHtml(el.placeholder?.text ?? "…")));
  const options = optionsOf(el);
  for (const o of options) box.append(element("option", { value: o.value }, escapeHtml(o.text.text)));
  const initial = entered?.selected_option ?? el.initial_option;
  if (initial) {
    box.value = initial.value;
    remember({ type: el.type, selected_option: initial });
  }
  box.addEventListener("change", () => {
    const chosen = optionOf(options, box.value);
    remember({ type: el.type, selected_option: chosen ?? null });
    dispatch({ selected_option: chosen });
  });
  return box;
}

/** A person picker: the workspace's people by name. */
function usersSelect(el, remember, dispatch, entered) {
  const box = element("select", { "data-action": el.action_id, class: "users-select" });
  box.append(element("option", { value: "" }, escapeHtml(el.placeholder?.text ?? "…")));
  for (const p of view.people) box.append(element("option", { value: p.id }, `👤 ${escapeHtml(p.realName)}`));
  const initial = entered?.selected_user ?? el.initial_user;
  if (initial) {
    box.value = initial;
    remember({ type: el.type, selected_user: initial });
  }
  box.addEventListener("change", () => {
    remember({ type: el.type, selected_user: box.value || null });
    dispatch({ selected_user: box.value });
  });
  return box;
}

function externalSelect(el, blockId, where, remember, entered) {
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

function checkboxes(el, remember, entered) {
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

function textInput(el, remember, entered) {
  const input = el.multiline
    ? element("textarea", { rows: 4, "data-action": el.action_id })
    : element("input", { type: "text", "data-action": el.action_id });
  if (el.placeholder?.text) input.placeholder = el.placeholder.text;
  input.value = entered ? (entered.value ?? "") : (el.initial_value ?? "");
  remember({ type: el.type, value: input.value || null });
  input.addEventListener("input", () => remember({ type: el.type, value: input.value || null }));
  return input;
}

/** An interactive element; `state` (a modal's values, or null) receives what is entered. */
export function control(el, blockId, where, state) {
  const remember = (value) => {
    if (state) state[blockId] = { [el.action_id]: value };
  };
  // Drawn again (field errors): what the person already entered wins over the view's initial value.
  const entered = state?.[blockId]?.[el.action_id];
  const dispatch = (payload) => {
    if (!state || where.dispatch) act(where, blockId, { action_id: el.action_id, type: el.type, ...payload });
  };
  switch (el.type) {
    case "button":
      return button(el, blockId, where);
    case "overflow":
      return overflow(el, blockId, where);
    case "radio_buttons":
      return radios(el, blockId, remember, dispatch, entered);
    case "static_select":
      return select(el, remember, dispatch, entered);
    case "users_select":
      return usersSelect(el, remember, dispatch, entered);
    case "external_select":
      return externalSelect(el, blockId, where, remember, entered);
    case "checkboxes":
      return checkboxes(el, remember, entered);
    case "plain_text_input":
    case "number_input":
    case "email_text_input":
    case "url_text_input":
      return textInput(el, remember, entered);
    case "datepicker": {
      const date = entered?.selected_date ?? el.initial_date ?? null;
      if (date) remember({ type: el.type, selected_date: date });
      return datePicker({
        action: el.action_id,
        value: date,
        placeholder: el.placeholder?.text,
        today: today(),
        changed: (chosen) => {
          remember({ type: el.type, selected_date: chosen });
          dispatch({ selected_date: chosen });
        },
      });
    }
    case "datetimepicker": {
      const seconds = entered?.selected_date_time ?? el.initial_date_time ?? Math.floor(view.now / 1000);
      remember({ type: el.type, selected_date_time: seconds });
      return dateTimePicker({
        action: el.action_id,
        seconds,
        now: view.now,
        today: today(),
        changed: (chosen) => {
          remember({ type: el.type, selected_date_time: chosen });
          dispatch({ selected_date_time: chosen });
        },
      });
    }
    default:
      return element("span", { class: "unsupported" }, `[${escapeHtml(el.type)}]`);
  }
}
