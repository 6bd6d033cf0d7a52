package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.hold.HoldStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Legal holds in {@code <prefix>legal_hold}, with all their SQL. A hold is inserted once and updated
 * once, when lifted; never deleted. Not API. Not thread-safe, like the unit of work it belongs to.
 */
public final class JdbcHoldStore implements HoldStore {
    private static final String COLUMNS = "id, subject_id, purpose_id, category, reason, placed_by_kind, placed_by_id,"
            + " placed_at_us, lifted_by_kind, lifted_by_id, lifted_at_us";
    private static final String ORDER = " ORDER BY placed_at_us, id";
    private final Jdbc jdbc;
    private final String table;
    private final boolean writable;
    private final String insert;
    private final String byId;
    private final String lift;
    private final String active;
    private final String activeFor;

    /**
     * @param jdbc the statement runner of the unit of work
     * @param prefix the validated table prefix
     * @param writable whether the unit may write
     */
    public JdbcHoldStore(Jdbc jdbc, String prefix, boolean writable) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = prefix + "legal_hold";
        this.writable = writable;
        String select = "SELECT " + COLUMNS + " FROM " + table;
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.byId = select + " WHERE id = ?";
        this.lift = "UPDATE " + table + " SET lifted_by_kind = ?, lifted_by_id = ?, lifted_at_us = ?"
                + " WHERE id = ? AND lifted_at_us IS NULL";
        this.active = select + " WHERE lifted_at_us IS NULL" + ORDER;
        this.activeFor = select + " WHERE lifted_at_us IS NULL AND (subject_id = ? OR subject_id IS NULL)" + ORDER;
    }

    @Override
    public void add(LegalHold hold) {
        checkWritable();
        Objects.requireNonNull(hold, "hold");
        jdbc.update(insert, ps -> {
            ps.setString(1, hold.id().toString());
            setOptional(ps, 2, hold.scope().subject().map(SubjectId::value));
            setOptional(ps, 3, hold.scope().purpose().map(PurposeId::value));
            setOptional(ps, 4, hold.scope().category().map(CategoryId::value));
            ps.setString(5, hold.reason());
            ps.setString(6, hold.placedBy().kind().name());
            setOptional(ps, 7, hold.placedBy().id());
            ps.setLong(8, Rows.micros(hold.placedAt(), "placed_at_us"));
            setOptional(ps, 9, hold.lifted().map(l -> l.by().kind().name()));
            setOptional(ps, 10, hold.lifted().flatMap(l -> l.by().id()));
            if (hold.lifted().isPresent()) {
                ps.setLong(11, Rows.micros(hold.lifted().get().at(), "lifted_at_us"));
            } else {
                ps.setNull(11, Types.BIGINT);
            }
        }, "add to " + table);
    }

    @Override
    public Optional<LegalHold> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbc.queryOne(byId, ps -> ps.setString(1, id.toString()), JdbcHoldStore::hold, "read " + table);
    }

    @Override
    public boolean lift(UUID id, LegalHold.Lifting lifting) {
        checkWritable();
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lifting, "lifting");
        return jdbc.update(lift, ps -> {
            ps.setString(1, lifting.by().kind().name());
            setOptional(ps, 2, lifting.by().id());
            ps.setLong(3, Rows.micros(lifting.at(), "lifted_at_us"));
            ps.setString(4, id.toString());
        }, "lift in " + table) == 1;
    }

    @Override
    public List<LegalHold> active() {
        return jdbc.query(active, ps -> { }, JdbcHoldStore::hold, "read active " + table);
    }

    @Override
    public List<LegalHold> activeFor(SubjectId subject) {
        Objects.requireNonNull(subject, "subject");
        return jdbc.query(activeFor, ps -> ps.setString(1, subject.value()), JdbcHoldStore::hold,
                "read active " + table + " by subject");
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static LegalHold hold(ResultSet rs) throws SQLException {
        HoldScope scope = new HoldScope(Optional.ofNullable(rs.getString(2)).map(SubjectId::of),
                Optional.ofNullable(rs.getString(3)).map(PurposeId::of), Optional.ofNullable(rs.getString(4)).map(CategoryId::of));
        Actor placedBy = new Actor(Actor.Kind.valueOf(rs.getString(6)), Optional.ofNullable(rs.getString(7)));
        long placedAt = rs.getLong(8);
        String liftedKind = rs.getString(9);
        String liftedId = rs.getString(10);
        long liftedAt = rs.getLong(11);
        Optional<LegalHold.Lifting> lifted = liftedKind == null ? Optional.empty()
                : Optional.of(new LegalHold.Lifting(new Actor(Actor.Kind.valueOf(liftedKind), Optional.ofNullable(liftedId)),
                        Rows.instant(liftedAt)));
        return new LegalHold(UUID.fromString(rs.getString(1)), scope, rs.getString(5),
                placedBy, Rows.instant(placedAt), lifted);
    }
}
