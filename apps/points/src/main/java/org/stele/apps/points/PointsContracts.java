package org.stele.apps.points;

import org.stele.sdk.contracts.ContractArtifact;
import org.stele.sdk.contracts.ContractErrors;

/**
 * The points application's contracts as tools/solc compiled them (docs/contracts.md), read from the JSON committed
 * next to this class so the SDK deploys exactly what the sources say, and the custom errors their ABIs declare, which
 * name a refusal.
 */
public final class PointsContracts {
    public static final ContractArtifact TOKEN = ContractArtifact.load(PointsContracts.class, "PointsToken");
    public static final ContractArtifact FORWARDER = ContractArtifact.load(PointsContracts.class, "PointsForwarder");
    /** Never deployed: the relayer runs its {@code runtime} code in an {@code eth_call} (a state override). */
    public static final ContractArtifact SIMULATOR = ContractArtifact.load(PointsContracts.class, "RelaySimulator");
    public static final ContractErrors ERRORS = ContractErrors.of(TOKEN, FORWARDER, SIMULATOR);

    private PointsContracts() {
    }
}
