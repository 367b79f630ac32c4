package org.stele.apps.identity.status;

import java.util.Locale;
import org.stele.apps.identity.vc.VcException;

/** What a set bit means, and the purpose number the {@code StatusLists} contract keeps it under. */
public enum StatusPurpose {
    REVOCATION(0), SUSPENSION(1);

    private final int code;

    StatusPurpose(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The specification's name: {@code revocation}, {@code suspension}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatusPurpose of(String label) {
        for (StatusPurpose p : values())
            if (p.label().equals(label)) return p;
        throw new VcException("unknown status purpose \"" + label + "\" (Stele keeps revocation and suspension)");
    }
}
