import iconv from "iconv-lite";

// A spreadsheet export as text: UTF-8 (with or without a byte-order mark), UTF-16 with its mark
// (what Excel's "Unicode text" writes), else Windows-1252 (older Excel on Windows). A file that is
// none of these — an image, a zip, a real .xlsx — is refused rather than read as nonsense.

/** The largest file read (Slack's file_input takes more; a spreadsheet of customers is far less). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type DecodedFile =
  | { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" }
  | { ok: false; problem: "empty" | "tooLarge" | "binary" };

export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: "tooLarge" };
  const [a, b, c] = bytes;
  let decoded: DecodedFile;
  if (a === 0xef && b === 0xbb && c === 0xbf) decoded = utf8(bytes.subarray(3));
  else if (a === 0xff && b === 0xfe)
    decoded = { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le" };
  else if (a === 0xfe && b === 0xff)
    decoded = { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "utf-16be" };
  else if (bytes.includes(0)) return { ok: false, problem: "binary" };
  else decoded = utf8(bytes);
  if (!decoded.ok) return decoded;
  // Control characters other than tabs and line ends mean it is not text.
  if (controlCount(decoded.text) > Math.max(8, decoded.text.length / 1_000)) return { ok: false, problem: "binary" };
  if (!decoded.text.trim()) return { ok: false, problem: "empty" };
  return decoded;
}

function utf8(bytes: Uint8Array): DecodedFile {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { ok: true, text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252" };
  }
}

function controlCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b) n++;
  }
  return n;
}
