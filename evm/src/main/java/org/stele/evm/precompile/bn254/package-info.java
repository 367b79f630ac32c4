/**
 * Arithmetic on the BN254 (alt_bn128) pairing curve for precompiles 0x06–0x08 (EIP-196, EIP-197): the base field and
 * its tower Fp2 → Fp6 → Fp12, the groups G1 and G2, and the optimal ate pairing. {@link
 * org.stele.evm.precompile.bn254.Bn254} is the only entry point; it decodes and validates the precompiles' byte
 * encodings.
 */
package org.stele.evm.precompile.bn254;
