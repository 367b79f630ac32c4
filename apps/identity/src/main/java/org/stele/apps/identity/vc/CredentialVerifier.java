package org.stele.apps.identity.vc;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.resolver.DidResolver;
import org.stele.apps.identity.status.StatusEntry;
import org.stele.apps.identity.status.StatusListUrl;
import org.stele.apps.identity.status.StatusLists;
import org.stele.apps.identity.status.StatusPurpose;
import org.stele.common.Address;

/**
 * Decides whether a VC-JWT holds, reading the chain through {@link Chain}: its signature (the recovered signer is a
 * key of the issuer's DID document as of the issuance, {@link IssuerKeys}), its validity period by the injected clock,
 * its status bits in {@code StatusLists}, and the trust policy (the chain's trust registry). The first failing check
 * is the verdict, in that order.
 */
public final class CredentialVerifier {
    public enum Reason {
        MALFORMED("malformed"), SIGNATURE("signature"), NOT_YET_VALID("not yet valid"), EXPIRED("expired"), REVOKED(
                "revoked"), SUSPENDED(
                        "suspended"), ISSUER_UNTRUSTED("issuer unknown"), HOLDER_BINDING("holder binding");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public sealed interface Verdict {
        record Valid(Credential credential, Address signer) implements Verdict {}

        record Refused(Reason reason, String detail) implements Verdict {
            /** One line: {@code <reason>: <detail>}. */
            public String line() {
                return reason.label() + ": " + detail;
            }
        }
    }

    private final Chain chain;
    private final TrustPolicy trust;
    private final InstantSource clock;
    private final IssuerKeys issuerKeys;

    /** Resolves issuers over the same JSON-RPC connection that {@code chain} reads through. */
    public CredentialVerifier(Chain chain, TrustPolicy trust, InstantSource clock) {
        this(chain, new DidResolver(chain.rpc().didChain(), clock), trust, clock);
    }

    /** Resolves issuers with {@code resolver}: a node's own index, or any node's JSON-RPC. */
    public CredentialVerifier(Chain chain, DidResolver resolver, TrustPolicy trust, InstantSource clock) {
        this.chain = chain;
        this.trust = trust;
        this.clock = clock;
        this.issuerKeys = new IssuerKeys(resolver);
    }

    public Verdict verify(String jwt) {
        Credential c;
        try {
            c = Credential.of(Jws.parse(jwt));
        } catch (VcException e) {
            return new Verdict.Refused(Reason.MALFORMED, e.getMessage());
        }
        return verify(c);
    }

    public TrustPolicy trust() {
        return trust;
    }

    public InstantSource clock() {
        return clock;
    }

    public Verdict verify(Credential c) {
        IssuerKeys.Key signer;
        switch (checkSignature(c.jws(), c.issuer(), c.notBefore())) {
            case SignatureCheck.Unsigned u -> {
                return u.refused();
            }
            case SignatureCheck.Signed s -> signer = s.key();
        }
        Instant now = clock.instant();
        if (now.isBefore(c.notBefore()))
            return new Verdict.Refused(Reason.NOT_YET_VALID, "valid from " + c.notBefore() + ", it is " + now);
        if (c.expires().isPresent() && !now.isBefore(c.expires().get()))
            return new Verdict.Refused(Reason.EXPIRED, "expired at " + c.expires().get());
        for (StatusEntry e : c.status()) {
            Optional<Verdict.Refused> status = checkStatus(c.issuer(), e);
            if (status.isPresent()) return status.get();
        }
        Optional<String> untrusted = trust.refusal(c.issuer(), c.types(), c.notBefore());
        if (untrusted.isPresent()) return new Verdict.Refused(Reason.ISSUER_UNTRUSTED, untrusted.get());
        return new Verdict.Valid(c, signer.address());
    }

    /** Whether a JWS was signed by a key of its issuer as of its issuance, and by which. */
    public sealed interface SignatureCheck {
        record Signed(IssuerKeys.Key key) implements SignatureCheck {}

        record Unsigned(Verdict.Refused refused) implements SignatureCheck {}
    }

    /**
     * Whether the JWS is signed by a key in {@code issuer}'s {@code assertionMethod} as of {@code issued}: the DID
     * document at the last block at or before that time ({@link IssuerKeys}).
     */
    public SignatureCheck checkSignature(Jws jws, DidEthr issuer, Instant issued) {
        long chainId = chain.chainId();
        if (issuer.chainId() != chainId)
            return unsigned("the issuer " + issuer + " is a DID of chain " + issuer.chainId()
                    + ", this node's chain is " + chainId);
        List<Address> candidates;
        try {
            candidates = Es256k.signers(jws.alg(),
                    jws.signingInput().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    jws.signature());
        } catch (VcException e) {
            return unsigned(e.getMessage());
        }
        IssuerKeys.AsOf keys = issuerKeys.asOf(issuer, issued);
        if (keys.refusal().isPresent()) return unsigned(keys.refusal().get());
        for (Address a : candidates) {
            Optional<IssuerKeys.Key> key = keys.of(a);
            if (key.isPresent()) return new SignatureCheck.Signed(key.get());
        }
        return unsigned("not signed by a key of " + issuer + " as of its issuance at " + issued
                + " (neither its owner then, nor a veriKey/sigAuth delegate or did/pub key valid then)");
    }

    private static SignatureCheck unsigned(String detail) {
        return new SignatureCheck.Unsigned(new Verdict.Refused(Reason.SIGNATURE, detail));
    }

    /** Empty when the entry points at a list of {@code issuer} and its bit is clear on chain. */
    public Optional<Verdict.Refused> checkStatus(DidEthr issuer, StatusEntry e) {
        StatusListUrl url;
        try {
            url = StatusListUrl.parse(e.listCredential());
        } catch (VcException x) {
            return Optional.of(new Verdict.Refused(Reason.MALFORMED, x.getMessage()));
        }
        if (!url.issuer().equals(issuer.address()) || url.purpose() != e.purpose())
            return Optional.of(new Verdict.Refused(Reason.MALFORMED, "the status entry points at "
                    + url.path() + ", not a " + e.purpose().label() + " list of the issuer"));
        if (e.index() >= StatusLists.LIST_SIZE)
            return Optional.of(new Verdict.Refused(Reason.MALFORMED, "statusListIndex " + e.index()
                    + " is beyond the list's " + StatusLists.LIST_SIZE + " entries"));
        long global = url.list() * StatusLists.LIST_SIZE + e.index();
        if (!StatusLists.isSet(chain, issuer.address(), e.purpose(), global)) return Optional.empty();
        Reason reason = e.purpose() == StatusPurpose.REVOCATION ? Reason.REVOKED : Reason.SUSPENDED;
        return Optional.of(new Verdict.Refused(reason, e.purpose().label() + " bit " + e.index() + " of "
                + e.listCredential() + " is set on chain"));
    }

    /** The global index in the issuer's index space that a status entry names. */
    public static long globalIndex(StatusEntry e) {
        return StatusListUrl.parse(e.listCredential()).list() * StatusLists.LIST_SIZE + e.index();
    }
}
