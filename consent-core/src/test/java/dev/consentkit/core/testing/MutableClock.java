package dev.consentkit.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand. Thread-safe. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    /**
     * @param start the first instant it shows
     */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * @param iso an ISO-8601 instant, e.g. {@code 2026-03-01T10:00:00Z}
     * @return a clock showing it
     */
    public static MutableClock at(String iso) {
        return new MutableClock(Instant.parse(iso));
    }

    /**
     * @param step how far to move
     * @return the new instant
     */
    public Instant advance(Duration step) {
        return now.updateAndGet(t -> t.plus(step));
    }

    /**
     * @param instant the instant to show from now on
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is always UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
