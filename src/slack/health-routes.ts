import type { CustomRoute } from "@slack/bolt";

export type ReadinessCheck = () => Promise<{
  ready: boolean;
  database: "reachable" | "unreachable";
  pendingMigrations: string[];
}>;

/** GET /healthz: the process answers. GET /readyz: the database is reachable and fully migrated. */
export function healthRoutes(readiness: ReadinessCheck): CustomRoute[] {
  const send = (res: Parameters<CustomRoute["handler"]>[1], status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  return [
    { path: "/healthz", method: ["GET"], handler: (_req, res) => send(res, 200, { status: "ok" }) },
    {
      path: "/readyz",
      method: ["GET"],
      handler: async (_req, res) => {
        const result = await readiness();
        send(res, result.ready ? 200 : 503, { status: result.ready ? "ready" : "not ready", ...result });
      },
    },
  ];
}
