import { randomUUID } from "node:crypto";
import type { FileStore } from "./file-store.js";
import { checkMessage } from "./limits.js";

type Json = Record<string, unknown>;

interface Call {
  method: string;
  args: Json;
  at: number;
  ts?: string;
  result?: Json;
}

// Slack lets a response_url be used five times within 30 minutes.
const USES = 5;

/**
 * A command's or an interaction's response_url, and what was answered through it: posted to the
 * URL, or carried by a command's acknowledgement (Slack shows both the same way). Every answer is
 * checked against the limits of a message.
 */
export class ResponseUrls {
  private readonly uses = new Map<string, number>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly files: FileStore,
    private readonly record: (call: Call) => void,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): string {
    return `${this.baseUrl()}/response/${randomUUID()}`;
  }

  /** A message posted to `path`; the HTTP status and body Slack would answer. */
  posted(path: string, args: Json): { status: number; body: Json } {
    const uses = (this.uses.get(path) ?? 0) + 1;
    this.uses.set(path, uses);
    const call: Call = { method: "response_url", args: { ...args, url: path }, at: this.now() };
    this.record(call);
    if (uses > USES) {
      call.result = { ok: false, error: "used_url" };
      return { status: 404, body: call.result };
    }
    call.result = this.checked(args);
    return { status: call.result.ok ? 200 : 400, body: call.result };
  }

  /**
   * A command acknowledged with a message: recorded as that command's answer (marked `via: "ack"`,
   * not counted against the URL's uses).
   */
  answeredInAck(responseUrl: string, body: Json): Call {
    const call: Call = {
      method: "response_url",
      args: { ...body, url: new URL(responseUrl).pathname, via: "ack" },
      at: this.now(),
    };
    call.result = this.checked(body);
    this.record(call);
    return call;
  }

  private checked(message: Json): Json {
    const invalid = checkMessage(message) ?? this.files.checkImageBlocks(message);
    return invalid
      ? { ok: false, error: invalid.error, response_metadata: { messages: invalid.problems } }
      : { ok: true };
  }
}
