-- ConsentKit schema v3 for PostgreSQL. Applied after v2. ${prefix} is the validated table prefix
-- (default ck_). Times are microseconds since the epoch (UTC). Each area of this version adds its
-- tables in its own block.

-- monitoring alerts (issue 6)
-- Alerts of access monitoring: added once, acknowledged once (the ack_ columns are set by one
-- UPDATE ... WHERE ack_at_us IS NULL), never deleted.
CREATE TABLE ${prefix}monitoring_alert (
    id              CHAR(36)       NOT NULL,
    rule_name       VARCHAR(32)    NOT NULL,
    actor_kind      VARCHAR(16)    NOT NULL,
    actor_id        VARCHAR(64)    NOT NULL,
    raised_at_us    BIGINT         NOT NULL,
    observed        INT            NOT NULL,
    threshold       INT            NOT NULL,
    audit_seq       BIGINT         NOT NULL,
    ack_kind        VARCHAR(16),
    ack_id          VARCHAR(64),
    ack_at_us       BIGINT,
    ack_note        VARCHAR(2000),
    CONSTRAINT ${prefix}monitoring_alert_pk PRIMARY KEY (id)
);
-- the compliance report and the console list the unacknowledged ones, oldest first
CREATE INDEX ${prefix}monitoring_alert_open_ix ON ${prefix}monitoring_alert (ack_at_us, raised_at_us);

INSERT INTO ${prefix}schema_version (version, description) VALUES (3, 'issue 6 and others: monitoring alerts');
