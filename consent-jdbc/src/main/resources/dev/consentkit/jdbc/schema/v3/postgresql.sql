-- ConsentKit schema v3 for PostgreSQL 12+. Applied after v2. ${prefix} is the validated table prefix
-- (default ck_). Times are microseconds since the epoch (UTC). Each area of this version has its own
-- block below.

-- retention (issue 5)
-- anchors of retention clocks: business events the host reports; the later time is kept.
-- record_ref is empty when the event concerns every record of the subject
CREATE TABLE ${prefix}retention_event (
    event_name      VARCHAR(80)    NOT NULL,
    subject_id      VARCHAR(128)   NOT NULL,
    record_ref      VARCHAR(128)   NOT NULL,
    at_us           BIGINT         NOT NULL,
    CONSTRAINT ${prefix}retention_event_pk PRIMARY KEY (event_name, subject_id, record_ref)
);
-- erasure forgets a subject's events
CREATE INDEX ${prefix}retention_event_subject_ix ON ${prefix}retention_event (subject_id);

-- what each policy disposed of, with the anchor time it disposed at: a run skips these
CREATE TABLE ${prefix}retention_disposal (
    policy_id       VARCHAR(64)    NOT NULL,
    subject_id      VARCHAR(128)   NOT NULL,
    record_ref      VARCHAR(128)   NOT NULL,
    anchor_at_us    BIGINT         NOT NULL,
    act_id          CHAR(36)       NOT NULL,
    CONSTRAINT ${prefix}retention_disposal_pk PRIMARY KEY (policy_id, subject_id, record_ref)
);

-- destruction acts (Roskomnadzor Order 179); completed_at_us is null while the run is open
CREATE TABLE ${prefix}destruction_act (
    act_id              CHAR(36)       NOT NULL,
    operator_name       VARCHAR(1000)  NOT NULL,
    operator_address    VARCHAR(1000),
    processor           VARCHAR(200),
    system_name         VARCHAR(200)   NOT NULL,
    actor_kind          VARCHAR(16)    NOT NULL,
    actor_id            VARCHAR(64),
    signatory_name      VARCHAR(200),
    signatory_position  VARCHAR(200),
    started_at_us       BIGINT         NOT NULL,
    completed_at_us     BIGINT,
    CONSTRAINT ${prefix}destruction_act_pk PRIMARY KEY (act_id)
);
CREATE INDEX ${prefix}destruction_act_completed_ix ON ${prefix}destruction_act (completed_at_us);

-- one disposed batch per row; subject_refs holds the batch's keyed subject references, space-separated
CREATE TABLE ${prefix}destruction_act_entry (
    act_id          CHAR(36)       NOT NULL,
    entry_no        INT            NOT NULL,
    policy_id       VARCHAR(64)    NOT NULL,
    purpose_id      VARCHAR(64)    NOT NULL,
    category        VARCHAR(64)    NOT NULL,
    action          VARCHAR(16)    NOT NULL,
    reason          VARCHAR(500)   NOT NULL,
    subject_refs    TEXT NOT NULL,
    record_count    INT            NOT NULL,
    disposed_at_us  BIGINT         NOT NULL,
    audit_seq       BIGINT         NOT NULL,
    CONSTRAINT ${prefix}destruction_act_entry_pk PRIMARY KEY (act_id, entry_no)
);

-- legal holds (issue 5)
-- A hold is inserted when placed and updated once when lifted; never deleted (it records why data was kept).
-- Scope columns left NULL mean "any": a hold names a subject, a purpose, a data category or a combination.
CREATE TABLE ${prefix}legal_hold (
    id              CHAR(36)       NOT NULL,
    subject_id      VARCHAR(128),
    purpose_id      VARCHAR(64),
    category        VARCHAR(64),
    reason          VARCHAR(256)   NOT NULL,
    placed_by_kind  VARCHAR(16)    NOT NULL,
    placed_by_id    VARCHAR(64),
    placed_at_us    BIGINT         NOT NULL,
    lifted_by_kind  VARCHAR(16),
    lifted_by_id    VARCHAR(64),
    lifted_at_us    BIGINT,
    CONSTRAINT ${prefix}legal_hold_pk PRIMARY KEY (id)
);
-- erasure and retention ask for the active holds of one subject
CREATE INDEX ${prefix}legal_hold_subject_ix ON ${prefix}legal_hold (subject_id, lifted_at_us);

