import type { WebClient } from "@slack/web-api";
import { MAX_IMPORT_BYTES } from "../domain/imports/decode-file.js";
import type { ImportFiles } from "../imports/import.flow.js";

/**
 * A file a person uploaded to Slack, read by the app: files.info (files:read) says its size and
 * private URL; the bytes come from that URL with the bot token (without it Slack answers with its
 * sign-in page, which is refused here rather than read as a spreadsheet).
 */
export function slackImportFiles(client: WebClient, token: string): ImportFiles {
  return {
    async fetch(fileId) {
      const info = await client.files.info({ file: fileId }).catch(() => null);
      const file = info?.file;
      if (!file?.url_private) return { problem: "missing" };
      if ((file.size ?? 0) > MAX_IMPORT_BYTES) return { problem: "tooLarge" };
      const answer = await fetch(file.url_private, {
        headers: { authorization: `Bearer ${token}` },
        redirect: "manual",
      });
      if (!answer.ok) return { problem: "missing" };
      const bytes = new Uint8Array(await answer.arrayBuffer());
      if (bytes.length > MAX_IMPORT_BYTES) return { problem: "tooLarge" };
      return { filename: file.name ?? file.title ?? fileId, bytes };
    },
  };
}
