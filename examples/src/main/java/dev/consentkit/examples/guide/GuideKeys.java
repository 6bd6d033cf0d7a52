package dev.consentkit.examples.guide;

import dev.consentkit.core.HmacKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** What the guide examples share and do not show: fresh random keys and a fresh in-memory H2 database. */
final class GuideKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private GuideKeys() {
    }

    static HmacKey random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HmacKey.of(key);
    }

    static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:guide-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** A clock the examples move forward by hand, so their dates are fixed. */
    static final class HandClock extends Clock {
        private volatile Instant now;

        HandClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
