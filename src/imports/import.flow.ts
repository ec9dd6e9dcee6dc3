import { DomainError } from "../domain/errors.js";
import type { ImportPlan } from "../domain/imports/import.service.js";
import type { ImportJob, ImportJobRepository } from "../domain/imports/import-job.repository.js";
import type { Member } from "../domain/members/member.types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { type ImportOutcome, type ImportProblem, runImport } from "./run-import.js";

// An import asked for in Slack: the file read and previewed; confirmed, applied in batches while its
// message says how far it got; stopped on request; taken up again by another instance if the one
// running it dies (the same rows found again change nothing). One import runs per workspace.

const LEASE_MS = 60_000;

export interface ImportFiles {
  /** A file a person uploaded: its name and bytes, or why it cannot be read. */
  fetch(fileId: string): Promise<{ filename: string; bytes: Uint8Array } | { problem: "missing" | "tooLarge" }>;
}

export interface ImportNotifier {
  preview(job: ImportJob, outcome: Extract<ImportOutcome, { ok: true }>): Promise<void>;
  progress(job: ImportJob, startedAt: number): Promise<void>;
  result(job: ImportJob, outcome: Extract<ImportOutcome, { ok: true }>): Promise<void>;
  problem(
    to: { workspaceId: string; slackUserId: string },
    code: ImportProblem | "missing" | "tooLarge",
    detail: string,
  ): Promise<void>;
}

export interface ImportFlowDeps {
  prisma: PrismaClient;
  jobs: ImportJobRepository;
  files: ImportFiles;
  notifier: ImportNotifier;
  ensureAdmin(member: Member): Promise<boolean>;
  slackUserByEmail(email: string): Promise<string | null>;
  now(): Date;
  log(message: string, context: Record<string, unknown>): void;
}

export function createImportFlow(deps: ImportFlowDeps) {
  const adminOnly = async (member: Member) => {
    if (!(await deps.ensureAdmin(member))) throw new DomainError("adminOnly");
  };

  async function read(
    who: { workspaceId: string; memberId: string; slackUserId: string },
    fileId: string,
    run: { dryRun: boolean; job?: ImportJob },
  ) {
    const { workspaceId } = who;
    const to = { workspaceId, slackUserId: who.slackUserId };
    const file = await deps.files.fetch(fileId);
    if ("problem" in file) {
      await deps.notifier.problem(to, file.problem, "");
      return null;
    }
    let lastShown = 0;
    const startedAt = deps.now().getTime();
    const outcome = await runImport(
      deps.prisma,
      {
        bytes: file.bytes,
        dryRun: run.dryRun,
        workspaceId,
        actorId: who.memberId,
        createNamesakes: run.job?.createNamesakes ?? false,
      },
      {
        say: () => {},
        now: deps.now,
        slackUserByEmail: deps.slackUserByEmail,
        progress: async (done, total, counts) => {
          const job = run.job;
          if (!job) return;
          Object.assign(job, { rowsDone: done, rowsTotal: total, ...counts });
          await deps.jobs.progress(job.id, { rowsDone: done, ...counts }, new Date(deps.now().getTime() + LEASE_MS));
          // The message is updated at most every two seconds (Slack's chat.update is Tier 3).
          if (deps.now().getTime() - lastShown >= 2_000 || done >= total) {
            lastShown = deps.now().getTime();
            await deps.notifier
              .progress(job, startedAt)
              .catch((error: unknown) => deps.log("import progress not shown", { job: job.id, error: String(error) }));
          }
        },
        stopped: async () => (run.job ? (await deps.jobs.get(workspaceId, run.job.id))?.status !== "running" : false),
      },
    );
    if (!outcome.ok) {
      await deps.notifier.problem(to, outcome.code, outcome.detail);
      return null;
    }
    return { outcome, filename: file.filename };
  }

  async function apply(job: ImportJob) {
    const who = { workspaceId: job.workspaceId, memberId: job.requestedById, slackUserId: job.requestedBySlackId };
    const read_ = await read(who, job.fileId, { dryRun: false, job });
    if (!read_) {
      await deps.jobs.finish(job.id, "failed", deps.now());
      return;
    }
    const stopped = read_.outcome.applied?.stopped ?? false;
    if (!stopped) await deps.jobs.finish(job.id, "done", deps.now());
    job.status = stopped ? "stopped" : "done";
    await deps.notifier.result(job, read_.outcome);
  }

  return {
    /** The file read and previewed to the admin who sent it; nothing is written but the job. */
    async preview(actor: Member, fileId: string): Promise<void> {
      await adminOnly(actor);
      const who = { workspaceId: actor.workspaceId, memberId: actor.id, slackUserId: actor.slackUserId };
      const read_ = await read(who, fileId, { dryRun: true });
      if (!read_) return;
      const plan: ImportPlan = read_.outcome.plan;
      const job = await deps.jobs.create({
        workspaceId: actor.workspaceId,
        requestedById: actor.id,
        requestedBySlackId: actor.slackUserId,
        fileId,
        filename: read_.filename.slice(0, 200),
        rowsTotal: plan.creates.length + plan.updates.length,
      });
      await deps.notifier.preview(job, read_.outcome);
    },

    /** Import confirmed: runs unless another import of the workspace does. */
    async confirm(actor: Member, jobId: string, createNamesakes = false): Promise<void> {
      await adminOnly(actor);
      const job = await deps.jobs.get(actor.workspaceId, jobId);
      if (!job) throw new DomainError("importGone");
      const leaseUntil = new Date(deps.now().getTime() + LEASE_MS);
      const started = await deps.jobs.start(actor.workspaceId, jobId, leaseUntil, createNamesakes);
      if (started === "busy") throw new DomainError("importBusy");
      if (started === "gone") {
        // A second click on Import (a double click): the first runs or ran it, and its message says so.
        const status = (await deps.jobs.get(actor.workspaceId, jobId))?.status;
        if (status === "running" || status === "done") return;
        throw new DomainError("importGone");
      }
      Object.assign(job, { status: "running", createNamesakes });
      await apply(job);
    },

    /** Cancel (a preview) or Stop (a running import): what was written stays. */
    async stop(actor: Member, jobId: string): Promise<ImportJob | null> {
      await adminOnly(actor);
      const job = await deps.jobs.get(actor.workspaceId, jobId);
      if (!job) throw new DomainError("importGone");
      const status = job.status === "running" ? "stopped" : "cancelled";
      if (!(await deps.jobs.finish(job.id, status, deps.now()))) return null;
      return { ...job, status };
    },

    /** One scheduler tick: imports whose instance died are taken up again (they find what was written). */
    async resumeAbandoned(): Promise<number> {
      let resumed = 0;
      for (const job of await deps.jobs.abandoned(deps.now(), 5)) {
        if (!(await deps.jobs.claim(job.id, deps.now(), new Date(deps.now().getTime() + LEASE_MS)))) continue;
        resumed++;
        await apply(job);
      }
      return resumed;
    },
  };
}

export type ImportFlow = ReturnType<typeof createImportFlow>;
