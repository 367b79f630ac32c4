/**
 * {@code stele network up}: runs the nodes of a network directory (made by {@code stele network init}) as separate
 * processes on this machine, one JVM each, reports them and stops them together. It only starts and watches
 * processes; each node is the same {@code stele node --config node.toml} an operator runs by hand.
 */
package org.stele.node.launcher;
