-- The decision record: every decision that matters, appended in the decision's own transaction (a row without a place
-- yet) and sealed moments later into a hash chain signed by the server's key (seq, previous_hash, hash, signature);
-- and the heads published at intervals, against which a rewritten chain shows.
CREATE TABLE "record_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_record_entries" PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NULL,
    "recorded_at" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "previous_hash" TEXT NULL,
    "hash" TEXT NULL,
    "signature" TEXT NULL,
    "sealed_at" TEXT NULL
);
CREATE UNIQUE INDEX "ix_record_entries_seq" ON "record_entries" ("seq");
CREATE INDEX "ix_record_entries_unsealed" ON "record_entries" ("id") WHERE "seq" IS NULL;
CREATE INDEX "ix_record_entries_subject" ON "record_entries" ("subject");

CREATE TABLE "record_heads" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_record_heads" PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "published_at" TEXT NOT NULL
);
CREATE INDEX "ix_record_heads_published_at" ON "record_heads" ("published_at");
