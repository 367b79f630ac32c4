/**
 * The chain store on a {@link org.stele.storage.KeyValueStore}: headers, bodies, receipts, the number index and
 * the transaction index, written for a block in the same batch as that block's state, so that a crash leaves
 * either all of a block or none of it.
 */
package org.stele.execution.chainstore;
