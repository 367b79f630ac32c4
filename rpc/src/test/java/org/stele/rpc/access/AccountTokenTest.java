package org.stele.rpc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

class AccountTokenTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static KeyPair key(long seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < 8; i++)
            k[31 - i] = (byte) (seed >>> (8 * i));
        k[0] = 1;
        return SUITE.keyPair(k);
    }

    @Property(tries = 30)
    void aSignedTokenProvesItsAccountAfterEncodingAndParsing(@ForAll long seed,
            @ForAll @LongRange(min = 1, max = 1_000_000) long secondsLeft) {
        AccountToken token = AccountToken.sign(SUITE, key(seed), 31337, NOW.getEpochSecond() + secondsLeft);

        AccountToken parsed = AccountToken.parse(token.encode());

        assertThat(parsed).isEqualTo(token);
        assertThat(parsed.account()).isEqualTo(SUITE.address(key(seed).publicKey()));
        assertThat(parsed.refusal(SUITE, 31337, NOW)).isEmpty();
    }

    @Test
    void aTokenWhoseExpiryOrAccountWasChangedIsRefused() {
        AccountToken token = AccountToken.sign(SUITE, key(1), 31337, NOW.getEpochSecond() + 60);

        assertThat(new AccountToken(token.account(), token.expiresAt() + 3600, token.signature()).refusal(SUITE,
                31337, NOW))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the account token is not signed by"));
        assertThat(new AccountToken(SUITE.address(key(2).publicKey()), token.expiresAt(), token.signature())
                .refusal(SUITE, 31337, NOW)).isPresent();
        assertThat(token.refusal(SUITE, 1, NOW)).as("another chain").isPresent();
        assertThat(token.refusal(SUITE, 31337, NOW.plusSeconds(61))).hasValueSatisfying(
                why -> assertThat(why).startsWith("the account token expired at"));
    }

    @Test
    void aTokenForMoreThanAMonthIsRefused() {
        AccountToken token = AccountToken.sign(SUITE, key(1), 31337, NOW.getEpochSecond() + 32L * 86_400);

        assertThat(token.refusal(SUITE, 31337, NOW))
                .contains("the account token lives longer than 31 days; sign one that expires sooner");
    }

    @Test
    void malformedTokensSayWhatIsWrong() {
        assertThatThrownBy(() -> AccountToken.parse("abc")).hasMessage("an account token is ADDRESS.EXPIRY.SIGNATURE");
        assertThatThrownBy(() -> AccountToken.parse("0x12.x.0x00"))
                .hasMessage("an account token is ADDRESS.EXPIRY.SIGNATURE (hex, decimal, hex)");
        assertThatThrownBy(() -> AccountToken.parse("0x" + "00".repeat(20) + ".1." + Bytes.wrap(new byte[64]).toHex()))
                .hasMessage("an account token's signature is 65 bytes, not 64");
    }
}
