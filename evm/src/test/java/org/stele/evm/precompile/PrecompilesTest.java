package org.stele.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stele.common.Address;
import org.stele.common.Fork;
import org.stele.common.Hex;

class PrecompilesTest {

    private static List<Integer> lowBytes(Precompiles set) {
        return set.addresses().stream().map(a -> a.unsafeArray()[19] & 0xFF).toList();
    }

    @Test
    void eachForkActivatesTheContractsItsEipsAdded() {
        assertThat(lowBytes(Precompiles.forFork(Fork.FRONTIER))).containsExactly(1, 2, 3, 4);
        assertThat(lowBytes(Precompiles.forFork(Fork.SPURIOUS_DRAGON))).containsExactly(1, 2, 3, 4);
        assertThat(lowBytes(Precompiles.forFork(Fork.BYZANTIUM))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(lowBytes(Precompiles.forFork(Fork.PETERSBURG))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(lowBytes(Precompiles.forFork(Fork.ISTANBUL))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(lowBytes(Precompiles.forFork(Fork.SHANGHAI))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(lowBytes(Precompiles.forFork(Fork.CANCUN))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @ParameterizedTest
    @EnumSource(Fork.class)
    void isPrecompileAgreesWithTheForkSet(Fork fork) {
        Precompiles set = Precompiles.forFork(fork);
        for (int i = 0; i < 256; i++) {
            Address a = Precompiles.standardAddress(i);
            assertThat(Precompiles.isPrecompile(a, fork)).as("0x%02x at %s", i, fork).isEqualTo(set.contains(a));
            assertThat(set.get(a) != null).isEqualTo(set.contains(a));
        }
        byte[] high = new byte[20];
        high[0] = 1;
        high[19] = 1;
        assertThat(Precompiles.isPrecompile(Address.wrap(high), fork)).isFalse();
        assertThat(set.get(Address.wrap(high))).isNull();
    }

    @Test
    void theSameForkGivesTheSameSet() {
        assertThat(Precompiles.forFork(Fork.CANCUN)).isSameAs(Precompiles.forFork(Fork.CANCUN));
    }

    @Test
    void istanbulRepricesTheBn254ContractsPerEip1108() {
        byte[] twoPairs = new byte[384];
        assertThat(at(Fork.BYZANTIUM, 6).gasCost(new byte[0])).isEqualTo(500);
        assertThat(at(Fork.ISTANBUL, 6).gasCost(new byte[0])).isEqualTo(150);
        assertThat(at(Fork.BYZANTIUM, 7).gasCost(new byte[0])).isEqualTo(40_000);
        assertThat(at(Fork.ISTANBUL, 7).gasCost(new byte[0])).isEqualTo(6_000);
        assertThat(at(Fork.BYZANTIUM, 8).gasCost(twoPairs)).isEqualTo(260_000);
        assertThat(at(Fork.ISTANBUL, 8).gasCost(twoPairs)).isEqualTo(113_000);
    }

    @Test
    void linearPricesFollowTheYellowPaper() {
        byte[] thirtyThree = new byte[33];
        assertThat(at(Fork.CANCUN, 1).gasCost(thirtyThree)).isEqualTo(3000);
        assertThat(at(Fork.CANCUN, 2).gasCost(thirtyThree)).isEqualTo(60 + 12 * 2);
        assertThat(at(Fork.CANCUN, 3).gasCost(thirtyThree)).isEqualTo(600 + 120 * 2);
        assertThat(at(Fork.CANCUN, 4).gasCost(thirtyThree)).isEqualTo(15 + 3 * 2);
        assertThat(at(Fork.CANCUN, 4).gasCost(new byte[0])).isEqualTo(15);
    }

    @Test
    void callsThatCannotPayUseAllTheirGasAndReturnNothing() {
        PrecompileResult r = at(Fork.CANCUN, 2).execute(new byte[64], 83);
        assertThat(r.status()).isEqualTo(PrecompileResult.Status.OUT_OF_GAS);
        assertThat(r.gasUsed()).isEqualTo(83);
        assertThat(r.output()).isEmpty();

        PrecompileResult paid = at(Fork.CANCUN, 2).execute(new byte[64], 84);
        assertThat(paid.isSuccess()).isTrue();
        assertThat(paid.gasUsed()).isEqualTo(84);
    }

    @Test
    void rejectedInputUsesAllGasGiven() {
        byte[] offCurve = new byte[128];
        offCurve[63] = 1;
        PrecompileResult r = at(Fork.CANCUN, 6).execute(offCurve, 10_000);
        assertThat(r.status()).isEqualTo(PrecompileResult.Status.FAILED);
        assertThat(r.gasUsed()).isEqualTo(10_000);
        assertThat(r.error()).contains("not on the curve");
    }

    @Test
    void hashContractsReturnTheKnownDigests() {
        byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Hex.encodeNoPrefix(at(Fork.FRONTIER, 2).execute(new byte[0], 60).output()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hex.encodeNoPrefix(at(Fork.FRONTIER, 2).execute(abc, 72).output()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // RIPEMD-160 is left-padded to a 32-byte word.
        assertThat(Hex.encodeNoPrefix(at(Fork.FRONTIER, 3).execute(new byte[0], 600).output()))
                .isEqualTo("0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31");
        assertThat(Hex.encodeNoPrefix(at(Fork.FRONTIER, 3).execute(abc, 720).output()))
                .isEqualTo("0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
    }

    @Test
    void identityReturnsACopyOfItsInput() {
        byte[] in = {1, 2, 3};
        byte[] out = at(Fork.FRONTIER, 4).execute(in, 100).output();
        assertThat(out).containsExactly(1, 2, 3).isNotSameAs(in);
    }

    @Test
    void steleCanAddItsOwnPrecompilesWithoutReplacingEthereums() {
        Precompile echo = new Precompile() {
            @Override
            public String name() {
                return "stele-echo";
            }

            @Override
            public long gasCost(byte[] input) {
                return 1;
            }

            @Override
            public byte[] compute(byte[] input) {
                return input;
            }
        };
        byte[] raw = new byte[20];
        raw[18] = 0x10;
        Address own = Address.wrap(raw);
        Precompiles base = Precompiles.forFork(Fork.CANCUN);
        Precompiles extended = base.with(own, echo);

        assertThat(extended.get(own)).isSameAs(echo);
        assertThat(extended.get(Precompiles.standardAddress(1))).isSameAs(base.get(Precompiles.standardAddress(1)));
        assertThat(extended.addresses()).hasSize(11).last().isEqualTo(own);
        assertThat(base.contains(own)).isFalse();
        assertThat(extended.get(Precompiles.standardAddress(11))).isNull();
        assertThatThrownBy(() -> base.with(Precompiles.standardAddress(1), echo))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Precompile at(Fork fork, int address) {
        return Precompiles.forFork(fork).get(Precompiles.standardAddress(address));
    }
}
