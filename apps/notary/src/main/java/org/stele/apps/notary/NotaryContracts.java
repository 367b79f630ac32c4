package org.stele.apps.notary;

import org.stele.sdk.contracts.ContractArtifact;
import org.stele.sdk.contracts.ContractErrors;

/**
 * The notary application's contracts as tools/solc compiled them (docs/contracts.md), read from the JSON committed
 * next to this class so the SDK deploys exactly what the sources say, and the custom errors their ABIs declare, which
 * name a refusal.
 */
public final class NotaryContracts {
    public static final ContractArtifact NOTARY = ContractArtifact.load(NotaryContracts.class, "Notary");
    public static final ContractErrors ERRORS = ContractErrors.of(NOTARY);

    private NotaryContracts() {
    }
}
