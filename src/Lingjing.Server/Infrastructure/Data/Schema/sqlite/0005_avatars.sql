-- The avatar look each user chose for the realtime world (users without a row get a default look).
CREATE TABLE "avatar_looks" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_avatar_looks" PRIMARY KEY,
    "model" TEXT NOT NULL,
    "body_color" INTEGER NOT NULL,
    "outfit_color" INTEGER NOT NULL,
    "accessory" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_avatar_looks_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
