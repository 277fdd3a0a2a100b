-- Lingjing schema 0020 (SQLite): digital twins, devices, telemetry and alarms.
-- Never edit an applied script: add a new numbered one (0021-0029 belong to twins).

-- Models uploaded by operators (the shipped ones are read from the application's own files).
CREATE TABLE "twin_models" (
    "id" TEXT NOT NULL CONSTRAINT "pk_twin_models" PRIMARY KEY,
    "json" TEXT NOT NULL,
    "park_id" INTEGER NULL,
    "uploaded_by" TEXT NULL,
    "uploaded_at" TEXT NOT NULL
);

-- Twins. "path" is the chain of containing twins ("/park-01/park-01-b1/.../id/"), so everything
-- under a twin is one prefix range.
CREATE TABLE "twins" (
    "id" TEXT NOT NULL CONSTRAINT "pk_twins" PRIMARY KEY,
    "model_id" TEXT NOT NULL,
    "park_id" INTEGER NULL,
    "parent_id" TEXT NULL,
    "path" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "properties" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_twins_parks_park_id" FOREIGN KEY ("park_id") REFERENCES "parks" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_twins_model_id" ON "twins" ("model_id");
CREATE INDEX "ix_twins_path" ON "twins" ("path");
CREATE INDEX "ix_twins_park_id" ON "twins" ("park_id");

CREATE TABLE "twin_relationships" (
    "source_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    CONSTRAINT "pk_twin_relationships" PRIMARY KEY ("source_id", "name", "target_id"),
    CONSTRAINT "fk_twin_relationships_source" FOREIGN KEY ("source_id") REFERENCES "twins" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_twin_relationships_target" FOREIGN KEY ("target_id") REFERENCES "twins" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_twin_relationships_target_id" ON "twin_relationships" ("target_id");

-- Devices: a twin that sends telemetry, with the SHA-256 of its token (the token is shown once).
CREATE TABLE "devices" (
    "id" TEXT NOT NULL CONSTRAINT "pk_devices" PRIMARY KEY,
    "park_id" INTEGER NOT NULL,
    "model_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "token_issued_at" TEXT NOT NULL,
    CONSTRAINT "fk_devices_twins_id" FOREIGN KEY ("id") REFERENCES "twins" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_devices_park_id" ON "devices" ("park_id");
CREATE UNIQUE INDEX "ix_devices_token_hash" ON "devices" ("token_hash");

-- One numeric time series per (twin, telemetry name); last_* is the latest value, flushed every few seconds.
CREATE TABLE "telemetry_series" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_telemetry_series" PRIMARY KEY AUTOINCREMENT,
    "twin_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "last_ts" INTEGER NULL,
    "last_value" REAL NULL,
    CONSTRAINT "fk_telemetry_series_twins" FOREIGN KEY ("twin_id") REFERENCES "twins" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_telemetry_series_twin_id_name" ON "telemetry_series" ("twin_id", "name");

-- Raw readings: ts in Unix milliseconds (UTC); seq is the writer's insertion order, which rollups follow.
CREATE TABLE "telemetry_raw" (
    "seq" INTEGER NOT NULL PRIMARY KEY,
    "series_id" INTEGER NOT NULL,
    "ts" INTEGER NOT NULL,
    "value" REAL NOT NULL
);
CREATE INDEX "ix_telemetry_raw_series_id_ts" ON "telemetry_raw" ("series_id", "ts");

CREATE TABLE "telemetry_minute" (
    "series_id" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" REAL NOT NULL,
    "min" REAL NOT NULL,
    "max" REAL NOT NULL,
    CONSTRAINT "pk_telemetry_minute" PRIMARY KEY ("series_id", "bucket")
) WITHOUT ROWID;

CREATE TABLE "telemetry_hour" (
    "series_id" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" REAL NOT NULL,
    "min" REAL NOT NULL,
    "max" REAL NOT NULL,
    CONSTRAINT "pk_telemetry_hour" PRIMARY KEY ("series_id", "bucket")
) WITHOUT ROWID;

-- Progress markers of the telemetry jobs (rollup watermark: the last raw seq folded into the rollups).
CREATE TABLE "telemetry_marks" (
    "key" TEXT NOT NULL CONSTRAINT "pk_telemetry_marks" PRIMARY KEY,
    "value" INTEGER NOT NULL
);

CREATE TABLE "alarm_rules" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_alarm_rules" PRIMARY KEY AUTOINCREMENT,
    "park_id" INTEGER NULL,
    "model_id" TEXT NULL,
    "twin_id" TEXT NULL,
    "telemetry" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "comparison" TEXT NOT NULL,
    "threshold" REAL NOT NULL,
    "window_seconds" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "enabled" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "alarms" (
    "id" TEXT NOT NULL CONSTRAINT "pk_alarms" PRIMARY KEY,
    "rule_id" INTEGER NOT NULL,
    "twin_id" TEXT NOT NULL,
    "park_id" INTEGER NULL,
    "state" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message_en" TEXT NOT NULL,
    "message_zh" TEXT NOT NULL,
    "value" REAL NULL,
    "raised_at" TEXT NOT NULL,
    "acknowledged_at" TEXT NULL,
    "acknowledged_by" TEXT NULL,
    "cleared_at" TEXT NULL,
    CONSTRAINT "fk_alarms_alarm_rules_rule_id" FOREIGN KEY ("rule_id") REFERENCES "alarm_rules" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_alarms_park_id_state" ON "alarms" ("park_id", "state");
CREATE INDEX "ix_alarms_rule_id_twin_id" ON "alarms" ("rule_id", "twin_id");
