package dev.consentkit.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock the examples move by hand, so the dates they print and the deadlines they compute are
 * fixed. Thread-safe (the instant is volatile); not for production, where the system clock is right.
 */
public final class HandClock extends Clock {
    private volatile Instant now;

    /**
     * @param start the first instant
     * @throws NullPointerException if {@code start} is null
     */
    public HandClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** @param instant the instant from now on */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    /** @param step how far to move forward */
    public void advance(Duration step) {
        now = now.plus(Objects.requireNonNull(step, "step"));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
