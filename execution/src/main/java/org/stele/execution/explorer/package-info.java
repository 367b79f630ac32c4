/**
 * The explorer's indexes over the canonical chain: each address's transactions (as sender, recipient, contract created,
 * or party to an ERC-20/721 {@code Transfer}), each contract's creator and creation transaction, and each (sender,
 * nonce)'s transaction. They are staged into the block's own write batch at import, and built in the background for
 * blocks stored before they existed.
 */
package org.stele.execution.explorer;
