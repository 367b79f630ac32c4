/** The {@code web3_*} namespace: client version and hashing. */
package org.stele.rpc.web3;
