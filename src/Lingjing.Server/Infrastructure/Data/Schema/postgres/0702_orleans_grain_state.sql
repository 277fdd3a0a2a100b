-- Grain state of a cluster (Microsoft.Orleans.Persistence.AdoNet): what a world's owner must not lose when its node
-- dies (moderation in force, the chat history). One row per grain; Orleans binds its own parameter names
-- (@GrainIdHash, @GrainTypeString, ...) and reads PayloadBinary, Version and NewGrainStateVersion by name. The version
-- is the state's ETag: a write succeeds only from the version it read, so two activations of one grain (a split
-- cluster) cannot overwrite each other unnoticed.

CREATE TABLE orleans.grain_state (
    service_id varchar(150) NOT NULL,
    grain_type varchar(512) NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    grain_key varchar(512) NOT NULL DEFAULT '',
    grain_type_hash integer NOT NULL,
    grain_id_hash integer NOT NULL,
    payload bytea,
    version integer NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key)
);

-- Writes the state if the caller read the current version (NULL: it found none) and returns the new version; returns
-- the caller's version unchanged when someone else wrote in between, which Orleans reports as a conflict.
CREATE FUNCTION orleans.write_grain_state(
    _id_hash integer, _n0 bigint, _n1 bigint, _type_hash integer, _type varchar, _key varchar, _service varchar,
    _version integer, _payload bytea)
RETURNS TABLE (newgrainstateversion integer) LANGUAGE plpgsql AS $$
BEGIN
    IF _version IS NULL THEN
        INSERT INTO orleans.grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key, grain_type_hash,
                                         grain_id_hash, payload, version)
        VALUES (_service, _type, _n0, _n1, coalesce(_key, ''), _type_hash, _id_hash, _payload, 1)
        ON CONFLICT DO NOTHING;
        RETURN QUERY SELECT CASE WHEN FOUND THEN 1 END;
        RETURN;
    END IF;
    UPDATE orleans.grain_state
    SET payload = _payload, version = version + 1, modified_at = now()
    WHERE service_id = _service AND grain_type = _type AND grain_id_n0 = _n0 AND grain_id_n1 = _n1
      AND grain_key = coalesce(_key, '') AND version = _version;
    RETURN QUERY SELECT CASE WHEN FOUND THEN _version + 1 ELSE _version END;
END $$;

INSERT INTO orleans.orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', '
    SELECT payload AS payloadbinary, now() AS modifiedon, version
    FROM orleans.grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
      AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash'),
('WriteToStorageKey', '
    SELECT newgrainstateversion FROM orleans.write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
        @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)'),
('ClearStorageKey', '
    UPDATE orleans.grain_state SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
    RETURNING version AS newgrainstateversion');

-- One number per node start, never handed out twice: the top byte of the avatar ids a node hands out, and the range
-- of telemetry sequence numbers its writer uses (so nodes writing at once never share one).
CREATE SEQUENCE orleans.node_serial;
