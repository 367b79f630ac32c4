/**
 * The {@code qbft_*} methods operators know from Besu: the validators a block lists and who proposed the blocks of a
 * range. The decoding of QBFT's extra data stays in consensus, behind the {@link org.stele.rpc.qbft.QbftHeaders} port
 * the node implements, so that rpc does not depend on consensus.
 */
package org.stele.rpc.qbft;
