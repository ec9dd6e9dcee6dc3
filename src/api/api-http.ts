import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";

/** A refusal in the API's one shape: a code, a message, and the field it is about. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      field?: string;
      problems?: Array<{ field: string; message: string }>;
      candidates?: Array<{ id: string; name: string }>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
  get body() {
    const { headers: _headers, ...rest } = this.extra;
    return { error: { code: this.code, message: this.message, ...rest } };
  }
}

export const BODY_LIMIT = 64 * 1024;

/** The request body, refused past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError(413, "body_too_large", `The body may hold at most ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/** `value` checked against `schema`: a 400 naming each field's problem otherwise. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query"): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : where,
    message: issue.message,
  }));
  throw new ApiError(
    400,
    where === "body" ? "invalid_body" : "invalid_query",
    `The ${where} has ${problems.length} problem(s).`,
    {
      field: problems[0]?.field,
      problems,
    },
  );
}

/** The JSON body, or a 400 when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not JSON.");
  }
}
