/**
 * JSON-RPC 2.0 as Ethereum clients speak it: request parsing, batches, limits and the standard error codes, over
 * HTTP and WebSocket on one port. Each method is a class of its own in the package of its namespace
 * ({@code eth}, {@code net}, {@code web3}, ...), registered in a {@link org.stele.rpc.RpcMethodRegistry}.
 */
package org.stele.rpc;
