import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

// A NUL character can't be stored in PostgreSQL text or JSON, and nobody means one: it is taken out of
// everything a request carries (command text, typed values, message text) before any listener reads it.
function strip(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (depth > 32 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = strip(value[i], depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = strip(record[key], depth + 1);
  return record;
}

export const stripNul: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  strip(body);
  await next();
};