-- subject requests (issue 5)
-- One row per data-subject request: its due times (stored once, never recomputed) and where it
-- stands; its history of steps is append-only. steps counts them, so two writers advancing the same
-- request collide on it.
CREATE TABLE ${prefix}request (
    request_id          CHAR(36)       NOT NULL,
    subject_id          VARCHAR(128)   NOT NULL,
    request_type        VARCHAR(16)    NOT NULL,
    jurisdiction        VARCHAR(32)    NOT NULL,
    received_at_us      BIGINT         NOT NULL,
    due_at_us           BIGINT         NOT NULL,
    extended_due_at_us  BIGINT,
    current_due_us      BIGINT         NOT NULL,
    state               VARCHAR(24)    NOT NULL,
    is_open             SMALLINT       NOT NULL,
    steps               INT            NOT NULL,
    CONSTRAINT ${prefix}request_pk PRIMARY KEY (request_id)
);
-- a subject's requests (export, duplicate check); what falls due soon
CREATE INDEX ${prefix}request_subject_ix ON ${prefix}request (subject_id, received_at_us);
CREATE INDEX ${prefix}request_due_ix ON ${prefix}request (is_open, current_due_us);

CREATE TABLE ${prefix}request_step (
    request_id          CHAR(36)       NOT NULL,
    step_no             INT            NOT NULL,
    state               VARCHAR(24)    NOT NULL,
    at_us               BIGINT         NOT NULL,
    actor_kind          VARCHAR(16)    NOT NULL,
    actor_id            VARCHAR(64),
    note                VARCHAR(2000),
    due_at_us           BIGINT,
    CONSTRAINT ${prefix}request_step_pk PRIMARY KEY (request_id, step_no),
    CONSTRAINT ${prefix}request_step_fk FOREIGN KEY (request_id) REFERENCES ${prefix}request (request_id)
);

-- breaches (issue 6)
-- One row per breach; its details are updated in phases (optimistic revision), never deleted.
-- Category and purpose ids are joined with commas (ids never contain one).
CREATE TABLE ${prefix}breach (
    breach_id       CHAR(36) NOT NULL,
    revision        INT NOT NULL,
    detected_at_us  BIGINT NOT NULL,
    aware_at_us     BIGINT NOT NULL,
    recorded_at_us  BIGINT NOT NULL,
    updated_at_us   BIGINT NOT NULL,
    description     VARCHAR(4000) NOT NULL,
    categories      VARCHAR(2000) NOT NULL,
    purposes        VARCHAR(2000) NOT NULL,
    approx_subjects BIGINT,
    approx_records  BIGINT,
    consequences    VARCHAR(4000),
    measures        VARCHAR(4000),
    causes          VARCHAR(4000),
    contact_point   VARCHAR(4000),
    investigation   VARCHAR(4000),
    caused_by       VARCHAR(4000),
    risk            VARCHAR(16) NOT NULL,
    encrypted       BOOLEAN NOT NULL,
    CONSTRAINT ${prefix}breach_pk PRIMARY KEY (breach_id)
);
-- the deadlines computed when the breach was recorded; insert-only
CREATE TABLE ${prefix}breach_deadline (
    breach_id       CHAR(36) NOT NULL,
    jurisdiction    VARCHAR(32) NOT NULL,
    clock           VARCHAR(64) NOT NULL,
    due_at_us       BIGINT NOT NULL,
    source          VARCHAR(128) NOT NULL,
    CONSTRAINT ${prefix}breach_deadline_pk PRIMARY KEY (breach_id, jurisdiction, clock),
    CONSTRAINT ${prefix}breach_deadline_fk FOREIGN KEY (breach_id) REFERENCES ${prefix}breach (breach_id)
);
-- one notification per clock; insert-only
CREATE TABLE ${prefix}breach_notice (
    breach_id       CHAR(36) NOT NULL,
    jurisdiction    VARCHAR(32) NOT NULL,
    clock           VARCHAR(64) NOT NULL,
    sent_at_us      BIGINT NOT NULL,
    recorded_at_us  BIGINT NOT NULL,
    reference       VARCHAR(128) NOT NULL,
    delay_reason    VARCHAR(4000),
    actor_kind      VARCHAR(16) NOT NULL,
    actor_id        VARCHAR(64),
    CONSTRAINT ${prefix}breach_notice_pk PRIMARY KEY (breach_id, jurisdiction, clock),
    CONSTRAINT ${prefix}breach_notice_fk FOREIGN KEY (breach_id) REFERENCES ${prefix}breach (breach_id)
);

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

INSERT INTO ${prefix}schema_version (version, description) VALUES (3, 'subject requests, legal holds, retention, breaches, monitoring alerts');
