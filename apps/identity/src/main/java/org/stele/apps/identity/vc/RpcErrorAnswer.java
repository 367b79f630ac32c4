package org.stele.apps.identity.vc;

/**
 * A node's JSON-RPC error answer to {@code method}, with its parts kept apart, for a caller that says a refusal in its
 * own words (e.g. {@code stele did --relay}: the relayer's reason is the error's data). The message is the one line
 * every other caller shows: {@code METHOD: MESSAGE DATA}.
 */
public final class RpcErrorAnswer extends VcException {
    private final String method;
    private final String errorMessage;
    private final String data;

    public RpcErrorAnswer(String method, String errorMessage, String data) {
        super(method + ": " + errorMessage + (data.isEmpty() ? "" : " " + data));
        this.method = method;
        this.errorMessage = errorMessage;
        this.data = data;
    }

    public String method() {
        return method;
    }

    /** The error's {@code message}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The error's {@code data} as text, empty when it has none. */
    public String data() {
        return data;
    }
}
