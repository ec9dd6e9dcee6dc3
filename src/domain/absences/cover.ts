import { localDay } from "../escalations/business-calendar.js";
import type { WorkspaceSettings } from "../workspace-settings/settings.types.js";
import type { AbsenceRepository } from "./absence.repository.js";

// Who takes someone's work while they are away: the teammate (an agent of the same team) with
// the fewest open follow-ups, else a manager of the team; never someone who is away too.

type Person = WorkspaceSettings["people"][number];

/** Least open work first, then a stable order: how covers are picked and work handed out. */
const byOpenWork = (open: ReadonlyMap<string, number>) => (a: { id: string }, b: { id: string }) =>
  (open.get(a.id) ?? 0) - (open.get(b.id) ?? 0) || a.id.localeCompare(b.id);

export function pickCover(
  people: Person[],
  absent: { id: string; teamId: string | null },
  away: ReadonlySet<string>,
  openCounts: ReadonlyMap<string, number>,
): Person | null {
  if (!absent.teamId) return null;
  const present = people.filter((p) => p.teamId === absent.teamId && p.id !== absent.id && !away.has(p.id));
  const leastBusy = (group: Person[]) => [...group].sort(byOpenWork(openCounts))[0];
  return (
    leastBusy(present.filter((p) => p.role === "agent")) ??
    leastBusy(present.filter((p) => p.role === "manager")) ??
    null
  );
}

export interface CoverDeps {
  absences: Pick<AbsenceRepository, "awayOn">;
  /** How much open work (pending follow-ups) each of these people holds. */
  openWork(workspaceId: string, memberIds: string[]): Promise<Map<string, number>>;
}

/** Someone away today (their day), and who covers for them; null when they are not away or nobody can. */
export type CoverFinder = (
  settings: WorkspaceSettings,
  person: { id: string; teamId: string | null; timeZone: string | null },
  now: Date,
) => Promise<{ cover: Person; awayUntil: string } | null>;

export function createCoverFinder(deps: CoverDeps): CoverFinder {
  return async (settings, person, now) => {
    const zoneOf = (p: { timeZone: string | null }) => p.timeZone ?? settings.timeZone;
    const workspaceId = settings.id;
    const away = (
      await deps.absences.awayOn(workspaceId, [{ memberId: person.id, day: localDay(now, zoneOf(person)) }])
    ).get(person.id);
    if (!away) return null;
    const team = settings.people.filter((p) => p.teamId !== null && p.teamId === person.teamId && p.id !== person.id);
    // The cover they named (who may be outside the team) is looked up with the team, in one query.
    const named = away.coverId ? settings.people.find((p) => p.id === away.coverId && p.id !== person.id) : undefined;
    const candidates = named && !team.includes(named) ? [...team, named] : team;
    const [awayToo, open] = await Promise.all([
      awayToday(deps.absences, settings, candidates, now),
      deps.openWork(
        workspaceId,
        team.map((p) => p.id),
      ),
    ]);
    if (named && !awayToo.has(named.id)) return { cover: named, awayUntil: away.endsOn };
    const cover = pickCover(settings.people, person, awayToo, open);
    return cover ? { cover, awayUntil: away.endsOn } : null;
  };
}

/** Which of these people are away today (each their own day). */
export async function awayToday(
  absences: Pick<AbsenceRepository, "awayOn">,
  settings: WorkspaceSettings,
  people: Array<{ id: string; timeZone: string | null }>,
  now: Date,
): Promise<Set<string>> {
  const away = await absences.awayOn(
    settings.id,
    people.map((p) => ({ memberId: p.id, day: localDay(now, p.timeZone ?? settings.timeZone) })),
  );
  return new Set(away.keys());
}

/**
 * A team's agents who are at work today (not away), least open work first: the order in which
 * work without an owner is handed out, round-robin.
 */
export async function presentAgentsByOpenWork(
  deps: CoverDeps,
  settings: WorkspaceSettings,
  teamId: string | null,
  now: Date,
): Promise<string[]> {
  if (!teamId) return [];
  const agents = settings.people.filter((p) => p.role === "agent" && p.teamId === teamId);
  const [away, open] = await Promise.all([
    awayToday(deps.absences, settings, agents, now),
    deps.openWork(
      settings.id,
      agents.map((a) => a.id),
    ),
  ]);
  return agents
    .filter((a) => !away.has(a.id))
    .sort(byOpenWork(open))
    .map((a) => a.id);
}
