package dev.consentkit.core.purpose;

import dev.consentkit.core.ConsentException;

/** Consent was recorded against a notice version or language that was never published. */
public final class UnknownNoticeVersionException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param notice the notice
     * @param version the version asked for
     * @param detail what is missing
     */
    public UnknownNoticeVersionException(NoticeId notice, String version, String detail) {
        super("notice " + notice.value() + " version " + version + ": " + detail);
    }
}
