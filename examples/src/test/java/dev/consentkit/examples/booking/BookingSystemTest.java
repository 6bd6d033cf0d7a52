package dev.consentkit.examples.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The booking example's code path, on an embedded database through the same HikariCP pool. */
class BookingSystemTest {
    @Test
    void bookingsAndRemindersCommitTogetherAndTheAudienceIsRight() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:booking-test;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            BookingSystem.run(pool, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("schema versions applied now: [1, 2, 3, 4]");
        assertThat(out.lines().filter(l -> l.startsWith("reminder to") && l.endsWith(": send"))).hasSize(3);
        assertThat(out.lines().filter(l -> l.contains("skip (REFUSED)"))).hasSize(2);
        assertThat(out).contains("booking itself, under contract: true").contains("audit chain: intact");
    }
}
