package dev.consentkit.examples.guide;

import dev.consentkit.core.HmacKey;
import java.security.SecureRandom;
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
}
