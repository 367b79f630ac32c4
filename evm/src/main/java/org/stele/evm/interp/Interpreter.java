package org.stele.evm.interp;

import org.stele.common.Fork;
import org.stele.evm.BlockContext;
import org.stele.evm.ExecutionResult;
import org.stele.evm.Message;
import org.stele.evm.TxContext;
import org.stele.evm.state.JournaledState;
import org.stele.evm.tracing.Tracer;

/** Runs messages; see {@link org.stele.evm.Evm}. */
public final class Interpreter {
    public Interpreter(Fork fork, Tracer tracer) {
    }

    public ExecutionResult execute(JournaledState state, Message message, BlockContext block, TxContext tx) {
        throw new UnsupportedOperationException("the interpreter lands in the next commit");
    }
}
