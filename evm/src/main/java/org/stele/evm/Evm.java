package org.stele.evm;

import java.util.Arrays;
import org.stele.common.Address;
import org.stele.common.Fork;
import org.stele.common.rlp.RlpWriter;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.interp.Interpreter;
import org.stele.evm.precompile.Precompiles;
import org.stele.evm.state.JournaledState;
import org.stele.evm.tracing.Tracer;

/**
 * The EVM of one fork. {@link #execute} runs one transaction's message to completion; it is what the transaction
 * processor calls after it has bumped the sender's nonce, bought the gas, and warmed the access list and the coinbase.
 * {@code execute} itself warms the caller, the target and the precompiles (EIP-2929), moves the value, and for a
 * creation checks for a collision, sets the new account's nonce to 1 and deposits the code.
 *
 * <p>
 * An {@code Evm} holds no per-transaction state and may be reused; it is not thread-safe because it keeps its frame
 * stack between calls to save allocations. Use one per thread.
 */
public final class Evm {
    private final Fork fork;
    private final Interpreter interpreter;

    public Evm(Fork fork) {
        this(fork, null);
    }

    /** @param tracer observes every step and call, or {@code null} for none (then tracing costs nothing). */
    public Evm(Fork fork, Tracer tracer) {
        this(fork, Precompiles.forFork(fork), tracer);
    }

    /** With a custom precompile set, for chains that add their own precompiles. */
    public Evm(Fork fork, Precompiles precompiles, Tracer tracer) {
        if (!fork.isAtLeast(Fork.BERLIN))
            throw new IllegalArgumentException("the EVM supports Berlin and later, not " + fork);
        this.fork = fork;
        this.interpreter = new Interpreter(fork, precompiles, tracer);
    }

    public Fork fork() {
        return fork;
    }

    public ExecutionResult execute(JournaledState state, Message message, BlockContext block, TxContext tx) {
        return interpreter.execute(state, message, block, tx, null);
    }

    /**
     * As {@link #execute(JournaledState, Message, BlockContext, TxContext)}, with every call the message makes (and the
     * message itself) asked of {@code guard} first.
     *
     * @param guard the chain's call rule, or {@code null} when it has none to apply (then calls pay nothing for it)
     */
    public ExecutionResult execute(JournaledState state, Message message, BlockContext block, TxContext tx,
            CallGuard guard) {
        return interpreter.execute(state, message, block, tx, guard);
    }

    /** The address CREATE gives: the last 20 bytes of keccak(rlp([sender, nonce])). */
    public static Address createAddress(Address sender, long nonce) {
        RlpWriter w = new RlpWriter();
        w.startList();
        w.writeBytes(sender.unsafeArray());
        w.writeUnsignedLong(nonce);
        w.endList();
        byte[] h = Keccak256.hash(w.toByteArray());
        return Address.wrap(Arrays.copyOfRange(h, 12, 32));
    }

    /** EIP-1014: the last 20 bytes of keccak(0xff ++ sender ++ salt ++ keccak(initCode)). */
    public static Address create2Address(Address sender, byte[] salt32, byte[] initCodeHash) {
        byte[] buf = new byte[85];
        buf[0] = (byte) 0xFF;
        System.arraycopy(sender.unsafeArray(), 0, buf, 1, 20);
        System.arraycopy(salt32, 0, buf, 21, 32);
        System.arraycopy(initCodeHash, 0, buf, 53, 32);
        byte[] h = Keccak256.hash(buf);
        return Address.wrap(Arrays.copyOfRange(h, 12, 32));
    }
}
