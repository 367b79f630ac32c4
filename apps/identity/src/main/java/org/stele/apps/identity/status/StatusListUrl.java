package org.stele.apps.identity.status;

import java.util.Locale;
import org.stele.apps.identity.vc.VcException;
import org.stele.common.Address;

/**
 * Where a node serves a status list: {@code <node>/identity/status/<issuer address>/<purpose>/<list number>}, the
 * list number being {@code index / 131072}.
 */
public record StatusListUrl(Address issuer, StatusPurpose purpose, long list) {
    public static final String PREFIX = "/identity/status/";

    public static StatusListUrl of(Address issuer, StatusPurpose purpose, long index) {
        return new StatusListUrl(issuer, purpose, index / StatusLists.LIST_SIZE);
    }

    /** The path on a node, from {@link #PREFIX}. */
    public String path() {
        return PREFIX + issuer.toHex() + "/" + purpose.label() + "/" + list;
    }

    /** The full URL on the node at {@code base} (its scheme, host and port; a trailing slash is dropped). */
    public String on(String base) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + path();
    }

    /** Reads the path part of a URL (or a path) of this shape. */
    public static StatusListUrl parse(String urlOrPath) {
        int at = urlOrPath.indexOf(PREFIX);
        if (at < 0) throw new VcException("\"" + urlOrPath + "\" is not a Stele status list URL (…" + PREFIX + "…)");
        String[] parts = urlOrPath.substring(at + PREFIX.length()).split("/", -1);
        if (parts.length != 3 || !parts[0].matches("0x[0-9a-fA-F]{40}") || !parts[2].matches("[0-9]{1,12}"))
            throw new VcException("\"" + urlOrPath + "\" is not " + PREFIX + "<issuer address>/<purpose>/<list>");
        return new StatusListUrl(Address.fromHex(parts[0].toLowerCase(Locale.ROOT)), StatusPurpose.of(parts[1]),
                Long.parseLong(parts[2]));
    }
}
