export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A token as listed: never its secret. */
export interface ApiTokenInfo {
  id: string;
  name: string;
  scope: ApiScope;
  /** The token's last characters, to tell them apart. */
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Who is calling, once a token checked out: its workspace and what it may do. */
export interface ApiCaller {
  tokenId: string;
  /** The name an admin gave it ("phone-system"): what the agent reads a call came from. */
  tokenName: string;
  workspaceId: string;
  scope: ApiScope;
  /** Requests made with this token in the current minute, this one included. */
  usedThisMinute: number;
  /** When the current minute's count started. */
  windowStart: Date;
}
