package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stele proof verify} on the shared vectors: 0 with a summary, 1 naming the failed check, 2 for a bad file. */
class ProofCommandTest {
    private static final Path VECTORS = Path.of(System.getProperty("stele.root", "..")).resolve("proof/vectors");

    @Test
    void aGenuineProofExitsZeroWithASummaryAgainstItsGenesisFile() {
        CliRun r = CliRun.of("proof", "verify", VECTORS.resolve("genuine.json").toString(), "--genesis",
                VECTORS.resolve("genesis.json").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("VERIFIED: transaction 0x").contains("sent 2 ETH to")
                .contains("1 of its 1 validators sealed it").contains("the genesis of the given genesis file");
        assertThat(r.out().strip().lines()).hasSize(1);
    }

    @Test
    void withoutAGenesisFileTheSummarySaysTheGenesisIsTakenAsStated() {
        CliRun r = CliRun.of("proof", "verify", VECTORS.resolve("genuine.json").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("as the proof states it");
    }

    @Test
    void aProofWithOneSealByteChangedExitsOneNamingTheSealsCheck() {
        CliRun r = CliRun.of("proof", "verify", VECTORS.resolve("seal-byte.json").toString(), "--genesis",
                VECTORS.resolve("genesis.json").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("NOT VERIFIED: check seals (");
    }

    @Test
    void aFileThatIsNotAProofExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"stele-proof/1\",\"chainId\":1}");
        CliRun r = CliRun.of("proof", "verify", bad.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("stele proof verify: validatorSets: missing");
        CliRun missing = CliRun.of("proof", "verify", dir.resolve("none.json").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
    }

    @Test
    void aProofOfAnotherGenesisExitsOneNamingTheGenesisCheck(@TempDir Path dir) throws Exception {
        String genesis = Files.readString(VECTORS.resolve("genesis.json")).replace("\"chainId\" : 31337",
                "\"chainId\" : 31338");
        Path other = dir.resolve("genesis.json");
        Files.writeString(other, genesis);
        CliRun r = CliRun.of("proof", "verify", VECTORS.resolve("genuine.json").toString(), "--genesis",
                other.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("NOT VERIFIED: check genesis (");
    }
}
