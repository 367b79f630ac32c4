package org.stele.rpc;

/**
 * Told of every call to a method the server knows (metrics count them by method). Names that match no method are not
 * reported, so what an observer sees is bounded by the registry, whatever clients send.
 */
@FunctionalInterface
public interface CallObserver {
    CallObserver NONE = (method, nanos) -> {
    };

    /** {@code method} answered (with a result or an error) after {@code nanos} nanoseconds. */
    void called(String method, long nanos);
}
