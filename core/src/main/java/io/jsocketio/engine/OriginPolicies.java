package io.jsocketio.engine;

/** Constants behind {@link OriginPolicy}'s factories. Thread-safety: immutable. */
final class OriginPolicies {
    /** The policy of {@link OriginPolicy#any()}. */
    static final OriginPolicy ANY = (origin, request) -> true;

    private OriginPolicies() {}
}
