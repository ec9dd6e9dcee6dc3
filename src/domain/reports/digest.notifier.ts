import type { Attempt, Posted } from "../outbound.js";
import type { Digest } from "./digest.types.js";

/** Sends a weekly digest to a person's DM; the Slack layer implements it. */
export interface DigestNotifier {
  sendDigest(
    to: { slackUserId: string; workspaceId: string },
    digest: Digest,
    delivery: { id: string; late: boolean; dueAt: Date },
    attempt: Attempt,
  ): Promise<Posted>;
}
