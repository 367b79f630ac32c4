package org.stele.node.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stele.apps.identity.sdjwt.SdJwt;
import org.stele.apps.identity.sdjwt.SdJwtVc;
import org.stele.apps.identity.sdjwt.SdJwtVerifier;
import org.stele.apps.identity.status.StatusEntry;
import org.stele.apps.identity.status.StatusListUrl;
import org.stele.apps.identity.status.StatusLists;
import org.stele.apps.identity.status.StatusPurpose;
import org.stele.apps.identity.trust.TrustRegistry;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.ContractErrors;
import org.stele.apps.identity.vc.Credential;
import org.stele.apps.identity.vc.CredentialVerifier;
import org.stele.apps.identity.vc.DidEthr;
import org.stele.apps.identity.vc.Es256k;
import org.stele.apps.identity.vc.HttpJsonRpc;
import org.stele.apps.identity.vc.Issuance;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.PublicKey;
import org.stele.node.cli.common.CommandErrors;
import org.stele.node.cli.common.RpcOption;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele vc}: verifiable credentials against any node (docs/identity.md). Every subcommand exits 0 on success,
 * 1 when a credential is refused or the chain refuses a change (one line naming the reason or the custom error), 2
 * for a bad argument or a malformed input.
 */
@Command(name = "vc", description = "Verifiable credentials: issue VC-JWTs, verify them, revoke or suspend them, and the chain's trust registry (docs/identity.md).", subcommands = {
        VcCommand.Issue.class, VcCommand.Verify.class, VcCommand.Revoke.class, VcCommand.Suspend.class,
        VcCommand.Unsuspend.class, VcCommand.Present.class, VcCommand.Trust.class})
