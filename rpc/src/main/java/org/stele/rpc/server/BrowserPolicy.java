package org.stele.rpc.server;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What keeps web pages from using the node behind its operator's back, as geth does it. A browser sends the page's
 * {@code Origin} with every cross-site request, and a page that rebinds its own DNS name to 127.0.0.1 still sends its
 * own name as {@code Host}; so a request whose origin is not listed, or whose host name is not, is refused with 403
 * before it reaches any method.
 *
 * @param corsDomains origins whose pages may call the node ({@code --http.corsdomain}); {@code *} matches any run of
 *            characters, so {@code http://localhost:*} is any port on localhost and {@code *} alone is every page.
 *            The node's own pages (same origin as the {@code Host} they were loaded from) are always allowed
 * @param vhosts host names the node answers under ({@code --http.vhosts}); {@code *} for any. IP addresses are always
 *            accepted, since DNS rebinding needs a name
 */
public record BrowserPolicy(List<String> corsDomains, List<String> vhosts) {
    /** Pages served from this machine, and the node reached as localhost or by IP address. */
    public static final BrowserPolicy DEFAULT = new BrowserPolicy(
            List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"), List.of("localhost"));
    /** Any page, any host name: only when an operator asks for it. */
    public static final BrowserPolicy ANY = new BrowserPolicy(List.of("*"), List.of("*"));
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public BrowserPolicy {
        corsDomains = List.copyOf(corsDomains);
        vhosts = vhosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether a request carrying this {@code Host} header (null when absent) is served. */
    public boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) return true;
        String name = hostName(hostHeader);
        if (name.startsWith("[") || IPV4.matcher(name).matches()) return true;
        return vhosts.contains("*") || vhosts.contains(name);
    }

    /** Whether a request from a page of this origin (null when the client is not a browser) is served. */
    public boolean originAllowed(String origin, String hostHeader) {
        if (origin == null) return true;
        String o = origin.toLowerCase(Locale.ROOT);
        if (hostHeader != null) {
            String host = hostHeader.toLowerCase(Locale.ROOT);
            if (o.equals("http://" + host) || o.equals("https://" + host)) return true;
        }
        for (String pattern : corsDomains) {
            if (glob(pattern.toLowerCase(Locale.ROOT)).matcher(o).matches()) return true;
        }
        return false;
    }

    private static String hostName(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
