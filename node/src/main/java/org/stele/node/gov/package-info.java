/**
 * {@code stele gov}: the committee's command line. It talks to a node over JSON-RPC, signs with a key read from a key
 * file or keystore (never from a flag), and reads proposals and history from the governance contracts' events.
 */
package org.stele.node.gov;
