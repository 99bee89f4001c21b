package org.opencpis.domain.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.Postcode;

/**
 * Postcodes: however an LA types a valid postcode (case, spacing) it normalises to the one form,
 * normalising is idempotent, and anything else is {@code INVALID_POSTCODE}.
 */
class PostcodePropertiesTest {

    @Property(tries = 500)
    void anyCaseAndSpacingNormalisesToTheCanonicalForm(@ForAll("normalisedPostcodes") String canonical,
                                                       @ForAll long seed) {
        String typed = retyped(canonical, new Random(seed));
        Postcode postcode = Postcode.of(typed);
        assertEquals(canonical, postcode.value(), "typed as '" + typed + "'");
        assertEquals(canonical.substring(0, canonical.indexOf(' ')), postcode.district());
    }

    @Property(tries = 500)
    void normalisingIsIdempotent(@ForAll("postcodeLike") String raw) {
        Postcode once;
        try {
            once = Postcode.of(raw);
        } catch (DomainViolation violation) {
            assertEquals(Postcode.INVALID, violation.code());
            assertEquals("postcode", violation.field());
            return;
        }
        assertEquals(once, Postcode.of(once.value()));
        assertEquals(once, new Postcode(once.value()), "the normalised form is what the constructor accepts");
        assertEquals(once, Postcode.of(once.value().toLowerCase(Locale.ROOT).replace(" ", "")));
    }

    @Property(tries = 500)
    void anythingElseIsInvalidPostcode(@ForAll("hostile") String raw) {
        try {
            Postcode postcode = Postcode.of(raw);
            assertTrue(postcode.value().matches("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}"), postcode.value());
        } catch (DomainViolation violation) {
            assertEquals(Postcode.INVALID, violation.code());
        }
    }

    /** The canonical postcode as someone might type it: random case, and spaces or tabs anywhere (or none). */
    private static String retyped(String canonical, Random random) {
        StringBuilder typed = new StringBuilder();
        for (char c : canonical.toCharArray()) {
            if (random.nextInt(4) == 0) {
                typed.append(random.nextBoolean() ? " " : "\t");
            }
            if (c != ' ') {
                typed.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
            } else if (random.nextBoolean()) {
                typed.append("  ");
            }
        }
        return random.nextBoolean() ? typed.toString() : " " + typed + " ";
    }

    @Provide
    Arbitrary<String> normalisedPostcodes() {
        return Generators.normalisedPostcodes();
    }

    @Provide
    Arbitrary<String> postcodeLike() {
        return Arbitraries.oneOf(Generators.normalisedPostcodes(),
                Generators.normalisedPostcodes().map(p -> p.toLowerCase(Locale.ROOT).replace(" ", "")),
                Arbitraries.strings().withChars("ABNSWabnsw019 \t").ofMinLength(4).ofMaxLength(10),
                Generators.hostileStrings());
    }

    @Provide
    Arbitrary<String> hostile() {
        return Generators.hostileStrings();
    }
}
