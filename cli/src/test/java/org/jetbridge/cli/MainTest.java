package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbridge.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void versionIsTheMavenProjectVersion() {
        String expected = System.getProperty("jetbridge.expectedVersion");
        assertNotNull(expected, "surefire passes the POM version");
        Result r = CliRunner.run("--version");
        assertEquals(0, r.status());
        assertEquals("jetbridge " + expected + System.lineSeparator(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void helpListsTheSubCommands() {
        Result r = CliRunner.run("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("Commands:"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+cluster\\s+Cluster the particles.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+observables\\s+Cluster every event into jets.*"), r.out());
        Result sub = CliRunner.run("help", "cluster");
        assertEquals(0, sub.status());
        assertTrue(sub.out().contains("--radius"), sub.out());
    }

    @Test
    void unknownOptionIsOneLinePlusHintAndStatusTwo() {
        Result r = CliRunner.run("--frobnicate");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(2, r.errLines().size(), r.err());
        assertEquals("jetbridge: Unknown option: '--frobnicate'", r.errLines().get(0));
        assertEquals("Try 'jetbridge --help' for usage.", r.errLines().get(1));
        Result unknownCommand = CliRunner.run("clusterr");
        assertEquals(2, unknownCommand.status());
        assertTrue(unknownCommand.errLines().get(0).startsWith("jetbridge: "), unknownCommand.err());
        assertFalse(unknownCommand.err().contains("Exception"), unknownCommand.err());
    }

    @Test
    void noCommandShowsUsageWithStatusTwo() {
        Result r = CliRunner.run();
        assertEquals(2, r.status());
        assertEquals("jetbridge: missing command", r.errLines().get(0));
        assertTrue(r.err().contains("Usage: jetbridge"), r.err());
    }
}
