package org.stele.apps.identity.vc;

import java.util.Locale;
import org.stele.common.Address;

/**
 * A did:ethr identifier as Stele writes it: {@code did:ethr:<chain id as 0x-hex>:<address>}. Also read without the
 * chain part (Ethereum mainnet, chain 1, as ethr-did-resolver reads it) and with a decimal chain id.
 */
public record DidEthr(long chainId, Address address) {
    public static DidEthr parse(String did) {
        if (did == null || !did.startsWith("did:ethr:"))
            throw new VcException("\"" + did + "\" is not a did:ethr identifier (did:ethr:0x<chain id>:0x<address>)");
        String rest = did.substring("did:ethr:".length());
        int fragment = rest.indexOf('#');
        if (fragment >= 0) rest = rest.substring(0, fragment);
        String[] parts = rest.split(":", -1);
        long chain = 1;
        String id = parts[parts.length - 1];
        if (parts.length == 2) chain = chainId(parts[0], did);
        else if (parts.length != 1) throw new VcException("\"" + did + "\" is not a did:ethr identifier");
        if (!id.matches("0x[0-9a-fA-F]{40}"))
            throw new VcException("\"" + did + "\": Stele reads did:ethr identifiers that are addresses (0x + 40 hex)");
        return new DidEthr(chain, Address.fromHex(id));
    }

    private static long chainId(String text, String did) {
        try {
            return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new VcException("\"" + did + "\": the network \"" + text + "\" is not a chain id");
        }
    }

    @Override
    public String toString() {
        return "did:ethr:0x" + Long.toHexString(chainId).toLowerCase(Locale.ROOT) + ":" + address.toHex();
    }
}
