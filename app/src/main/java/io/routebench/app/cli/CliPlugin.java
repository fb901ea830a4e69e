package io.routebench.app.cli;

/**
 * A picocli subcommand that lives outside the shipped application and joins the CLI when its jar is
 * on the class path (the bench module's {@code routebench bench}). Implementations are listed in
 * {@code META-INF/services/io.routebench.app.cli.CliPlugin}, carry picocli's {@code @Command}, and
 * have a public no-argument constructor.
 */
public interface CliPlugin {}
