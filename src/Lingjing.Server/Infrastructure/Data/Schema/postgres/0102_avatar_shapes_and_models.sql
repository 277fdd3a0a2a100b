-- Avatars that say who someone is (issue 13): a body shape chosen with the colours, and a person's own
-- uploaded glTF binary avatar, named by the SHA-256 of its bytes (the file is world/avatars/{user_id}.glb
-- under the data directory; the hash makes its URL change when the model does, and finds the file; two people may upload the same bytes).
ALTER TABLE avatar_looks ADD COLUMN shape text NOT NULL DEFAULT 'average';
ALTER TABLE avatar_looks ADD COLUMN model_sha256 text;

CREATE INDEX ix_avatar_looks_model_sha256 ON avatar_looks (model_sha256);
