-- ConsentKit schema v2 for H2 2.x: wrapped data keys and blind indexes of field encryption.
-- Applied after v1. ${prefix} is the validated table prefix (default ck_). Times are microseconds
-- since the epoch (UTC). Unlike the ledger and the audit chain, these tables are updated (rewrap)
-- and deleted from (crypto-shredding, erasure).
CREATE TABLE ${prefix}data_key (
    subject_ref     CHAR(43)       NOT NULL,
    grp             VARCHAR(32)    NOT NULL,
    version         INT            NOT NULL,
    key_id          INT            NOT NULL,
    kek_id          VARCHAR(64)    NOT NULL,
    wrapped         VARBINARY(512) NOT NULL,
    created_at_us   BIGINT         NOT NULL,
    CONSTRAINT ${prefix}data_key_pk PRIMARY KEY (subject_ref, grp, version),
    CONSTRAINT ${prefix}data_key_id_uq UNIQUE (key_id)
);
-- master-key rotation looks for the keys under every other KEK
CREATE INDEX ${prefix}data_key_kek_ix ON ${prefix}data_key (kek_id);

CREATE TABLE ${prefix}blind_index (
    index_name      VARCHAR(64)    NOT NULL,
    index_value     VARCHAR(64)    NOT NULL,
    subject_id      VARCHAR(128)   NOT NULL,
    CONSTRAINT ${prefix}blind_index_pk PRIMARY KEY (index_name, index_value, subject_id)
);
-- erasure and a changed field remove by subject
CREATE INDEX ${prefix}blind_index_subject_ix ON ${prefix}blind_index (subject_id, index_name);

INSERT INTO ${prefix}schema_version (version, description) VALUES (2, 'wrapped data keys, blind indexes');
