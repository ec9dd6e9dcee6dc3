// Slack's documented Block Kit and method limits, checked on everything the app sends.
// Each check returns the problems found as "<json-pointer>: <what is wrong>".

type Json = Record<string, unknown>;

export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100, // modals and the home tab
  messageText: 40_000,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  options: 100,
  contextElements: 10,
  actionsElements: 25,
  actionId: 255,
  blockId: 255,
  buttonValue: 2_000,
  url: 3_000,
  inputLabel: 2_000,
  placeholder: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3_000,
  callbackId: 255,
  imageAltText: 2_000,
} as const;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string => (isObject(v) && typeof v.text === "string" ? v.text : "");

function checkLength(problems: string[], pointer: string, value: unknown, max: number, what: string): void {
  if (typeof value === "string" && value.length > max) {
    problems.push(`${pointer}: ${what} must be at most ${max} characters (was ${value.length})`);
  }
}

function checkElement(problems: string[], pointer: string, element: unknown): void {
  if (!isObject(element)) return;
  checkLength(problems, `${pointer}/action_id`, element.action_id, LIMITS.actionId, "action_id");
  checkLength(problems, `${pointer}/placeholder/text`, textOf(element.placeholder), LIMITS.placeholder, "placeholder");
  if (element.type === "button") {
    checkLength(problems, `${pointer}/text/text`, textOf(element.text), LIMITS.buttonText, "button text");
    checkLength(problems, `${pointer}/value`, element.value, LIMITS.buttonValue, "button value");
    checkLength(problems, `${pointer}/url`, element.url, LIMITS.url, "url");
  }
  for (const key of ["options", "initial_options"] as const) {
    const options = element[key];
    if (!Array.isArray(options)) continue;
    if (options.length > LIMITS.options)
      problems.push(`${pointer}/${key}: no more than ${LIMITS.options} items allowed`);
    for (const [i, option] of options.entries()) {
      const text = textOf(isObject(option) ? option.text : undefined);
      checkLength(problems, `${pointer}/${key}/${i}/text/text`, text, LIMITS.optionText, "option text");
    }
  }
}

function checkBlock(problems: string[], pointer: string, block: unknown): void {
  if (!isObject(block) || typeof block.type !== "string") {
    problems.push(`${pointer}: a block needs a type`);
    return;
  }
  checkLength(problems, `${pointer}/block_id`, block.block_id, LIMITS.blockId, "block_id");
  switch (block.type) {
    case "header":
      checkLength(problems, `${pointer}/text/text`, textOf(block.text), LIMITS.headerText, "header text");
      if (isObject(block.text) && block.text.type !== "plain_text")
        problems.push(`${pointer}/text: must be plain_text`);
      break;
    case "section": {
      checkLength(problems, `${pointer}/text/text`, textOf(block.text), LIMITS.sectionText, "section text");
      const fields = Array.isArray(block.fields) ? block.fields : [];
      if (fields.length > LIMITS.sectionFields)
        problems.push(`${pointer}/fields: no more than ${LIMITS.sectionFields} items allowed`);
      for (const [i, f] of fields.entries()) {
        checkLength(problems, `${pointer}/fields/${i}/text`, textOf(f), LIMITS.sectionFieldText, "field text");
      }
      if (!block.text && fields.length === 0) problems.push(`${pointer}: a section needs text or fields`);
      checkElement(problems, `${pointer}/accessory`, block.accessory);
      break;
    }
    case "context": {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length > LIMITS.contextElements)
        problems.push(`${pointer}/elements: no more than ${LIMITS.contextElements} items allowed`);
      break;
    }
    case "actions": {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length > LIMITS.actionsElements)
        problems.push(`${pointer}/elements: no more than ${LIMITS.actionsElements} items allowed`);
      for (const [i, e] of elements.entries()) checkElement(problems, `${pointer}/elements/${i}`, e);
      break;
    }
    case "input":
      checkLength(problems, `${pointer}/label/text`, textOf(block.label), LIMITS.inputLabel, "label");
      checkElement(problems, `${pointer}/element`, block.element);
      break;
    case "image":
      checkLength(problems, `${pointer}/alt_text`, block.alt_text, LIMITS.imageAltText, "alt_text");
      break;
  }
}

// Slack refuses a text object with nothing in it ("must be more than 0 characters"), wherever it is.
function checkEmptyTexts(problems: string[], pointer: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) checkEmptyTexts(problems, `${pointer}/${i}`, item);
    return;
  }
  if (!isObject(value)) return;
  if ((value.type === "plain_text" || value.type === "mrkdwn") && value.text === "")
    problems.push(`${pointer}/text: must be more than 0 characters`);
  for (const [key, child] of Object.entries(value))
    if (typeof child === "object") checkEmptyTexts(problems, `${pointer}/${key}`, child);
}

export function checkBlocks(blocks: unknown, maxBlocks: number): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ["/blocks: must be an array"];
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`/blocks: no more than ${maxBlocks} items allowed`);
  for (const [i, block] of blocks.entries()) checkBlock(problems, `/blocks/${i}`, block);
  checkEmptyTexts(problems, "/blocks", blocks);
  return problems;
}

/** chat.postMessage, chat.postEphemeral, chat.update and response_url bodies. */
export function checkMessage(args: Json): { error: string; problems: string[] } | null {
  const text = typeof args.text === "string" ? args.text : "";
  if (text.length > LIMITS.messageText)
    return { error: "msg_too_long", problems: [`/text: longer than ${LIMITS.messageText}`] };
  const hasBlocks = Array.isArray(args.blocks) && args.blocks.length > 0;
  if (!text && !hasBlocks && !args.attachments) return { error: "no_text", problems: [] };
  const problems = checkBlocks(args.blocks, LIMITS.messageBlocks);
  return problems.length ? { error: "invalid_blocks", problems } : null;
}

/** views.open, views.update, views.push and views.publish. */
export function checkView(view: unknown): string[] {
  if (!isObject(view)) return ["/view: must be an object"];
  const problems = checkBlocks(view.blocks, LIMITS.surfaceBlocks);
  checkLength(problems, "/view/private_metadata", view.private_metadata, LIMITS.privateMetadata, "private_metadata");
  checkLength(problems, "/view/callback_id", view.callback_id, LIMITS.callbackId, "callback_id");
  if (view.type === "modal") {
    if (!isObject(view.title)) problems.push("/view/title: a modal needs a title");
    checkLength(problems, "/view/title/text", textOf(view.title), LIMITS.modalTitle, "title");
    checkLength(problems, "/view/submit/text", textOf(view.submit), LIMITS.modalButton, "submit");
    checkLength(problems, "/view/close/text", textOf(view.close), LIMITS.modalButton, "close");
  } else if (view.type !== "home") {
    problems.push("/view/type: must be modal or home");
  }
  return problems;
}
