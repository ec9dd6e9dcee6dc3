import { createHash, randomUUID } from "node:crypto";
import type { CustomRoute } from "@slack/bolt";
import type { z } from "zod";
import type { ApiTokenService } from "../domain/api/api-token.service.js";
import type { ApiCaller, ApiScope } from "../domain/api/api-token.types.js";
import type { IdempotencyRepository } from "../domain/api/idempotency.repository.js";
import { API_ENDPOINTS, type ApiHandlerDeps } from "./api.endpoints.js";
import { ApiError, parseJson, readBody, send, validate } from "./api-http.js";
import { buildOpenApi } from "./openapi.js";

// The HTTP API under /api/v1, in the same process and port as the Slack endpoints: a Bearer token
// names the workspace and what it may do; every request is counted against the token's minute
// and audited; a POST with an Idempotency-Key answers the same, on any instance.

export const API_PREFIX = "/api/v1";
const WINDOW_MS = 60_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

export interface ApiDeps extends ApiHandlerDeps {
  tokens: ApiTokenService;
  idempotency: IdempotencyRepository;
  /** Requests per minute a token may make. */
  rateLimit: number;
  log: (message: string, context: Record<string, unknown>) => void;
}

const allows = (scope: ApiScope, needed: ApiScope) => scope === "write" || needed === "read";

/** The API's routes for Bolt's receiver; `deps` is asked for on each request (it is built after the app). */
export function apiRoutes(deps: () => ApiDeps): CustomRoute[] {
  const document = buildOpenApi(API_PREFIX);
  const routes: CustomRoute[] = API_ENDPOINTS.map((endpoint) => ({
    path: `${API_PREFIX}${endpoint.path.replace(/\{(\w+)\}/g, ":$1")}`,
    method: [endpoint.method],
    handler: async (req, res) => {
      const d = deps();
      let caller: ApiCaller | null = null;
      try {
        const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
        caller = token
          ? await d.tokens.authenticate(token, WINDOW_MS, { method: endpoint.method, path: endpoint.path })
          : null;
        if (!caller) throw new ApiError(401, "unauthorized", "Send a valid API token: Authorization: Bearer rpt_…");
        if (caller.usedThisMinute > d.rateLimit) {
          const wait = Math.max(1, Math.ceil((caller.windowStart.getTime() + WINDOW_MS - d.now().getTime()) / 1000));
          throw new ApiError(429, "rate_limited", `At most ${d.rateLimit} requests a minute per token.`, {
            headers: { "retry-after": String(wait) },
          });
        }
        if (!allows(caller.scope, endpoint.scope))
          throw new ApiError(403, "forbidden", `This token may only ${caller.scope}; this needs ${endpoint.scope}.`);
        const url = new URL(req.url ?? "/", "http://localhost");
        const query = endpoint.query ? validate(endpoint.query, Object.fromEntries(url.searchParams), "query") : {};
        const raw = endpoint.method === "GET" ? "" : await readBody(req);
        const body = endpoint.body ? validate(endpoint.body, parseJson(raw), "body") : undefined;
        const params = (req as { params?: Record<string, string> }).params ?? {};
        const key = req.headers["idempotency-key"];
        const run = (requestKey: string) =>
          endpoint.handle(d, { caller: caller as ApiCaller, body, query, params, requestKey });

        if (endpoint.method !== "POST" || key === undefined) {
          const answer = await run(`api:${randomUUID()}`);
          return send(res, answer.status, answer.body);
        }
        if (typeof key !== "string" || !KEY.test(key))
          throw new ApiError(400, "invalid_idempotency_key", "Idempotency-Key: 1 to 200 printable characters.");
        const fingerprint = createHash("sha256").update(`${endpoint.method} ${url.pathname}\n${raw}`).digest("hex");
        const claim = await d.idempotency.claim(caller.workspaceId, key, fingerprint);
        if (claim.status === "done") {
          return send(res, claim.httpStatus, claim.response, { "idempotent-replayed": "true" });
        }
        if (claim.status === "mismatch")
          throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was used for another request.");
        if (claim.status === "running")
          throw new ApiError(409, "idempotency_in_progress", "A request with this Idempotency-Key is still running.", {
            headers: { "retry-after": "1" },
          });
        try {
          const answer = await run(`api:${createHash("sha256").update(key).digest("hex").slice(0, 40)}`);
          await d.idempotency.finish(claim.id, answer.status, answer.body);
          return send(res, answer.status, answer.body);
        } catch (error) {
          // A refusal is the answer for this key too; anything else frees the key for a retry.
          if (error instanceof ApiError) await d.idempotency.finish(claim.id, error.status, error.body);
          else await d.idempotency.release(claim.id);
          throw error;
        }
      } catch (error) {
        if (error instanceof ApiError) {
          return send(res, error.status, error.body, error.extra.headers);
        }
        d.log("API request failed", { path: req.url, error: String(error) });
        return send(res, 500, new ApiError(500, "internal", "Something went wrong; try again.").body);
      }
    },
  }));
  routes.push({
    path: `${API_PREFIX}/openapi.json`,
    method: ["GET"],
    handler: (_req, res) => send(res, 200, document),
  });
  return routes;
}

export type EndpointSchemas = { body?: z.ZodType; query?: z.ZodType };
