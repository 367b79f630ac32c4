package org.stele.node.cli.common;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The one way a command reports a failure: {@code PREFIX: message} in one line on standard error and an exit status
 * (1 refused, unreachable or not verified; 2 a bad argument), never a stack trace. Each command family says which of
 * its exceptions means what ({@code classify}); picocli's own parameter errors keep picocli's usage message.
 */
public final class CommandErrors {
    private CommandErrors() {
    }

    /** The exit status and the line a failure is reported with. */
    public record Failure(int status, String message) {
        public static Failure refused(String message) {
            return new Failure(1, message);
        }

        public static Failure badArgument(String message) {
            return new Failure(2, message);
        }
    }

    /** A command's work: answers its exit status. */
    @FunctionalInterface
    public interface Body {
        int run() throws Exception;
    }

    /** {@code stele APP SUBCOMMAND: }, the subcommand named by its {@code @Command} annotation. */
    public static String prefix(String application, Object command) {
        return "stele " + application + " " + command.getClass().getAnnotation(CommandLine.Command.class).name()
                + ": ";
    }

    /** Runs {@code body}; a failure is printed as {@code prefix} and the line {@code classify} gives it. */
    public static int run(String prefix, Body body, Function<Exception, Failure> classify) {
        try {
            return body.run();
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException)
                Thread.currentThread().interrupt();
            Failure failure = classify.apply(e);
            new PrintWriter(System.err, true, StandardCharsets.UTF_8).println(prefix + failure.message());
            return failure.status();
        }
    }

    /** A bad argument ({@link IllegalArgumentException}) is status 2, anything else 1, each said by its message. */
    public static Failure usual(Exception e) {
        return e instanceof IllegalArgumentException ? Failure.badArgument(message(e)) : refused(e);
    }

    /** Status 1, said by the exception's message. */
    public static Failure refused(Exception e) {
        return Failure.refused(message(e));
    }

    /** An exception's message, or what it is when it has none. */
    public static String message(Exception e) {
        if (e instanceof InterruptedException)
            return "interrupted";
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
