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
        assertThatThrownBy(() -> AccountToken.parse("abc"))
                .hasMessage("an account token is ADDRESS.ISSUED.EXPIRY.SIGNATURE");
        assertThatThrownBy(() -> AccountToken.parse("0x12.x.0x00"))
                .hasMessage("an account token is ADDRESS.ISSUED.EXPIRY.SIGNATURE (hex, decimal, decimal, hex)");
        assertThatThrownBy(() -> AccountToken.parse("0x" + "00".repeat(20) + ".1.x.0x00"))
                .hasMessage("an account token is ADDRESS.ISSUED.EXPIRY.SIGNATURE (hex, decimal, decimal, hex)");
        assertThatThrownBy(() -> AccountToken.parse("0x" + "00".repeat(20) + ".1." + Bytes.wrap(new byte[64]).toHex()))
                .hasMessage("an account token's signature is 65 bytes, not 64");
    }

    @Property(tries = 30)
    void aTokenWithItsIssueTimeProvesItsAccountAfterEncodingAndParsing(@ForAll long seed,
            @ForAll @LongRange(min = 0, max = 1_000_000) long secondsAgo,
            @ForAll @LongRange(min = 1, max = 1_000_000) long secondsLeft) {
        long issued = NOW.getEpochSecond() - secondsAgo;
        AccountToken token = AccountToken.sign(SUITE, key(seed), 31337, issued, NOW.getEpochSecond() + secondsLeft);

        AccountToken parsed = AccountToken.parse(token.encode());

        assertThat(token.encode().split("\\.")).hasSize(4);
        assertThat(parsed).isEqualTo(token);
        assertThat(parsed.issuedNoEarlierThan()).isEqualTo(issued);
        assertThat(parsed.refusal(SUITE, 31337, NOW)).isEmpty();
    }

    @Test
    void anIssueTimeIsSignedSoChangingItBreaksTheSignature() {
        AccountToken token = AccountToken.sign(SUITE, key(1), 31337, NOW.getEpochSecond(), NOW.getEpochSecond() + 60);

        AccountToken later = new AccountToken(token.account(), java.util.OptionalLong.of(NOW.getEpochSecond() + 10),
                token.expiresAt(), token.signature());

        assertThat(later.refusal(SUITE, 31337, NOW))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the account token is not signed by"));
    }

    @Test
    void aTokenIssuedAheadOfTheClockOrLivingTooLongFromItsIssueIsRefused() {
        long now = NOW.getEpochSecond();

        assertThat(AccountToken.sign(SUITE, key(1), 31337, now + 301, now + 600).refusal(SUITE, 31337, NOW))
                .contains("the account token is issued at 2026-06-01T00:05:01Z, in the future of this node's clock "
                        + "(2026-06-01T00:00:00Z); sign it with the current time");
        assertThat(AccountToken.sign(SUITE, key(1), 31337, now + 300, now + 600).refusal(SUITE, 31337, NOW))
                .as("five minutes of clock skew").isEmpty();
        assertThat(AccountToken.sign(SUITE, key(1), 31337, now - 40L * 86_400, now + 600).refusal(SUITE, 31337, NOW))
                .contains("the account token lives longer than 31 days from its issue; sign one that expires sooner");
        assertThat(AccountToken.sign(SUITE, key(1), 31337, now + 60, now + 30).refusal(SUITE, 31337, NOW))
                .contains("the account token expires before it is issued");
    }

    @Test
    void aTokenWithoutItsIssueTimeCountsAsIssuedAMonthBeforeItExpires() {
        AccountToken token = AccountToken.sign(SUITE, key(1), 31337, NOW.getEpochSecond() + 600);

        assertThat(token.issuedAt()).isEmpty();
        assertThat(token.encode().split("\\.")).hasSize(3);
        assertThat(token.issuedNoEarlierThan()).isEqualTo(NOW.getEpochSecond() + 600 - 31L * 86_400);
    }
}
