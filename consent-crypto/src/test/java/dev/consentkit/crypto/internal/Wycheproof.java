package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a Wycheproof vector file (C2SP/wycheproof {@code testvectors_v1}, copied into the test
 * resources with its licence) and tallies what each vector did, so that a test can pin the counts and
 * no vector is skipped unnoticed.
 */
final class Wycheproof {
    /** What a vector's outcome was counted as. */
    enum Outcome { PASSED_VALID, REJECTED_INVALID, REFUSED_BY_DESIGN }

    private final String file;
    private final JsonNode root;
    private final int[] counts = new int[Outcome.values().length];
    private final List<String> failures = new ArrayList<>();

    private Wycheproof(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static Wycheproof load(String file) {
        try (InputStream in = Wycheproof.class.getResourceAsStream("/wycheproof/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /wycheproof/" + file);
            }
            return new Wycheproof(file, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode test, String field) {
        return HexFormat.of().parseHex(test.get(field).asText());
    }

    static boolean valid(JsonNode test) {
        String result = test.get("result").asText();
        // "acceptable" (none in the files used today) counts as invalid: we take no legacy leniency
        return result.equals("valid");
    }

    /**
     * Runs {@code check} on every test of every group; {@code check} returns the outcome or throws an
     * {@link AssertionError}, which is recorded with the vector's id.
     */
    void forEach(VectorCheck check) {
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                try {
                    counts[check.run(group, test).ordinal()]++;
                } catch (AssertionError | RuntimeException e) {
                    failures.add("tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + "): " + e);
                }
            }
        }
    }

    /** Asserts that every vector behaved and the tally is exactly the expected one. */
    void assertTally(int passedValid, int rejectedInvalid, int refusedByDesign) {
        assertThat(failures).as(file + " failures").isEmpty();
        assertThat(counts).as(file + " passed valid / rejected invalid / refused by design")
                .containsExactly(passedValid, rejectedInvalid, refusedByDesign);
        assertThat(passedValid + rejectedInvalid + refusedByDesign).as(file + " vectors run")
                .isEqualTo(root.get("numberOfTests").asInt());
    }

    @FunctionalInterface
    interface VectorCheck {
        Outcome run(JsonNode group, JsonNode test);
    }
}
