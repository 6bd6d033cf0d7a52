-- ConsentKit schema v4 for MariaDB 10.6+ (InnoDB; new columns take the table's binary no-pad
-- collation). Applied after v3. ${prefix} is the validated table prefix (default ck_). Times are
-- microseconds since the epoch (UTC). Each area of this version has its own block below. Rows written
-- under v3 keep working: every new column has a default or may be NULL.

-- provisional request deadlines (issue 11)
-- A deadline counted on a calendar year without a table is provisional and is recomputed (redated)
-- once the table is loaded. due_basis lists the calendar sources both due times were counted on,
-- space-separated (e.g. ru/2026@sha256:<hex> ru/2027@provisional:ru-labour-code-art112), '' for
-- none or for rows written before v4; due_provisional is 1 when one of them is provisional. A redating
-- is a compare-and-set on steps, the due times and due_basis, so two instances never both apply it.
ALTER TABLE ${prefix}request ADD COLUMN due_provisional SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE ${prefix}request ADD COLUMN due_basis VARCHAR(1000) NOT NULL DEFAULT '';
-- recomputation pages through the open provisional requests by id
CREATE INDEX ${prefix}request_provisional_ix ON ${prefix}request (due_provisional, is_open, request_id);
-- the period an EXTENDED step extended by (NULL for other steps and for extensions recorded before v4)
ALTER TABLE ${prefix}request_step ADD COLUMN extended_by_amount INT;
ALTER TABLE ${prefix}request_step ADD COLUMN extended_by_unit VARCHAR(16);

