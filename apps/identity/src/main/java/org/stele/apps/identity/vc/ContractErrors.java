package org.stele.apps.identity.vc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stele.common.Bytes;

/**
 * Names a contract's custom error from its revert data, e.g. {@code RevocationIsFinal(0xab…, 7)}, given the error
 * signatures of the contracts involved. Arguments of static types and strings are shown; unknown data stays hex.
 */
public final class ContractErrors {
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{8,}");
    private final List<String> signatures;

    public ContractErrors(List<String> signatures) {
        this.signatures = List.copyOf(signatures);
    }

    /** The error in {@code text} (a node's error message carrying the revert data), or {@code text} itself. */
    public String explain(String text) {
        Matcher m = HEX.matcher(text);
        while (m.find()) {
            String named = name(Bytes.fromHex(m.group()));
            if (named != null) return named;
        }
        return text;
    }

    /** {@code Name(args)} when the data starts with one of the known selectors, else null. */
    public String name(Bytes data) {
        if (data.size() < 4) return null;
        for (String sig : signatures) {
            if (!Abi.selector(sig).equals(data.slice(0, 4))) continue;
            String name = sig.substring(0, sig.indexOf('('));
            String inner = sig.substring(sig.indexOf('(') + 1, sig.length() - 1);
            List<String> shown = new ArrayList<>();
            Bytes args = data.slice(4);
            String[] types = inner.isEmpty() ? new String[0] : inner.split(",");
            try {
                for (int i = 0; i < types.length; i++) {
                    shown.add(switch (types[i]) {
                        case "address" -> Abi.addressAt(args, i).toHex();
                        case "bool" -> Boolean.toString(Abi.boolAt(args, i));
                        case "string" -> "\"" + Abi.stringAt(args, i) + "\"";
                        case "bytes32" -> Abi.wordAt(args, i).toHex();
                        default -> Abi.uintAt(args, i).toString();
                    });
                }
            } catch (RuntimeException e) {
                return name + "(" + args.toHex() + ")";
            }
            return name + "(" + String.join(", ", shown) + ")";
        }
        return null;
    }
}
