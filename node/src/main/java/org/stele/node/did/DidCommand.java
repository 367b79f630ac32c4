package org.stele.node.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stele.apps.identity.DidRegistry;
import org.stele.apps.identity.cli.RegistryChange;
import org.stele.apps.identity.resolver.DidResolution;
import org.stele.apps.identity.relay.DidRelayer;
import org.stele.apps.identity.resolver.DidResolver;
import org.stele.apps.identity.vc.Abi;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.ContractErrors;
import org.stele.apps.identity.vc.HttpJsonRpc;
import org.stele.apps.identity.vc.RpcErrorAnswer;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.node.cli.common.CommandErrors;
import org.stele.node.cli.common.RpcOption;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.keys.Web3Keystore;
import org.stele.node.vc.VcTransactions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele did}: did:ethr identities in the ERC-1056 registry every Stele chain holds (docs/identity.md). A change
 * is sent by the identity's owner ({@code --key-file}), or signed by the owner and relayed through the registry's
 * {@code *Signed} function by the account of {@code --relay-key-file}, which pays the gas, or by a node's relayer
 * ({@code --relay URL}, JSON-RPC {@code did_relay}), whose operator pays it. Exit status: 0 done, 1 the
 * registry refused or the node could not be reached (one line on stderr), 2 a bad argument.
 */
@Command(name = "did", mixinStandardHelpOptions = true, description = "did:ethr identities: create, show, change (keys, services, delegates, owner), deactivate, resolve (docs/identity.md).", subcommands = {
        DidCommand.Create.class, DidCommand.Show.class, DidCommand.AddKey.class, DidCommand.AddService.class,
        DidCommand.AddDelegate.class, DidCommand.RevokeDelegate.class, DidCommand.ChangeOwner.class,
        DidCommand.Deactivate.class, DidCommand.Resolve.class})
