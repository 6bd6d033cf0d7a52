package dev.consentkit.core.rights;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.memory.MemoryStore;
import dev.consentkit.core.memory.MemoryUnit;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The requests of an {@link dev.consentkit.core.memory.InMemoryStorage} (attached when the feature is built on it, or by {@code attach}). Guarded by the storage's lock; changes are undone
 * through the unit of work's undo log.
 */
public final class InMemoryRequests implements MemoryStore<RequestStore> {
    private static final Comparator<SubjectRequest> BY_RECEIPT =
            Comparator.comparing(SubjectRequest::receivedAt).thenComparing(r -> r.id().value().toString());
    private static final Comparator<SubjectRequest> BY_DUE =
            Comparator.comparing(SubjectRequest::currentDue).thenComparing(r -> r.id().value().toString());
    private static final Comparator<SubjectRequest> BY_ID = Comparator.comparing(r -> r.id().toString());
    private final Map<RequestId, SubjectRequest> byId = new HashMap<>();


    /** An empty store. */
    public InMemoryRequests() {
    }

    @Override
    public RequestStore view(MemoryUnit unit) {
        return new RequestStore() {
            @Override
            public void add(SubjectRequest request) {
                unit.checkWritable();
                Objects.requireNonNull(request, "request");
                if (request.history().size() != 1) {
                    throw new IllegalArgumentException("a new request has its first step only");
                }
                if (byId.putIfAbsent(request.id(), request) != null) {
                    throw new ConcurrentUpdateException("request " + request.id() + " is stored already", null);
                }
                unit.onUndo(() -> byId.remove(request.id()));
            }

            @Override
            public void advance(SubjectRequest next) {
                unit.checkWritable();
                Objects.requireNonNull(next, "next");
                SubjectRequest stored = byId.get(next.id());
                if (stored == null || stored.history().size() != next.history().size() - 1
                        || !stored.dueAt().equals(next.dueAt())) {
                    throw new ConcurrentUpdateException("request " + next.id() + " was changed or removed by another"
                            + " writer", null);
                }
                // as the JDBC store: only an extension writes due times; any other step keeps the stored ones
                SubjectRequest advanced = next.state() == RequestState.EXTENDED ? next : stored.next(next.lastStep());
                byId.put(next.id(), advanced);
                unit.onUndo(() -> byId.put(stored.id(), stored));
            }

            @Override
            public boolean redate(SubjectRequest read, SubjectRequest redated) {
                unit.checkWritable();
                RequestStore.checkRedate(read, redated);
                SubjectRequest stored = byId.get(read.id());
                if (!read.equals(stored)) {
                    return false;
                }
                byId.put(redated.id(), redated);
                unit.onUndo(() -> byId.put(stored.id(), stored));
                return true;
            }

            @Override
            public List<SubjectRequest> openProvisional(Optional<RequestId> after, int limit) {
                unit.checkOpen();
                Objects.requireNonNull(after, "after");
                if (limit <= 0) {
                    throw new IllegalArgumentException("limit must be positive");
                }
                String from = after.map(RequestId::toString).orElse("");
                return byId.values().stream().filter(r -> r.isOpen() && r.isProvisional()
                        && r.id().toString().compareTo(from) > 0).sorted(BY_ID).limit(limit).toList();
            }

            @Override
            public Optional<SubjectRequest> find(RequestId id) {
                unit.checkOpen();
                return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
            }

            @Override
            public List<SubjectRequest> forSubject(SubjectId subject) {
                unit.checkOpen();
                Objects.requireNonNull(subject, "subject");
                return byId.values().stream().filter(r -> r.subject().equals(subject)).sorted(BY_RECEIPT).toList();
            }

            @Override
            public List<SubjectRequest> openDue(Instant notBefore, Instant notAfter, int limit) {
                unit.checkOpen();
                Objects.requireNonNull(notBefore, "notBefore");
                Objects.requireNonNull(notAfter, "notAfter");
                if (limit <= 0) {
                    throw new IllegalArgumentException("limit must be positive");
                }
                return byId.values().stream().filter(r -> r.isOpen()
                        && !r.currentDue().isBefore(notBefore) && !r.currentDue().isAfter(notAfter))
                        .sorted(BY_DUE).limit(limit).toList();
            }
        };
    }
}
