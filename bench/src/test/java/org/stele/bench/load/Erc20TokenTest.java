package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.common.crypto.Keccak256;
import org.junit.jupiter.api.Test;

class Erc20TokenTest {

    @Test
    void transferCallDataIsSelectorAndTwoWords() {
        Address to = Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(Erc20Token.transferCall(to, BigInteger.valueOf(258)).toHex()).isEqualTo("0xa9059cbb"
                + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                + "0000000000000000000000000000000000000000000000000000000000000102");
    }

    @Test
    void selectorsAndTopicAreTheKeccakOfTheSignatures() {
        assertThat(hex(Keccak256.hash("transfer(address,uint256)".getBytes())).substring(0, 8)).isEqualTo("a9059cbb");
        assertThat(hex(Keccak256.hash("balanceOf(address)".getBytes())).substring(0, 8)).isEqualTo("70a08231");
        assertThat("0x" + hex(Keccak256.hash("Transfer(address,address,uint256)".getBytes())))
                .isEqualTo(Erc20Token.TRANSFER_TOPIC);
    }

    @Test
    void constructorCopiesExactlyTheRuntimeThatFollowsIt() {
        byte[] code = Erc20Token.CREATION_CODE.toArray();
        // PUSH1 0 NOT CALLER SSTORE, then PUSH2 runtimeLength (opcode at byte 5), DUP1, PUSH2 runtimeOffset (byte 9).
        assertThat(code[5]).isEqualTo((byte) 0x61);
        assertThat(code[9]).isEqualTo((byte) 0x61);
        int length = ((code[6] & 0xff) << 8) | (code[7] & 0xff);
        int offset = ((code[10] & 0xff) << 8) | (code[11] & 0xff);
        assertThat(offset).isEqualTo(18);
        assertThat(offset + length).isEqualTo(code.length);
    }

    private static String hex(byte[] b) {
        return org.stele.common.Hex.encodeNoPrefix(b);
    }
}
