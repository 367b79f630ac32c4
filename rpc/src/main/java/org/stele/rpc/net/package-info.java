/** The {@code net_*} namespace: network id, listening state and peer count. */
package org.stele.rpc.net;
