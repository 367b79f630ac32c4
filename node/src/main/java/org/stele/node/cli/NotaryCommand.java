package org.stele.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stele.apps.notary.DocumentStatus;
import org.stele.apps.notary.HashAlgorithm;
import org.stele.apps.notary.MerkleTree;
import org.stele.apps.notary.NotaryCalls;
import org.stele.apps.notary.NotaryCheck;
import org.stele.apps.notary.NotaryClient;
import org.stele.apps.notary.NotaryClient.NotaryException;
import org.stele.apps.notary.NotaryEvent;
import org.stele.apps.notary.NotaryProof;
import org.stele.apps.notary.NotaryProofVerifier;
import org.stele.apps.notary.NotarySignatures;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.node.cli.common.CommandErrors;
import org.stele.node.cli.common.GenesisOption;
import org.stele.node.cli.common.RpcOption;
import org.stele.node.cli.common.SignerOptions;
import org.stele.proof.ProofFormatException;
import org.stele.proof.TransactionProofVerifier;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ClientTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.utils.Numeric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele notary}: the notary application (docs/notary.md) from the command line. Documents stay here: only
 * their hashes are sent. A transaction is signed by the node for {@code --from} (a dev chain's accounts) or here with
 * {@code --key-file}. {@code verify} needs no node. Every subcommand exits 0 on success, 1 when the contract refuses
 * (naming its custom error), the node cannot be reached or a proof does not verify, 2 for a bad argument or file.
 */
@Command(name = "notary", description = "The notary application: stamp documents' hashes, collect k-of-n signatures, verify offline (docs/notary.md).", subcommands = {
        NotaryCommand.Deploy.class, NotaryCommand.Stamp.class, NotaryCommand.Request.class, NotaryCommand.Sign.class,
        NotaryCommand.Status.class, NotaryCommand.Revoke.class, NotaryCommand.Supersede.class,
        NotaryCommand.ProofOf.class, NotaryCommand.Verify.class})
public final class NotaryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the node is, which contract, and who signs. */
    static final class Connection {
        @Mixin
        RpcOption rpc;

        @Option(names = "--contract", description = "The Notary contract's address.")
        String contract;

        @Mixin
        SignerOptions signer;

        @Option(names = "--algorithm", defaultValue = "sha-256", description = "How files are hashed: sha-256 (default) or sm3.")
        String algorithm;

        HashAlgorithm algorithm() {
            return HashAlgorithm.of(algorithm);
        }

        HttpService service() {
            return new HttpService(rpc.url());
        }

        TransactionManager sender(HttpService service) throws IOException {
            return signer.transactionManager(Web3j.build(service));
        }

        String contract() {
            if (contract == null || !contract.matches("0x[0-9a-fA-F]{40}"))
                throw new IllegalArgumentException("give --contract ADDRESS (the Notary contract)");
            return contract;
        }

        NotaryClient client() throws IOException {
            HttpService service = service();
            return new NotaryClient(service, signer.given() ? sender(service) : null, contract());
        }

        NotaryClient signingClient() throws IOException {
            signer.require();
            return client();
        }

        /** A document named by its hash (0x and 64 hex digits) or by a file, hashed here. */
        String document(String fileOrHash) throws IOException {
            if (fileOrHash.matches("0x[0-9a-fA-F]{64}")) return fileOrHash.toLowerCase();
            Path file = Path.of(fileOrHash);
            if (!Files.isRegularFile(file))
                throw new IllegalArgumentException(fileOrHash + " is neither a file nor a hash (0x and 64 hex digits)");
            return Numeric.toHexString(algorithm().hash(file));
        }
    }

    /** Runs a subcommand's body with the exit codes and one-line errors every subcommand shares. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        Connection connection;

        final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

        abstract void run() throws IOException;

        @Override
        public final Integer call() {
            return CommandErrors.run(CommandErrors.prefix("notary", this), () -> {
                run();
                return 0;
            }, e -> switch (e) {
                case ProofFormatException p -> CommandErrors.Failure.badArgument(p.getMessage());
                case org.web3j.protocol.exceptions.ClientConnectionException c -> connection.rpc.answered(c);
                case IOException io -> connection.rpc.unreachable(io);
                default -> CommandErrors.usual(e);
            });
        }
    }

    static Path proofFile(Path file, Path dir) {
        Path name = file.getFileName();
        return (dir == null ? file.toAbsolutePath().getParent() : dir).resolve(name + ".notary.json");
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy a new Notary contract. Prints its address.")
    static final class Deploy extends Action {
        @Override
        void run() throws IOException {
            HttpService service = connection.service();
            out.println(NotaryClient.deploy(service, connection.sender(service)).contract());
        }
    }

    @Command(name = "stamp", mixinStandardHelpOptions = true, description = "Anchor files' hashes (each by itself, or with --batch the Merkle root of them all in one transaction) and write each file's proof next to it as FILE.notary.json.")
    static final class Stamp extends Action {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Option(names = "--batch", description = "Anchor one Merkle root for all the files.")
        boolean batch;

        @Option(names = "--out-dir", description = "Write the proofs here instead of next to the files.")
        Path outDir;

        @Override
        void run() throws IOException {
            HashAlgorithm algorithm = connection.algorithm();
            List<byte[]> hashes = new ArrayList<>();
            for (Path f : files) {
                if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + ": no such file");
                hashes.add(algorithm.hash(f));
            }
            NotaryClient client = connection.signingClient();
            List<NotaryProof> proofs = new ArrayList<>();
            if (batch) {
                MerkleTree tree = MerkleTree.build(algorithm, hashes);
                client.send(NotaryCalls.stampBatch(Numeric.toHexString(tree.root()), tree.size()));
                proofs.addAll(client.batchProofs(tree, hashes));
            } else {
                for (byte[] h : hashes) {
                    client.send(NotaryCalls.stamp(Numeric.toHexString(h)));
                    proofs.add(client.proof(algorithm, Numeric.toHexString(h)));
                }
            }
            for (int i = 0; i < files.size(); i++) {
                NotaryProof p = proofs.get(i);
                Path written = proofFile(files.get(i), outDir);
                Files.writeString(written, p.write());
                out.println(files.get(i) + " " + p.documentHash() + " stamped in block " + p.anchorProof().blockNumber()
                        + " (transaction " + p.anchorProof().transactionHash() + "); proof: " + written);
            }
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true, description = "Ask named parties to sign a document: k of n (--threshold) of them. Creating the request anchors the document's hash. Prints the hash.")
    static final class Request extends Action {
        @Parameters(paramLabel = "FILE|HASH")
        String document;

        @Option(names = "--party", required = true, description = "A party's address, once per party.")
        List<String> parties;

        @Option(names = "--threshold", required = true, description = "How many parties must sign.")
        int threshold;

        @Override
        void run() throws IOException {
            String hash = connection.document(document);
            if (threshold < 1 || threshold > 255) throw new IllegalArgumentException("--threshold is 1 to 255");
            connection.signingClient().send(NotaryCalls.createDocument(hash, parties, threshold));
            out.println(hash);
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign a document as a named party: the signer sends it, or with --relay-from the signer's EIP-712 signature (made here with --key-file) is sent by another account.")
    static final class Sign extends Action {
        @Parameters(paramLabel = "FILE|HASH")
        String document;

        @Option(names = "--relay-from", description = "The node account that relays the signature and pays its gas.")
        String relayFrom;

        @Override
        void run() throws IOException {
            String hash = connection.document(document);
            if (relayFrom == null) {
                connection.signingClient().send(NotaryCalls.sign(hash));
                out.println("Signed " + hash + ".");
                return;
            }
            if (!connection.signer.hasKeyFile())
                throw new IllegalArgumentException("--relay-from needs the signer's --key-file to make the signature");
            Credentials signer = connection.signer.key();
            HttpService service = connection.service();
            NotaryClient relayer = new NotaryClient(service, new ClientTransactionManager(Web3j.build(service),
                    relayFrom), connection.contract());
            byte[] signature = NotarySignatures.sign(signer.getEcKeyPair(), relayer.chainId(), relayer.contract(),
                    hash);
            relayer.send(NotaryCalls.signFor(hash, signer.getAddress(), signature));
            out.println("Signed " + hash + " as " + signer.getAddress() + ", relayed by " + relayFrom + ".");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "A document's status from the contract's events: who signed, who is awaited, revoked or superseded; or a plain stamp.")
    static final class Status extends Action {
        @Parameters(paramLabel = "FILE|HASH")
        String document;

        @Override
        void run() throws IOException {
            String hash = connection.document(document);
            NotaryClient client = connection.client();
            List<NotaryEvent> events = client.events();
            Optional<DocumentStatus> status = DocumentStatus.of(hash, events);
            if (status.isEmpty()) {
                List<String> stamps = events.stream().filter(e -> e instanceof NotaryEvent.Stamped s
                        && s.hash().equals(hash)).map(e -> "stamped by " + ((NotaryEvent.Stamped) e).by()
                                + " in block " + e.position().block() + " (transaction " + e.position().transaction()
                                + ")")
                        .toList();
                if (stamps.isEmpty())
                    throw new NotaryException(hash + " is neither stamped by itself nor a document in Notary "
                            + client.contract() + " (a batch's documents are shown by their proofs)");
                out.println(hash + ": " + stamps.get(0) + ".");
                return;
            }
            DocumentStatus s = status.get();
            out.println(hash + ": " + s.state().name().toLowerCase() + ", " + s.signatures().size() + " of "
                    + s.threshold() + " needed signatures from " + s.parties().size() + " parties; created by "
                    + s.creator() + ".");
            out.println("Signed: " + (s.signatures().isEmpty()
                    ? "nobody yet"
                    : String.join(", ", s.signatures().stream().map(x -> x.signer() + (x.relayer().equals(x.signer())
                            ? ""
                            : " (relayed by " + x.relayer() + ")") + " in block " + x.position().block()).toList()))
                    + ".");
            out.println("Awaited: " + (s.awaited().isEmpty() ? "nobody" : String.join(", ", s.awaited())) + ".");
            s.revokedFor().ifPresent(r -> out.println("Revoked: " + r));
            s.supersededBy().ifPresent(n -> out.println("Superseded by " + n + "."));
            for (NotaryEvent e : s.history())
                out.println("  block " + e.position().block() + ": " + e.getClass().getSimpleName() + " (transaction "
                        + e.position().transaction() + ")");
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Withdraw a document (its creator): nobody can sign it any more.")
    static final class Revoke extends Action {
        @Parameters(paramLabel = "FILE|HASH")
        String document;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        void run() throws IOException {
            String hash = connection.document(document);
            connection.signingClient().send(NotaryCalls.revoke(hash, reason));
            out.println("Revoked " + hash + ".");
        }
    }

    @Command(name = "supersede", mixinStandardHelpOptions = true, description = "Replace a document by a newer version (its creator), to be signed by --party, k of n.")
    static final class Supersede extends Action {
        @Parameters(index = "0", paramLabel = "OLD")
        String document;

        @Parameters(index = "1", paramLabel = "NEW")
        String newVersion;

        @Option(names = "--party", required = true)
        List<String> parties;

        @Option(names = "--threshold", required = true)
        int threshold;

        @Override
        void run() throws IOException {
            String old = connection.document(document);
            String next = connection.document(newVersion);
            connection.signingClient().send(NotaryCalls.supersede(old, next, parties, threshold));
            out.println(next);
        }
    }

    @Command(name = "proof", mixinStandardHelpOptions = true, description = "Write the proof of a stamped file or a document (with the proofs of its signatures so far) for stele notary verify.")
    static final class ProofOf extends Action {
        @Parameters(paramLabel = "FILE|HASH")
        String document;

        @Option(names = {"-o", "--out"}, required = true)
        Path file;

        @Override
        void run() throws IOException {
            NotaryProof p = connection.client().proof(connection.algorithm(), connection.document(document));
            Files.writeString(file, p.write());
            out.println("Wrote the proof of " + p.documentHash() + " (" + p.signatureProofs().size()
                    + " signature(s)) to " + file);
        }
    }

    /** {@code stele notary verify FILE PROOF}: no node, no network. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check offline that FILE is the document PROOF anchors, in a block the chain's validators sealed, and who signed it. Exit 0 verified, 1 not, 2 unreadable.")
    public static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1", paramLabel = "PROOF")
        Path proof;

        @Mixin
        GenesisOption genesis;

        @Override
        public Integer call() {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();
            NotaryProof p;
            byte[] hash;
            Optional<TransactionProofVerifier.TrustedGenesis> trusted = Optional.empty();
            try {
                trusted = genesis.trusted(suite);
                p = NotaryProof.read(proof);
                if (!Files.isRegularFile(file)) throw new ProofFormatException(file + ": no such file");
                hash = p.algorithm().hash(file);
            } catch (ProofFormatException | GenesisFormatException e) {
                err.println("stele notary verify: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("stele notary verify: " + file + ": cannot read: " + e.getMessage());
                return 2;
            }
            try {
                NotaryProofVerifier.Verified v = new NotaryProofVerifier(suite).verify(hash, p, trusted);
                out.println(summary(file, v));
                return 0;
            } catch (NotaryCheck.Failed e) {
                out.println("NOT VERIFIED: check " + e.check().id() + " (" + e.check().meaning() + ") failed: "
                        + e.detail());
                return 1;
            }
        }

        static String summary(Path file, NotaryProofVerifier.Verified v) {
            NotaryProof p = v.proof();
            NotaryProofVerifier.Stamp s = v.stamp();
            StringBuilder b = new StringBuilder("VERIFIED: ").append(file.getFileName()).append(" (")
                    .append(p.algorithm()).append(' ').append(p.documentHash()).append(") was stamped on ")
                    .append(s.time()).append(" in block ").append(s.block()).append(" (").append(s.blockHash())
                    .append(") of chain ").append(v.chainId()).append(" by ").append(s.by()).append(", transaction ")
                    .append(s.transaction());
            switch (p.anchor().kind()) {
                case BATCH -> b.append(", as document ").append(p.anchor().index() + 1).append(" of a batch of ")
                        .append(p.anchor().size()).append(" (root ").append(p.anchor().root()).append(")");
                case DOCUMENT -> b.append(", as a document to be signed");
                case HASH -> {
                }
            }
            b.append(", in Notary contract ").append(p.contract()).append(". The block is final: ").append(v.sealedBy())
                    .append(" of its ").append(v.validators())
                    .append(" validators sealed it; the chain starts at genesis ")
                    .append(v.genesisHash()).append(v.genesisTrusted()
                            ? " (the given genesis file)."
                            : " (as the proof states it: pass --genesis genesis.json to check which chain this is).");
            v.signatures().ifPresent(sig -> {
                b.append("\nSignatures: ").append(sig.signed().size()).append(" of the ").append(sig.threshold())
                        .append(" needed from ").append(sig.parties().size()).append(" parties")
                        .append(sig.complete() ? " (complete)" : " (not complete)").append('.');
                for (NotaryProofVerifier.Signature x : sig.signed())
                    b.append("\n  signed by ").append(x.signer()).append(" on ").append(x.stamp().time())
                            .append(" in block ").append(x.stamp().block())
                            .append(x.relayer().equals(x.signer()) ? "" : " (relayed by " + x.relayer() + ")");
                for (String a : sig.awaited())
                    b.append("\n  awaited: ").append(a);
                b.append("\nA proof shows what was signed up to when it was written; whether the document was "
                        + "revoked since is on the chain: stele notary status.");
            });
            return b.toString();
        }
    }
}
