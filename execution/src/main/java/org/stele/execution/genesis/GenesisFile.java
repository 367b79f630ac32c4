package org.stele.execution.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.ChainProfile;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.execution.block.Genesis;
import org.stele.storage.KeyValueStore;
import org.stele.storage.WriteBatch;

/**
 * A geth/Besu-style {@code genesis.json}. Its {@code config} picks the profile: a {@code qbft} section means
 * {@code stele-qbft}; otherwise every fork through Cancun must be active at genesis and the chain merged from the
 * start ({@code terminalTotalDifficulty} 0), which means {@code ethereum-cancun}. Anything else is refused with the
 * field that does not fit, since Stele executes Cancun only.
 *
 * @param alloc
 *            the genesis accounts, in address order
 */
public record GenesisFile(ChainProfile profile, long chainId, BlockHeader template,
        Map<Address, Genesis.Allocation> alloc) {
    /** Largest genesis file read: allocations of a large test chain fit well within it. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Block-numbered forks that must be at 0 for a Cancun-from-genesis chain, as geth names them. */
    private static final List<String> BLOCK_FORKS = List.of("homesteadBlock", "eip150Block", "eip155Block",
            "eip158Block", "byzantiumBlock", "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock",
            "londonBlock");
    private static final List<String> TIME_FORKS = List.of("shanghaiTime", "cancunTime");
    private static final List<String> LATER_FORKS = List.of("pragueTime", "osakaTime", "verkleTime");
    private static final BigInteger DEFAULT_BASE_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public GenesisFile {
        alloc = new TreeMap<>(alloc);
    }

    /** The genesis block and the batch holding its state; append both to an empty chain store. */
    public Genesis.Built build(KeyValueStore store) {
        WriteBatch batch = new WriteBatch();
        Bytes32 root = Genesis.commitState(store, alloc, batch);
        BlockHeader header = template.toBuilder().stateRoot(root).build();
        return new Genesis.Built(new Block(header, new BlockBody(List.of(), List.of(), Optional.of(List.of()))), batch);
    }

    public static GenesisFile read(Path file) {
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES)
                throw new GenesisFormatException(file + ": " + size + " bytes is over the limit of " + MAX_FILE_BYTES);
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new GenesisFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GenesisFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(root);
    }

    public static GenesisFile parse(JsonNode root) {
        if (root == null || !root.isObject())
            throw new GenesisFormatException("genesis: expected a JSON object");
        JsonNode config = root.get("config");
        if (config == null || !config.isObject())
            throw new GenesisFormatException("genesis: config: expected an object");
        ChainProfile profile = profile(config);
        long chainId = quantity(config, "chainId", null).longValueExact();
        BlockHeader template = BlockHeader.builder().number(0).parentHash(Bytes32.ZERO)
                .coinbase(address(text(root, "coinbase", Address.ZERO.toHex()), "coinbase"))
                .gasLimit(quantity(root, "gasLimit", null).longValueExact())
                .timestamp(quantity(root, "timestamp", BigInteger.ZERO).longValueExact())
                .extraData(bytes(root, "extraData"))
                .difficulty(quantity(root, "difficulty", BigInteger.ZERO))
                .mixHash(word(text(root, "mixHash", Bytes32.ZERO.toHex()), "mixHash"))
                .nonce(quantity(root, "nonce", BigInteger.ZERO).longValue())
                .gasUsed(quantity(root, "gasUsed", BigInteger.ZERO).longValueExact())
                .baseFeePerGas(quantity(root, "baseFeePerGas", DEFAULT_BASE_FEE))
                .withdrawalsRoot(BlockHeader.EMPTY_TRIE_ROOT)
                .blobGasUsed(quantity(root, "blobGasUsed", BigInteger.ZERO).longValueExact())
                .excessBlobGas(quantity(root, "excessBlobGas", BigInteger.ZERO).longValueExact())
                .parentBeaconBlockRoot(Bytes32.ZERO).build();
        return new GenesisFile(profile, chainId, template, alloc(root.get("alloc")));
    }

    private static ChainProfile profile(JsonNode config) {
        if (config.has("qbft"))
            return new SteleQbft();
        for (String fork : BLOCK_FORKS)
            requireZero(config, fork);
        for (String fork : TIME_FORKS)
            requireZero(config, fork);
        requireZero(config, "terminalTotalDifficulty");
        for (String fork : LATER_FORKS)
            if (config.hasNonNull(fork))
                throw new GenesisFormatException(
                        "genesis: config." + fork + ": forks after Cancun are not supported");
        return new EthereumCancun();
    }

    private static void requireZero(JsonNode config, String field) {
        if (!config.hasNonNull(field) || quantity(config, field, null).signum() != 0)
            throw new GenesisFormatException("genesis: config." + field
                    + " must be 0: Stele runs chains that are at Cancun and merged from genesis (or have a qbft "
                    + "section)");
    }

    private static Map<Address, Genesis.Allocation> alloc(JsonNode node) {
        Map<Address, Genesis.Allocation> alloc = new TreeMap<>();
        if (node == null || node.isNull())
            return alloc;
        if (!node.isObject())
            throw new GenesisFormatException("genesis: alloc: expected an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "alloc." + e.getKey();
            JsonNode a = e.getValue();
            if (!a.isObject())
                throw new GenesisFormatException("genesis: " + where + ": expected an object");
            Map<Bytes32, Bytes32> storage = new TreeMap<>();
            JsonNode s = a.get("storage");
            if (s != null && s.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> st = s.fields(); st.hasNext();) {
                    Map.Entry<String, JsonNode> slot = st.next();
                    Bytes32 value = word(slot.getValue().asText(), where + ".storage");
                    if (!value.isZero())
                        storage.put(word(slot.getKey(), where + ".storage"), value);
                }
            }
            String address = e.getKey().startsWith("0x") ? e.getKey() : "0x" + e.getKey();
            alloc.put(address(address, where), new Genesis.Allocation(quantity(a, "balance", BigInteger.ZERO),
                    quantity(a, "nonce", BigInteger.ZERO).longValue(), bytes(a, "code"), storage));
        }
        return alloc;
    }

    /** A quantity as geth writes them: a JSON number, a decimal string or a 0x-prefixed hex string. */
    private static BigInteger quantity(JsonNode obj, String field, BigInteger absent) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            if (absent == null)
                throw new GenesisFormatException("genesis: " + field + ": missing");
            return absent;
        }
        try {
            BigInteger v;
            if (n.isIntegralNumber())
                v = n.bigIntegerValue();
            else {
                String t = n.asText().trim();
                v = t.startsWith("0x") || t.startsWith("0X")
                        ? (t.length() == 2 ? BigInteger.ZERO : new BigInteger(t.substring(2), 16))
                        : new BigInteger(t);
            }
            if (v.signum() < 0 || v.bitLength() > 256)
                throw new GenesisFormatException("genesis: " + field + ": out of range: " + n);
            return v;
        } catch (NumberFormatException e) {
            throw new GenesisFormatException("genesis: " + field + ": not a quantity: " + n);
        } catch (ArithmeticException e) {
            throw new GenesisFormatException("genesis: " + field + ": too large: " + n);
        }
    }

    private static String text(JsonNode obj, String field, String absent) {
        JsonNode n = obj.get(field);
        return n == null || n.isNull() ? absent : n.asText();
    }

    private static Bytes bytes(JsonNode obj, String field) {
        try {
            return Bytes.fromHex(text(obj, field, "0x"));
        } catch (IllegalArgumentException e) {
            throw new GenesisFormatException("genesis: " + field + ": " + e.getMessage());
        }
    }

    private static Bytes32 word(String text, String where) {
        try {
            Bytes b = Bytes.fromHex(text);
            if (b.size() > 32)
                throw new GenesisFormatException("genesis: " + where + ": more than 32 bytes");
            return Bytes32.leftPad(b.toArray());
        } catch (IllegalArgumentException e) {
            throw new GenesisFormatException("genesis: " + where + ": " + e.getMessage());
        }
    }

    private static Address address(String text, String where) {
        try {
            return Address.fromHex(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GenesisFormatException("genesis: " + where + ": " + e.getMessage());
        }
    }
}
