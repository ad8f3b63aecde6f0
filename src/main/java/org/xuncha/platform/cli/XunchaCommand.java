package org.xuncha.platform.cli;

import java.util.List;

/**
 * A command-line task run as {@code java -jar xuncha.jar <name> args…} instead of the server.
 * Modules contribute commands as beans; the launcher picks one by {@link #name()}.
 */
public interface XunchaCommand {

    String name();

    /** One line in Chinese for the usage text. */
    String summary();

    /** Runs the command; the result is the process exit code. Messages for people go to stdout/stderr. */
    int run(List<String> args);
}
