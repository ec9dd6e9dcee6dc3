import { isUniqueViolation } from "./errors.js";

/**
 * Creates what a request asked for once: `earlier` finds what the same request key made before (null
 * when there is none, or no key), `create` makes it. Two deliveries at once both miss the look-up;
 * the unique index refuses the second, which then gets the first's row.
 */
export async function createOnce<T>(
  earlier: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<{ value: T; created: boolean }> {
  const first = await earlier();
  if (first) return { value: first, created: false };
  try {
    return { value: await create(), created: true };
  } catch (error) {
    const other = isUniqueViolation(error) ? await earlier() : null;
    if (other) return { value: other, created: false };
    throw error;
  }
}
