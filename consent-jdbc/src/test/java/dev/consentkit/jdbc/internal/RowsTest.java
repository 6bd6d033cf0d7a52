package dev.consentkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Projection rows are read by column position and their notice references are reused between rows
 * with the same stored values, without ever handing out a reference that differs from its row or
 * letting a stored value skip validation.
 */
class RowsTest {
    private static final String SHA = "ab".repeat(32);
    private static final Tables SQL = new Tables("ck_", dev.consentkit.jdbc.Dialects.H2);

    private static DataSource installed() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rows" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        SchemaInstaller.of(ds, "ck_").install();
        return ds;
    }

    private static void row(DataSource ds, String subject, String version, String locale, String sha) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO ck_projection ("
                + JdbcProjectionStore.STATE_COLUMNS + ") VALUES (?, 'newsletter', '', '', 'GIVEN', 7, 'privacy', ?, ?, ?, NULL, 3, FALSE, TRUE)")) {
            ps.setString(1, subject);
            ps.setString(2, version);
            ps.setString(3, locale);
            ps.setString(4, sha);
            ps.executeUpdate();
        }
    }

    private static List<ConsentState> read(DataSource ds, PurposeId purpose) throws SQLException {
        List<ConsentState> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(SQL.projection.stateByPurpose)) {
            ps.setString(1, "newsletter");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(JdbcProjectionStore.states(null, purpose).map(rs));
                }
            }
        }
        return out;
    }

    @Test
    void everyColumnLandsInItsField() throws SQLException {
        DataSource ds = installed();
        row(ds, "c1", "2.1", "de-DE", SHA);

        ConsentState s = read(ds, PurposeId.of("newsletter")).get(0);

        assertThat(s.scope().subject()).isEqualTo(SubjectId.of("c1"));
        assertThat(s.scope().purpose()).isEqualTo(PurposeId.of("newsletter"));
        assertThat(s.scope().isWholePurpose()).isTrue();
        assertThat(s.status()).hasValueSatisfying(st -> assertThat(st.name()).isEqualTo("GIVEN"));
        assertThat(s.since()).isEqualTo(Rows.instant(7));
        assertThat(s.validUntil()).isEmpty();
        assertThat(s.sequence()).isEqualTo(3);
        assertThat(s.restricted()).isFalse();
        assertThat(s.objected()).isTrue();
        assertThat(s.notice()).hasValue(new NoticeRef(dev.consentkit.core.purpose.NoticeId.of("privacy"),
                new NoticeVersion(2, 1), Locale.forLanguageTag("de-DE"), SHA));
    }

    @Test
    void rowsWithTheSameTextHashButAnotherVersionOrLocaleGetTheirOwnReference() throws SQLException {
        DataSource ds = installed();
        row(ds, "c1", "1.0", "en", SHA);
        row(ds, "c2", "1.0", "en", SHA);
        row(ds, "c3", "1.1", "en", SHA);
        row(ds, "c4", "1.0", "fr", SHA);

        List<ConsentState> states = read(ds, null);

        assertThat(states).extracting(s -> s.notice().orElseThrow().version().toString() + "/"
                + s.notice().orElseThrow().locale().toLanguageTag()).containsExactly("1.0/en", "1.0/en", "1.1/en", "1.0/fr");
        assertThat(states.get(0).notice().orElseThrow()).isSameAs(states.get(1).notice().orElseThrow());
    }

    @Test
    void aStoredValueThatIsNotValidIsRefusedEvenAfterAValidRowWithTheSameHash() throws SQLException {
        DataSource ds = installed();
        row(ds, "c1", "1.0", "en", SHA);
        row(ds, "c2", "1.x", "en", SHA);

        assertThatThrownBy(() -> read(ds, PurposeId.of("newsletter")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notice version");
    }

    @Test
    void theIdsAskedForAreReusedOnlyWhenTheRowHoldsThem() throws SQLException {
        DataSource ds = installed();
        row(ds, "c1", "1.0", "en", SHA);
        PurposeId asked = PurposeId.of("newsletter");
        PurposeId other = PurposeId.of("portfolio");

        assertThat(read(ds, asked).get(0).scope().purpose()).isSameAs(asked);
        assertThat(read(ds, other).get(0).scope().purpose()).isEqualTo(asked);
    }
}
