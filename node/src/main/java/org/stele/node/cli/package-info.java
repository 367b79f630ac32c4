/**
 * The {@code stele} command line (picocli): one class per command, registered in {@link SteleCommand}. Commands
 * parse flags and print; the work they start lives in the modules they wire together.
 */
package org.stele.node.cli;
