package org.stele.rpc.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's own web pages (the explorer, the applications, the offline proof verifier): files under one folder of the
 * class path, served read-only on the JSON-RPC port. Every module can add pages by putting them under that folder in
 * its resources, and nothing outside it can be reached: a request path is split into plain segments, and any segment
 * that is empty, {@code .}, {@code ..} or holds a separator or control character finds nothing.
 *
 * <p>
 * Only files of the types listed here are served, each with its content type; a folder answers with its
 * {@code index.html}. Files in a jar do not change while the node runs, so each is read once and kept with its ETag.
 */
public final class StaticPages {
    /** Nothing is served: the node answers JSON-RPC only. */
    public static final StaticPages NONE = new StaticPages(null, "");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));

    private final ClassLoader loader;
    private final String root;
    private final Map<String, Optional<Page>> cache = new ConcurrentHashMap<>();

    /** One file, ready to send. */
    public record Page(byte[] body, String contentType, String etag) {}

    /** What a GET of one path finds. */
    public sealed interface Lookup {
        /** The file itself. */
        record Found(Page page) implements Lookup {}

        /** A folder asked without its trailing slash: the browser is sent to {@code location}. */
        record Redirect(String location) implements Lookup {}

        /** Nothing is served under this path. */
        record Missing() implements Lookup {}
    }

    private StaticPages(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** The pages under {@code folder} (for example {@code web}) on this class loader's class path. */
    public static StaticPages classpath(ClassLoader loader, String folder) {
        return new StaticPages(loader, folder.endsWith("/") ? folder : folder + "/");
    }

    /** The pages under {@code web/} on the class path that loaded the server. */
    public static StaticPages defaults() {
        return classpath(StaticPages.class.getClassLoader(), "web");
    }

    /**
     * Finds the file for a decoded request path (the part of the URI before any {@code ?}).
     *
     * @param path starts with {@code /}
     */
    public Lookup find(String path) {
        if (loader == null || !path.startsWith("/")) return new Lookup.Missing();
        String relative = path.substring(1);
        boolean folder = relative.isEmpty() || relative.endsWith("/");
        String inner = folder && !relative.isEmpty() ? relative.substring(0, relative.length() - 1) : relative;
        if (!inner.isEmpty() && !safe(inner)) return new Lookup.Missing();
        if (folder) {
            return page(inner.isEmpty() ? "index.html" : inner + "/index.html")
                    .<Lookup>map(Lookup.Found::new).orElse(new Lookup.Missing());
        }
        Optional<Page> file = page(inner);
        if (file.isPresent()) return new Lookup.Found(file.get());
        if (page(inner + "/index.html").isPresent()) return new Lookup.Redirect(path + "/");
        return new Lookup.Missing();
    }

    private static boolean safe(String relative) {
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return false;
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '\\' || c == ':' || Character.isISOControl(c)) return false;
            }
        }
        return true;
    }

    private Optional<Page> page(String relative) {
        return cache.computeIfAbsent(relative, this::read);
    }

    private Optional<Page> read(String relative) {
        int dot = relative.lastIndexOf('.');
        if (dot < 0 || dot < relative.lastIndexOf('/')) return Optional.empty();
        String type = TYPES.get(relative.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) return Optional.empty();
        URL url = loader.getResource(root + relative);
        if (url == null) return Optional.empty();
        try (InputStream in = url.openStream()) {
            byte[] body = in.readAllBytes();
            return Optional.of(new Page(body, type, etag(body)));
        } catch (IOException e) {
            // A folder inside a jar opens as an empty stream on some class loaders and fails on others: not a page.
            return Optional.empty();
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
