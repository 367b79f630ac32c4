/** The {@code txpool_*} namespace: what the pool holds, pending and queued, as geth reports it. */
package org.stele.rpc.txpool;
