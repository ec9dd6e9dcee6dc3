// The stand-in's side of Slack's file upload flow: an upload URL per file
// (files.getUploadURLExternal), the bytes sent there, then files.completeUploadExternal;
// and Slack's rule that an image block's `slack_file` is a completed image upload.

type Json = Record<string, unknown>;

export interface StoredFile {
  filename: string;
  /** Who uploaded it: the app (null), or a person (a file_input in a modal, a file sent to the app). */
  user?: string | null;
  title: string;
  bytes: Buffer;
  channelId: string | null;
  comment: string | null;
}

type Answer = { ok: true; [key: string]: unknown } | { error: string; problems?: string[] };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const isImage = (bytes: Buffer) =>
  bytes.subarray(0, 8).equals(PNG) ||
  bytes.subarray(0, 3).equals(JPEG) ||
  bytes.subarray(0, 4).toString("latin1") === "GIF8";

const MIME_TYPES: Record<string, string> = {
  csv: "text/csv",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  json: "application/json",
  txt: "text/plain",
};

/** The type Slack gives a file, from its name. */
export function mimeTypeOf(filename: string): string {
  return MIME_TYPES[filename.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
}

export class FileStore {
  private readonly uploads = new Map<string, { length: number; bytes?: Buffer; filename: string }>();
  /** Files whose upload was completed, by id: what a test reads back (a CSV, a chart). */
  readonly files = new Map<string, StoredFile>();

  /** files.getUploadURLExternal: where to send the bytes of a new file. */
  begin(fileId: string, filename: string, length: number, baseUrl: string): Answer {
    if (!filename || !Number.isInteger(length) || length <= 0) return { error: "invalid_arguments" };
    this.uploads.set(fileId, { length, filename });
    return { ok: true, upload_url: `${baseUrl}/upload/${fileId}`, file_id: fileId };
  }

  /** The bytes POSTed to an upload URL; false when there is no such upload. */
  receive(fileId: string, bytes: Buffer): boolean {
    const upload = this.uploads.get(fileId);
    if (!upload) return false;
    upload.bytes = bytes;
    return true;
  }

  /** files.completeUploadExternal: every file must have all its bytes. */
  complete(args: Json): Answer {
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const files = typeof args.files === "string" ? (JSON.parse(args.files) as Json[]) : ((args.files as Json[]) ?? []);
    for (const file of files) {
      const upload = this.uploads.get(str(file.id));
      if (!upload?.bytes) return { error: "file_not_found" };
      if (upload.bytes.length !== upload.length)
        return { error: "invalid_arguments", problems: ["upload length differs from the declared length"] };
    }
    for (const file of files) {
      const upload = this.uploads.get(str(file.id));
      this.files.set(str(file.id), {
        filename: upload?.filename ?? "",
        title: str(file.title),
        bytes: upload?.bytes ?? Buffer.alloc(0),
        channelId: str(args.channel_id) || null,
        comment: str(args.initial_comment) || null,
      });
    }
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? "" })) };
  }

  /** A file a person uploaded (Slack stores it; the app sees its id). */
  uploadedBy(fileId: string, user: string, filename: string, bytes: Buffer): void {
    this.files.set(fileId, { filename, title: filename, bytes, channelId: null, comment: null, user });
  }

  /** files.info: the file as Slack describes it, for an app that may read files. */
  info(fileId: string, baseUrl: string): Answer {
    if (!this.files.has(fileId)) return { error: "file_not_found" };
    return { ok: true, file: this.describe(fileId, baseUrl) };
  }

  /** A private download (`url_private`): only with the bot token. */
  download(path: string): Buffer | undefined {
    const [, , id] = path.split("/");
    return this.files.get(id ?? "")?.bytes;
  }

  /** A completed file as Slack describes it in a message's `files`. */
  describe(fileId: string, baseUrl: string): Json {
    const file = this.files.get(fileId);
    const name = file?.filename ?? "";
    return {
      id: fileId,
      name,
      title: file?.title || name,
      mimetype: mimeTypeOf(name),
      filetype: name.split(".").pop()?.toLowerCase() ?? "",
      size: file?.bytes.length ?? 0,
      url_private: `${baseUrl}/files/${fileId}/${encodeURIComponent(name)}`,
    };
  }

  /** An image block's `slack_file` must be a completed upload of a PNG, JPEG or GIF. */
  checkImageBlocks(args: Json): { error: string; problems: string[] } | null {
    const blocks =
      typeof args.blocks === "string" ? (JSON.parse(args.blocks) as Json[]) : ((args.blocks as Json[]) ?? []);
    for (const [i, block] of blocks.entries()) {
      const file = block.type === "image" ? (block.slack_file as Json | undefined) : undefined;
      if (!file) continue;
      const bytes = this.files.get(String(file.id ?? ""))?.bytes;
      if (!bytes || !isImage(bytes))
        return { error: "invalid_blocks", problems: [`invalid slack_file [json-pointer:/blocks/${i}/slack_file]`] };
    }
    return null;
  }
}
