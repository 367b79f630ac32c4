/**
 * Who may read through JSON-RPC beyond loopback: the account tokens clients present (signed by an on-chain account's
 * key), the chain's view of those accounts (members and roles, read at the head) and the node's read policy that puts
 * the two together for each call. Admin methods keep their own rule ({@link org.stele.rpc.AdminAccess}), which an
 * account holding the operator role satisfies too.
 */
package org.stele.rpc.access;
