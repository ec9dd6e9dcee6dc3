import { createHash, randomBytes } from "node:crypto";
import { DomainError } from "../errors.js";
import type { Member } from "../members/member.types.js";
import type { ApiTokenRepository } from "./api-token.repository.js";
import type { ApiCaller, ApiScope, ApiTokenInfo } from "./api-token.types.js";

// API tokens: admins create, list and revoke them; a token is shown once and kept only as a hash.

const PREFIX = "rpt_";
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u;

/** How a token is kept: its SHA-256, so a leaked database holds no usable token. */
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function createApiTokenService(deps: {
  tokens: ApiTokenRepository;
  /** An admin, someone named in the configuration, or the first to ask in a workspace with no admin. */
  ensureAdmin: (member: Member) => Promise<boolean>;
  now: () => Date;
}) {
  const adminOnly = async (actor: Member) => {
    if (!(await deps.ensureAdmin(actor))) throw new DomainError("apiAdminsOnly");
  };
  return {
    /** A new token for the admin's workspace: the secret returned here is the only copy. */
    async create(actor: Member, name: string, scope: ApiScope): Promise<{ token: string; info: ApiTokenInfo }> {
      await adminOnly(actor);
      const trimmed = name.trim();
      if (!NAME.test(trimmed)) throw new DomainError("apiTokenName");
      const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
      const info = await deps.tokens.create(actor.workspaceId, actor.id, {
        name: trimmed,
        scope,
        hash: hashToken(token),
        hint: token.slice(-4),
      });
      return { token, info };
    },
    async list(actor: Member): Promise<ApiTokenInfo[]> {
      await adminOnly(actor);
      return deps.tokens.list(actor.workspaceId);
    },
    async revoke(actor: Member, name: string): Promise<number> {
      await adminOnly(actor);
      return deps.tokens.revoke(actor.workspaceId, actor.id, name.trim(), deps.now());
    },
    /**
     * The caller behind an `Authorization: Bearer …` token, counted against its minute, the request
     * audited; null when unknown or revoked.
     */
    async authenticate(
      token: string,
      windowMs: number,
      request: { method: string; path: string },
    ): Promise<ApiCaller | null> {
      if (!token.startsWith(PREFIX) || token.length > 100) return null;
      return deps.tokens.use(hashToken(token), deps.now(), windowMs, request);
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
