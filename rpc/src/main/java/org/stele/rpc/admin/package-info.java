/**
 * The operator's methods over the node's network: {@code admin_nodeInfo}, {@code admin_peers}, {@code admin_addPeer},
 * {@code admin_removePeer}, and the {@link org.stele.rpc.admin.NetworkAdmin} port the node implements over its P2P
 * transport. Who may call them is {@link org.stele.rpc.AdminAccess}'s rule, applied by the dispatcher.
 */
package org.stele.rpc.admin;
