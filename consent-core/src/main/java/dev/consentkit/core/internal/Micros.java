package dev.consentkit.core.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as microseconds since the epoch, the precision every store keeps. Not API. */
public final class Micros {
    private Micros() {
    }

    /**
     * @param t an instant
     * @param what its name, for the message
     * @return microseconds since the epoch
     * @throws IllegalArgumentException if it has sub-microsecond precision
     */
    public static long of(Instant t, String what) {
        if (t.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(what + " has sub-microsecond precision; stores keep microseconds");
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /**
     * @param micros microseconds since the epoch
     * @return the instant
     */
    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
