package dev.consentkit.core.transparency;

/**
 * An element a consent form must carry. The checkbox form needs {@link #OPERATOR}, {@link #PURPOSE},
 * {@link #DATA}, {@link #VALIDITY}, {@link #WITHDRAWAL} and {@link #POLICY_LINK}; the written consent
 * of 152-FZ Art. 9 part 4 needs all of them.
 */
public enum FormElement {
    /** Full name, address, identity document number, date of issue and issuer of the subject (item 1). */
    SUBJECT("152-FZ Art. 9 part 4 item 1"),
    /** The same of a representative and the document of their authority (item 2). */
    REPRESENTATIVE("152-FZ Art. 9 part 4 item 2"),
    /** Name and address of the operator receiving the consent (item 3). */
    OPERATOR("152-FZ Art. 9 part 4 item 3"),
    /** The purpose of processing (item 4). */
    PURPOSE("152-FZ Art. 9 part 4 item 4"),
    /** The list of personal data covered (item 5). */
    DATA("152-FZ Art. 9 part 4 item 5"),
    /** Name and address of whoever processes on the operator's instruction, or that nobody does (item 6). */
    PROCESSOR("152-FZ Art. 9 part 4 item 6"),
    /** The actions consented to and a general description of the processing methods (item 7). */
    ACTIONS("152-FZ Art. 9 part 4 item 7"),
    /** How long the consent is valid (item 8). */
    VALIDITY("152-FZ Art. 9 part 4 item 8"),
    /** How the consent is withdrawn (item 8; GDPR Art. 7(3)). */
    WITHDRAWAL("152-FZ Art. 9 part 4 item 8"),
    /** The subject's signature (item 9). */
    SIGNATURE("152-FZ Art. 9 part 4 item 9"),
    /** The link to the privacy policy. */
    POLICY_LINK("seed: link to the privacy policy; GDPR Art. 13");

    private final String source;

    FormElement(String source) {
        this.source = source;
    }

    /** @return where the requirement comes from */
    public String source() {
        return source;
    }
}
