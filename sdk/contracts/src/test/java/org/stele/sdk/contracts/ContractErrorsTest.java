package org.stele.sdk.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

class ContractErrorsTest {
    private static final ContractArtifact VAULT = ContractArtifact.load(ContractErrorsTest.class, "Vault");
    private static final ContractErrors ERRORS = ContractErrors.of(VAULT);

    private static String revert(String name, org.web3j.abi.datatypes.Type<?>... arguments) {
        return FunctionEncoder.encode(new Function(name, List.of(arguments), List.of()));
    }

    @Test
    void anArtifactIsReadFromTheJsonNextToItsAnchor() {
        assertThat(VAULT.name()).isEqualTo("Vault");
        assertThat(VAULT.bytecode()).isEqualTo("0x6080");
        assertThat(VAULT.runtime()).isEqualTo("0x60");
        assertThat(VAULT.abi()).hasSize(3);
    }

    @Test
    void aMissingArtifactFailsNamingTheResource() {
        assertThatThrownBy(() -> ContractArtifact.load(ContractErrorsTest.class, "Nowhere"))
                .hasMessageContaining("contracts/Nowhere.json");
    }

    @Test
    void aDeclaredErrorIsNamedWithItsArguments() {
        String data = revert("InsufficientBalance", new Address("0x00000000000000000000000000000000000000aa"),
                new Uint256(40), new Uint256(100));
        assertThat(ERRORS.decode(data)).hasValueSatisfying(e -> assertThat(e.toString())
                .isEqualTo("InsufficientBalance(0x00000000000000000000000000000000000000aa, 40, 100)"));
        assertThat(ERRORS.decode(revert("Locked"))).hasValue(new ContractError("Locked", List.of()));
    }

    @Test
    void solidityBuiltInErrorsAreNamedToo() {
        assertThat(ERRORS.decode(revert("Error", new Utf8String("paused")))).hasValue(
                new ContractError("Error", List.of("paused")));
        assertThat(ERRORS.decode(revert("Panic", new Uint256(BigInteger.valueOf(0x11))))).hasValue(
                new ContractError("Panic", List.of("17")));
    }

    @Test
    void aFunctionSelectorOrShortOrTruncatedDataIsNoError() {
        assertThat(ERRORS.decode(revert("withdraw", new Uint256(1)))).isEmpty();
        assertThat(ERRORS.decode("0x1234")).isEmpty();
        assertThat(ERRORS.decode(null)).isEmpty();
        String full = revert("InsufficientBalance", new Address("0x00000000000000000000000000000000000000aa"),
                new Uint256(40), new Uint256(100));
        assertThat(ERRORS.decode(full.substring(0, 10 + 64))).isEmpty();
    }
}
