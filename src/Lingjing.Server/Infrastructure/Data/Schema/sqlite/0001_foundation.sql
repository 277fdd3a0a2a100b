-- Lingjing schema 0001 (SQLite): the zone registry and accounts.
-- Never edit an applied script: add a new numbered one.

CREATE TABLE "parks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_parks" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "address_zh" TEXT NOT NULL,
    "address_en" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "area_square_meters" REAL NOT NULL,
    "opened_year" INTEGER NOT NULL,
    "boundary" TEXT NOT NULL,
    "allows_guests" INTEGER NOT NULL,
    "search_text" TEXT NOT NULL
);


CREATE TABLE "roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);


CREATE TABLE "system_settings" (
    "key" TEXT NOT NULL CONSTRAINT "pk_system_settings" PRIMARY KEY,
    "value" TEXT NOT NULL
);


CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "park_id" INTEGER NULL,
    "enterprise_id" INTEGER NULL,
    "job_title" TEXT NOT NULL,
    "preferred_culture" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);


CREATE TABLE "buildings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_buildings" PRIMARY KEY AUTOINCREMENT,
    "park_id" INTEGER NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "footprint" TEXT NOT NULL,
    "height_meters" REAL NOT NULL,
    "floors" INTEGER NOT NULL,
    CONSTRAINT "fk_buildings_parks_park_id" FOREIGN KEY ("park_id") REFERENCES "parks" ("id") ON DELETE CASCADE
);


CREATE TABLE "institutions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_institutions" PRIMARY KEY AUTOINCREMENT,
    "park_id" INTEGER NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "service_type" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "address_zh" TEXT NOT NULL,
    "address_en" TEXT NOT NULL,
    "contact_phone" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "search_text" TEXT NOT NULL,
    CONSTRAINT "fk_institutions_parks_park_id" FOREIGN KEY ("park_id") REFERENCES "parks" ("id")
);


CREATE TABLE "role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_role_claims_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_user_roles_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_roles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "enterprises" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_enterprises" PRIMARY KEY AUTOINCREMENT,
    "park_id" INTEGER NOT NULL,
    "building_id" INTEGER NULL,
    "credit_code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "founded_on" TEXT NOT NULL,
    "employees" INTEGER NOT NULL,
    "above_designated_size" INTEGER NOT NULL,
    "tags" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "website" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "contact_phone" TEXT NOT NULL,
    "latest_revenue_yuan" INTEGER NOT NULL,
    "search_text" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_enterprises_buildings_building_id" FOREIGN KEY ("building_id") REFERENCES "buildings" ("id"),
    CONSTRAINT "fk_enterprises_parks_park_id" FOREIGN KEY ("park_id") REFERENCES "parks" ("id") ON DELETE CASCADE
);


CREATE TABLE "spaces" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_spaces" PRIMARY KEY AUTOINCREMENT,
    "park_id" INTEGER NOT NULL,
    "building_id" INTEGER NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "space_type" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "area_square_meters" REAL NOT NULL,
    "opens_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL,
    "open_days" INTEGER NOT NULL,
    "equipment" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "x" REAL NOT NULL,
    "y" REAL NOT NULL,
    "search_text" TEXT NOT NULL,
    CONSTRAINT "fk_spaces_buildings_building_id" FOREIGN KEY ("building_id") REFERENCES "buildings" ("id"),
    CONSTRAINT "fk_spaces_parks_park_id" FOREIGN KEY ("park_id") REFERENCES "parks" ("id") ON DELETE CASCADE
);


CREATE TABLE "enterprise_revenues" (
    "enterprise_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "revenue_yuan" INTEGER NOT NULL,
    CONSTRAINT "pk_enterprise_revenues" PRIMARY KEY ("enterprise_id", "year"),
    CONSTRAINT "fk_enterprise_revenues_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_buildings_park_id" ON "buildings" ("park_id");


CREATE INDEX "ix_enterprises_building_id" ON "enterprises" ("building_id");


CREATE INDEX "ix_enterprises_category" ON "enterprises" ("category");


CREATE UNIQUE INDEX "ix_enterprises_credit_code" ON "enterprises" ("credit_code");


CREATE INDEX "ix_enterprises_name_en" ON "enterprises" ("name_en");


CREATE INDEX "ix_enterprises_park_id_category" ON "enterprises" ("park_id", "category");


CREATE INDEX "ix_institutions_park_id" ON "institutions" ("park_id");


CREATE INDEX "ix_institutions_service_type" ON "institutions" ("service_type");


CREATE UNIQUE INDEX "ix_parks_code" ON "parks" ("code");


CREATE INDEX "ix_role_claims_role_id" ON "role_claims" ("role_id");


CREATE UNIQUE INDEX "role_name_index" ON "roles" ("normalized_name");


CREATE INDEX "ix_spaces_building_id" ON "spaces" ("building_id");


CREATE INDEX "ix_spaces_park_id_space_type" ON "spaces" ("park_id", "space_type");


CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");


CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");


CREATE INDEX "ix_user_roles_role_id" ON "user_roles" ("role_id");


CREATE INDEX "email_index" ON "users" ("normalized_email");


CREATE UNIQUE INDEX "user_name_index" ON "users" ("normalized_user_name");



CREATE INDEX ix_users_park_id ON users (park_id);
CREATE INDEX ix_users_enterprise_id ON users (enterprise_id);
