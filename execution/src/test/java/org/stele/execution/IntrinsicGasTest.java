package org.stele.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.IntrinsicGas;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.testkit.TxBuilder;

/** The processor's intrinsic gas comes from chain's {@link IntrinsicGas}; these pin the per-fork figures. */
class IntrinsicGasTest {
    private static final Address A = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");

    private static long intrinsic(Fork fork, Address to, Bytes data, List<AccessListEntry> accessList) {
        Transaction tx = (accessList.isEmpty() ? TxBuilder.legacy() : TxBuilder.accessList().accessList(accessList))
                .gasLimit(1_000_000).to(Optional.ofNullable(to)).data(data).unsigned();
        return IntrinsicGas.of(tx, fork);
    }

    @Test
    void calldataCostsFourPerZeroAndSixteenPerOtherByte() {
        assertThat(intrinsic(Fork.CANCUN, A, Bytes.fromHex("0x0001ff00"), List.of()))
                .isEqualTo(21_000 + 4 + 16 + 16 + 4);
    }

    @Test
    void accessListsCost2400AnAddressAnd1900AKey() {
        var entry = new AccessListEntry(A, List.of(Bytes32.ZERO, Bytes32.ZERO));
        assertThat(intrinsic(Fork.CANCUN, A, Bytes.EMPTY, List.of(entry, entry)))
                .isEqualTo(21_000 + 2 * (2400 + 2 * 1900));
    }

    @Test
    void creationAddsThe32000AndFromShanghaiTwoPerInitCodeWord() {
        Bytes initCode = Bytes.wrap(new byte[33]);
        assertThat(intrinsic(Fork.CANCUN, null, initCode, List.of()))
                .isEqualTo(21_000 + 33 * 4 + 32_000 + 2 * 2);
        assertThat(intrinsic(Fork.LONDON, null, initCode, List.of())).isEqualTo(21_000 + 33 * 4 + 32_000);
    }

    @Test
    void theBlobBaseFeeFollowsTheEip4844Exponential() {
        assertThat(BlobGas.baseFee(0)).isEqualTo(BigInteger.ONE);
        // The EIP's fake_exponential (Python reference) gives 19 for an excess of 10 000 000.
        assertThat(BlobGas.baseFee(10_000_000)).isEqualTo(BigInteger.valueOf(19));
    }
}
