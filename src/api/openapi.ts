import { z } from "zod";
import { API_ENDPOINTS } from "./api.endpoints.js";
import { ErrorSchema } from "./api.schemas.js";

// The OpenAPI 3.1 document, generated from the endpoints' zod schemas (JSON Schema 2020-12, which
// OpenAPI 3.1 uses as it is).

const schemaOf = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });

const ERRORS: Record<string, string> = {
  "400": "A bad body or query: each field's problem",
  "401": "No token, a wrong one, or a revoked one",
  "403": "The token's scope does not allow it",
  "429": "Too many requests this minute (Retry-After)",
};

export function buildOpenApi(prefix: string) {
  const error = { content: { "application/json": { schema: schemaOf(ErrorSchema, "output") } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of API_ENDPOINTS) {
    const query = e.query ? schemaOf(e.query, "input") : null;
    const properties = (query?.properties ?? {}) as Record<string, unknown>;
    const required = new Set((query?.required as string[] | undefined) ?? []);
    const pathParams = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string", format: "uuid" },
    }));
    paths[`${prefix}${e.path}`] ??= {};
    (paths[`${prefix}${e.path}`] as Record<string, unknown>)[e.method.toLowerCase()] = {
      summary: e.summary,
      security: [{ bearer: [e.scope] }],
      parameters: [
        ...pathParams,
        ...Object.entries(properties).map(([name, schema]) => ({
          name,
          in: "query",
          required: required.has(name),
          schema,
        })),
        ...(e.method === "POST"
          ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } }]
          : []),
      ],
      ...(e.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(e.body, "input") } } } }
        : {}),
      responses: {
        [String(e.status)]: {
          description: "OK",
          content: { "application/json": { schema: schemaOf(e.response, "output") } },
        },
        ...Object.fromEntries(Object.entries(ERRORS).map(([code, description]) => [code, { description, ...error }])),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Rapport API", version: "1" },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}
