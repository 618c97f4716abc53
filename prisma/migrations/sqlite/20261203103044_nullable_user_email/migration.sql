-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT,
    "username" TEXT,
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "pictureUrl" TEXT,
    "role" TEXT NOT NULL DEFAULT 'USER',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "isStaff" BOOLEAN NOT NULL DEFAULT false,
    "isSuperuser" BOOLEAN NOT NULL DEFAULT false,
    "emailVerifiedAt" DATETIME,
    "passwordHash" TEXT,
    "passwordChangedAt" DATETIME,
    "lastLoginAt" DATETIME,
    "organizationName" TEXT,
    "organizationType" TEXT,
    "country" TEXT,
    "signatureName" TEXT,
    "signatureRole" TEXT,
    "notes" TEXT,
    "mfaEnabled" BOOLEAN NOT NULL DEFAULT false,
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "locale" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("attributes", "country", "createdAt", "email", "emailVerifiedAt", "firstName", "id", "isActive", "isStaff", "isSuperuser", "lastLoginAt", "lastName", "locale", "mfaEnabled", "notes", "organizationName", "organizationType", "passwordChangedAt", "passwordHash", "pictureUrl", "role", "signatureName", "signatureRole", "updatedAt", "username") SELECT "attributes", "country", "createdAt", "email", "emailVerifiedAt", "firstName", "id", "isActive", "isStaff", "isSuperuser", "lastLoginAt", "lastName", "locale", "mfaEnabled", "notes", "organizationName", "organizationType", "passwordChangedAt", "passwordHash", "pictureUrl", "role", "signatureName", "signatureRole", "updatedAt", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
