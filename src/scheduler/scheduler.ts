import cron, { type ScheduledTask } from "node-cron";
import type { JobRunRepository } from "../domain/scheduling/job-run.repository.js";
import type { Logger } from "../logging/logger.js";
import { databaseRunCoordinator } from "./run-coordinator.js";

export interface Job {
  name: string;
  /** A cron expression (node-cron syntax), in UTC. */
  schedule: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Runs one fire of a job now, through the same coordinator as the clock (tests, catch-up). */
  runNow(name: string, slot?: Date): Promise<boolean>;
  stop(): Promise<void>;
}

/** node-cron is the clock, the database the queue and the referee between instances. */
export function startScheduler(
  jobs: Job[],
  runs: JobRunRepository,
  instanceId: string,
  logger: Logger,
  enabled = true,
): Scheduler {
  const coordinator = databaseRunCoordinator(runs, instanceId);
  const execute = async (job: Job) => {
    try {
      const result = await job.run();
      logger.debug({ job: job.name, result }, "job ran");
    } catch (error) {
      // One failed tick must not stop the clock; the next tick picks the work up again.
      logger.error({ err: error, job: job.name }, "job failed");
    }
  };
  const tasks: ScheduledTask[] = enabled
    ? jobs.map((job) =>
        cron.schedule(job.schedule, () => execute(job), {
          name: job.name,
          timezone: "UTC",
          noOverlap: true,
          distributed: true,
          runCoordinator: coordinator,
        }),
      )
    : [];
  return {
    async runNow(name, slot = new Date()) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job called ${name}`);
      const key = `${name}:${slot.toISOString()}`;
      if (!(await coordinator.shouldRun(key, 60_000))) return false;
      await execute(job);
      await coordinator.onComplete?.(key);
      return true;
    },
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
    },
  };
}
