-- Verified facts: the enterprise facts that decide money change only through review. An
-- enterprise's declared change waits in enterprise_fact_changes until its park operator or the
-- government approves or rejects it; every verified change is a row of enterprise_fact_history.
-- registered_at: when the registry facts were imported (their provenance until a change is verified).
ALTER TABLE enterprises ADD COLUMN registered_at timestamp with time zone;
UPDATE enterprises SET registered_at = updated_at;

CREATE TABLE enterprise_fact_changes (
    id uuid NOT NULL,
    enterprise_id integer NOT NULL,
    fact character varying(32) NOT NULL,
    old_value text NOT NULL,
    new_value text NOT NULL,
    note text NOT NULL,
    status character varying(16) NOT NULL,
    proposed_by uuid,
    proposed_by_name text NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    decided_by uuid,
    decided_by_name text,
    decided_by_role character varying(16),
    decided_at timestamp with time zone,
    reason text,
    CONSTRAINT pk_enterprise_fact_changes PRIMARY KEY (id),
    CONSTRAINT fk_enterprise_fact_changes_enterprises_enterprise_id FOREIGN KEY (enterprise_id) REFERENCES enterprises (id) ON DELETE CASCADE
);
CREATE INDEX ix_enterprise_fact_changes_enterprise_id_status ON enterprise_fact_changes (enterprise_id, status);
CREATE INDEX ix_enterprise_fact_changes_status_proposed_at ON enterprise_fact_changes (status, proposed_at);

CREATE TABLE enterprise_fact_history (
    id uuid NOT NULL,
    enterprise_id integer NOT NULL,
    fact character varying(32) NOT NULL,
    old_value text NOT NULL,
    new_value text NOT NULL,
    provenance character varying(16) NOT NULL,
    change_id uuid,
    declared_by_name text NOT NULL,
    actor_user_id uuid,
    actor_name text NOT NULL,
    actor_role character varying(16) NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_enterprise_fact_history PRIMARY KEY (id),
    CONSTRAINT fk_enterprise_fact_history_enterprises_enterprise_id FOREIGN KEY (enterprise_id) REFERENCES enterprises (id) ON DELETE CASCADE
);
CREATE INDEX ix_enterprise_fact_history_enterprise_id_fact_at ON enterprise_fact_history (enterprise_id, fact, at);
