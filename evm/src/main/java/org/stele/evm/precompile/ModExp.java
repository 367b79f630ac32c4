package org.stele.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05 (EIP-198): {@code base^exp mod modulus} over big-endian integers of caller-given lengths. Input is three
 * 32-byte lengths followed by the operands, read as if right-padded with zeros; the output is {@code modLength}
 * bytes. Priced by EIP-198 before Berlin and by EIP-2565 from Berlin on.
 *
 * <p>
 * The lengths are 256-bit and chosen by the caller, so the price is computed from them without reading or allocating
 * anything they claim, and the operands are read only after the price has been paid. Zero padding beyond the input
 * is never materialised: missing exponent bytes become squarings, which the price already covers.
 */
final class ModExp implements Precompile {
    private static final BigInteger B32 = BigInteger.valueOf(32);
    private static final BigInteger B64 = BigInteger.valueOf(64);
    private static final BigInteger B1024 = BigInteger.valueOf(1024);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Operands longer than this could only be paid for with more than 10^16 gas. */
    private static final int MAX_OPERAND_LENGTH = 1 << 30;

    private final boolean eip2565;

    ModExp(boolean eip2565) {
        this.eip2565 = eip2565;
    }

    @Override
    public String name() {
        return "modexp";
    }

    @Override
    public long gasCost(byte[] input) {
        BigInteger baseLen = word(input, 0);
        BigInteger expLen = word(input, 32);
        BigInteger modLen = word(input, 64);
        long dataLen = Math.max(0, input.length - 96L);

        // The first 32 bytes of the exponent decide its bit length; they are zero when the input ends before them.
        BigInteger expHead = BigInteger.ZERO;
        if (baseLen.compareTo(BigInteger.valueOf(dataLen)) < 0) {
            int headLen = expLen.min(B32).intValue();
            expHead = new BigInteger(1, read(input, 96 + baseLen.longValueExact(), headLen));
        }
        BigInteger adjustedExpLen = BigInteger.valueOf(Math.max(expHead.bitLength() - 1, 0));
        if (expLen.compareTo(B32) > 0) {
            adjustedExpLen = adjustedExpLen.add(expLen.subtract(B32).shiftLeft(3));
        }
        BigInteger iterations = adjustedExpLen.max(BigInteger.ONE);
        BigInteger maxLen = baseLen.max(modLen);

        BigInteger gas;
        if (eip2565) {
            BigInteger words = maxLen.add(BigInteger.valueOf(7)).shiftRight(3);
            gas = words.multiply(words).multiply(iterations).divide(BigInteger.valueOf(3));
            gas = gas.max(BigInteger.valueOf(200));
        } else {
            gas = multComplexityEip198(maxLen).multiply(iterations).divide(BigInteger.valueOf(20));
        }
        return gas.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : gas.longValue();
    }

    private static BigInteger multComplexityEip198(BigInteger x) {
        BigInteger sq = x.multiply(x);
        if (x.compareTo(B64) <= 0) return sq;
        if (x.compareTo(B1024) <= 0) {
            return sq.shiftRight(2).add(x.multiply(BigInteger.valueOf(96))).subtract(BigInteger.valueOf(3072));
        }
        return sq.shiftRight(4).add(x.multiply(BigInteger.valueOf(480))).subtract(BigInteger.valueOf(199680));
    }

    @Override
    public byte[] compute(byte[] input) throws PrecompileFailure {
        BigInteger baseLenBig = word(input, 0);
        BigInteger expLenBig = word(input, 32);
        BigInteger modLenBig = word(input, 64);
        if (baseLenBig.signum() == 0 && modLenBig.signum() == 0) {
            return new byte[0];
        }
        if (baseLenBig.compareTo(BigInteger.valueOf(MAX_OPERAND_LENGTH)) > 0
                || modLenBig.compareTo(BigInteger.valueOf(MAX_OPERAND_LENGTH)) > 0) {
            throw new PrecompileFailure("modexp operand length beyond " + MAX_OPERAND_LENGTH + " bytes");
        }
        int baseLen = baseLenBig.intValue();
        int modLen = modLenBig.intValue();
        long expOffset = 96L + baseLen;
        BigInteger modOffset = expLenBig.add(BigInteger.valueOf(expOffset));

        BigInteger mod = modOffset.compareTo(BigInteger.valueOf(input.length)) >= 0
                ? BigInteger.ZERO
                : new BigInteger(1, read(input, modOffset.longValue(), modLen));
        if (mod.signum() == 0) {
            return new byte[modLen];
        }
        BigInteger base = new BigInteger(1, read(input, 96, baseLen));

        // The exponent is the bytes present in the input followed by (expLen - present) zero bytes.
        long available = Math.max(0, input.length - expOffset);
        int present = (int) expLenBig.min(BigInteger.valueOf(available)).longValue();
        BigInteger exp = new BigInteger(1, read(input, expOffset, present));
        BigInteger missingBytes = expLenBig.subtract(BigInteger.valueOf(present));

        BigInteger result = base.modPow(exp, mod);
        if (exp.signum() != 0 && missingBytes.signum() > 0) {
            // base^(e * 2^(8k)) = (base^e)^(2^(8k)): square 8k times, stopping once the value is fixed.
            // Each missing byte adds 8 iterations to the price, so any count that was paid for fits a long.
            long squarings = missingBytes.bitLength() > 59 ? Long.MAX_VALUE : missingBytes.longValue() << 3;
            for (long i = 0; i < squarings; i++) {
                if (result.signum() == 0 || result.equals(BigInteger.ONE)) break;
                result = result.multiply(result).mod(mod);
            }
        }
        return leftPad(result, modLen);
    }

    /** The 32-byte big-endian word at {@code offset}, zero-padded. */
    private static BigInteger word(byte[] input, int offset) {
        return new BigInteger(1, read(input, offset, 32));
    }

    /** {@code length} bytes of {@code input} from {@code offset}, as if the input continued with zeros. */
    private static byte[] read(byte[] input, long offset, int length) {
        byte[] out = new byte[length];
        if (offset < input.length) {
            int n = (int) Math.min(length, input.length - offset);
            System.arraycopy(input, (int) offset, out, 0, n);
        }
        return out;
    }

    private static byte[] leftPad(BigInteger value, int length) {
        byte[] v = value.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(v.length, length);
        System.arraycopy(v, v.length - n, out, length - n, n);
        return out;
    }
}
