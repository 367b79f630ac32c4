package org.stele.apps.identity.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;

/**
 * A status list's bits and their {@code encodedList} form (Bitstring Status List v1.0, §4.1): the multibase prefix
 * {@code u} and the base64url (no padding) of the GZIP of the bits, bit 0 being the most significant bit of byte 0.
 * A list holds at least {@link #MIN_BYTES} bytes (131,072 entries), for herd privacy.
 */
public final class Bitstring {
    public static final int MIN_BYTES = 16 * 1024;
    /** No list decoded here may inflate beyond this, so a hostile list cannot exhaust memory. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private Bitstring() {
    }

    public static String encode(byte[] bits) {
        if (bits.length < MIN_BYTES)
            throw new IllegalArgumentException(
                    "a status list holds at least " + MIN_BYTES + " bytes, not " + bits.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Jws.b64(out.toByteArray());
    }

    public static byte[] decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u"))
            throw new VcException("an encodedList starts with the multibase prefix u (base64url)");
        byte[] gzipped = Jws.unb64(encodedList.substring(1));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] bits = in.readNBytes(MAX_BYTES + 1);
            if (bits.length > MAX_BYTES) throw new VcException("the status list inflates beyond 16 MB");
            if (bits.length < MIN_BYTES)
                throw new VcException("the status list holds " + bits.length + " bytes, fewer than the 16 KB minimum");
            return bits;
        } catch (IOException e) {
            throw new VcException("the encodedList is not GZIP data: " + e.getMessage());
        }
    }

    /** Bit {@code index}: the most significant bit of byte 0 is bit 0. */
    public static boolean get(byte[] bits, long index) {
        if (index < 0 || index >= 8L * bits.length)
            throw new VcException("status index " + index + " is outside the list's " + 8L * bits.length + " bits");
        return (bits[(int) (index / 8)] & (0x80 >>> (index % 8))) != 0;
    }

    public static void set(byte[] bits, long index) {
        bits[(int) (index / 8)] |= (byte) (0x80 >>> (index % 8));
    }
}
