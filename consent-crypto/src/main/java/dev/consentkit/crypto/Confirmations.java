package dev.consentkit.crypto;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.spi.protection.SealedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The confirmation step of {@link FieldCrypto#findConfirmed}: open each candidate's values and compare. */
final class Confirmations {
    private Confirmations() {
    }

    static List<SubjectId> confirm(FieldCrypto crypto, IndexSpec spec, Principal principal, PurposeId purpose,
                                   String value, List<SubjectId> candidates, CandidateValues values) {
        Normalizer normalizer = spec.normalizer(0, spec.version());
        String wanted = normalizer.normalize(value);
        ProtectedField field = spec.parts().get(0).field();
        List<SubjectId> confirmed = new ArrayList<>();
        for (SubjectId candidate : candidates) {
            List<SealedValue> stored = Objects.requireNonNull(values.of(candidate), "the candidate values were null");
            for (SealedValue v : stored) {
                if (!v.table().equals(field.table()) || !v.column().equals(field.column())) {
                    throw new IllegalArgumentException("the candidate values gave a value of " + v.table() + "."
                            + v.column() + " for blind index " + spec.name() + ", which holds " + field);
                }
                if (matches(crypto, normalizer, wanted, principal, purpose,
                        new FieldRef(v.table(), v.column(), v.rowKey(), candidate, v.version()), v.ciphertext())) {
                    confirmed.add(candidate);
                    break;
                }
            }
        }
        return List.copyOf(confirmed);
    }

    private static boolean matches(FieldCrypto crypto, Normalizer normalizer, String wanted, Principal principal,
                                   PurposeId purpose, FieldRef ref, String ciphertext) {
        Optional<String> opened;
        try {
            opened = crypto.openUnlessShredded(principal, purpose, ref, ciphertext);
        } catch (PurposeNotPermittedException | DecryptionException unreadable) {
            return false; // audited by the opening; not a confirmed match
        }
        if (opened.isEmpty()) {
            return false;
        }
        try {
            return normalizer.normalize(opened.get()).equals(wanted);
        } catch (IllegalArgumentException notNormalisable) {
            return false;
        }
    }
}
