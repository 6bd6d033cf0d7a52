package dev.consentkit.core.rights;

import java.util.Objects;

/**
 * Why something is kept (or an erasure refused): a ground and an explanation naming purposes,
 * categories, holds and statutes, never a personal value.
 *
 * @param ground the ground
 * @param explanation 1 to 512 printable characters
 */
public record KeepReason(KeepGround ground, String explanation) {
    /**
     * @throws IllegalArgumentException if the explanation is blank, too long or has control characters
     */
    public KeepReason {
        Objects.requireNonNull(ground, "ground");
        ExportNames.text(explanation, "explanation", 512);
    }

    @Override
    public String toString() {
        return ground + ": " + explanation;
    }
}
