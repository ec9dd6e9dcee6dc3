import type { WorkspaceSettings } from "../workspace-settings/settings.types.js";

// Who takes someone's work while they are away: the teammate (an agent of the same team) with
// the fewest open follow-ups, else a manager of the team; never someone who is away too.

type Person = WorkspaceSettings["people"][number];

export function pickCover(
  people: Person[],
  absent: { id: string; teamId: string | null },
  away: ReadonlySet<string>,
  openCounts: ReadonlyMap<string, number>,
): Person | null {
  if (!absent.teamId) return null;
  const present = people.filter((p) => p.teamId === absent.teamId && p.id !== absent.id && !away.has(p.id));
  const leastBusy = (group: Person[]) =>
    [...group].sort((a, b) => (openCounts.get(a.id) ?? 0) - (openCounts.get(b.id) ?? 0) || a.id.localeCompare(b.id))[0];
  return (
    leastBusy(present.filter((p) => p.role === "agent")) ??
    leastBusy(present.filter((p) => p.role === "manager")) ??
    null
  );
}
