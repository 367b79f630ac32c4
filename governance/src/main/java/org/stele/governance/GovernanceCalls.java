package org.stele.governance;

import java.math.BigInteger;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The calldata of the governance contracts' functions, ABI-encoded by web3j: the committee's own functions
 * ({@code propose}, {@code vote}) and the changes a proposal carries to a system contract.
 */
public final class GovernanceCalls {
    private GovernanceCalls() {
    }

    public static Bytes propose(Address target, Bytes data, String description) {
        return encode("propose", address(target), new DynamicBytes(data.toArray()), new Utf8String(description));
    }

    public static Bytes vote(long proposal, boolean support) {
        return encode("vote", uint(proposal), new Bool(support));
    }

    public static Bytes addGovernor(Address governor, long weight) {
        return encode("addGovernor", address(governor), uint(weight));
    }

    public static Bytes removeGovernor(Address governor) {
        return encode("removeGovernor", address(governor));
    }

    public static Bytes setWeight(Address governor, long weight) {
        return encode("setWeight", address(governor), uint(weight));
    }

    public static Bytes setThresholds(long participation, long win) {
        return encode("setThresholds", uint(participation), uint(win));
    }

    public static Bytes setVotingPeriod(long blocks) {
        return encode("setVotingPeriod", uint(blocks));
    }

    public static Bytes addValidator(Address validator) {
        return encode("addValidator", address(validator));
    }

    public static Bytes removeValidator(Address validator) {
        return encode("removeValidator", address(validator));
    }

    public static Bytes admitNode(Address node) {
        return encode("admitNode", address(node));
    }

    public static Bytes removeNode(Address node) {
        return encode("removeNode", address(node));
    }

    public static Bytes freeze(Address account, String reason) {
        return encode("freeze", address(account), new Utf8String(reason));
    }

    public static Bytes unfreeze(Address account) {
        return encode("unfreeze", address(account));
    }

    /** {@code mode}: 0 open, 1 allowlist. */
    public static Bytes setSendMode(int mode) {
        return encode("setSendMode", new Uint8(mode));
    }

    public static Bytes setDeployMode(int mode) {
        return encode("setDeployMode", new Uint8(mode));
    }

    public static Bytes setSender(Address account, boolean allowed) {
        return encode("setSender", address(account), new Bool(allowed));
    }

    public static Bytes setDeployer(Address account, boolean allowed) {
        return encode("setDeployer", address(account), new Bool(allowed));
    }

    public static Bytes grantRole(Address account, long role) {
        return encode("grantRole", address(account), uint(role));
    }

    public static Bytes revokeRole(Address account, long role) {
        return encode("revokeRole", address(account), uint(role));
    }

    public static Bytes revokeTokens(Address account) {
        return encode("revokeTokens", address(account));
    }

    public static Bytes setBlockGasLimit(long gas) {
        return encode("setBlockGasLimit", uint(gas));
    }

    public static Bytes setMinGasPrice(BigInteger wei) {
        return encode("setMinGasPrice", new Uint256(wei));
    }

    public static Bytes setMaxTxSize(long bytes) {
        return encode("setMaxTxSize", uint(bytes));
    }

    public static Bytes setBlockPeriod(long millis) {
        return encode("setBlockPeriod", uint(millis));
    }

    /** The 4-byte selector of a function or custom error, e.g. {@code NotGovernor(address)}. */
    public static Bytes selector(String signature) {
        byte[] hash = org.stele.common.crypto.Keccak256
                .hash(signature.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Bytes.wrap(java.util.Arrays.copyOf(hash, 4));
    }

    /** Calldata for a function of any of the contracts, arguments as web3j ABI types. */
    public static Bytes encode(String function, Type<?>... arguments) {
        return Bytes.fromHex(FunctionEncoder.encode(new Function(function, List.of(arguments), List.of())));
    }

    private static org.web3j.abi.datatypes.Address address(Address a) {
        return new org.web3j.abi.datatypes.Address(a.toHex());
    }

    private static Uint256 uint(long value) {
        return new Uint256(BigInteger.valueOf(value));
    }
}
