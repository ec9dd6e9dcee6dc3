import { Prisma } from "../../generated/prisma/client.js";
import type { ReportScope } from "./report.types.js";

/** `AND <column>` is the person, or one of the team's people; nothing for the whole workspace. */
export function teamPeople(scope: ReportScope, column: string): Prisma.Sql {
  if (scope.memberId) return Prisma.sql`AND ${Prisma.raw(column)} = ${scope.memberId}::uuid`;
  if (!scope.teamId) return Prisma.empty;
  return Prisma.sql`AND ${Prisma.raw(column)} IN (SELECT id FROM "Member" WHERE "workspaceId" = ${scope.workspaceId}::uuid AND "teamId" = ${scope.teamId}::uuid)`;
}

export const int = (v: unknown) => Number(v ?? 0);
