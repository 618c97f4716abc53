-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "userId" TEXT;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN "previousSecretEncrypted" TEXT;
ALTER TABLE "WebhookEndpoint" ADD COLUMN "previousSecretExpiresAt" DATETIME;

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_userId_status_idx" ON "WebhookDelivery"("endpointId", "userId", "status");
