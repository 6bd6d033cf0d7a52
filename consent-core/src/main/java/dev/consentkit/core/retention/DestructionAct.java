package dev.consentkit.core.retention;

import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KeyedHash;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The act of destruction of personal data of one retention run, with what Roskomnadzor Order 179
 * (28.10.2022) asks: the operator (name, address), the processor if processing was entrusted, who the
 * data was about (pseudonymous references and their count; the names stay with the host), who
 * destroyed it, the categories, the information system, the method, the reason and the date; and,
 * through each entry's audit sequence, the export of the matching audit events
 * ({@link RetentionEngine#auditExport}).
 *
 * <p>An act is open while its run disposes of batches and complete once the run ends; a run that was
 * killed leaves it open, and the next run continues it. Acts are kept for at least three years after
 * completion, then {@link RetentionEngine#purgeExpiredActs} disposes of them. Immutable.
 *
 * @param id the act's id
 * @param operator the operator's (controller's) name
 * @param operatorAddress the operator's address, if declared
 * @param processor who processed on the operator's behalf, if anyone
 * @param system the information system the data was destroyed in
 * @param performedBy who ran the destruction (a component or an operator's staff id)
 * @param signatory the responsible person, if configured
 * @param startedAt when the run began
 * @param completedAt when the run ended; empty while open
 * @param entries the disposed batches, by number
 */
public record DestructionAct(UUID id, String operator, Optional<String> operatorAddress, Optional<String> processor,
                             String system, Actor performedBy, Optional<Signatory> signatory, Instant startedAt,
                             Optional<Instant> completedAt, List<ActEntry> entries) {
    /**
     * @throws IllegalArgumentException if the operator or system is blank, or completion precedes the start
     */
    public DestructionAct {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operatorAddress, "operatorAddress");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(performedBy, "performedBy");
        Objects.requireNonNull(signatory, "signatory");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        entries = List.copyOf(entries);
        if (operator.isBlank() || system.isBlank()) {
            throw new IllegalArgumentException("a destruction act names the operator and the information system");
        }
        if (completedAt.isPresent() && completedAt.get().isBefore(startedAt)) {
            throw new IllegalArgumentException("a destruction act cannot complete before it started");
        }
    }

    /** @return whether the run that writes it has ended */
    public boolean complete() {
        return completedAt.isPresent();
    }

    /** @return the distinct subject references over all entries, in entry order */
    public Set<KeyedHash> subjectRefs() {
        Set<KeyedHash> refs = new LinkedHashSet<>();
        entries.forEach(e -> refs.addAll(e.subjectRefs()));
        return refs;
    }

    /** @return how many records were destroyed */
    public long recordCount() {
        return entries.stream().mapToLong(ActEntry::recordCount).sum();
    }

    /** @return the categories destroyed, in entry order */
    public Set<CategoryId> categories() {
        Set<CategoryId> categories = new LinkedHashSet<>();
        entries.forEach(e -> categories.add(e.category()));
        return categories;
    }

    /** @return the methods used */
    public Set<DisposalAction> methods() {
        Set<DisposalAction> methods = new LinkedHashSet<>();
        entries.forEach(e -> methods.add(e.action()));
        return methods;
    }

    /** @return the reasons, in entry order */
    public Set<String> reasons() {
        Set<String> reasons = new LinkedHashSet<>();
        entries.forEach(e -> reasons.add(e.reason()));
        return reasons;
    }

    /** @return the date of destruction: the completion, or the last entry's time while open */
    public Optional<Instant> destroyedAt() {
        return completedAt.or(() -> entries.isEmpty() ? Optional.empty()
                : Optional.of(entries.get(entries.size() - 1).disposedAt()));
    }

    @Override
    public String toString() {
        return "DestructionAct[" + id + ", " + entries.size() + " entries, " + recordCount() + " records"
                + (complete() ? "" : ", open") + "]";
    }
}
