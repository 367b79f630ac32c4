/**
 * The transport: one Netty server on one port answering JSON-RPC over HTTP POST and over WebSocket. Requests are
 * decoded on the I/O threads and executed on worker threads, so a slow call never stalls other connections.
 */
package org.stele.rpc.server;
