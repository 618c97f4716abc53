-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "userId" TEXT;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "previousSecretEncrypted" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_userId_status_idx" ON "WebhookDelivery"("endpointId", "userId", "status");
