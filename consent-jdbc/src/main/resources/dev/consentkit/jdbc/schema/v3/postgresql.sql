-- ConsentKit schema v3 for PostgreSQL 12+.
-- Applied after v2. ${prefix} is the validated table prefix (default ck_). Times are microseconds
-- since the epoch (UTC).

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

INSERT INTO ${prefix}schema_version (version, description) VALUES (3, 'issue 6: breach register');
