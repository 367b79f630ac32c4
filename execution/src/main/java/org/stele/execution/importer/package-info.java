/**
 * The one way a block enters a Stele chain, whether proposed, synced or read from a file: {@link
 * org.stele.execution.importer.BlockImporter} checks it against its parent with the chain profile's rules and the seal
 * verifier, executes it, compares the results with its header, and writes block, receipts, state and indexes in one
 * batch, or refuses it with a typed {@link org.stele.execution.importer.Refusal} and writes nothing.
 */
package org.stele.execution.importer;
