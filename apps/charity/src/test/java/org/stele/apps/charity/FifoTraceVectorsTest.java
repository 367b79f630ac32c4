package org.stele.apps.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stele.apps.charity.CharityEvent.Position;

/**
 * The shared FIFO vectors (fifo-vectors.json), which the page's fifo.js also runs
 * (clients/browser/test/charity-fifo.test.js): both must give every vector's expected traces, or refuse the same
 * impossible histories.
 */
class FifoTraceVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyVectorTracesAsExpected() throws IOException {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("fifo-vectors.json")) {
            doc = JSON.readTree(in);
        }
        assertThat(doc.get("vectors").size()).isGreaterThan(5);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : doc.get("vectors")) {
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
                List<CharityEvent> events = new ArrayList<>();
                v.get("events").forEach(e -> events.add(event(e)));
                if (v.path("error").asBoolean(false)) {
                    assertThatThrownBy(() -> FifoTrace.of(events)).isInstanceOf(IllegalArgumentException.class);
                } else {
                    // Through text, so that numbers compare by value and not by Jackson's node class.
                    JsonNode traced = JSON.readTree(JSON.writeValueAsString(json(FifoTrace.of(events))));
                    assertThat(traced).isEqualTo(v.get("donations"));
                }
            }));
        }
        return tests.stream();
    }

    private static CharityEvent event(JsonNode e) {
        Position at = new Position(e.get("block").asLong(), e.get("logIndex").asLong(), e.get("transaction").asText());
        return switch (e.get("event").asText()) {
            case "OrganisationRegistered" -> new CharityEvent.OrganisationRegistered(at, e.get("organisation").asLong(),
                    e.get("admin").asText(), e.get("name").asText());
            case "CampaignCreated" -> new CharityEvent.CampaignCreated(at, e.get("campaign").asLong(),
                    e.get("organisation").asLong(), e.get("token").isNull() ? null : e.get("token").asText(),
                    new BigInteger(e.get("goal").asText()), e.get("deadline").asLong(), e.get("title").asText());
            case "BeneficiaryAdded" -> new CharityEvent.BeneficiaryAdded(at, e.get("campaign").asLong(),
                    e.get("beneficiary").asText(), e.get("name").asText());
            case "Donated" -> new CharityEvent.Donated(at, e.get("campaign").asLong(), e.get("donor").asText(),
                    e.get("donation").asLong(), new BigInteger(e.get("amount").asText()));
            case "Disbursed" -> new CharityEvent.Disbursed(at, e.get("campaign").asLong(),
                    e.get("beneficiary").asText(), e.get("disbursement").asLong(),
                    new BigInteger(e.get("amount").asText()), e.get("evidenceHash").asText(),
                    e.get("evidenceUri").asText());
            case "DeliveryConfirmed" -> new CharityEvent.DeliveryConfirmed(at, e.get("campaign").asLong(),
                    e.get("beneficiary").asText(), e.get("disbursement").asLong());
            case "Refunded" -> new CharityEvent.Refunded(at, e.get("campaign").asLong(), e.get("donor").asText(),
                    new BigInteger(e.get("amount").asText()));
            default -> throw new IllegalArgumentException("unknown event in a vector: " + e);
        };
    }

    /** The trace in the vectors' shape. */
    private static ArrayNode json(FifoTrace trace) {
        ArrayNode out = JSON.createArrayNode();
        for (FifoTrace.DonationTrace d : trace.donations()) {
            ObjectNode o = out.addObject().put("campaign", d.campaign()).put("donation", d.donation())
                    .put("donor", d.donor()).put("amount", d.amount().toString())
                    .put("transaction", d.position().transaction());
            ArrayNode parts = o.putArray("parts");
            for (FifoTrace.Part p : d.parts()) {
                ObjectNode po = parts.addObject().put("disbursement", p.disbursement())
                        .put("beneficiary", p.beneficiary()).put("amount", p.amount().toString());
                if (p.confirmed().isPresent()) {
                    Position c = p.confirmed().get();
                    po.putObject("confirmed").put("block", c.block()).put("logIndex", c.logIndex())
                            .put("transaction", c.transaction());
                } else {
                    po.putNull("confirmed");
                }
            }
            o.put("held", d.held().toString()).put("refunded", d.refunded().toString());
        }
        return out;
    }
}
