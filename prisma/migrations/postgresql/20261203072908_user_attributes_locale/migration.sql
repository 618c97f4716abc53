-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "attributes" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "locale" TEXT;