public final class DidCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    /** How long a change sent here is waited for until it is in a block. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A refusal or an unreachable node: said in one line, exit status 1. */
    static final class DidException extends RuntimeException {
        DidException(String message) {
            super(message);
        }
    }

    /** Who signs a change: the owner, and optionally a relayer who sends it. */
    static final class Signers {
        @Option(names = "--key-file", required = true, description = "The identity owner's key: hex (with or without 0x) or a web3 keystore.")
        Path keyFile;

        @Option(names = "--passphrase-file", description = "The passphrase of a keystore key file.")
        Path passphraseFile;

        @Option(names = "--relay-key-file", description = "Relay the owner's signed change from this account, which pays the gas (the registry's *Signed functions).")
        Path relayKeyFile;

        @Option(names = "--relay", paramLabel = "URL", description = "Relay the owner's signed change gas-free through the did_relay JSON-RPC method of the node at URL (stele dev serves it; stele node with did-relay-key-file).")
        URI relay;

        @Option(names = "--identity", description = "The identity to change, as an address or a did:ethr DID (default: the key file's address).")
        String identity;

        KeyPair owner() {
            return load(keyFile, passphraseFile);
        }

        Optional<KeyPair> relayer() {
            return Optional.ofNullable(relayKeyFile).map(f -> load(f, passphraseFile));
        }

        Address identity() {
            return identity == null ? SUITE.address(owner().publicKey()) : parseIdentity(identity);
        }
    }

    static KeyPair load(Path file, Path passphraseFile) {
        try {
            return NodeKeyFile.loadWithPassphraseFile(file, passphraseFile);
        } catch (KeyFileException e) {
            throw new DidException(e.getMessage());
        }
    }

    /** An address, or the address of a did:ethr DID (its last colon-separated part). */
    static Address parseIdentity(String text) {
        String last = text.substring(text.lastIndexOf(':') + 1);
        try {
            return Address.fromHex(last);
        } catch (IllegalArgumentException e) {
            throw new DidException("not an address or a did:ethr DID with an address: " + text);
        }
    }

    static String did(long chainId, Address address) {
        return "did:ethr:0x" + Long.toHexString(chainId) + ":" + address.toChecksumHex();
    }

    /**
     * Runs a subcommand's body, turning refusals into one line on stderr and exit status 1, and a bad argument found
     * there (an --rpc that is no http URL) into one line and exit status 2.
     */
    static int run(CommandErrors.Body body) {
        return CommandErrors.run("stele did: ", body, CommandErrors::usual);
    }

    /** The registry over the node's JSON-RPC: its reads name the registry's custom errors. */
    static Chain chain(RpcOption node) {
        return new Chain(new HttpJsonRpc(node.uri()), new ContractErrors(DidRelayer.ERRORS));
    }

    /** A registry view function of one address, answered at the head. */
    static Bytes read(Chain chain, String function, Address argument) {
        return chain.call(DidRegistry.ADDRESS, Abi.call(function + "(address)", argument));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a new key and print its DID on the node's chain; --key-file writes the key (hex, mode 0600, never overwritten).")
    static final class Create implements Callable<Integer> {
        @Mixin
        RpcOption node;

        @Option(names = "--key-file", required = true, description = "Where to write the new key.")
        Path keyFile;

        @Override
        public Integer call() {
            return run(() -> {
                long chainId = chain(node).chainId();
                KeyPair key = SUITE.generateKeyPair(new SecureRandom());
                try {
                    NodeKeyFile.write(keyFile, key, Optional.empty(), Web3Keystore.Params.STANDARD, new SecureRandom());
                } catch (KeyFileException e) {
                    throw new DidException(e.getMessage());
                }
                System.out.println(did(chainId, SUITE.address(key.publicKey())));
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print an identity's DID and registry state: owner, last change, nonce.")
    static final class Show implements Callable<Integer> {
        @Mixin
        RpcOption node;

        @Option(names = "--key-file", description = "The identity's key (its address is the identity).")
        Path keyFile;

        @Option(names = "--passphrase-file", description = "The passphrase of a keystore key file.")
        Path passphraseFile;

        @Parameters(arity = "0..1", paramLabel = "IDENTITY", description = "An address or did:ethr DID (instead of --key-file).")
        String identity;

        @Override
        public Integer call() {
            if ((keyFile == null) == (identity == null))
                throw new CommandLine.ParameterException(new CommandLine(this), "give IDENTITY or --key-file");
            return run(() -> {
                Chain chain = chain(node);
                Address address = identity != null
                        ? parseIdentity(identity)
                        : SUITE.address(load(keyFile, passphraseFile).publicKey());
                Address owner = Address.fromWord(Bytes32.of(read(chain, "identityOwner", address)));
                ObjectNode out = JSON.createObjectNode().put("did", did(chain.chainId(), address))
                        .put("identity", address.toChecksumHex()).put("owner", owner.toChecksumHex())
                        .put("deactivated", owner.equals(Address.ZERO))
                        .put("changed",
                                new BigInteger(1, read(chain, "changed", address).unsafeArray()).longValueExact())
                        .put("ownerNonce", new BigInteger(1, read(chain, "nonce", owner).unsafeArray()));
                System.out.println(JSON.writeValueAsString(out));
                return 0;
            });
        }
    }

    /** A subcommand that changes an identity; the change is sent directly or relayed. */
    abstract static class Change implements Callable<Integer> {
        @Mixin
        RpcOption node;

        @Mixin
        Signers signers;

        abstract RegistryChange change();

        @Override
        public Integer call() {
            RegistryChange change = change();
            return run(() -> {
                Chain chain = chain(node);
                KeyPair owner = signers.owner();
                Address identity = signers.identity();
                Optional<KeyPair> relayer = signers.relayer();
                if (signers.relay != null) {
                    if (relayer.isPresent())
                        throw new CommandLine.ParameterException(new CommandLine(this),
                                "give --relay or --relay-key-file, not both");
                    Address signer = SUITE.address(owner.publicKey());
                    BigInteger nonce = new BigInteger(1, read(chain, "nonce", signer).unsafeArray());
                    Bytes data = change.signedCall(identity, SUITE.sign(change.signedHash(identity, nonce), owner));
                    JsonNode done = relay(signers.relay, data);
                    System.out.println(change.name() + " (relayed by " + signers.relay + ") of "
                            + did(chain.chainId(), identity) + ": transaction " + done.get("transaction").asText()
                            + " in block " + done.get("block").asLong());
                    return 0;
                }
                Bytes data;
                KeyPair sender;
                if (relayer.isPresent()) {
                    Address signer = SUITE.address(owner.publicKey());
                    BigInteger nonce = new BigInteger(1, read(chain, "nonce", signer).unsafeArray());
                    data = change.signedCall(identity, SUITE.sign(change.signedHash(identity, nonce), owner));
                    sender = relayer.get();
                } else {
                    data = change.call(identity);
                    sender = owner;
                }
                JsonNode receipt = new VcTransactions(chain, WAIT).transact(sender, DidRegistry.ADDRESS, data);
                System.out.println(change.name() + (relayer.isPresent() ? " (relayed)" : "") + " of "
                        + did(chain.chainId(), identity) + ": transaction " + receipt.get("transactionHash").asText()
                        + " in block " + Long.decode(receipt.get("blockNumber").asText()));
                return 0;
            });
        }
    }

    /** Sends a signed change to the relayer at {@code relay} (did_relay); its refusal is said with its reason. */
    static JsonNode relay(URI relay, Bytes signedCall) {
        try {
            return new HttpJsonRpc(relay).call("did_relay", signedCall.toHex());
        } catch (RpcErrorAnswer e) {
            throw new DidException("the relayer at " + relay + " refuses" + (e.data().isEmpty()
                    ? ""
                    : " (" + e.data()
                            + ")")
                    + ": " + e.errorMessage());
        }
    }

    static BigInteger validity(long seconds) {
        if (seconds <= 0)
            throw new CommandLine.ParameterException(new CommandLine(new DidCommand()),
                    "--validity is a number of seconds above 0");
        return BigInteger.valueOf(seconds);
    }

    @Command(name = "add-key", mixinStandardHelpOptions = true, description = "Add a public key (attribute did/pub/<algorithm>/<purpose>/<encoding>).")
    static final class AddKey extends Change {
        @Option(names = "--algorithm", defaultValue = "Secp256k1", description = "Secp256k1, Ed25519, X25519, RSA (default ${DEFAULT-VALUE}).")
        String algorithm;

        @Option(names = "--purpose", defaultValue = "veriKey", description = "veriKey (assertion), sigAuth (authentication too) or enc (key agreement); default ${DEFAULT-VALUE}.")
        String purpose;

        @Option(names = "--encoding", defaultValue = "hex", description = "How resolvers show it: hex, base64 or base58 (default ${DEFAULT-VALUE}).")
        String encoding;

        @Option(names = "--public-key", required = true, description = "The key's bytes as hex.")
        String publicKey;

        @Option(names = "--validity", defaultValue = "31536000", description = "Seconds it stays valid (default ${DEFAULT-VALUE}).")
        long validity;

        @Override
        RegistryChange change() {
            if (!List.of("veriKey", "sigAuth", "enc").contains(purpose) || !List.of("hex", "base64", "base58")
                    .contains(encoding) || !algorithm.matches("\\w+"))
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--purpose is veriKey, sigAuth or enc; --encoding hex, base64 or base58; --algorithm a word");
            return new RegistryChange.SetAttribute(
                    RegistryChange.name("did/pub/" + algorithm + "/" + purpose + "/" + encoding), hex(publicKey, this),
                    validity(validity));
        }
    }

    @Command(name = "add-service", mixinStandardHelpOptions = true, description = "Add a service endpoint (attribute did/svc/<type>).")
    static final class AddService extends Change {
        @Option(names = "--type", required = true, description = "The service type, e.g. HubService or LinkedDomains.")
        String type;

        @Option(names = "--endpoint", required = true, description = "The endpoint: a URL, or JSON.")
        String endpoint;

        @Option(names = "--validity", defaultValue = "31536000", description = "Seconds it stays valid (default ${DEFAULT-VALUE}).")
        long validity;

        @Override
        RegistryChange change() {
            if (!type.matches("\\w+"))
                throw new CommandLine.ParameterException(new CommandLine(this), "--type is one word of [A-Za-z0-9_]");
            return new RegistryChange.SetAttribute(RegistryChange.name("did/svc/" + type),
                    Bytes.wrap(endpoint.getBytes(StandardCharsets.UTF_8)), validity(validity));
        }
    }

    @Command(name = "add-delegate", mixinStandardHelpOptions = true, description = "Add a delegate address: veriKey (signs assertions) or sigAuth (authenticates too).")
    static final class AddDelegate extends Change {
        @Option(names = "--delegate", required = true, description = "The delegate's address.")
        String delegate;

        @Option(names = "--delegate-type", defaultValue = "veriKey", description = "veriKey or sigAuth (default ${DEFAULT-VALUE}).")
        String delegateType;

        @Option(names = "--validity", defaultValue = "31536000", description = "Seconds it stays valid (default ${DEFAULT-VALUE}).")
        long validity;

        @Override
        RegistryChange change() {
            return new RegistryChange.AddDelegate(RegistryChange.name(delegateType), address(delegate, this),
                    validity(validity));
        }
    }

    @Command(name = "revoke-delegate", mixinStandardHelpOptions = true, description = "Revoke a delegate.")
    static final class RevokeDelegate extends Change {
        @Option(names = "--delegate", required = true, description = "The delegate's address.")
        String delegate;

        @Option(names = "--delegate-type", defaultValue = "veriKey", description = "veriKey or sigAuth (default ${DEFAULT-VALUE}).")
        String delegateType;

        @Override
        RegistryChange change() {
            return new RegistryChange.RevokeDelegate(RegistryChange.name(delegateType), address(delegate, this));
        }
    }

    @Command(name = "change-owner", mixinStandardHelpOptions = true, description = "Give the identity to a new owner, who signs its changes from then on.")
    static final class ChangeOwner extends Change {
        @Option(names = "--new-owner", required = true, description = "The new owner's address.")
        String newOwner;

        @Override
        RegistryChange change() {
            Address a = address(newOwner, this);
            if (a.equals(Address.ZERO))
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--new-owner 0x0 would deactivate the DID for ever: use stele did deactivate");
            return new RegistryChange.ChangeOwner(a);
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Deactivate the DID for ever (owner set to address 0).")
    static final class Deactivate extends Change {
        @Override
        RegistryChange change() {
            return new RegistryChange.ChangeOwner(Address.ZERO);
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve a did:ethr DID over the node's JSON-RPC, as the node's /1.0/identifiers/ endpoint does; prints the DID Resolution Result.")
    static final class Resolve implements Callable<Integer> {
        @Mixin
        RpcOption node;

        @Parameters(paramLabel = "DID", description = "The DID, or a DID URL with ?versionId= or ?versionTime=.")
        String did;

        @Option(names = "--version-id", description = "The DID as of this block.")
        String versionId;

        @Option(names = "--version-time", description = "The DID as of this time (ISO 8601): the last block at or before it.")
        String versionTime;

        @Override
        public Integer call() {
            return run(() -> {
                Map<String, String> options = new LinkedHashMap<>();
                if (versionId != null)
                    options.put("versionId", versionId);
                if (versionTime != null)
                    options.put("versionTime", versionTime);
                DidResolution r = new DidResolver(new HttpJsonRpc(node.uri()).didChain(), InstantSource.system())
                        .resolve(did, options);
                System.out.println(JSON.writeValueAsString(r.result()));
                if (r.outcome().error() != null) {
                    System.err.println("stele did: " + r.outcome().error() + ": "
                            + r.result().at("/didResolutionMetadata/message").asText());
                    return 1;
                }
                return 0;
            });
        }
    }

    static Address address(String text, Object command) {
        try {
            return Address.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(command), "not an address: " + text);
        }
    }

    static Bytes hex(String text, Object command) {
        try {
            return Bytes.fromHex(text.startsWith("0x") ? text : "0x" + text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(command), "not hex: " + text);
        }
    }
}
