package org.stele.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.stele.common.Hex;

/**
 * Loads c-kzg's native library and Ethereum's KZG trusted setup (the 2023 ceremony output) once per process. c-kzg
 * keeps one setup in global native state, so everything in Stele that verifies KZG proofs (this precompile, blob
 * transactions) must load it through here rather than calling {@code loadTrustedSetup} itself.
 *
 * <p>
 * jc-kzg-4844 ships the natives but no setup, so the mainnet setup travels as a resource in c-kzg's text format:
 * the counts of G1 and G2 points, the G1 points in Lagrange form, the G2 points, then the G1 points in monomial form,
 * one hex point per line.
 */
public final class KzgSetup {
    static final String RESOURCE = "kzg-trusted-setup-mainnet.txt";
    private static final int G1_BYTES = 48;
    private static final int G2_BYTES = 96;

    private static boolean loaded;

    private KzgSetup() {
    }

    /**
     * Loads the library and the mainnet setup unless that already happened; safe to call from any thread. Throws
     * {@link IllegalStateException} or {@link RuntimeException} from c-kzg when the native library cannot load on this
     * platform: that is a fault of the node, not of any input, and no block can be executed correctly without it.
     */
    public static synchronized void ensureLoaded() {
        if (loaded) return;
        CKZG4844JNI.loadNativeLibrary();
        try (InputStream in = KzgSetup.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("KZG trusted setup resource " + RESOURCE + " is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int g1Count = Integer.parseInt(r.readLine().trim());
            int g2Count = Integer.parseInt(r.readLine().trim());
            byte[] g1Lagrange = readPoints(r, g1Count, G1_BYTES);
            byte[] g2Monomial = readPoints(r, g2Count, G2_BYTES);
            byte[] g1Monomial = readPoints(r, g1Count, G1_BYTES);
            // Precompute level 0: verification needs no tables, and higher levels only speed up proof computation.
            CKZG4844JNI.loadTrustedSetup(g1Monomial, g1Lagrange, g2Monomial, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the KZG trusted setup", e);
        }
        loaded = true;
    }

    private static byte[] readPoints(BufferedReader r, int count, int size) throws IOException {
        byte[] out = new byte[count * size];
        for (int i = 0; i < count; i++) {
            String line = r.readLine();
            if (line == null)
                throw new IllegalStateException("KZG trusted setup ends after " + i + " of " + count + " points");
            byte[] point = Hex.decodeStrict(line.trim());
            if (point.length != size)
                throw new IllegalStateException("KZG trusted setup point " + i + " has " + point.length + " bytes");
            System.arraycopy(point, 0, out, i * size, size);
        }
        return out;
    }
}
