import type { PrismaClient } from "../../generated/prisma/client.js";

export interface IntakeRepository {
  isIntake(workspaceId: string, channelId: string): Promise<boolean>;
  enable(workspaceId: string, channelId: string, memberId: string): Promise<void>;
  disable(workspaceId: string, channelId: string): Promise<void>;
}

export function createIntakeRepository(prisma: PrismaClient): IntakeRepository {
  return {
    async isIntake(workspaceId, channelId) {
      return (await prisma.intakeChannel.count({ where: { workspaceId, channelId } })) > 0;
    },
    async enable(workspaceId, channelId, memberId) {
      await prisma.intakeChannel.upsert({
        where: { workspaceId_channelId: { workspaceId, channelId } },
        create: { workspaceId, channelId, enabledById: memberId },
        update: {},
      });
    },
    async disable(workspaceId, channelId) {
      await prisma.intakeChannel.deleteMany({ where: { workspaceId, channelId } });
    },
  };
}
