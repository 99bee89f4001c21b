package org.opencpis.adapters.spine.mesh.stub;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The response version a client asked for with {@code Accept}: {@code application/vnd.mesh.v2+json}
 * gives v2; no vnd.mesh type ({@code application/json}, {@code *}{@code /*}, none) gives v1, the
 * spec's default. Versions above 2 are answered as v2, the highest this stub speaks.
 */
enum ApiVersion {
    V1("application/json"), V2("application/vnd.mesh.v2+json");

    private static final Pattern MESH_TYPE = Pattern.compile("application/vnd\\.mesh\\.v([0-9]{1,3})\\+json");

    private final String mediaType;

    ApiVersion(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The JSON media type of this version's responses. */
    String mediaType() {
        return mediaType;
    }

    /** The version an {@code Accept} header asks for; a malformed vnd.mesh type is a validation failure. */
    static ApiVersion of(String accept) {
        if (accept == null || accept.isBlank()) {
            return V1;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!type.contains("vnd.mesh")) {
                continue;
            }
            Matcher matcher = MESH_TYPE.matcher(type);
            if (!matcher.matches()) {
                throw MeshStubFailure.invalid("header", "accept", "Accept header api format incorrect", "value_error.accept");
            }
            return Integer.parseInt(matcher.group(1)) >= 2 ? V2 : V1;
        }
        return V1;
    }

    /** Like {@link #of} but never fails: for shaping an error whatever the request said. */
    static ApiVersion lenient(String accept) {
        try {
            return of(accept);
        } catch (MeshStubFailure e) {
            return V1;
        }
    }
}
