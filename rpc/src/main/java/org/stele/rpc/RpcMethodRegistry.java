package org.stele.rpc;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The methods a server answers, by name. Built once at start-up, read concurrently afterwards. */
public final class RpcMethodRegistry {
    private final Map<String, RpcMethod> methods;

    private RpcMethodRegistry(Map<String, RpcMethod> methods) {
        this.methods = Map.copyOf(methods);
    }

    public static RpcMethodRegistry of(Collection<? extends RpcMethod> methods) {
        Map<String, RpcMethod> byName = new TreeMap<>();
        for (RpcMethod m : methods) {
            if (byName.put(m.name(), m) != null)
                throw new IllegalArgumentException("method registered twice: " + m.name());
        }
        return new RpcMethodRegistry(byName);
    }

    public Optional<RpcMethod> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    public java.util.Set<String> names() {
        return new java.util.TreeSet<>(methods.keySet());
    }
}
