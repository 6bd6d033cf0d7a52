package dev.consentkit.examples.springbooking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: booking forms in slots no other test uses, and SHA-256 computed independently of ConsentKit. */
final class Forms {
    private static final AtomicInteger SLOTS = new AtomicInteger();
    static final ConsentDesk.FormSubmission SUBMISSION = new ConsentDesk.FormSubmission("203.0.113.7", "JUnit");

    private Forms() {
    }

    /** @return a slot in 2030 that no other booking of this JVM's tests uses */
    static LocalDateTime freshSlot() {
        return LocalDateTime.of(2030, 1, 1, 8, 0).plusHours(SLOTS.incrementAndGet());
    }

    /**
     * @param name the client's name
     * @param phone the phone number
     * @param reminders whether the reminder box is ticked (shown version 1.0)
     * @return a form for a fresh slot
     */
    static BookingForm form(String name, String phone, boolean reminders) {
        BookingForm form = new BookingForm();
        form.setName(name);
        form.setPhone(phone);
        form.setSlot(freshSlot());
        form.setVersions(Map.of("reminders", "1.0"));
        form.setConsents(reminders ? List.of("reminders") : List.of());
        return form;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
