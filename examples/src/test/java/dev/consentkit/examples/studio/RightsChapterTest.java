package dev.consentkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.HmacKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The demo's chapter on data-subject requests prints the deadlines the 152-FZ table tests prove. */
class RightsChapterTest {
    @Test
    void chapterShowsTheDeadlineOverTheNewYearHolidaysTheExtensionAndTheCompletion() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rights" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RightsChapter.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), ds,
                StudioCatalog.catalog(StudioCatalog.newsletterNotice()), key(1), key(2));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .contains("received Wed 24 Dec 2025 12:00 (Moscow)")
                .contains("due      Mon 19 Jan 2026 23:59")
                .contains("not counted: Fri 9 Jan 2026 - moved from Saturday 3 January (Decree No. 1466)")
                .contains("not counted: Wed 31 Dec 2025 - moved from Sunday 5 January (Decree No. 1335)")
                .contains("extend by 6 working days -> REFUSED")
                .contains("extend without a reason   -> REFUSED")
                .contains("due Mon 26 Jan 2026 23:59 (original due Mon 19 Jan 2026 23:59 kept)")
                .contains("COMPLETED         Thu 22 Jan 2026 15:00")
                .contains("request.extended")
                .contains("audit chain verifies: true")
                // R-RU-10: recorded with a provisional deadline while 2027 has no table
                .contains("due      Tue 12 Jan 2027 23:59 - PROVISIONAL")
                .contains("counted on ru/2027@provisional:ru-labour-code-art112")
                .contains("request.provisional_deadline")
                .contains("calendar.table_missing")
                .contains("0 changed, 1 still provisional")
                .doesNotContain("client-2001")
                .doesNotContain("five more working days");
    }

    private static HmacKey key(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return HmacKey.of(b);
    }
}