-- audit and concurrency (issue 13)
-- Writers no longer take turns: each unit of work writes its audit entries into audit_entry (with an
-- entry MAC) without reading a global head, and the sequencer links committed entries into the
-- append-only audit chain afterwards, under the row lock of audit_sequencer. entry_id names an entry
-- from the moment it is written; the records written before v4 get their sequence as entry id, and
-- new ids continue after them.
CREATE TABLE ${prefix}audit_entry (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    time_us         BIGINT         NOT NULL,
    actor_kind      VARCHAR(16)    NOT NULL,
    actor_id        VARCHAR(64),
    action          VARCHAR(64)    NOT NULL,
    subject_ref     CHAR(43),
    purpose_id      VARCHAR(64),
    outcome         VARCHAR(16)    NOT NULL,
    reference       VARCHAR(128),
    ledger_seq      BIGINT,
    ledger_digest   CHAR(64),
    entry_mac       CHAR(64)       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- verifyLedger finds the entries that bind a range of ledger sequences
CREATE INDEX ${prefix}audit_entry_ledger_ix ON ${prefix}audit_entry (ledger_seq);

-- link_format 1: the link of v1-v3 (no entry MAC); 2: link over sequence, entry id and entry MAC
ALTER TABLE ${prefix}audit ADD link_format SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE ${prefix}audit ADD entry_id BIGINT;
ALTER TABLE ${prefix}audit ADD ledger_seq BIGINT;
ALTER TABLE ${prefix}audit ADD ledger_digest CHAR(64);
ALTER TABLE ${prefix}audit ADD entry_mac CHAR(64);
UPDATE ${prefix}audit SET entry_id = seq;
ALTER TABLE ${prefix}audit MODIFY entry_id BIGINT NOT NULL;
-- new entry ids continue after the sequences of the records written before v4: an explicit id moves
-- InnoDB's (persistent) auto-increment counter past it; the placeholder row goes at once. Plain
-- statements, so a tool that runs each on a connection of its own gets the same result.
INSERT INTO ${prefix}audit_entry (id, time_us, actor_kind, action, outcome, entry_mac) SELECT MAX(seq), 0, '', '', '', '' FROM ${prefix}audit HAVING MAX(seq) IS NOT NULL;
DELETE FROM ${prefix}audit_entry;
CREATE UNIQUE INDEX ${prefix}audit_entry_id_uq ON ${prefix}audit (entry_id);
CREATE INDEX ${prefix}audit_ledger_ix ON ${prefix}audit (ledger_seq);

-- One row: its lock is the sequencer's turn (held only for the sequencer's own short transaction);
-- legacy_ledger_until is the highest ledger sequence written before v4 (rows up to it have no digest
-- in the audit chain and are checked by replay only).
CREATE TABLE ${prefix}audit_sequencer (
    id                  INT            NOT NULL,
    runs                BIGINT         NOT NULL,
    legacy_ledger_until BIGINT         NOT NULL,
    CONSTRAINT ${prefix}audit_sequencer_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO ${prefix}audit_sequencer (id, runs, legacy_ledger_until) SELECT 1, 0, COALESCE(MAX(seq), 0) FROM ${prefix}ledger;

-- Where the last clean incremental verification ended, with a MAC under the audit key (one row).
CREATE TABLE ${prefix}audit_verified (
    id              INT            NOT NULL,
    audit_seq       BIGINT         NOT NULL,
    audit_link      VARCHAR(64)    NOT NULL,
    ledger_high     BIGINT         NOT NULL,
    sweep_after     VARCHAR(128)   NOT NULL,
    legacy_until    BIGINT         NOT NULL,
    time_us         BIGINT         NOT NULL,
    mac             VARCHAR(64)    NOT NULL,
    CONSTRAINT ${prefix}audit_verified_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Row locks of subjects, held to the end of a writer's (possibly the host's) transaction: writers of
-- the same subject and purpose (area = the purpose id) or of the same subject's requests
-- (area = ~requests) take turns; writers of different subjects never wait for each other. last_seq is
-- the ledger sequence of the area's latest event, kept where a read after the lock may come from an
-- older snapshot (MariaDB under REPEATABLE READ), so such a stale read is refused instead of used.
CREATE TABLE ${prefix}scope_lock (
    subject_id      VARCHAR(128)   NOT NULL,
    area            VARCHAR(72)    NOT NULL,
    turns           BIGINT         NOT NULL,
    last_seq        BIGINT         DEFAULT 0 NOT NULL,
    CONSTRAINT ${prefix}scope_lock_pk PRIMARY KEY (subject_id, area)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- the single writer turn of v1-v3 is gone: an instance of an older version still writing fails at once
DROP TABLE ${prefix}writer_lock;

-- blind indexes (issue 12)
-- every entry records the normalisation version its value was computed with (each entry written
-- before this version was computed with version 1), the key group whose shredding removes it and the
-- field(s) it indexes. Entries written before this version have no group and field (NULL) until the
-- re-index job attributes them; until then a shred of any group of their subject removes them.
ALTER TABLE ${prefix}blind_index ADD COLUMN index_version INT NOT NULL DEFAULT 1;
ALTER TABLE ${prefix}blind_index ADD COLUMN grp VARCHAR(32) NULL;
ALTER TABLE ${prefix}blind_index ADD COLUMN field_name VARCHAR(1039) NULL;
ALTER TABLE ${prefix}blind_index DROP PRIMARY KEY,
    ADD PRIMARY KEY (index_name, index_version, index_value, subject_id);
-- a re-index pages through the subjects of one index that still have entries of an older version
CREATE INDEX ${prefix}blind_index_reindex_ix ON ${prefix}blind_index (index_name, subject_id, index_version);

-- data keys (issue 12)
-- wrap_format: 1 for keys stored before v4 (their wrap context binds subject, group and version), 2
-- since (it also binds the key id and the KEK id). authenticator: the tag by which the instance that
-- made a key row recognises it as its own; NULL on rows stored before v4 and on rows made by a
-- write-only front end. Existing rows become format 1 without an authenticator: they still open,
-- and are never sealed under again by an instance that can unwrap.
ALTER TABLE ${prefix}data_key ADD COLUMN wrap_format SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE ${prefix}data_key ADD COLUMN authenticator VARBINARY(64);
-- the highest generation seen of each passphrase-sealed master-key file, so that a file rolled back
-- to an earlier generation is refused
CREATE TABLE ${prefix}key_file (
    file_id         VARCHAR(64)    NOT NULL,
    generation      BIGINT         NOT NULL,
    seen_at_us      BIGINT         NOT NULL,
    CONSTRAINT ${prefix}key_file_pk PRIMARY KEY (file_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- key shreds (issue 13)
-- one row per destroyed data key (no key material, no personal value): a value whose key was
-- shredded reads as erased, a value naming a key that never existed fails to decrypt. Rows with
-- version 0 and key id 0 are shreds from before v4, known from the audit chain only by subject and
-- group (grp '*' for every group).
CREATE TABLE ${prefix}key_shred (
    subject_ref     CHAR(43)       NOT NULL,
    grp             VARCHAR(32)    NOT NULL,
    version         INT            NOT NULL,
    key_id          INT            NOT NULL,
    kek_id          VARCHAR(64)    NOT NULL,
    shredded_at_us  BIGINT         NOT NULL,
    CONSTRAINT ${prefix}key_shred_pk PRIMARY KEY (subject_ref, grp, version, key_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- the wraps per master key count the shredded keys too
CREATE INDEX ${prefix}key_shred_kek_ix ON ${prefix}key_shred (kek_id);

INSERT INTO ${prefix}schema_version (version, description) VALUES (4, 'provisional request deadlines; audit entries, sequencer, ledger digests, scope locks; blind indexes by key group and normaliser version; authenticated data keys, key-file generations, key shreds');
