/**
 * The node's own audit trail: an append-only, hash-chained log of the admin JSON-RPC calls it answered and of the
 * configuration it started with, which {@code stele audit verify} checks for tampering.
 */
package org.stele.node.audit;
