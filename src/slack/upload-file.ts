import type { WebClient } from "@slack/web-api";

// Slack's two-step upload: ask for a URL, send the bytes there, then complete.
// With `channelId` the file is shared there; without, it stays private to the
// app, for an image block to show by its id.

export interface Upload {
  filename: string;
  title: string;
  bytes: Buffer;
  channelId?: string;
  initialComment?: string;
}

export async function uploadFile(client: WebClient, upload: Upload): Promise<string> {
  const asked = await client.files.getUploadURLExternal({ filename: upload.filename, length: upload.bytes.length });
  if (!asked.upload_url || !asked.file_id) throw new Error("Slack gave no upload URL");
  const sent = await fetch(asked.upload_url, { method: "POST", body: upload.bytes });
  if (!sent.ok) throw new Error(`the upload was refused (${sent.status})`);
  const files: [{ id: string; title: string }] = [{ id: asked.file_id, title: upload.title }];
  await client.files.completeUploadExternal(
    upload.channelId
      ? {
          files,
          channel_id: upload.channelId,
          ...(upload.initialComment ? { initial_comment: upload.initialComment } : {}),
        }
      : { files },
  );
  return asked.file_id;
}
