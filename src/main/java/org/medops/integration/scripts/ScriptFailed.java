package org.medops.integration.scripts;

/**
 * A script did not compile, threw, or went over a limit. {@code line} is the line in the script's own text
 * (0 when unknown); the message never quotes the message content the script was given.
 */
public class ScriptFailed extends RuntimeException {

    private final int line;

    ScriptFailed(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
