package org.opencpis.adapters.spine.mesh.stub;

/** A {@code Mex-Chunk-Range} value {@code n:N}: chunk {@code number} of {@code total}, 1 ≤ n ≤ N. */
record ChunkRange(int number, int total) {
    static final ChunkRange SINGLE = new ChunkRange(1, 1);

    /** The range in a header value; a value that is not {@code n:N} with 1 ≤ n ≤ N fails with 417 (MESH code 06). */
    static ChunkRange parse(String value, String messageId) {
        String[] parts = value.strip().split(":", -1);
        if (parts.length != 2) {
            throw malformed(messageId);
        }
        try {
            int number = Integer.parseInt(parts[0].strip());
            int total = Integer.parseInt(parts[1].strip());
            if (number < 1 || number > total) {
                throw malformed(messageId);
            }
            return new ChunkRange(number, total);
        } catch (NumberFormatException e) {
            throw malformed(messageId);
        }
    }

    static MeshStubFailure malformed(String messageId) {
        return MeshStubFailure.sendFailed(messageId, "06", "Invalid chunk values sent in mex-Chunk-Range header");
    }

    @Override
    public String toString() {
        return number + ":" + total;
    }
}
