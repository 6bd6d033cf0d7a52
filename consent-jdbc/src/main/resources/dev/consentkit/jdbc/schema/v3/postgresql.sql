-- ConsentKit schema v3 for PostgreSQL 12+. Applied after v2. ${prefix} is the validated table prefix (default ck_).
-- Times are microseconds since the epoch (UTC).

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

INSERT INTO ${prefix}schema_version (version, description) VALUES (3, 'subject requests');
