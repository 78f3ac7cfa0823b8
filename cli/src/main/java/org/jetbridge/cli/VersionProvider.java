package org.jetbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The program version: the Maven project version, written into version.properties when the jar is built. */
public final class VersionProvider implements IVersionProvider {
    /** The version string, e.g. "0.1.0-SNAPSHOT", or "unknown" outside a Maven build. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"jetbridge " + version()};
    }
}
