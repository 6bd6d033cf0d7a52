-- ConsentKit schema v4 for MariaDB 10.6+ (InnoDB; new columns take the table's binary no-pad
-- collation). Applied after v3. ${prefix} is the validated table prefix (default ck_). Times are
-- microseconds since the epoch (UTC). Each area of this version has its own block below.

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

INSERT INTO ${prefix}schema_version (version, description) VALUES (4, 'blind indexes by key group and normalisation version');
