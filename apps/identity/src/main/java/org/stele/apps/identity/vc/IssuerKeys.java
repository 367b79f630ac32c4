package org.stele.apps.identity.vc;

import org.stele.apps.identity.DidRegistry;
import org.stele.common.Address;

/**
 * Whether an address speaks for a did:ethr identity, from the ERC-1056 registry itself: its owner
 * ({@code identityOwner}), or a delegate of type {@code veriKey} or {@code sigAuth} that is valid now
 * ({@code validDelegate}). These are the keys of the {@code #controller} and {@code #delegate-N} verification methods
 * ethr-did-resolver puts in the document's {@code assertionMethod}. Keys published as {@code did/pub/…} attributes
 * are not consulted: Stele's credentials are signed by the owner or a delegate.
 */
public final class IssuerKeys {
    private IssuerKeys() {
    }

    public static Address owner(Chain chain, Address identity) {
        return Abi.addressAt(chain.call(DidRegistry.ADDRESS, Abi.call("identityOwner(address)", identity)), 0);
    }

    public static boolean validDelegate(Chain chain, Address identity, String type, Address delegate) {
        return Abi.boolAt(chain.call(DidRegistry.ADDRESS,
                Abi.call("validDelegate(address,bytes32,address)", identity, Abi.bytes32(type), delegate)), 0);
    }

    /** Whether {@code signer} may sign credentials for {@code identity} on this chain now. */
    public static boolean speaksFor(Chain chain, Address identity, Address signer) {
        if (owner(chain, identity).equals(signer)) return !signer.equals(Address.ZERO);
        return validDelegate(chain, identity, "veriKey", signer) || validDelegate(chain, identity, "sigAuth", signer);
    }
}
