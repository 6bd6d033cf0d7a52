-- ConsentKit schema v3 for PostgreSQL 12+. Applied after v2. ${prefix} is the validated table prefix
-- (default ck_). Times are microseconds since the epoch (UTC). Each block below belongs to one area of issue 5.

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

INSERT INTO ${prefix}schema_version (version, description) VALUES (3, 'issue 5: legal holds');
