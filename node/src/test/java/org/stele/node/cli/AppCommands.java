package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** One application's subcommands against one node, as a user types them: {@code stele APP SUB --rpc=URL ARGS}. */
record AppCommands(String application, String rpc) {
    /** Runs {@code SUB ARGS}: the first argument is the subcommand. */
    CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = application;
        all[1] = args[0];
        all[2] = "--rpc=" + rpc;
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return CliRun.of(all);
    }

    /** Runs {@code SUB ARGS}, asserts it exits 0, and answers what it printed, stripped. */
    String ok(String... args) {
        CliRun r = run(args);
        assertThat(r.status()).as("%s: %s %s", String.join(" ", args), r.err(), r.out()).isZero();
        return r.out().strip();
    }
}
