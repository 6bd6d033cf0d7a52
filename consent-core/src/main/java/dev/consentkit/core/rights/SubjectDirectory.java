package dev.consentkit.core.rights;

import dev.consentkit.core.SubjectId;

/**
 * The host's answer to "is this one of our data subjects?", for subjects the consent ledger does not
 * know (clients served under a contract only, who never gave or refused a consent). Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface SubjectDirectory {
    /** Knows nobody: only subjects with consent events are known. */
    SubjectDirectory NONE = subject -> false;

    /**
     * @param subject a subject id
     * @return whether the host holds, or held, data about it
     */
    boolean knows(SubjectId subject);
}
