package dev.consentkit.crypto;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A host's {@code client} table with a plaintext {@code phone} column on H2, as a {@link PlaintextColumn}:
 * pages by id, replaces on the job's unit of work. Can be told to fail its n-th replace (a crash).
 */
final class ClientPhones implements PlaintextColumn {
    private final DataSource dataSource;
    private final AtomicInteger replacesLeft = new AtomicInteger(-1);

    ClientPhones(DataSource dataSource) {
        this.dataSource = dataSource;
        sql("CREATE TABLE client (id VARCHAR(36) PRIMARY KEY, subject_id VARCHAR(64) NOT NULL, phone VARCHAR(200))");
    }

    void insert(String id, String subject, String phone) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO client (id, subject_id, phone) VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, subject);
            ps.setString(3, phone);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return id to phone as stored */
    Map<String, String> stored() {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, phone FROM client ORDER BY id")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    void failReplaceAfter(int replaces) {
        replacesLeft.set(replaces);
    }

    void stopFailing() {
        replacesLeft.set(-1);
    }

    void sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<ColumnRow> page(Optional<String> after, int limit) {
        List<ColumnRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, subject_id, phone FROM client WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, after.orElse(""));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ColumnRow(rs.getString(1), SubjectId.of(rs.getString(2)), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    @Override
    public boolean replace(StorageTransaction tx, String rowKey, String plaintext, String sealed) {
        if (replacesLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
            throw new IllegalStateException("injected failure of the host's update");
        }
        try (PreparedStatement ps = JdbcStorage.connection(tx)
                .prepareStatement("UPDATE client SET phone = ? WHERE id = ? AND phone = ?")) {
            ps.setString(1, sealed);
            ps.setString(2, rowKey);
            ps.setString(3, plaintext);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
