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

INSERT INTO ${prefix}schema_version (version, description) VALUES (4, 'provisional request deadlines; blind indexes by key group and normalisation version');
