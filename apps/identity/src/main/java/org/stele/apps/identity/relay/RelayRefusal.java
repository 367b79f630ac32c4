package org.stele.apps.identity.relay;

/** Why the relayer does not relay a change: a code a client can act on, and one line for a person. */
public final class RelayRefusal extends RuntimeException {
    /** The kinds of refusal, with the name the JSON-RPC error's {@code data} carries. */
    public enum Code {
        /** Not a call of one of the registry's {@code *Signed} functions. */
        NOT_SIGNED_CHANGE("notSignedChange"),
        /** The identity, or all identities together, sent more than the relayer's rate. */
        RATE_LIMITED("rateLimited"),
        /** The registry would revert it; the message names the registry's error. */
        REGISTRY_REFUSES("registryRefuses"),
        /** The node or the operator's account cannot take it now (no funds, a node error, no block in time). */
        UNAVAILABLE("unavailable");

        private final String name;

        Code(String name) {
            this.name = name;
        }

        public String label() {
            return name;
        }
    }

    private final Code code;

    public RelayRefusal(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
