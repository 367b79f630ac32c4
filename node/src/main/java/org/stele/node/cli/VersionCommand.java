package org.stele.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code stele version}: the release, the git commit it was built from, and the JDK running it. */
@Command(name = "version", description = "Print the Stele version, git commit and JDK.")
public final class VersionCommand implements Runnable {
    @Override
    public void run() {
        for (String line : new Provider().getVersion()) System.out.println(line);
    }

    /** The release, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return properties().getProperty("version", "unknown");
    }

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/stele-version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource leaves the fields "unknown"
        }
        return p;
    }

    /** Reads {@code stele-version.properties}, which the build fills in. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = VersionCommand.class.getResourceAsStream("/stele-version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                // an unreadable resource leaves the fields "unknown" below
            }
            return new String[]{
                    "Stele " + p.getProperty("version", "unknown"),
                    "commit " + p.getProperty("commit", "unknown")
                            + ("true".equals(p.getProperty("dirty")) ? " (with uncommitted changes)" : ""),
                    "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                            + System.getProperty("java.home") + ")"};
        }
    }
}
