// Slack's date, time and date-time pickers: a button that shows the chosen date in the
// person's language and opens a month calendar (weeks start where their locale starts them).

import { escapeHtml, localDate } from "./format.js";
import { element, person } from "./state.js";

const pad = (n) => String(n).padStart(2, "0");
const isoDay = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

/** The wall-clock date ("2026-12-24") and time ("09:30") of `epochMs` in time zone `tz`. */
export function wallClock(epochMs, tz) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const utcOf = (date, time) => {
  const [y, m, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return Date.UTC(y, m - 1, d, h, mi);
};

/** The moment (ms) when the clocks of `tz` read `date` at `time`. */
export function epochOf(date, time, tz) {
  const wanted = utcOf(date, time);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(guess, tz);
    guess += wanted - utcOf(seen.date, seen.time);
  }
  return guess;
}

function firstWeekday(locale) {
  try {
    const info = new Intl.Locale(locale);
    return (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

const shownDate = (date) => localDate(new Date(`${date}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

/** A month calendar; `pick(date)` gets the day clicked. */
function calendar(selected, today, pick) {
  const box = element("div", { class: "calendar" });
  let [year, month] = (selected ?? today).split("-").map(Number);
  const draw = () => {
    const first = firstWeekday(person().locale) % 7; // 0 = Sunday
    const title = localDate(new Date(Date.UTC(year, month - 1, 15)), {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    const head = element("div", { class: "calendar-head" });
    const step = (by) => () => {
      month += by;
      if (month < 1) [year, month] = [year - 1, 12];
      if (month > 12) [year, month] = [year + 1, 1];
      draw();
    };
    head.append(
      element("button", { type: "button", class: "month-before", onclick: step(-1) }, "‹"),
      element("span", {}, escapeHtml(title)),
      element("button", { type: "button", class: "month-after", onclick: step(1) }, "›"),
    );
    const grid = element("div", { class: "calendar-grid" });
    for (let i = 0; i < 7; i++) {
      const weekday = new Date(Date.UTC(2023, 0, 1 + ((first + i) % 7))); // 1 Jan 2023 was a Sunday
      grid.append(
        element("span", { class: "weekday" }, escapeHtml(localDate(weekday, { weekday: "narrow", timeZone: "UTC" }))),
      );
    }
    const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() - first + 7) % 7;
    for (let i = 0; i < lead; i++) grid.append(element("span"));
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) {
      const date = isoDay(year, month, d);
      const classes = [date === selected ? "selected" : "", date === today ? "today" : ""].join(" ").trim();
      grid.append(
        element("button", { type: "button", class: classes, "data-date": date, onclick: () => pick(date) }, String(d)),
      );
    }
    box.replaceChildren(head, grid);
  };
  draw();
  return box;
}

/**
 * A date picker: `value` is "YYYY-MM-DD" or null; `changed(date)` is told of a new choice.
 * `today` is the sandbox's date for the person.
 */
export function datePicker({ action, value, placeholder, today, changed }) {
  const box = element("div", { class: "picker", "data-action": action });
  let date = value;
  const button = element("button", { type: "button", class: "picker-button" });
  const label = () => {
    button.innerHTML = `📅 ${escapeHtml(date ? shownDate(date) : (placeholder ?? "…"))}`;
    box.dataset.value = date ?? "";
  };
  let open = null;
  button.addEventListener("click", () => {
    if (open) {
      open.remove();
      open = null;
      return;
    }
    open = calendar(date, today, (chosen) => {
      date = chosen;
      label();
      open?.remove();
      open = null;
      changed(chosen);
    });
    box.append(open);
  });
  label();
  box.append(button);
  return box;
}

/** Times a time picker lists: every quarter hour, and the one already chosen. */
function times(current) {
  const list = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += 15)
    list.push(`${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
  if (current && !list.includes(current)) list.push(current);
  return list.sort();
}

const shownTime = (time) =>
  localDate(new Date(`2026-01-01T${time}:00Z`), { hour: "numeric", minute: "2-digit", timeZone: "UTC" });

/** A time picker ("HH:MM"). */
export function timePicker({ action, value, changed }) {
  const select = element("select", { class: "time-picker", "data-action": action });
  for (const time of times(value)) select.append(element("option", { value: time }, escapeHtml(shownTime(time))));
  if (value) select.value = value;
  select.addEventListener("change", () => changed(select.value));
  return select;
}

/** A date-time picker: a date and a time in the person's zone; `changed(seconds)` gets the moment. */
export function dateTimePicker({ action, seconds, now, today, changed }) {
  const tz = person().tz;
  const start = wallClock(seconds ? seconds * 1000 : now, tz);
  let { date, time } = start;
  const send = () => changed(Math.floor(epochOf(date, time, tz) / 1000));
  const box = element("div", { class: "datetime", "data-action": action });
  box.append(
    datePicker({
      action: `${action}-date`,
      value: date,
      today,
      changed: (chosen) => {
        date = chosen;
        send();
      },
    }),
    timePicker({
      action: `${action}-time`,
      value: time,
      changed: (chosen) => {
        time = chosen;
        send();
      },
    }),
  );
  return box;
}
