-- ConsentKit schema v4 for PostgreSQL 12+. Applied after v3. ${prefix} is the validated table prefix
-- (default ck_). Times are microseconds since the epoch (UTC). Each area of this version has its own
-- block below. Rows written under v3 keep working: every new column has a default or may be NULL.

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

-- blind indexes (issue 12)
-- every entry records the normalisation version its value was computed with (each entry written
-- before this version was computed with version 1), the key group whose shredding removes it and the
-- field(s) it indexes. Entries written before this version have no group and field (NULL) until the
-- re-index job attributes them; until then a shred of any group of their subject removes them.
ALTER TABLE ${prefix}blind_index ADD COLUMN index_version INT NOT NULL DEFAULT 1;
ALTER TABLE ${prefix}blind_index ADD COLUMN grp VARCHAR(32);
ALTER TABLE ${prefix}blind_index ADD COLUMN field_name VARCHAR(1039);
ALTER TABLE ${prefix}blind_index DROP CONSTRAINT ${prefix}blind_index_pk;
ALTER TABLE ${prefix}blind_index ADD CONSTRAINT ${prefix}blind_index_pk
    PRIMARY KEY (index_name, index_version, index_value, subject_id);
-- a re-index pages through the subjects of one index that still have entries of an older version
CREATE INDEX ${prefix}blind_index_reindex_ix ON ${prefix}blind_index (index_name, subject_id, index_version);

-- data keys (issue 12)
-- wrap_format: 1 for keys stored before v4 (their wrap context binds subject, group and version), 2
-- since (it also binds the key id and the KEK id). authenticator: the tag by which the instance that
-- made a key row recognises it as its own; NULL on rows stored before v4 and on rows made by a
-- write-only front end. Existing rows become format 1 without an authenticator: they still open,
-- and are never sealed under again by an instance that can unwrap.
ALTER TABLE ${prefix}data_key ADD COLUMN wrap_format SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE ${prefix}data_key ADD COLUMN authenticator BYTEA;
-- the highest generation seen of each passphrase-sealed master-key file, so that a file rolled back
-- to an earlier generation is refused
CREATE TABLE ${prefix}key_file (
    file_id         VARCHAR(64)    NOT NULL,
    generation      BIGINT         NOT NULL,
    seen_at_us      BIGINT         NOT NULL,
    CONSTRAINT ${prefix}key_file_pk PRIMARY KEY (file_id)
);

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
);
-- the wraps per master key count the shredded keys too
CREATE INDEX ${prefix}key_shred_kek_ix ON ${prefix}key_shred (kek_id);

INSERT INTO ${prefix}schema_version (version, description) VALUES (4, 'provisional request deadlines; blind indexes by key group and normaliser version; authenticated data keys, key-file generations, key shreds');
