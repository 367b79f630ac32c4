package org.stele.execution.importer;

import java.time.Duration;

/**
 * Told of each block the importer writes, once it is written: the node logs it and counts it. A listener observes
 * and never decides anything about the block, so the time it is given (measured on the importer's thread) is for
 * operators, not for consensus.
 */
@FunctionalInterface
public interface ImportListener {
    ImportListener NONE = (imported, took) -> {
    };

    /** {@code imported} was written; checking, executing and writing it took {@code took}. */
    void imported(ImportResult.Imported imported, Duration took);
}
