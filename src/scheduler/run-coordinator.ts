import type { RunCoordinator } from "node-cron";
import type { JobRunRepository } from "../domain/scheduling/job-run.repository.js";

/**
 * node-cron's RunCoordinator backed by the database: of several instances,
 * the one that records a fire first runs it; the others skip it.
 * node-cron's key is "<task name>:<ISO time of the fire>".
 */
export function databaseRunCoordinator(runs: JobRunRepository, instanceId: string): RunCoordinator {
  const split = (key: string) => {
    const at = key.indexOf(":");
    return { job: key.slice(0, at), slot: new Date(key.slice(at + 1)) };
  };
  return {
    async shouldRun(key) {
      const { job, slot } = split(key);
      return runs.claim(job, slot, instanceId);
    },
    async onComplete(key) {
      const { job, slot } = split(key);
      await runs.finish(job, slot);
    },
  };
}
