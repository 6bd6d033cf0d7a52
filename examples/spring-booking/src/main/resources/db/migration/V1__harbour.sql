-- The spa's own tables (H2 and PostgreSQL). ConsentKit's tables are migrated by its own Flyway run.
CREATE TABLE client (
    id      UUID PRIMARY KEY,
    version BIGINT NOT NULL,
    name    VARCHAR(60) NOT NULL,
    -- sealed E.164 number: SealedColumns.forBytes(20, XCHACHA20_POLY1305) = 115 characters
    phone   VARCHAR(115) NOT NULL
);

CREATE TABLE booking (
    id        UUID PRIMARY KEY,
    version   BIGINT NOT NULL,
    client_id UUID NOT NULL REFERENCES client (id),
    slot      TIMESTAMP NOT NULL,
    CONSTRAINT booking_slot_taken UNIQUE (slot)
);
