/**
 * The {@code debug_*} namespace: re-executing a mined transaction or a call with a tracer attached, answering
 * geth's struct-log format or its {@code callTracer} tree.
 */
package org.stele.rpc.debug;
