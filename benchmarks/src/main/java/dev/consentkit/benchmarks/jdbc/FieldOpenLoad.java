package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import com.zaxxer.hikari.HikariDataSource;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.FieldRef;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.jdbc.JdbcStorage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issue 13's field opens: many threads each reading one client's sealed e-mail address from the
 * host's table by primary key and decrypting it.
 *
 * <ul>
 *   <li>{@link #kitOpen}: the column {@code email_sealed} (a {@code ck1.} value sealed by
 *       {@link FieldCrypto#seal}) decrypted with {@link FieldCrypto#open} for the newsletter, a purpose
 *       the client consented to, by a principal whose role the access policy lets read contact data:
 *       the policy, the consent check (one projection read), the cached data key, AES-256-GCM, and the
 *       audit record of the opening, in its own transaction.</li>
 *   <li>{@link #rawOpen} (the limit): the column {@code email_gcm} of the same row, the same address
 *       sealed with the raw JDK {@code AES/GCM/NoPadding} under a per-client 256-bit key held in memory
 *       (a warm key cache), the table, column and row as associated data, decrypted with a per-thread
 *       {@link Cipher}: no policy, no consent check, no audit.</li>
 * </ul>
 *
 * <p>Both sides read a text column of the same row with one prepared {@code SELECT} on a pooled
 * connection in auto-commit, pick the client at random, and compare the plaintext with the address
 * they expect. {@link #open} fills {@value #CLIENTS} clients (consent, sealed and raw values, in one
 * host transaction per 250 clients) and opens every one once on both sides, which also leaves every
 * client's data key in the kit's cache. Thread-safe.
 */
final class FieldOpenLoad implements AutoCloseable {
    /** Clients in the table; the kit's key cache (10 000 by default) holds all of their keys. */
    static final int CLIENTS = 1_000;
    private static final int FILL_BATCH = 250;
    private static final ProtectedField EMAIL = ProtectedField.of("bench_contact", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
    private static final String ROLE = "marketing";
    private static final String CREATE = "CREATE TABLE bench_contact (id VARCHAR(64) NOT NULL PRIMARY KEY,"
            + " email_sealed VARCHAR(512) NOT NULL, email_gcm VARCHAR(512) NOT NULL)";
    private static final String INSERT = "INSERT INTO bench_contact (id, email_sealed, email_gcm) VALUES (?, ?, ?)";
    private static final String READ_SEALED = "SELECT email_sealed FROM bench_contact WHERE id = ?";
    private static final String READ_GCM = "SELECT email_gcm FROM bench_contact WHERE id = ?";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES-GCM in this JDK", e);
        }
    });

    private final HikariDataSource pool;
    private final ConsentKit kit;
    private final FieldCrypto crypto;
    private final Principal reader = Principal.of("olga", ROLE);
    private final String[] ids = new String[CLIENTS];
    private final FieldRef[] refs = new FieldRef[CLIENTS];
    private final String[] emails = new String[CLIENTS];
    private final SecretKeySpec[] rawKeys = new SecretKeySpec[CLIENTS];
    private final byte[][] rawAad = new byte[CLIENTS][];

    private FieldOpenLoad(HikariDataSource pool, ConsentKit kit, FieldCrypto crypto) {
        this.pool = pool;
        this.kit = kit;
        this.crypto = crypto;
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < CLIENTS; i++) {
            ids[i] = String.format(Locale.ROOT, "client-%05d", i);
            refs[i] = EMAIL.at(ids[i], SubjectId.of(ids[i]));
            emails[i] = String.format(Locale.ROOT, "client.%05d@mail.example.test", i);
            byte[] key = new byte[32];
            for (int b = 0; b < key.length; b++) {
                key[b] = (byte) random.nextInt(256); // benchmark keys only
            }
            rawKeys[i] = new SecretKeySpec(key, "AES");
            rawAad[i] = ("bench_contact|email|" + ids[i]).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param server where
     * @param readAudits how the kit writes the audit of each opening (its default: write-behind)
     * @return the workload on a fresh database, filled, every row opened once by each side
     * @throws Exception if the database cannot be set up, or a side does not give back the address
     */
    static FieldOpenLoad open(LoadServer server, ReadAuditMode readAudits) throws Exception {
        HikariDataSource pool = server.freshPool();
        try {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE);
            }
            JdbcStorage storage = JdbcStorage.builder(pool).tablePrefix("ck_").build();
            ConsentKit kit = JdbcBenchCatalog.kit(storage, readAudits, AccessPolicy.builder(JdbcBenchCatalog.CATALOG)
                    .grant(ROLE).purposes(NEWSLETTER).categories(CategoryId.of("contact"))
                    .actions(AccessAction.READ, AccessAction.WRITE).build());
            FieldCrypto crypto = FieldCrypto.builder(kit)
                    .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-bench"), bytes(3)))
                    .blindIndexKey(HmacKey.of(bytes(4)))
                    .fields(EMAIL)
                    .build();
            FieldOpenLoad load = new FieldOpenLoad(pool, kit, crypto);
            load.fill(storage, kit);
            for (int i = 0; i < CLIENTS; i++) {
                load.open(i, true);
                load.open(i, false);
            }
            return load;
        } catch (Exception | Error e) {
            pool.close();
            throw e;
        }
    }

    /** @return the pool, for reading the server's settings */
    HikariDataSource pool() {
        return pool;
    }

    /**
     * Reads a random client's sealed address and opens it through ConsentKit.
     *
     * @param worker unused
     * @throws Exception if the read or the opening fails, or gives another address
     */
    void kitOpen(int worker) throws Exception {
        open(ThreadLocalRandom.current().nextInt(CLIENTS), true);
    }

    /**
     * Reads a random client's raw AES-GCM address and decrypts it with the JDK.
     *
     * @param worker unused
     * @throws Exception if the read or the decryption fails, or gives another address
     */
    void rawOpen(int worker) throws Exception {
        open(ThreadLocalRandom.current().nextInt(CLIENTS), false);
    }

    /** Closes the kit (its queued read audits are written) and then the pool. */
    @Override
    public void close() {
        try {
            kit.close();
        } finally {
            pool.close();
        }
    }

    private void open(int i, boolean kit) throws SQLException, GeneralSecurityException {
        String stored;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(kit ? READ_SEALED : READ_GCM)) {
            ps.setString(1, ids[i]);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row " + ids[i]);
                }
                stored = rs.getString(1);
            }
        }
        String plaintext = kit ? crypto.open(reader, NEWSLETTER, refs[i], stored) : rawDecrypt(i, stored);
        if (!plaintext.equals(emails[i])) {
            throw new IllegalStateException((kit ? "kit" : "raw") + " opened another value for row " + ids[i]);
        }
    }

    private String rawDecrypt(int i, String stored) throws GeneralSecurityException {
        byte[] bytes = Base64.getUrlDecoder().decode(stored);
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.DECRYPT_MODE, rawKeys[i], new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
        cipher.updateAAD(rawAad[i]);
        return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private String rawEncrypt(int i) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        ThreadLocalRandom.current().nextBytes(nonce); // benchmark data only; a real host uses SecureRandom
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, rawKeys[i], new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(rawAad[i]);
        byte[] sealed = cipher.doFinal(emails[i].getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** Every client's consent, data key, sealed and raw value, in host transactions of 250 clients. */
    @SuppressWarnings("try") // the binding is held, not used
    private void fill(JdbcStorage storage, ConsentKit kit) throws Exception {
        Evidence evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build();
        for (int from = 0; from < CLIENTS; from += FILL_BATCH) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (AutoCloseable joined = HostBinding.bind(storage, c);
                     PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (int i = from; i < Math.min(CLIENTS, from + FILL_BATCH); i++) {
                        kit.consent(refs[i].subject(), NEWSLETTER).locale(JdbcBenchCatalog.LOCALE).evidence(evidence)
                                .give();
                        ps.setString(1, ids[i]);
                        ps.setString(2, crypto.seal(reader, NEWSLETTER, refs[i], emails[i]));
                        ps.setString(3, rawEncrypt(i));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
        }
    }

    private static byte[] bytes(int seed) {
        byte[] out = new byte[32];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256); // benchmark keys only
        }
        return out;
    }
}
