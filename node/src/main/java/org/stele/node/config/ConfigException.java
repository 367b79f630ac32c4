package org.stele.node.config;

/** A configuration that cannot be used, with one line that names the key, where its value came from, and why. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
