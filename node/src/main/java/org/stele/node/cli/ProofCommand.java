package org.stele.node.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.node.cli.common.GenesisOption;
import org.stele.proof.ProofCheckFailed;
import org.stele.proof.ProofFormatException;
import org.stele.proof.ProofJson;
import org.stele.proof.TransactionProof;
import org.stele.proof.TransactionProofVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele proof}: transaction proofs ({@code docs/proofs.md}). */
@Command(name = "proof", description = "Offline-verifiable transaction proofs (stele_getTransactionProof).", subcommands = {
        ProofCommand.Verify.class})
public final class ProofCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * {@code stele proof verify FILE [--genesis genesis.json]}: exit 0 with a summary of what the proof shows, 1 with
     * the first check it fails, 2 when the file is not a proof (or the genesis file not a genesis).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a stele-proof/1 file offline: exit 0 when it proves its transaction, 1 naming the first failed check, 2 for an unreadable file.")
    public static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The proof (JSON, as stele_getTransactionProof returns it).")
        Path file;

        @Mixin
        GenesisOption genesis;

        @Override
        public Integer call() {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();
            TransactionProof proof;
            Optional<TransactionProofVerifier.TrustedGenesis> trusted = Optional.empty();
            try {
                trusted = genesis.trusted(suite);
                proof = ProofJson.read(file);
            } catch (ProofFormatException | GenesisFormatException e) {
                err.println("stele proof verify: " + e.getMessage());
                return 2;
            }
            try {
                out.println(summary(new TransactionProofVerifier(suite).verify(proof, trusted)));
                return 0;
            } catch (ProofCheckFailed e) {
                out.println("NOT VERIFIED: check " + e.check().id() + " (" + e.check().meaning() + ") failed: "
                        + e.getMessage().substring(e.check().id().length() + 2));
                return 1;
            }
        }

        static String summary(TransactionProofVerifier.Verified v) {
            TransactionProof p = v.proof();
            var tx = v.transaction();
            String what = tx.to().map(to -> "sent " + ether(tx.value()) + " ETH to " + to.toChecksumHex())
                    .orElse("created a contract with " + ether(tx.value()) + " ETH");
            return "VERIFIED: transaction " + p.transactionHash() + " from " + v.sender().toChecksumHex() + " " + what
                    + "; it is transaction " + p.transactionIndex() + " of block " + p.blockNumber() + " ("
                    + p.blockHash() + ", " + Instant.ofEpochSecond(v.header().timestamp()) + ") of chain "
                    + p.chainId() + ", and it succeeded (cumulative gas " + v.receipt().cumulativeGasUsed() + ", "
                    + v.receipt().logs().size() + " logs). The block is final: " + v.signers().size() + " of its "
                    + v.validators() + " validators sealed it (a quorum is "
                    + org.stele.consensus.qbft.Quorum.quorum(v.validators()) + "), and its validator set follows from "
                    + "genesis " + p.genesisHash() + " through " + (p.validatorSets().size() - 1) + " change(s)"
                    + (v.genesisTrusted()
                            ? ", the genesis of the given genesis file."
                            : ", as the proof states it (pass --genesis genesis.json to check which chain this is).");
        }

        private static String ether(BigInteger wei) {
            return new BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString();
        }
    }
}
