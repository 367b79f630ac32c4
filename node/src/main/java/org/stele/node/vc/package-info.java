/**
 * {@code stele vc}: issuing, verifying, revoking and suspending verifiable credentials, and the chain's trust
 * registry, against any node's JSON-RPC (apps/identity holds the credential logic); and the node's route that serves
 * status-list credentials.
 */
package org.stele.node.vc;
