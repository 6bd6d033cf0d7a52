package dev.consentkit.spring;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ConsentKit's settings under {@code consentkit.*}. Secrets (the audit, pseudonym, blind-index and
 * master keys, the key-file passphrase) are base64 text given through the environment
 * ({@code CONSENTKIT_AUDITKEY}, ...) or any other Spring property source; they are masked in
 * {@link #toString()} and in the actuator's {@code configprops} and {@code env} endpoints. A secret
 * the configuration needs but lacks fails start-up with a message naming its property. Mutable
 * (Spring binds it); not thread-safe until bound.
 */
@ConfigurationProperties(prefix = "consentkit")
public class ConsentKitProperties {
    /** Masked form of every secret. */
    static final String MASK = "<masked>";

    /** Whether ConsentKit is configured at all. */
    private boolean enabled = true;

    /**
     * Prefix of ConsentKit's tables: a lower-case letter, then up to 15 lower-case letters, digits or
     * underscores.
     */
    private String tablePrefix = "ck_";

    /**
     * Key of the audit chain's HMAC links, base64 (at least 32 bytes). Secret; required. Keep it out of
     * the database.
     */
    private String auditKey;

    /**
     * Key of subject references and hashed evidence, base64 (at least 32 bytes), different from the
     * audit key. Secret; required.
     */
    private String pseudonymKey;

    /** Whose deadlines and breach clocks apply: GDPR or RU_152FZ. */
    private String jurisdiction = "GDPR";

    /** How far in the future an event time may lie (clock skew between machines), up to 1 hour. */
    private Duration clockTolerance = Duration.ofMinutes(5);

    private final Schema schema = new Schema();
    private final Transactions transactions = new Transactions();
    private final Crypto crypto = new Crypto();
    private final Health health = new Health();
    private final Metrics metrics = new Metrics();

    /** @return whether ConsentKit is configured */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether ConsentKit is configured */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the table prefix */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /** @param tablePrefix the table prefix */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /** @return the audit key, base64; null when not set */
    public String getAuditKey() {
        return auditKey;
    }

    /** @param auditKey the audit key, base64 */
    public void setAuditKey(String auditKey) {
        this.auditKey = auditKey;
    }

    /** @return the pseudonym key, base64; null when not set */
    public String getPseudonymKey() {
        return pseudonymKey;
    }

    /** @param pseudonymKey the pseudonym key, base64 */
    public void setPseudonymKey(String pseudonymKey) {
        this.pseudonymKey = pseudonymKey;
    }

    /** @return the jurisdiction's id */
    public String getJurisdiction() {
        return jurisdiction;
    }

    /** @param jurisdiction GDPR or RU_152FZ */
    public void setJurisdiction(String jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    /** @return the clock tolerance */
    public Duration getClockTolerance() {
        return clockTolerance;
    }

    /** @param clockTolerance the clock tolerance */
    public void setClockTolerance(Duration clockTolerance) {
        this.clockTolerance = clockTolerance;
    }

    /** @return the schema settings */
    public Schema getSchema() {
        return schema;
    }

    /** @return the transaction settings */
    public Transactions getTransactions() {
        return transactions;
    }

    /** @return the field-encryption settings */
    public Crypto getCrypto() {
        return crypto;
    }

    /** @return the health-indicator settings */
    public Health getHealth() {
        return health;
    }

    /** @return the metrics settings */
    public Metrics getMetrics() {
        return metrics;
    }

    @Override
    public String toString() {
        return "ConsentKitProperties[enabled=" + enabled + ", tablePrefix=" + tablePrefix + ", auditKey="
                + masked(auditKey) + ", pseudonymKey=" + masked(pseudonymKey) + ", jurisdiction=" + jurisdiction
                + ", clockTolerance=" + clockTolerance + ", " + schema + ", " + transactions + ", " + crypto
                + ", " + health + ", " + metrics + "]";
    }

    static String masked(Object secret) {
        return secret == null ? "<not set>" : MASK;
    }

    /** How ConsentKit's tables are made and upgraded. */
    public static class Schema {
        /**
         * Whether to run ConsentKit's own installer at start-up: it applies the missing schema versions
         * under a lock and records them in {@code <prefix>schema_version}.
         */
        private boolean install;

        private final Flyway flyway = new Flyway();

        /** @return whether the installer runs */
        public boolean isInstall() {
            return install;
        }

        /** @param install whether the installer runs */
        public void setInstall(boolean install) {
            this.install = install;
        }

        /** @return the Flyway settings */
        public Flyway getFlyway() {
            return flyway;
        }

        @Override
        public String toString() {
            return "schema[install=" + install + ", " + flyway + "]";
        }
    }

    /** ConsentKit's own Flyway run, apart from the application's. */
    public static class Flyway {
        /**
         * Whether to migrate ConsentKit's tables at start-up with a Flyway run of its own (its
         * migrations at classpath:dev/consentkit/flyway/{vendor}, its own history table), before the
         * storage is built.
         */
        private boolean enabled;

        /** History table of ConsentKit's Flyway run; default the table prefix followed by flyway_history. */
        private String table;

        /** @return whether ConsentKit's Flyway run is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether ConsentKit's Flyway run is on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the history table; null for the default */
        public String getTable() {
            return table;
        }

        /** @param table the history table */
        public void setTable(String table) {
            this.table = table;
        }

        @Override
        public String toString() {
            return "flyway[enabled=" + enabled + ", table=" + table + "]";
        }
    }

    /** ConsentKit in Spring's transactions. */
    public static class Transactions {
        /**
         * Whether to link the audit entries of a Spring transaction in which ConsentKit wrote right after
         * it commits (otherwise they wait for the next sequencing run).
         */
        private boolean sequenceAfterCommit = true;

        /** @return whether entries are linked after commit */
        public boolean isSequenceAfterCommit() {
            return sequenceAfterCommit;
        }

        /** @param sequenceAfterCommit whether entries are linked after commit */
        public void setSequenceAfterCommit(boolean sequenceAfterCommit) {
            this.sequenceAfterCommit = sequenceAfterCommit;
        }

        @Override
        public String toString() {
            return "transactions[sequenceAfterCommit=" + sequenceAfterCommit + "]";
        }
    }

    /**
     * Field encryption ({@code FieldCrypto}), configured when the application declares
     * {@code ProtectedField} beans.
     */
    public static class Crypto {
        /**
         * Master key (key-encryption key), base64 of 32 bytes. Secret. One of master-key, key-file or a
         * KeyEncryptionKeyProvider bean is required when fields are declared.
         */
        private String masterKey;

        /**
         * Id stored beside every data key the master key wraps; default the id
         * KeyEncryptionKeyProvider.fromEnvironment gives the same key ("env-" and a fingerprint).
         */
        private String masterKeyId;

        /** Passphrase-sealed key file holding the master keys (instead of master-key). */
        private Path keyFile;

        /** Passphrase of the key file. Secret; required with key-file. */
        private String keyFilePassphrase;

        /** Root key of the blind indexes, base64 (at least 32 bytes). Secret; required when fields are declared. */
        private String blindIndexKey;

        /** Suite new values are sealed with: AES_256_GCM or XCHACHA20_POLY1305. */
        private String suite = "AES_256_GCM";

        /** How long an unwrapped data key stays cached, up to 1 day. */
        private Duration keyCacheTtl = Duration.ofMinutes(10);

        /** @return the master key, base64 */
        public String getMasterKey() {
            return masterKey;
        }

        /** @param masterKey the master key, base64 */
        public void setMasterKey(String masterKey) {
            this.masterKey = masterKey;
        }

        /** @return the master key's id; null for the default */
        public String getMasterKeyId() {
            return masterKeyId;
        }

        /** @param masterKeyId the master key's id */
        public void setMasterKeyId(String masterKeyId) {
            this.masterKeyId = masterKeyId;
        }

        /** @return the key file */
        public Path getKeyFile() {
            return keyFile;
        }

        /** @param keyFile the key file */
        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }

        /** @return the key file's passphrase */
        public String getKeyFilePassphrase() {
            return keyFilePassphrase;
        }

        /** @param keyFilePassphrase the key file's passphrase */
        public void setKeyFilePassphrase(String keyFilePassphrase) {
            this.keyFilePassphrase = keyFilePassphrase;
        }

        /** @return the blind-index root key, base64 */
        public String getBlindIndexKey() {
            return blindIndexKey;
        }

        /** @param blindIndexKey the blind-index root key, base64 */
        public void setBlindIndexKey(String blindIndexKey) {
            this.blindIndexKey = blindIndexKey;
        }

        /** @return the suite's name */
        public String getSuite() {
            return suite;
        }

        /** @param suite AES_256_GCM or XCHACHA20_POLY1305 */
        public void setSuite(String suite) {
            this.suite = suite;
        }

        /** @return the key cache's time to live */
        public Duration getKeyCacheTtl() {
            return keyCacheTtl;
        }

        /** @param keyCacheTtl the key cache's time to live */
        public void setKeyCacheTtl(Duration keyCacheTtl) {
            this.keyCacheTtl = keyCacheTtl;
        }

        @Override
        public String toString() {
            return "crypto[masterKey=" + masked(masterKey) + ", masterKeyId=" + masterKeyId + ", keyFile=" + keyFile
                    + ", keyFilePassphrase=" + masked(keyFilePassphrase) + ", blindIndexKey=" + masked(blindIndexKey)
                    + ", suite=" + suite + ", keyCacheTtl=" + keyCacheTtl + "]";
        }
    }

    /** The actuator health indicator {@code consentKit}. */
    public static class Health {
        /**
         * How often the audit chain and the ledger (from the last verified point) are verified in the
         * background; the health indicator reports the last result. Zero turns the background run off.
         */
        private Duration verifyInterval = Duration.ofHours(1);

        /** @return the verification interval */
        public Duration getVerifyInterval() {
            return verifyInterval;
        }

        /** @param verifyInterval the verification interval; zero for none */
        public void setVerifyInterval(Duration verifyInterval) {
            this.verifyInterval = verifyInterval;
        }

        @Override
        public String toString() {
            return "health[verifyInterval=" + verifyInterval + "]";
        }
    }

    /** Micrometer metrics. */
    public static class Metrics {
        /** Window of the gauge of open subject requests due soon (consentkit.requests.due). */
        private Duration requestsDueWithin = Duration.ofDays(7);

        /** How long the request gauges reuse one reading of the database. */
        private Duration requestsRefresh = Duration.ofMinutes(1);

        /** @return the window of requests due soon */
        public Duration getRequestsDueWithin() {
            return requestsDueWithin;
        }

        /** @param requestsDueWithin the window of requests due soon */
        public void setRequestsDueWithin(Duration requestsDueWithin) {
            this.requestsDueWithin = requestsDueWithin;
        }

        /** @return how long one reading is reused */
        public Duration getRequestsRefresh() {
            return requestsRefresh;
        }

        /** @param requestsRefresh how long one reading is reused */
        public void setRequestsRefresh(Duration requestsRefresh) {
            this.requestsRefresh = requestsRefresh;
        }

        @Override
        public String toString() {
            return "metrics[requestsDueWithin=" + requestsDueWithin + ", requestsRefresh=" + requestsRefresh + "]";
        }
    }
}
