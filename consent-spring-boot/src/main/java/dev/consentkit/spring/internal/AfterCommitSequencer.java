package dev.consentkit.spring.internal;

import dev.consentkit.ConsentKit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Links the audit entries of Spring transactions once they committed. Runs on the committing thread;
 * while one thread of this application instance is sequencing, others do not queue behind it on the
 * database's sequencer lock: they leave a request, and the sequencing thread runs again for it, up to
 * {@value #MAX_ROUNDS} rounds (so no request thread is held longer). Entries a commit left after the
 * last round wait for the next commit, or for {@code sequence()} before any verification. Another
 * instance sequences on its own; the database lock orders them. Thread-safe. Not API.
 */
public final class AfterCommitSequencer implements Runnable {
    static final int MAX_ROUNDS = 3;
    private final ConsentKit kit;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    /**
     * @param kit the kit whose entries are linked
     */
    public AfterCommitSequencer(ConsentKit kit) {
        this.kit = Objects.requireNonNull(kit, "kit");
    }

    @Override
    public void run() {
        requested.set(true);
        for (int round = 0; round < MAX_ROUNDS && requested.get(); round++) {
            if (!running.compareAndSet(false, true)) {
                return; // the running thread sees the request once it finishes its round
            }
            try {
                requested.set(false);
                Kits.sequence(kit);
            } finally {
                running.set(false);
            }
        }
    }

    @Override
    public String toString() {
        return "AfterCommitSequencer[" + kit + "]";
    }
}
