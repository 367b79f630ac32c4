package org.stele.node.cli.common;

import java.nio.file.Path;
import java.util.Optional;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.proof.TransactionProofVerifier;
import org.stele.storage.InMemoryKeyValueStore;
import picocli.CommandLine.Option;

/** {@code --genesis}: the chain an offline proof must start from ({@code stele proof verify}, {@code notary}). */
public final class GenesisOption {
    @Option(names = "--genesis", description = "The chain's genesis.json: the proof must start from this genesis. Without it the proof's own genesis hash is taken as stated.")
    Path genesis;

    /** The given genesis as a verifier trusts it (its block hash and chain id), or empty when none is given. */
    public Optional<TransactionProofVerifier.TrustedGenesis> trusted(Secp256k1KeccakSuite suite)
            throws GenesisFormatException {
        if (genesis == null)
            return Optional.empty();
        GenesisFile spec = GenesisFile.read(genesis);
        return Optional.of(new TransactionProofVerifier.TrustedGenesis(
                spec.build(new InMemoryKeyValueStore()).block().hash(suite), spec.chainId()));
    }
}
