/**
 * Node identity over TLS 1.3, the way libp2p's TLS handshake binds it: each node presents a self-signed certificate
 * for an ephemeral P-256 session key, carrying an extension in which the node's long-term key (secp256k1 on an
 * Ethereum-compatible chain) signs that session key. {@link org.stele.p2p.tls.IdentityCertificate} makes and checks
 * such certificates; {@link org.stele.p2p.tls.TlsIdentity} builds the JDK TLS engines whose trust manager derives
 * the peer's address from it and refuses the handshake when the address is not the one expected or not admitted.
 */
package org.stele.p2p.tls;
