package dev.consentkit.core.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ledger row an audit entry records: its sequence and the digest of the row as stored
 * ({@link dev.consentkit.AuditChain#ledgerDigest}). Part of the entry's MAC, so the chain proves the exact row a
 * decision reads.
 *
 * @param sequence the ledger sequence, positive
 * @param digest 64 lower-case hex characters
 */
public record LedgerBinding(long sequence, String digest) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws IllegalArgumentException if the sequence is not positive or the digest is malformed
     */
    public LedgerBinding {
        Objects.requireNonNull(digest, "digest");
        if (sequence <= 0 || !HEX64.matcher(digest).matches()) {
            throw new IllegalArgumentException("a ledger binding needs a positive sequence and a 64-hex-character digest");
        }
    }
}
