package org.stele.execution.statetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes32;

class StateTestParserTest {
    private static final Path FILE = Path.of("inline.json");

    private static List<StateTestCase> parse(String json) throws Exception {
        return StateTestParser.parse(FILE, new ObjectMapper().readTree(json));
    }

    private static final String MINIMAL = """
            {"t1": {
              "env": {"currentCoinbase": "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba", "currentDifficulty": "0x020000",
                      "currentGasLimit": "0xff112233445566", "currentNumber": "0x01", "currentTimestamp": "0x03e8",
                      "currentBaseFee": "0x0a"},
              "pre": {"0x095E7BAEA6A6C7C4C2DFEB977EFAC326AF552D87": {"balance": "0x0de0b6b3a7640000", "code": "0x6001",
                       "nonce": "0x00", "storage": {"0x01": "0x02", "0x03": "0x00"}}},
              "transaction": {"data": ["0x", "0x00ff"], "gasLimit": ["0x061a80"], "gasPrice": "0x0a", "nonce": "0x00",
                       "secretKey": "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8",
                       "sender": "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "to": "",
                       "value": ["0x:bigint 0x10000000000000000000000000000000000000000000000000000000000000001"]},
              "post": {"Cancun": [{"hash": "0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530",
                       "indexes": {"data": 1, "gas": 0, "value": 0},
                       "logs": "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
                       "txbytes": "0x00", "expectException": "TransactionException.RLP_INVALID_VALUE"}]}
            }}""";

    @Test
    void parsesEveryFieldOfATest() throws Exception {
        StateTestCase c = parse(MINIMAL).get(0);
        assertThat(c.name()).isEqualTo("t1");
        FixtureAccount a = c.pre().get(Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"));
        assertThat(a.balance()).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(a.storage()).containsOnlyKeys(Bytes32.leftPad(new byte[]{1}));
        assertThat(c.transaction().to()).as("empty 'to' means contract creation").isNull();
        assertThat(c.transaction().value().get(0).bitLength()).isEqualTo(257);
        FixturePost p = c.post().get("Cancun").get(0);
        assertThat(p.dataIndex()).isEqualTo(1);
        assertThat(p.expectException()).isEqualTo("TransactionException.RLP_INVALID_VALUE");
        assertThat(c.env().baseFee()).isEqualTo(BigInteger.TEN);
        assertThat(c.env().random()).isNull();
    }

    @Test
    void anIndexOutsideTheTemplateIsAFormatErrorNamingTheField() {
        String bad = MINIMAL.replace("\"data\": 1", "\"data\": 7");
        assertThatThrownBy(() -> parse(bad)).isInstanceOf(FixtureFormatException.class)
                .hasMessageContaining("inline.json").hasMessageContaining("t1")
                .hasMessageContaining("indexes.data");
    }

    @Test
    void malformedHexIsAFormatError() {
        String bad = MINIMAL.replace("\"code\": \"0x6001\"", "\"code\": \"0x6g\"");
        assertThatThrownBy(() -> parse(bad)).isInstanceOf(FixtureFormatException.class)
                .hasMessageContaining("pre.0x095E7BAEA6A6C7C4C2DFEB977EFAC326AF552D87.code");
    }

    @Test
    void aMissingSectionIsAFormatError() {
        assertThatThrownBy(() -> parse("{\"t\": {\"env\": {}}}")).isInstanceOf(FixtureFormatException.class)
                .hasMessageContaining("pre");
    }

    @Test
    void invalidJsonIsAFormatErrorNotACrash(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        java.nio.file.Files.writeString(f, "{\"t\": [");
        assertThatThrownBy(() -> StateTestParser.parseFile(f)).isInstanceOf(FixtureFormatException.class)
                .hasMessageContaining("broken.json");
    }
}
