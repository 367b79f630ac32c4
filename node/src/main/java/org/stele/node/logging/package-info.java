/**
 * The node's logs: SLF4J everywhere, Logback behind it, set up from the {@code logging-*} keys (plain Besu-style lines
 * or one JSON object per line), and the one line per imported block that operators read.
 */
package org.stele.node.logging;
