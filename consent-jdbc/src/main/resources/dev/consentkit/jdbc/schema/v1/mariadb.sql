-- ConsentKit schema v1 for MariaDB 10.6+ (InnoDB; binary no-pad collation: ids and hashes are case- and trailing-blank-sensitive). ${prefix} is the validated table prefix (default ck_).
-- Times are microseconds since the epoch (UTC). Empty channel/asset/purpose strings mean "none".
CREATE TABLE ${prefix}ledger (
    seq             BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id        CHAR(36)     NOT NULL,
    subject_id      VARCHAR(128) NOT NULL,
    purpose_id      VARCHAR(64)  NOT NULL,
    channel         VARCHAR(32)  NOT NULL,
    asset_id        VARCHAR(128) NOT NULL,
    kind            VARCHAR(24)  NOT NULL,
    occurred_at_us  BIGINT       NOT NULL,
    recorded_at_us  BIGINT       NOT NULL,
    notice_id       VARCHAR(64),
    notice_version  VARCHAR(16),
    notice_locale   VARCHAR(35),
    notice_sha256   CHAR(64),
    method          VARCHAR(24)  NOT NULL,
    form_id         VARCHAR(128),
    ip_hash         CHAR(43),
    ua_hash         CHAR(43),
    actor_kind      VARCHAR(16)  NOT NULL,
    actor_id        VARCHAR(64),
    guardian_id     VARCHAR(128),
    attachment_ref  VARCHAR(128),
    valid_until_us  BIGINT,
    idempotency_key VARCHAR(128),
    request_digest  VARCHAR(64)  NOT NULL,
    CONSTRAINT ${prefix}ledger_event_uq UNIQUE (event_id),
    CONSTRAINT ${prefix}ledger_idem_uq UNIQUE (idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ${prefix}ledger_subject_ix ON ${prefix}ledger (subject_id, seq);

CREATE TABLE ${prefix}projection (
    subject_id      VARCHAR(128) NOT NULL,
    purpose_id      VARCHAR(64)  NOT NULL,
    channel         VARCHAR(32)  NOT NULL,
    asset_id        VARCHAR(128) NOT NULL,
    status          VARCHAR(24),
    since_us        BIGINT       NOT NULL,
    notice_id       VARCHAR(64),
    notice_version  VARCHAR(16),
    notice_locale   VARCHAR(35),
    notice_sha256   CHAR(64),
    valid_until_us  BIGINT,
    seq             BIGINT       NOT NULL,
    restricted      TINYINT(1)      NOT NULL,
    objected        TINYINT(1)      NOT NULL,
    CONSTRAINT ${prefix}projection_pk PRIMARY KEY (subject_id, purpose_id, channel, asset_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ${prefix}projection_purpose_ix ON ${prefix}projection (purpose_id, subject_id);

CREATE TABLE ${prefix}suppression (
    hash            CHAR(43)     NOT NULL,
    purpose_id      VARCHAR(64)  NOT NULL,
    since_us        BIGINT       NOT NULL,
    CONSTRAINT ${prefix}suppression_pk PRIMARY KEY (hash, purpose_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ${prefix}audit (
    seq             BIGINT       NOT NULL,
    time_us         BIGINT       NOT NULL,
    actor_kind      VARCHAR(16)  NOT NULL,
    actor_id        VARCHAR(64),
    action          VARCHAR(64)  NOT NULL,
    subject_ref     CHAR(43),
    purpose_id      VARCHAR(64),
    outcome         VARCHAR(16)  NOT NULL,
    reference       VARCHAR(128),
    previous_link   CHAR(64)     NOT NULL,
    link            CHAR(64)     NOT NULL,
    CONSTRAINT ${prefix}audit_pk PRIMARY KEY (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ${prefix}audit_checkpoint (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    seq             BIGINT       NOT NULL,
    link            CHAR(64)     NOT NULL,
    time_us         BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- One row that every writing unit of work updates first: writers take turns, so the audit chain's
-- head and the projection are read fresh instead of failing on a race and retrying.
CREATE TABLE ${prefix}writer_lock (
    id              INT          NOT NULL,
    turns           BIGINT       NOT NULL,
    CONSTRAINT ${prefix}writer_lock_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO ${prefix}writer_lock (id, turns) VALUES (1, 0);

CREATE TABLE ${prefix}schema_version (
    version         INT          NOT NULL,
    description     VARCHAR(200) NOT NULL,
    applied_at      TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT ${prefix}schema_version_pk PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO ${prefix}schema_version (version, description) VALUES (1, 'ledger, projection, suppression list, audit chain');
