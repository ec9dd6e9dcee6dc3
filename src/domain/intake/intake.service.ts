import { Errors } from "../errors.js";
import type { MemberService } from "../members/member.service.js";
import type { Member } from "../members/member.types.js";
import type { IntakeRepository } from "./intake.repository.js";

export function createIntakeService(intake: IntakeRepository, members: MemberService) {
  return {
    async set(admin: Member, channelId: string, on: boolean): Promise<void> {
      if (!(await members.ensureAdmin(admin))) throw Errors.adminOnly();
      if (on) await intake.enable(admin.workspaceId, channelId, admin.id);
      else await intake.disable(admin.workspaceId, channelId);
    },
    isIntake: (workspaceId: string, channelId: string) => intake.isIntake(workspaceId, channelId),
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