public final class VcCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The custom errors of the contracts stele vc calls, by signature, to name a refusal. */
    public static List<String> errors() {
        return ERRORS;
    }

    static final List<String> ERRORS;
    static {
        List<String> all = new ArrayList<>(StatusLists.ERRORS);
        all.addAll(TrustRegistry.ERRORS);
        ERRORS = List.copyOf(all);
    }

    /** The node, and the key when the command signs. */
    static final class Connection {
        @Mixin
        RpcOption rpc;

        @Option(names = "--key-file", description = "The signing key: a hex private key (0x optional) or a web3 v3 keystore.")
        Path keyFile;

        @Option(names = "--passphrase-file", description = "The keystore's passphrase file.")
        Path passphraseFile;

        @Option(names = "--wait", defaultValue = "60", description = "Seconds to wait for a transaction to be in a block (default ${DEFAULT-VALUE}).")
        long waitSeconds;

        Chain chain() {
            return new Chain(new HttpJsonRpc(rpc.uri()), new ContractErrors(ERRORS));
        }

        KeyPair key() {
            if (keyFile == null) throw new IllegalArgumentException("give --key-file FILE to sign");
            try {
                return NodeKeyFile.loadWithPassphraseFile(keyFile, passphraseFile);
            } catch (KeyFileException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }

        VcTransactions transactions(Chain chain) {
            return new VcTransactions(chain, Duration.ofSeconds(waitSeconds));
        }

        /** The scheme, host and port of --rpc: where the node serves status lists. */
        String origin() {
            URI u = rpc.uri();
            return u.getScheme() + "://" + u.getRawAuthority();
        }
    }

    /** Runs a subcommand's body with the exit codes and one-line errors every subcommand shares. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        Connection connection;

        final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        InstantSource clock = InstantSource.system();

        abstract int run() throws IOException;

        @Override
        public final Integer call() {
            return CommandErrors.run(CommandErrors.prefix("vc", this), this::run, CommandErrors::usual);
        }
    }

    /** A JWT given on the command line, or {@code -} for standard input, or {@code @FILE}. */
    static String jwtArgument(String arg) throws IOException {
        if (arg.equals("-")) return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (arg.startsWith("@")) return Files.readString(Path.of(arg.substring(1))).strip();
        return arg.strip();
    }

    /** An ISO-8601 instant ({@code 2027-01-01T00:00:00Z}) or a duration from {@code from} ({@code P30D}, {@code PT2H}). */
    static Instant expiry(String text, Instant from) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // not an instant: perhaps a duration
        }
        try {
            return text.contains("T") ? from.plus(Duration.parse(text)) : from.plus(Period.parse(text));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--expires " + text
                    + ": give an ISO-8601 instant (2027-01-01T00:00:00Z) or duration (P365D, PT2H)");
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issue a VC-JWT signed ES256K by the key file's key (the issuer's owner or delegate). Prints the JWT.")
    static final class Issue extends Action {
        @Option(names = "--subject", required = true, description = "The subject's DID (the JWT's sub).")
        String subject;

        @Option(names = "--claims", required = true, description = "The credential subject's claims, a JSON object (or @FILE).")
        String claims;

        @Option(names = "--type", description = "A credential type besides VerifiableCredential (repeatable).")
        List<String> types = new ArrayList<>();

        @Option(names = "--issuer", description = "The issuer's DID (default: did:ethr of the key's address on this chain).")
        String issuer;

        @Option(names = "--status", description = "Allocate a status index on chain and add a revocation entry (BitstringStatusListEntry).")
        boolean status;

        @Option(names = "--suspendable", description = "With --status, add a suspension entry for the same index too.")
        boolean suspendable;

        @Option(names = "--status-base", description = "The public URL of the node that serves the status list (default: --rpc's origin).")
        String statusBase;

        @Option(names = "--expires", description = "When it expires: an ISO-8601 instant or a duration (P365D).")
        String expires;

        @Option(names = "--id", description = "The credential's id (jti).")
        String id;

        @Option(names = "--format", defaultValue = "jwt", description = "jwt (VC-JWT, default) or sd-jwt (SD-JWT VC: every claim selectively disclosable; needs --holder-key).")
        String format;

        @Option(names = "--holder-key", description = "With sd-jwt: the holder's secp256k1 public key (hex, 64 or 65 bytes uncompressed), put in cnf.")
        String holderKey;

        @Option(names = "--alg", defaultValue = "ES256K", description = "ES256K or ES256K-R (default ${DEFAULT-VALUE}).")
        String alg;

        @Override
        int run() throws IOException {
            if (!format.equals("jwt") && !format.equals("sd-jwt"))
                throw new IllegalArgumentException("--format " + format + ": give jwt or sd-jwt");
            if (format.equals("sd-jwt") && (types.size() != 1))
                throw new IllegalArgumentException("an SD-JWT VC has one type (its vct): give one --type");
            Optional<PublicKey> holder = Optional.ofNullable(holderKey).map(Issue::publicKey);
            if (format.equals("sd-jwt") && holder.isEmpty())
                throw new IllegalArgumentException("an SD-JWT VC binds its holder: give --holder-key");
            if (!alg.equals(Es256k.ES256K) && !alg.equals(Es256k.ES256K_R))
                throw new IllegalArgumentException("--alg " + alg + ": give ES256K or ES256K-R");
            if (suspendable && !status) throw new IllegalArgumentException("--suspendable needs --status");
            ObjectNode subjectClaims = claims(claims);
            KeyPair key = connection.key();
            Chain chain = connection.chain();
            DidEthr issuerDid = issuer == null
                    ? new DidEthr(chain.chainId(), Es256k.address(key))
                    : DidEthr.parse(issuer);
            Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
            List<StatusEntry> entries = new ArrayList<>();
            if (status) {
                JsonNode receipt = connection.transactions(chain).transact(key, StatusLists.ADDRESS,
                        StatusLists.allocate(issuerDid.address()));
                long index = allocatedIndex(receipt);
                String base = statusBase == null ? connection.origin() : statusBase;
                entries.add(entry(issuerDid, StatusPurpose.REVOCATION, index, base));
                if (suspendable) entries.add(entry(issuerDid, StatusPurpose.SUSPENSION, index, base));
            }
            Optional<Instant> expiry = Optional.ofNullable(expires).map(e -> expiry(e, now));
            if (format.equals("sd-jwt")) {
                out.println(
                        SdJwtVc.issue(issuerDid, types.getFirst(), subject, subjectClaims, holder.get(), now, expiry,
                                entries, key, alg).serialize());
                return 0;
            }
            Issuance issuance = new Issuance(issuerDid, subject, types, subjectClaims, now, expiry, entries,
                    Optional.ofNullable(id));
            out.println(issuance.jwt(key, alg));
            return 0;
        }

        static PublicKey publicKey(String hex) {
            byte[] b;
            try {
                b = org.stele.common.Hex.decodeStrict(hex.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--holder-key is not hex");
            }
            if (b.length == 65 && b[0] == 4) b = java.util.Arrays.copyOfRange(b, 1, 65);
            if (b.length != 64)
                throw new IllegalArgumentException("--holder-key: give the uncompressed public key (64 or 65 bytes)");
            return new PublicKey(Bytes.wrap(b));
        }

        private static StatusEntry entry(DidEthr issuer, StatusPurpose purpose, long index, String base) {
            return new StatusEntry(purpose, index % StatusLists.LIST_SIZE,
                    StatusListUrl.of(issuer.address(), purpose, index).on(base));
        }

        private ObjectNode claims(String text) throws IOException {
            String json = text.startsWith("@") ? Files.readString(Path.of(text.substring(1))) : text;
            JsonNode n;
            try {
                n = Jws.JSON.readTree(json);
            } catch (IOException e) {
                throw new IllegalArgumentException("--claims is not JSON: " + e.getMessage().lines().findFirst()
                        .orElse(""));
            }
            if (!(n instanceof ObjectNode o)) throw new IllegalArgumentException("--claims must be a JSON object");
            if (o.has("id") && !o.get("id").asText().equals(subject))
                throw new IllegalArgumentException("--claims names another subject id than --subject");
            o.remove("id");
            return o;
        }

        private static long allocatedIndex(JsonNode receipt) {
            String topic = Bytes.wrap(Keccak256.hash(StatusLists.INDEX_ALLOCATED.getBytes(StandardCharsets.US_ASCII)))
                    .toHex();
            for (JsonNode log : receipt.path("logs")) {
                if (log.path("address").asText().equalsIgnoreCase(StatusLists.ADDRESS.toHex())
                        && log.path("topics").path(0).asText().equalsIgnoreCase(topic))
                    return Chain.quantity(log.path("topics").path(2)).longValueExact();
            }
            throw new VcException("the allocation's receipt holds no IndexAllocated event");
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a VC-JWT: signature, validity period, status bits, and the trusted issuer as of issuance. Exits 0 when valid, 1 naming the reason.")
    static final class Verify extends Action {
        @Parameters(paramLabel = "JWT", description = "The credential: a VC-JWT, or an SD-JWT VC or presentation (or - for standard input, @FILE for a file).")
        String jwt;

        @Option(names = "--nonce", description = "For a presentation: the nonce the verifier asked for (requires key binding).")
        String nonce;

        @Option(names = "--aud", description = "For a presentation: the verifier's audience (requires key binding).")
        String audience;

        @Override
        int run() throws IOException {
            Chain chain = connection.chain();
            CredentialVerifier verifier = new CredentialVerifier(chain, new TrustRegistry(chain), clock);
            String text = jwtArgument(jwt);
            if (text.contains("~")) {
                try {
                    SdJwtVerifier.Presentation p = new SdJwtVerifier(verifier).verify(text,
                            Optional.ofNullable(nonce), Optional.ofNullable(audience));
                    out.println("valid: " + p.vct() + " issued by " + p.issuer() + (p.holderBound()
                            ? ", presented by its holder"
                            : ", without key binding") + ": " + p.claims());
                    return 0;
                } catch (SdJwtVerifier.Refusal r) {
                    System.err.println("stele vc verify: " + r.refused().line());
                    return 1;
                }
            }
            if (nonce != null || audience != null)
                throw new IllegalArgumentException("--nonce and --aud apply to SD-JWT presentations");
            return switch (verifier.verify(text)) {
                case CredentialVerifier.Verdict.Valid v -> {
                    Credential c = v.credential();
                    out.println("valid: " + (c.types().isEmpty()
                            ? "VerifiableCredential"
                            : String.join(", ",
                                    c.types()))
                            + " issued by " + c.issuer() + " to " + c.subject() + " (signed by "
                            + v.signer().toHex() + ")");
                    yield 0;
                }
                case CredentialVerifier.Verdict.Refused r -> {
                    System.err.println("stele vc verify: " + r.line());
                    yield 1;
                }
            };
        }
    }

    /** Sets or clears one status bit of a credential the key's issuer issued. */
    abstract static class StatusChange extends Action {
        @Parameters(paramLabel = "JWT", description = "The credential (or - for standard input, @FILE for a file).")
        String jwt;

        abstract StatusPurpose purpose();

        abstract boolean set();

        abstract String done();

        @Override
        int run() throws IOException {
            String text = jwtArgument(jwt);
            DidEthr issuerDid;
            List<StatusEntry> entries = new ArrayList<>();
            try {
                if (text.contains("~")) {
                    // an SD-JWT VC or a presentation of one: its status entries are plain claims of the issuer's JWT
                    ObjectNode p = SdJwt.parse(text).jws().payload();
                    issuerDid = DidEthr.parse(p.path("iss").asText(null));
                    JsonNode cs = p.path("credentialStatus");
                    if (cs.isArray()) cs.forEach(e -> entries.add(StatusEntry.of(e)));
                    else if (cs.isObject()) entries.add(StatusEntry.of(cs));
                } else {
                    Credential c = Credential.of(Jws.parse(text));
                    issuerDid = c.issuer();
                    entries.addAll(c.status());
                }
            } catch (VcException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            StatusEntry entry = entries.stream().filter(e -> e.purpose() == purpose()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the credential has no " + purpose().label()
                            + " status entry (issue it with --status" + (purpose() == StatusPurpose.SUSPENSION
                                    ? " --suspendable"
                                    : "")
                            + ")"));
            long index = CredentialVerifier.globalIndex(entry);
            KeyPair key = connection.key();
            Chain chain = connection.chain();
            JsonNode receipt = connection.transactions(chain).transact(key, StatusLists.ADDRESS,
                    StatusLists.setStatus(issuerDid.address(), purpose(), index, set()));
            out.println(done() + ": " + purpose().label() + " bit " + entry.index() + " of "
                    + entry.listCredential() + " (transaction " + receipt.path("transactionHash").asText()
                    + ", block " + Chain.quantity(receipt.get("blockNumber")) + ")");
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a credential for good: sets its revocation bit on chain (the issuer's owner key).")
    static final class Revoke extends StatusChange {
        StatusPurpose purpose() {
            return StatusPurpose.REVOCATION;
        }

        boolean set() {
            return true;
        }

        String done() {
            return "revoked";
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a credential: sets its suspension bit on chain.")
    static final class Suspend extends StatusChange {
        StatusPurpose purpose() {
            return StatusPurpose.SUSPENSION;
        }

        boolean set() {
            return true;
        }

        String done() {
            return "suspended";
        }
    }

    @Command(name = "unsuspend", mixinStandardHelpOptions = true, description = "Lift a credential's suspension: clears its suspension bit on chain.")
    static final class Unsuspend extends StatusChange {
        StatusPurpose purpose() {
            return StatusPurpose.SUSPENSION;
        }

        boolean set() {
            return false;
        }

        String done() {
            return "unsuspended";
        }
    }

    @Command(name = "present", mixinStandardHelpOptions = true, description = "Present an SD-JWT VC: keep only the chosen claims and bind it to the verifier's nonce and audience with the holder's key. Prints the presentation.")
    static final class Present extends Action {
        @Parameters(paramLabel = "SD-JWT", description = "The SD-JWT VC as issued (or - for standard input, @FILE for a file).")
        String credential;

        @Option(names = "--disclose", split = ",", description = "The claims to disclose, comma-separated (none when absent).")
        List<String> disclose = new ArrayList<>();

        @Option(names = "--nonce", required = true, description = "The verifier's challenge.")
        String nonce;

        @Option(names = "--aud", required = true, description = "The verifier (its URL or DID).")
        String audience;

        @Override
        int run() throws IOException {
            SdJwt sd;
            try {
                sd = SdJwt.parse(jwtArgument(credential));
            } catch (VcException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            try {
                out.println(SdJwtVc.present(sd, disclose, connection.key(), nonce, audience,
                        Instant.ofEpochSecond(clock.instant().getEpochSecond())).serialize());
            } catch (VcException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "trust", description = "The chain's trust registry: credential schemas and the issuers admitted for each type (operators of the governance Accounts contract, or the committee).", subcommands = {
            Trust.SchemaCmd.class, Trust.Admit.class, Trust.Remove.class, Trust.Show.class})
    static final class Trust implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        @Command(name = "schema", mixinStandardHelpOptions = true, description = "Set a credential type's credentialSchema: its id and the SHA-256 of its content.")
        static final class SchemaCmd extends Action {
            @Option(names = "--type", required = true)
            String type;

            @Option(names = "--schema-id", required = true, description = "The schema's URL (credentialSchema.id).")
            String schemaId;

            @Option(names = "--schema-file", description = "The schema document: its SHA-256 is recorded.")
            Path schemaFile;

            @Option(names = "--schema-hash", description = "The schema's SHA-256 (0x + 64 hex), instead of --schema-file.")
            String schemaHash;

            @Override
            int run() throws IOException {
                Bytes hash;
                if (schemaFile != null) hash = Bytes.wrap(Es256k.sha256(Files.readAllBytes(schemaFile)));
                else if (schemaHash != null && schemaHash.matches("0x[0-9a-fA-F]{64}"))
                    hash = Bytes.fromHex(schemaHash);
                else
                    throw new IllegalArgumentException("give --schema-file FILE or --schema-hash 0x… (32 bytes)");
                Chain chain = connection.chain();
                JsonNode r = connection.transactions(chain).transact(connection.key(), TrustRegistry.ADDRESS,
                        TrustRegistry.setSchema(type, schemaId, hash));
                out.println("schema of " + type + ": " + schemaId + " " + hash.toHex() + " (transaction "
                        + r.path("transactionHash").asText() + ")");
                return 0;
            }
        }

        @Command(name = "admit", mixinStandardHelpOptions = true, description = "Admit an issuer for a credential type from the next block on.")
        static final class Admit extends Action {
            @Option(names = "--issuer", required = true, description = "The issuer's DID or address.")
            String issuer;

            @Option(names = "--type", required = true)
            String type;

            @Override
            int run() throws IOException {
                Chain chain = connection.chain();
                JsonNode r = connection.transactions(chain).transact(connection.key(), TrustRegistry.ADDRESS,
                        TrustRegistry.admit(issuerAddress(issuer), type));
                out.println("admitted " + issuer + " for " + type + " (transaction "
                        + r.path("transactionHash").asText() + ")");
                return 0;
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "End an issuer's admission for a type; what it issued before stays trusted.")
        static final class Remove extends Action {
            @Option(names = "--issuer", required = true, description = "The issuer's DID or address.")
            String issuer;

            @Option(names = "--type", required = true)
            String type;

            @Override
            int run() throws IOException {
                Chain chain = connection.chain();
                JsonNode r = connection.transactions(chain).transact(connection.key(), TrustRegistry.ADDRESS,
                        TrustRegistry.remove(issuerAddress(issuer), type));
                out.println("removed " + issuer + " for " + type + " (transaction "
                        + r.path("transactionHash").asText() + ")");
                return 0;
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true, description = "A type's schema and, with --issuer, the issuer's admission periods.")
        static final class Show extends Action {
            @Option(names = "--issuer", description = "The issuer's DID or address.")
            String issuer;

            @Option(names = "--type", required = true)
            String type;

            @Override
            int run() {
                TrustRegistry registry = new TrustRegistry(connection.chain());
                out.println(registry.schema(type).map(s -> "schema of " + type + ": " + s.id() + " "
                        + s.contentHash().toHex()).orElse("no schema for " + type));
                if (issuer != null) {
                    List<Instant[]> periods = registry.periods(issuerAddress(issuer), type);
                    if (periods.isEmpty()) out.println(issuer + " was never admitted for " + type);
                    for (Instant[] p : periods)
                        out.println(issuer + " admitted for " + type + " from " + p[0]
                                + (p.length > 1 ? " until " + p[1] : " (still admitted)"));
                }
                return 0;
            }
        }

        static Address issuerAddress(String text) {
            if (text.matches("0x[0-9a-fA-F]{40}")) return Address.fromHex(text);
            try {
                return DidEthr.parse(text).address();
            } catch (VcException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

}
