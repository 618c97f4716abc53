-- CreateIndex
CREATE INDEX IF NOT EXISTS "User_email_id_idx" ON "User"("email", "id");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "User_lastLoginAt_id_idx" ON "User"("lastLoginAt", "id");
