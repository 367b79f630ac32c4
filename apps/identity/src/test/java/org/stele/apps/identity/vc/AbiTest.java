package org.stele.apps.identity.vc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** The hand-written encoder agrees with web3j's ABI codec on every shape the identity contracts use. */
class AbiTest {
    private static final String ISSUER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    @Test
    void staticArgumentsEncodeAsWeb3jEncodesThem() {
        Bytes ours = Abi.call("setStatus(address,uint8,uint256,bool)", Address.fromHex(ISSUER), 1, 131_073L, true);
        String theirs = FunctionEncoder.encode(new Function("setStatus", List.of(
                new org.web3j.abi.datatypes.Address(ISSUER), new Uint8(1), new Uint256(131_073), new Bool(true)),
                List.of()));
        assertThat(ours.toHex()).isEqualTo(theirs);
    }

    @Test
    void stringsAndBytes32EncodeAsWeb3jEncodesThem() {
        Bytes hash = Bytes.fromHex("0x" + "ab".repeat(32));
        Bytes ours = Abi.call("setSchema(string,string,bytes32)", "VerifiedPerson",
                "https://schemas.example.org/verified-person/v1 with a longer tail past 32 bytes", hash);
        String theirs = FunctionEncoder.encode(new Function("setSchema", List.of(new Utf8String("VerifiedPerson"),
                new Utf8String("https://schemas.example.org/verified-person/v1 with a longer tail past 32 bytes"),
                new Bytes32(hash.toArray())), List.of()));
        assertThat(ours.toHex()).isEqualTo(theirs);
        Bytes args = ours.slice(4);
        assertThat(Abi.stringAt(args, 0)).isEqualTo("VerifiedPerson");
        assertThat(Abi.uintAt(args, 1)).isEqualTo(BigInteger.valueOf(160));
    }

    @Test
    void customErrorsAreNamedWithTheirArguments() {
        ContractErrors errors = new ContractErrors(List.of("RevocationIsFinal(address,uint256)", "NoSchema(string)"));
        Bytes data = Abi.call("RevocationIsFinal(address,uint256)", Address.fromHex(ISSUER), 7L);
        assertThat(errors.explain("execution reverted " + data.toHex()))
                .isEqualTo("RevocationIsFinal(" + ISSUER + ", 7)");
        assertThat(errors.name(Abi.call("NoSchema(string)", "Diploma"))).isEqualTo("NoSchema(\"Diploma\")");
        assertThat(errors.explain("execution reverted 0xdeadbeef")).isEqualTo("execution reverted 0xdeadbeef");
    }
}
