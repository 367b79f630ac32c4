package org.stele.apps.identity.vc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Whether a verifier trusts an issuer for a credential's types as of its issuance. */
@FunctionalInterface
public interface TrustPolicy {
    /** Empty when trusted; otherwise why not, in one line. */
    Optional<String> refusal(DidEthr issuer, List<String> types, Instant issued);
}
