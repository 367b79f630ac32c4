package org.stele.apps.charity;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The calldata of each state-changing function of Charity and DemoToken, as 0x-hex, ready for a transaction's
 * {@code data}. A campaign's currency is the native coin when {@code token} is null.
 */
public final class CharityCalls {
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private CharityCalls() {
    }

    /** A beneficiary of a new campaign: the address that receives and confirms, and the name donors see. */
    public record Beneficiary(String address, String name) {}

    public static String registerOrganisation(String admin, String name) {
        return encode("registerOrganisation", new Address(admin), new Utf8String(name));
    }

    /** @param deadline the block timestamp (seconds) from which donations are refused */
    public static String createCampaign(BigInteger organisation, String title, String token, BigInteger goal,
            long deadline, List<Beneficiary> beneficiaries) {
        return encode("createCampaign", new Uint256(organisation), new Utf8String(title),
                new Address(token == null ? ZERO_ADDRESS : token), new Uint256(goal),
                new Uint64(BigInteger.valueOf(deadline)),
                new DynamicArray<>(Address.class, beneficiaries.stream().map(b -> new Address(b.address())).toList()),
                new DynamicArray<>(Utf8String.class,
                        beneficiaries.stream().map(b -> new Utf8String(b.name())).toList()));
    }

    /** Sent with the amount as the transaction's value. */
    public static String donate(BigInteger campaign) {
        return encode("donate", new Uint256(campaign));
    }

    /** After {@link #approve} of at least {@code amount} to the Charity contract. */
    public static String donateToken(BigInteger campaign, BigInteger amount) {
        return encode("donateToken", new Uint256(campaign), new Uint256(amount));
    }

    /** @param evidenceHash 0x and 64 hex digits: the hash of the document that {@code evidenceUri} serves */
    public static String disburse(BigInteger campaign, String beneficiary, BigInteger amount, String evidenceHash,
            String evidenceUri) {
        return encode("disburse", new Uint256(campaign), new Address(beneficiary), new Uint256(amount),
                new Bytes32(org.web3j.utils.Numeric.hexStringToByteArray(evidenceHash)), new Utf8String(evidenceUri));
    }

    public static String confirmDelivery(BigInteger disbursement) {
        return encode("confirmDelivery", new Uint256(disbursement));
    }

    public static String refund(BigInteger campaign) {
        return encode("refund", new Uint256(campaign));
    }

    /** DemoToken: the owner mints. */
    public static String mint(String to, BigInteger amount) {
        return encode("mint", new Address(to), new Uint256(amount));
    }

    /** ERC-20: lets {@code spender} take up to {@code amount}. */
    public static String approve(String spender, BigInteger amount) {
        return encode("approve", new Address(spender), new Uint256(amount));
    }

    /** The creation transaction's data of a DemoToken with this name and symbol. */
    public static String deployDemoToken(String name, String symbol) {
        return CharityContracts.DEMO_TOKEN.bytecode()
                + FunctionEncoder.encodeConstructor(List.of(new Utf8String(name), new Utf8String(symbol)));
    }

    @SuppressWarnings("rawtypes")
    private static String encode(String name, Type... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.<TypeReference<?>>of()));
    }
}
