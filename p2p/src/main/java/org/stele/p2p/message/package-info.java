/**
 * The P2P wire messages: a sealed {@link org.stele.p2p.message.Message} hierarchy of records and
 * {@link org.stele.p2p.message.MessageCodec}, which turns each into one frame payload (a type byte and an RLP list)
 * and back, refusing anything malformed. Blocks, headers, transactions and QBFT messages travel as opaque bytes in
 * their standard encodings, so this module needs neither {@code chain} nor {@code consensus}.
 */
package org.stele.p2p.message;
