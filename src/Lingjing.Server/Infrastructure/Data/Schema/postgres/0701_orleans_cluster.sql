-- Cluster membership of the Lingjing nodes started with --Lingjing:Cluster:Enabled=true, kept by Orleans' ADO.NET
-- clustering provider (Microsoft.Orleans.Clustering.AdoNet). In a schema of its own, apart from Lingjing's tables:
-- Orleans reads the statements it runs from orleans.orleansquery by key, binds its own parameter names
-- (@DeploymentId, @Address, ...) and reads result columns by name, so the statements alias the columns to those names.
-- SiloStatus as Orleans numbers it: 1 created, 2 joining, 3 active, 4 shutting down, 5 stopping, 6 dead.

CREATE SCHEMA IF NOT EXISTS orleans;

CREATE TABLE orleans.orleansquery (
    querykey varchar(64) PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster: the version of its member list, raised by every change so that two nodes changing the list
-- at once cannot both succeed (the loser reads the list again and retries).
CREATE TABLE orleans.membership_versions (
    deployment_id varchar(150) PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo start: a node restarted on the same address and port is a new generation.
CREATE TABLE orleans.members (
    deployment_id varchar(150) NOT NULL REFERENCES orleans.membership_versions (deployment_id) ON DELETE CASCADE,
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name varchar(150) NOT NULL,
    host_name varchar(150) NOT NULL,
    status integer NOT NULL,
    proxy_port integer,
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Adds a member only if the caller read the current version, and raises it; 1 if both happened, else 0 and nothing
-- changed (the insert is undone when the version moved on meanwhile).
CREATE FUNCTION orleans.add_member(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start timestamptz, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO orleans.members (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                 start_time, i_am_alive_time)
    VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start, p_alive)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE orleans.membership_versions SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment AND version = p_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'serialization_failure', MESSAGE = 'membership version moved on';
    END IF;
    RETURN 1;
EXCEPTION WHEN serialization_failure THEN
    RETURN 0; -- the block's changes are rolled back
END $$;

-- Changes a member's status and suspicions on the same condition as add_member.
CREATE FUNCTION orleans.change_member(
    p_deployment text, p_address text, p_port integer, p_generation integer, p_status integer, p_suspect_times text,
    p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleans.membership_versions SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment AND version = p_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE orleans.members SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_alive
    WHERE deployment_id = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'no such member';
    END IF;
    RETURN 1;
EXCEPTION WHEN no_data_found THEN
    RETURN 0;
END $$;

INSERT INTO orleans.orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    WITH added AS (
        INSERT INTO orleans.membership_versions (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*)::integer FROM added
$q$),
('InsertMembershipKey', $q$
    SELECT orleans.add_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                              @StartTime, @IAmAliveTime, @Version)
$q$),
('UpdateMembershipKey', $q$
    SELECT orleans.change_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version)
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans.members SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
('MembershipReadRowKey', $q$
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
           m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
           v.version AS "Version"
    FROM orleans.membership_versions v
    LEFT JOIN orleans.members m ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadAllKey', $q$
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
           m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
           v.version AS "Version"
    FROM orleans.membership_versions v
    LEFT JOIN orleans.members m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans.membership_versions WHERE deployment_id = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
    FROM orleans.members
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
-- Only members declared dead, and only once they have been silent for the provider's expiry: a node that is joining
-- or shutting down keeps its row.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans.members
    WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6
$q$);
