package org.stele.node.gov;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.governance.Roles;
import org.stele.governance.SystemContract;
import org.stele.node.cli.common.CommandErrors;
import org.stele.node.cli.common.RpcOption;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele gov}: proposals, votes and the governance history of a chain, through one of its nodes. */
@Command(name = "gov", description = "On-chain governance: propose, vote, list, show, history, and shortcuts that propose (and vote yes).", subcommands = {
        GovCommand.Propose.class, GovCommand.Vote.class, GovCommand.ListProposals.class, GovCommand.Show.class,
        GovCommand.History.class, GovCommand.AddValidator.class, GovCommand.RemoveValidator.class,
        GovCommand.AdmitNode.class, GovCommand.RemoveNode.class, GovCommand.Freeze.class, GovCommand.Unfreeze.class,
        GovCommand.SetParam.class, GovCommand.Grant.class, GovCommand.Revoke.class,
        GovCommand.RevokeTokens.class})
public final class GovCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** QBFT tolerates f faults among 3f+1: under four validators it tolerates none. */
    static final int SAFE_VALIDATORS = ValidatorRails.SAFE_VALIDATORS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The node to talk to, the key to sign with, the output form. */
    static final class Connection {
        @Mixin
        RpcOption rpc;

        @Option(names = "--key", description = "The governor's key file (hex or web3 v3 keystore); keys are never given as flags.")
        Path key;

        @Option(names = "--passphrase-file", description = "The keystore's passphrase file.")
        Path passphraseFile;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--wait", description = "Seconds to wait for a transaction to be final (default: ${DEFAULT-VALUE}).")
        long waitSeconds = 60;

        private KeyPair loaded;

        /** The node, with the key's account token on every call when a key is given (a node may require one). */
        GovRpc rpc() {
            return new GovRpc(rpc.uri(), Duration.ofSeconds(waitSeconds), key == null ? null : key());
        }

        KeyPair key() {
            if (key == null)
                throw new GovException("give the governor's key file with --key");
            if (loaded != null) return loaded;
            try {
                loaded = NodeKeyFile.loadWithPassphraseFile(key, passphraseFile);
                return loaded;
            } catch (KeyFileException e) {
                throw new GovException(e.getMessage());
            }
        }
    }

    /** Runs a subcommand: a one-line error and status 1 for what went wrong, never a stack trace. */
    abstract static class Step implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Override
        public final Integer call() {
            return CommandErrors.run("stele gov: ", () -> {
                print(run(connection.rpc()));
                return 0;
            }, CommandErrors::refused);
        }

        abstract Object run(GovRpc rpc);

        void print(Object result) {
            if (connection.json) {
                try {
                    System.out.println(JSON.writeValueAsString(result));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new GovException(e.getMessage());
                }
                return;
            }
            if (result instanceof List<?> rows) {
                for (Object row : rows)
                    System.out.println(line(row));
                if (rows.isEmpty())
                    System.out.println("(none)");
            } else
                System.out.println(line(result));
        }

        private static String line(Object row) {
            if (row instanceof Map<?, ?> m) {
                StringBuilder s = new StringBuilder();
                m.forEach((k, v) -> s.append(s.isEmpty() ? "" : "  ").append(k).append('=').append(v));
                return s.toString();
            }
            return String.valueOf(row);
        }
    }

    /** Proposes {@code data} to {@code target}; with {@code voteYes}, votes yes at once. Answers what happened. */
    static Map<String, Object> propose(GovRpc rpc, KeyPair key, SystemContract target, Bytes data, String description,
            boolean voteYes) {
        return propose(rpc, key, target.address(), target.contractName(), data, description, voteYes);
    }

    /** The identity application's trust registry, which proposals may call besides the system contracts. */
    static final Address TRUST_REGISTRY = Address.fromHex("0x0000000000000000000000000000000000005101");

    private static Map<String, Object> propose(GovRpc rpc, KeyPair key, Address target, String targetName, Bytes data,
            String description, boolean voteYes) {
        JsonNode receipt = rpc.transact(key, SystemContract.COMMITTEE.address(),
                SdkCalls.propose(target, data, description));
        requireSuccess(receipt, "propose");
        GovEvents.Event created = new GovEvents().decode(receipt.get("logs")).stream()
                .filter(e -> e.name().equals("ProposalCreated")).findFirst()
                .orElseThrow(() -> new GovException("the proposal's receipt has no ProposalCreated event"));
        long id = Long.parseLong(created.args().get("id"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("proposal", id);
        out.put("target", targetName);
        out.put("deadline", created.args().get("deadline"));
        out.put("transaction", receipt.get("transactionHash").asText());
        if (voteYes)
            out.putAll(vote(rpc, key, id, true));
        return out;
    }

    static Map<String, Object> vote(GovRpc rpc, KeyPair key, long id, boolean support) {
        JsonNode receipt = rpc.transact(key, SystemContract.COMMITTEE.address(), SdkCalls.vote(id, support));
        requireSuccess(receipt, "vote");
        boolean executed = new GovEvents().decode(receipt.get("logs")).stream()
                .anyMatch(e -> e.name().equals("ProposalExecuted"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("voted", support ? "yes" : "no");
        out.put("executed", executed);
        out.put("voteTransaction", receipt.get("transactionHash").asText());
        return out;
    }

    private static void requireSuccess(JsonNode receipt, String what) {
        if (!"0x1".equals(receipt.path("status").asText()))
            throw new GovException(what + " reverted in transaction " + receipt.path("transactionHash").asText()
                    + " (run the same call with eth_call to read the custom error)");
    }

    /** Every proposal, from the committee's events, with its state now. */
    static List<Map<String, Object>> proposals(GovRpc rpc) {
        List<GovEvents.Event> events = new GovEvents().decode(rpc.logs(List.of(SystemContract.COMMITTEE.address())));
        long head = GovRpc.quantity(rpc.call("eth_blockNumber")).longValueExact();
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (GovEvents.Event e : events) {
            String id = e.args().get("id");
            switch (e.name()) {
                case "ProposalCreated" -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", Long.parseLong(id));
                    p.put("target", GovEvents.contractName(Address.fromHex(e.args().get("target"))));
                    p.put("description", e.args().get("description"));
                    p.put("proposer", e.args().get("proposer"));
                    p.put("deadline", Long.parseLong(e.args().get("deadline")));
                    p.put("state", Long.parseLong(e.args().get("deadline")) >= head ? "open" : "expired");
                    p.put("yes", 0L);
                    p.put("no", 0L);
                    p.put("data", e.args().get("data"));
                    byId.put(id, p);
                }
                case "Voted" -> {
                    Map<String, Object> p = byId.get(id);
                    if (p != null) {
                        String side = Boolean.parseBoolean(e.args().get("support")) ? "yes" : "no";
                        p.put(side, (Long) p.get(side) + Long.parseLong(e.args().get("weight")));
                    }
                }
                case "ProposalExecuted" -> {
                    Map<String, Object> p = byId.get(id);
                    if (p != null)
                        p.put("state", "executed");
                }
                default -> {
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    @Command(name = "propose", mixinStandardHelpOptions = true, description = "Propose a call to a system contract (ABI-encoded --data).")
    static final class Propose extends Step {
        @Option(names = "--target", required = true, description = "Committee, Validators, NodeAllowlist, Accounts, Freezes, Parameters or TrustRegistry (or its address).")
        String target;

        @Option(names = "--data", required = true, description = "The call's ABI-encoded data (hex).")
        String data;

        @Option(names = "--description", defaultValue = "", description = "What the proposal is for.")
        String description;

        @Override
        Object run(GovRpc rpc) {
            if (target.equalsIgnoreCase("TrustRegistry") || target.equalsIgnoreCase(TRUST_REGISTRY.toHex()))
                return propose(rpc, connection.key(), TRUST_REGISTRY, "TrustRegistry", Bytes.fromHex(data), description,
                        false);
            SystemContract contract = Arrays.stream(SystemContract.values())
                    .filter(c -> c.contractName().equalsIgnoreCase(target)
                            || c.address().toHex().equalsIgnoreCase(target))
                    .findFirst().orElseThrow(() -> new GovException("--target " + target
                            + " is not a system contract: Committee, Validators, NodeAllowlist, Accounts, Freezes, Parameters, TrustRegistry"));
            return propose(rpc, connection.key(), contract, Bytes.fromHex(data), description, false);
        }
    }

    @Command(name = "vote", mixinStandardHelpOptions = true, description = "Vote on a proposal with the key's whole weight.")
    static final class Vote extends Step {
        @Parameters(index = "0", description = "The proposal's id.")
        long id;

        @Option(names = "--no", description = "Vote against (default: for).")
        boolean against;

        @Override
        Object run(GovRpc rpc) {
            return vote(rpc, connection.key(), id, !against);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every proposal and its state: open, executed or expired.")
    static final class ListProposals extends Step {
        @Override
        Object run(GovRpc rpc) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> p : proposals(rpc)) {
                Map<String, Object> row = new LinkedHashMap<>(p);
                row.remove("data");
                out.add(row);
            }
            return out;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One proposal: its call, votes and state.")
    static final class Show extends Step {
        @Parameters(index = "0", description = "The proposal's id.")
        long id;

        @Override
        Object run(GovRpc rpc) {
            return proposals(rpc).stream().filter(p -> p.get("id").equals(id)).findFirst()
                    .orElseThrow(() -> new GovException("no proposal " + id));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every governance event (the system contracts' and the trust registry's), oldest first.")
    static final class History extends Step {
        @Override
        Object run(GovRpc rpc) {
            List<Map<String, Object>> out = new ArrayList<>();
            List<Address> contracts = new ArrayList<>(
                    Arrays.stream(SystemContract.values()).map(SystemContract::address).toList());
            contracts.add(TRUST_REGISTRY);
            for (GovEvents.Event e : new GovEvents().decode(rpc.logs(contracts))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("block", e.block());
                row.put("contract", e.contract());
                row.put("event", e.name());
                row.putAll(e.args());
                row.put("transaction", e.transaction());
                out.add(row);
            }
            return out;
        }
    }

    /** A shortcut: proposes one change and votes yes with the same key. */
    abstract static class Shortcut extends Step {
        @Option(names = "--description", defaultValue = "", description = "What the proposal is for.")
        String description;

        abstract SystemContract target();

        abstract Bytes data(GovRpc rpc);

        @Override
        Object run(GovRpc rpc) {
            Bytes data = data(rpc);
            return propose(rpc, connection.key(), target(), data, description, true);
        }
    }

    static List<Address> validators(GovRpc rpc) {
        Bytes out = rpc.ethCall(SystemContract.VALIDATORS.address(), SdkCalls.getValidators());
        int n = new BigInteger(1, out.slice(32, 32).toArray()).intValueExact();
        List<Address> list = new ArrayList<>();
        for (int i = 0; i < n; i++)
            list.add(Address.wrap(out.slice(64 + 32 * i + 12, 20).toArray()));
        return list;
    }

    /** The open proposals whose call is {@code data} to {@code target}, oldest first. */
    static List<Long> openProposals(GovRpc rpc, SystemContract target, java.util.function.Predicate<Bytes> data) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> p : proposals(rpc))
            if ("open".equals(p.get("state")) && target.contractName().equals(p.get("target"))
                    && data.test(Bytes.fromHex(String.valueOf(p.get("data")))))
                ids.add((Long) p.get("id"));
        return ids;
    }

    private static boolean isAdmitted(GovRpc rpc, Address node) {
        Bytes out = rpc.ethCall(SystemContract.NODE_ALLOWLIST.address(),
                SdkCalls.isAllowed(node));
        return out.size() == 32 && out.get(31) != 0;
    }

    private static boolean hasVoted(GovRpc rpc, long id, Address governor) {
        Bytes out = rpc.ethCall(SystemContract.COMMITTEE.address(), SdkCalls.voteOf(id, governor));
        return !new BigInteger(1, out.toArray()).equals(BigInteger.ZERO);
    }

    private static Map<String, Object> step(String step, String state, Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", step);
        out.put("state", state);
        out.putAll(details);
        return out;
    }

    @Command(name = "add-validator", mixinStandardHelpOptions = true, description = "Walk the safe order: admit the validator's node (propose and vote, or say what votes are awaited), wait until it is a connected peer synced to the head, then propose it as a validator; reports each step.")
    static final class AddValidator extends Step {
        @Parameters(index = "0", description = "The validator's address (its node key's).")
        String address;

        @Option(names = "--description", defaultValue = "", description = "What the proposals are for.")
        String description;

        @Option(names = "--sync-timeout", description = "Seconds to wait for the node to connect and sync (default: ${DEFAULT-VALUE}).")
        long syncTimeoutSeconds = 120;

        @Option(names = "--node-rpc", description = "The new validator's own JSON-RPC URL, to read its head; without it, the head its node announced when it connected.")
        java.net.URI nodeRpc;

        @Override
        Object run(GovRpc rpc) {
            Address v = Address.fromHex(address);
            if (validators(rpc).contains(v))
                throw new GovException(v.toChecksumHex() + " is a validator already");
            KeyPair key = connection.key();
            Address governor = org.stele.node.wiring.NodeServices.SUITE.address(key.publicKey());
            List<Map<String, Object>> steps = new ArrayList<>();
            if (isAdmitted(rpc, v)) {
                steps.add(step("admit", "done", Map.of("node", v.toChecksumHex())));
            } else {
                Bytes admit = SdkCalls.admitNode(v);
                List<Long> open = openProposals(rpc, SystemContract.NODE_ALLOWLIST, admit::equals);
                Map<String, Object> acted;
                if (open.isEmpty())
                    acted = propose(rpc, key, SystemContract.NODE_ALLOWLIST, admit, description, true);
                else if (!hasVoted(rpc, open.getFirst(), governor))
                    acted = new LinkedHashMap<>(Map.of("proposal", open.getFirst()));
                else
                    acted = new LinkedHashMap<>(Map.of("proposal", open.getFirst(), "voted", "before"));
                if (!open.isEmpty() && !acted.containsKey("voted"))
                    acted.putAll(vote(rpc, key, open.getFirst(), true));
                if (!isAdmitted(rpc, v)) {
                    steps.add(step("admit", "awaiting votes", acted));
                    steps.add(step("validator", "not proposed", Map.of("next", "once proposal " + acted.get("proposal")
                            + " executes, run stele gov add-validator " + v.toChecksumHex() + " again")));
                    return steps;
                }
                steps.add(step("admit", "done", acted));
            }
            try {
                steps.add(step("sync", "done", awaitSynced(rpc, v)));
            } catch (GovException e) {
                print(steps); // what was done before the refusal
                throw e;
            }
            steps.add(step("validator", "proposed",
                    propose(rpc, key, SystemContract.VALIDATORS, SdkCalls.addValidator(v), description, true)));
            return steps;
        }

        /** Waits until {@code v} is a connected peer at the head (one block behind at most), or refuses. */
        private Map<String, Object> awaitSynced(GovRpc rpc, Address v) {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(syncTimeoutSeconds).toNanos();
            String why;
            while (true) {
                long head = GovRpc.quantity(rpc.call("eth_blockNumber")).longValueExact();
                JsonNode peer = null;
                for (JsonNode p : rpc.call("admin_peers"))
                    if (p.path("id").asText().equalsIgnoreCase(v.toHex()))
                        peer = p;
                if (peer == null) {
                    why = "is admitted but not a connected peer of the node at " + connection.rpc.url() + " (head "
                            + head
                            + ")";
                } else {
                    long theirs = nodeRpc != null
                            ? GovRpc.quantity(
                                    new GovRpc(nodeRpc, java.time.Duration.ofSeconds(1)).call("eth_blockNumber"))
                                    .longValueExact()
                            : peer.path("protocols").path("stele").path("headNumber").asLong();
                    if (theirs >= head - 1)
                        return new LinkedHashMap<>(Map.of("peer", v.toChecksumHex(), "head", theirs, "ours", head));
                    why = "is a connected peer at block " + theirs + " of " + head
                            + (nodeRpc != null
                                    ? ""
                                    : " (the head it announced when it connected; give --node-rpc to read its own)");
                }
                if (System.nanoTime() >= deadline)
                    throw new GovException("refused: " + v.toChecksumHex() + " " + why + " after " + syncTimeoutSeconds
                            + " s; a validator that cannot sign halts a chain whose quorum needs it: start its node, "
                            + "let it sync, then run this again");
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GovException("interrupted while waiting for " + v.toChecksumHex() + " to sync");
                }
            }
        }
    }

    @Command(name = "remove-validator", mixinStandardHelpOptions = true, description = "Propose removing a validator; refused when fewer than 4 would remain (unless --allow-below-four), or when the open removals and this one are more than the set goes on without.")
    static final class RemoveValidator extends Shortcut {
        @Parameters(index = "0", description = "The validator's address.")
        String address;

        @Option(names = "--allow-below-four", description = "Remove even though fewer than 4 validators remain (no fault tolerated).")
        boolean allowBelowFour;

        @Override
        SystemContract target() {
            return SystemContract.VALIDATORS;
        }

        @Override
        Bytes data(GovRpc rpc) {
            Address v = Address.fromHex(address);
            List<Address> now = validators(rpc);
            if (!now.contains(v))
                throw new GovException(v.toChecksumHex() + " is not a validator");
            Bytes removal = SdkCalls.removeValidator(v);
            Bytes selector = removal.slice(0, 4);
            List<Long> pending = openProposals(rpc, SystemContract.VALIDATORS,
                    d -> d.size() >= 4 && d.slice(0, 4).equals(selector));
            ValidatorRails.removal(now.size(), pending, allowBelowFour).ifPresent(refusal -> {
                throw new GovException(refusal);
            });
            return removal;
        }
    }

    /** A shortcut taking one address. */
    abstract static class AddressShortcut extends Shortcut {
        @Parameters(index = "0", description = "The address.")
        String address;

        Address address() {
            return Address.fromHex(address);
        }
    }

    @Command(name = "admit-node", mixinStandardHelpOptions = true, description = "Propose admitting a node key to the network.")
    static final class AdmitNode extends AddressShortcut {
        SystemContract target() {
            return SystemContract.NODE_ALLOWLIST;
        }

        Bytes data(GovRpc rpc) {
            return SdkCalls.admitNode(address());
        }
    }

    @Command(name = "remove-node", mixinStandardHelpOptions = true, description = "Propose removing a node key: its connections are closed.")
    static final class RemoveNode extends AddressShortcut {
        SystemContract target() {
            return SystemContract.NODE_ALLOWLIST;
        }

        Bytes data(GovRpc rpc) {
            return SdkCalls.removeNode(address());
        }
    }

    @Command(name = "freeze", mixinStandardHelpOptions = true, description = "Propose freezing an account or contract.")
    static final class Freeze extends AddressShortcut {
        @Option(names = "--reason", defaultValue = "", description = "Recorded in the Frozen event.")
        String reason;

        SystemContract target() {
            return SystemContract.FREEZES;
        }

        Bytes data(GovRpc rpc) {
            return SdkCalls.freeze(address(), reason);
        }
    }

    @Command(name = "unfreeze", mixinStandardHelpOptions = true, description = "Propose unfreezing an account or contract.")
    static final class Unfreeze extends AddressShortcut {
        SystemContract target() {
            return SystemContract.FREEZES;
        }

        Bytes data(GovRpc rpc) {
            return SdkCalls.unfreeze(address());
        }
    }

    @Command(name = "set-param", mixinStandardHelpOptions = true, description = "Propose a parameter: block-gas-limit, min-gas-price, max-tx-size or block-period-ms.")
    static final class SetParam extends Shortcut {
        @Parameters(index = "0", description = "block-gas-limit, min-gas-price, max-tx-size or block-period-ms.")
        String name;

        @Parameters(index = "1", description = "The value.")
        BigInteger value;

        SystemContract target() {
            return SystemContract.PARAMETERS;
        }

        Bytes data(GovRpc rpc) {
            return switch (name) {
                case "block-gas-limit" -> SdkCalls.setBlockGasLimit(value.longValueExact());
                case "min-gas-price" -> SdkCalls.setMinGasPrice(value);
                case "max-tx-size" -> SdkCalls.setMaxTxSize(value.longValueExact());
                case "block-period-ms" -> SdkCalls.setBlockPeriod(value.longValueExact());
                default -> throw new GovException("unknown parameter " + name
                        + ": block-gas-limit, min-gas-price, max-tx-size or block-period-ms");
            };
        }
    }

    private static long role(String name) {
        return switch (name) {
            case "governor" -> Roles.GOVERNOR;
            case "operator" -> Roles.OPERATOR;
            case "regulator" -> Roles.REGULATOR;
            default -> throw new GovException("unknown role " + name + ": governor, operator or regulator");
        };
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Propose granting a role: governor, operator or regulator.")
    static final class Grant extends AddressShortcut {
        @Parameters(index = "1", description = "governor, operator or regulator.")
        String role;

        SystemContract target() {
            return SystemContract.ACCOUNTS;
        }

        Bytes data(GovRpc rpc) {
            return SdkCalls.grantRole(address(), role(role));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Propose revoking a role.")
    static final class Revoke extends AddressShortcut {
        @Parameters(index = "1", description = "governor, operator or regulator.")
        String role;

        SystemContract target() {
            return SystemContract.ACCOUNTS;
        }

        Bytes data(GovRpc rpc) {
            return SdkCalls.revokeRole(address(), role(role));
        }
    }

    @Command(name = "revoke-tokens", mixinStandardHelpOptions = true, description = "Revoke an account's JSON-RPC account tokens issued up to now, on every node: the key's own (the default), or another account's with an operator's key or, with --propose, by a proposal.")
    static final class RevokeTokens extends Step {
        @Parameters(index = "0", arity = "0..1", description = "The account (default: the key's own).")
        String address;

        @Option(names = "--propose", description = "Propose the revocation to the committee and vote yes, instead of sending it as the key's account.")
        boolean propose;

        @Override
        Object run(GovRpc rpc) {
            KeyPair key = connection.key();
            Address signer = GovRpc.SUITE.address(key.publicKey());
            Address account = address == null ? signer : Address.fromHex(address);
            Bytes data = SdkCalls.revokeTokens(account);
            if (!propose && !account.equals(signer)) {
                long roles = new BigInteger(1, rpc.ethCall(SystemContract.ACCOUNTS.address(),
                        org.stele.governance.GovernanceCalls.encode("rolesOf",
                                new org.web3j.abi.datatypes.Address(signer.toHex())))
                        .toArray()).longValue();
                if ((roles & Roles.OPERATOR) == 0)
                    throw new GovException("refused: only " + account.toChecksumHex() + " itself, an operator or the "
                            + "committee (--propose) may revoke its tokens, and " + signer.toChecksumHex()
                            + " holds no operator role (Accounts " + SystemContract.ACCOUNTS.address().toHex() + ")");
            }
            if (propose)
                return propose(rpc, key, SystemContract.ACCOUNTS, data, "revoke the account tokens of "
                        + account.toChecksumHex(), true);
            JsonNode receipt = rpc.transact(key, SystemContract.ACCOUNTS.address(), data);
            if (!"0x1".equals(receipt.path("status").asText()))
                throw new GovException("revoking the tokens of " + account.toChecksumHex() + " reverted in "
                        + receipt.path("transactionHash").asText() + ": only the account itself, an operator or the "
                        + "committee (--propose) may");
            GovEvents.Event revoked = new GovEvents().decode(receipt.get("logs")).stream()
                    .filter(e -> e.name().equals("TokensRevoked")).findFirst()
                    .orElseThrow(() -> new GovException("the receipt has no TokensRevoked event"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("account", account.toChecksumHex());
            out.put("issuedUpTo", Long.parseLong(revoked.args().get("issuedUpTo")));
            out.put("by", revoked.args().get("by"));
            out.put("transaction", receipt.get("transactionHash").asText());
            return out;
        }
    }
}
