-- Keys for machines: named, scoped, expiring, revocable; only the SHA-256 of a key is kept.
CREATE TABLE api_keys (
    id uuid NOT NULL,
    name text NOT NULL,
    prefix text NOT NULL,
    secret_hash text NOT NULL,
    scopes text NOT NULL,
    owner_kind text NOT NULL,
    owner_id integer,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    revoked_by uuid,
    CONSTRAINT pk_api_keys PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_api_keys_prefix ON api_keys (prefix);
CREATE INDEX ix_api_keys_owner_kind_owner_id ON api_keys (owner_kind, owner_id);
