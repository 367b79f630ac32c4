/**
 * QBFT's data outside the message flow: the header extra data (vanity, validators, vote, round, commit seals),
 * the block hashes derived from it, validator sets by height, proposer rotation, and the {@link
 * org.stele.consensus.qbft.FinalityVerifier} that checks a finality certificate with nothing but a validator set.
 */
package org.stele.consensus.qbft;
