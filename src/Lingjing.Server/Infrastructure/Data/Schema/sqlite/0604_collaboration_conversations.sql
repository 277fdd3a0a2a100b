-- Conversations between the parties of a need or an offer (issue 14, point 4): one thread per topic and starter
-- (topic_key unique), each side's unread count and last read message kept by the writes; messages with an optional
-- attachment (the file under the data directory) or an invitation to meet, hidden by moderation without being deleted.
CREATE TABLE "collaboration_conversations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_conversations" PRIMARY KEY AUTOINCREMENT,
    "need_id" INTEGER NULL,
    "offer_id" INTEGER NULL,
    "starter_enterprise_id" INTEGER NULL,
    "starter_institution_id" INTEGER NULL,
    "other_enterprise_id" INTEGER NULL,
    "other_institution_id" INTEGER NULL,
    "topic_key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "started_by" TEXT NULL,
    "started_at" TEXT NOT NULL,
    "last_message_at" TEXT NOT NULL,
    "last_message_id" INTEGER NOT NULL,
    "starter_unread" INTEGER NOT NULL,
    "other_unread" INTEGER NOT NULL,
    "starter_read_to" INTEGER NOT NULL,
    "other_read_to" INTEGER NOT NULL,
    CONSTRAINT "ck_collaboration_conversations_one_topic" CHECK (("need_id" IS NULL) <> ("offer_id" IS NULL)),
    CONSTRAINT "ck_collaboration_conversations_one_starter" CHECK (("starter_enterprise_id" IS NULL) <> ("starter_institution_id" IS NULL)),
    CONSTRAINT "ck_collaboration_conversations_one_other" CHECK (("other_enterprise_id" IS NULL) <> ("other_institution_id" IS NULL)),
    CONSTRAINT "fk_collaboration_conversations_collaboration_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "collaboration_needs" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_conversations_collaboration_offers_offer_id" FOREIGN KEY ("offer_id") REFERENCES "collaboration_offers" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_conversations_enterprises_starter_enterprise_id" FOREIGN KEY ("starter_enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_conversations_institutions_starter_institution_id" FOREIGN KEY ("starter_institution_id") REFERENCES "institutions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_conversations_enterprises_other_enterprise_id" FOREIGN KEY ("other_enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_conversations_institutions_other_institution_id" FOREIGN KEY ("other_institution_id") REFERENCES "institutions" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_collaboration_conversations_topic_key" ON "collaboration_conversations" ("topic_key");
CREATE INDEX "ix_collaboration_conversations_starter_enterprise_id_last_message_at" ON "collaboration_conversations" ("starter_enterprise_id", "last_message_at");
CREATE INDEX "ix_collaboration_conversations_starter_institution_id_last_message_at" ON "collaboration_conversations" ("starter_institution_id", "last_message_at");
CREATE INDEX "ix_collaboration_conversations_other_enterprise_id_last_message_at" ON "collaboration_conversations" ("other_enterprise_id", "last_message_at");
CREATE INDEX "ix_collaboration_conversations_other_institution_id_last_message_at" ON "collaboration_conversations" ("other_institution_id", "last_message_at");
CREATE INDEX "ix_collaboration_conversations_need_id" ON "collaboration_conversations" ("need_id");
CREATE INDEX "ix_collaboration_conversations_offer_id" ON "collaboration_conversations" ("offer_id");

CREATE TABLE "collaboration_messages" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_messages" PRIMARY KEY AUTOINCREMENT,
    "conversation_id" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "sender_user_id" TEXT NULL,
    "sender_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachment_id" TEXT NULL,
    "attachment_name" TEXT NULL,
    "attachment_type" TEXT NULL,
    "attachment_bytes" INTEGER NULL,
    "meeting_kind" TEXT NULL,
    "meeting_starts_at" TEXT NULL,
    "meeting_ends_at" TEXT NULL,
    "meeting_booking_id" TEXT NULL,
    "meeting_park_id" INTEGER NULL,
    "meeting_place_zh" TEXT NULL,
    "meeting_place_en" TEXT NULL,
    "hidden_at" TEXT NULL,
    "hidden_reason" TEXT NULL,
    "sent_at" TEXT NOT NULL,
    CONSTRAINT "fk_collaboration_messages_collaboration_conversations_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "collaboration_conversations" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_collaboration_messages_conversation_id_id" ON "collaboration_messages" ("conversation_id", "id");
