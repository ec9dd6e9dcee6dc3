type Json = Record<string, unknown>;

/** What to type into a form's fields: any text for text inputs, a choice index for selects. */
export interface Filling {
  text: (blockId: string) => string | null;
  /** For a customer type-ahead (external_select): the option value to send. */
  external?: (blockId: string) => string | null;
  choose?: (count: number) => number;
  /** Optional fields left empty, as a person who skips them. */
  skip?: (blockId: string) => boolean;
}

const first = () => 0;

/** Slack's view_submission state for a view the app opened, every input filled as `fill` says. */
export function stateFor(view: Json, fill: Filling): Json {
  const values: Record<string, Record<string, Json>> = {};
  const choose = fill.choose ?? first;
  for (const block of (view.blocks ?? []) as Json[]) {
    if (block.type !== "input") continue;
    const element = block.element as Json;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    const options = (element.options ?? []) as Json[];
    const pick = () =>
      options.length && !fill.skip?.(blockId) ? { value: (options[choose(options.length)] as Json).value } : null;
    let value: Json;
    switch (element.type) {
      case "plain_text_input":
        value = { type: "plain_text_input", value: fill.text(blockId) };
        break;
      case "number_input":
        value = { type: "number_input", value: fill.text(blockId) };
        break;
      case "static_select":
      case "radio_buttons":
        value = { type: element.type, selected_option: pick() };
        break;
      case "checkboxes":
        value = { type: "checkboxes", selected_options: options.length ? [pick()] : [] };
        break;
      case "external_select": {
        const chosen = fill.external?.(blockId) ?? null;
        value = { type: "external_select", selected_option: chosen ? { value: chosen } : null };
        break;
      }
      case "users_select":
        value = { type: "users_select", selected_user: fill.text(blockId) };
        break;
      case "datepicker":
        value = { type: "datepicker", selected_date: fill.text(blockId) };
        break;
      case "datetimepicker":
        value = { type: "datetimepicker", selected_date_time: Math.floor(Date.now() / 1000) - 60 };
        break;
      default:
        value = { type: String(element.type) };
    }
    values[blockId] = { [actionId]: value };
  }
  return { values };
}

/** Every button and overflow option in a message or view, as Slack would send it back when pressed. */
export function actionsIn(
  surface: Json,
): Array<{ action_id: string; value?: string; type: string; selected_option?: Json }> {
  const found: Array<{ action_id: string; value?: string; type: string; selected_option?: Json }> = [];
  const visit = (element: Json) => {
    if (element.type === "button")
      found.push({ type: "button", action_id: String(element.action_id), value: element.value as string });
    if (element.type === "overflow" || element.type === "static_select")
      for (const option of (element.options ?? []) as Json[])
        found.push({ type: String(element.type), action_id: String(element.action_id), selected_option: option });
  };
  for (const block of (surface.blocks ?? []) as Json[]) {
    if (block.accessory) visit(block.accessory as Json);
    for (const element of (block.elements ?? []) as Json[]) visit(element);
  }
  return found;
}
