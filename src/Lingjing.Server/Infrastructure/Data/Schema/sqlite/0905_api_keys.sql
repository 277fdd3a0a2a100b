-- Keys for machines: named, scoped, expiring, revocable; only the SHA-256 of a key is kept.
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "owner_kind" TEXT NOT NULL,
    "owner_id" INTEGER NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    "revoked_by" TEXT NULL
);
CREATE UNIQUE INDEX "ix_api_keys_prefix" ON "api_keys" ("prefix");
CREATE INDEX "ix_api_keys_owner_kind_owner_id" ON "api_keys" ("owner_kind", "owner_id");
