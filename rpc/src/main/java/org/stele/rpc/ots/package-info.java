/**
 * Otterscan's JSON-RPC extensions at API level 8 ({@code ots_*} and {@code erigon_getHeaderByNumber}), in the shapes
 * Otterscan's documentation and Erigon define, so that Otterscan works against a Stele node unchanged. Address history,
 * contract creators and (sender, nonce) lookups read the explorer indexes; traces replay the transaction.
 */
package org.stele.rpc.ots;
