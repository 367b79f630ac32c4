/**
 * Node key files: a secp256k1 private key as plain hex (file mode 0600) or encrypted as a web3 secret-storage (v3)
 * keystore that geth, web3j and ethers read and write too. This lives in {@code node} because reading files, JSON and
 * passphrases is the node's edge; the modules that use the key ({@code p2p}, and consensus through the node) receive
 * a decoded {@link org.stele.common.crypto.KeyPair} and never touch the file.
 */
package org.stele.node.keys;
