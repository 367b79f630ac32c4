/**
 * The development chain's conveniences: the prefunded accounts derived from a BIP-39 mnemonic on the Ethereum path
 * m/44'/60'/0'/0/i, so that they match what anvil and Hardhat users already have in their scripts.
 */
package org.stele.node.dev;
