package org.stele.apps.charity;

import org.stele.sdk.contracts.ContractArtifact;
import org.stele.sdk.contracts.ContractErrors;

/**
 * The charity application's contracts as tools/solc compiled them (docs/contracts.md), read from the JSON committed
 * next to this class so the SDK deploys exactly what the sources say, and the custom errors their ABIs declare, which
 * name a refusal.
 */
public final class CharityContracts {
    public static final ContractArtifact CHARITY = ContractArtifact.load(CharityContracts.class, "Charity");
    public static final ContractArtifact DEMO_TOKEN = ContractArtifact.load(CharityContracts.class, "DemoToken");
    public static final ContractErrors ERRORS = ContractErrors.of(CHARITY, DEMO_TOKEN);

    private CharityContracts() {
    }
}
