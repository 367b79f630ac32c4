/**
 * What the chain module asks of block storage: headers, bodies, receipts and the transaction index, read by number
 * or hash. Implementations live with the code that writes blocks together with their state, so that a block and
 * everything derived from it land in one atomic batch.
 */
package org.stele.chain.store;
