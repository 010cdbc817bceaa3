package io.krrkit.cli;

/** The exit codes of {@code krr}, listed in {@code --help}. */
enum ExitCode {
  OK(0, "Success."),
  SERVICE_ERROR(1, "A service (Maskinporten, KRR, self-service) refused the request."),
  USAGE(2, "Invalid command line or input."),
  IO_ERROR(3, "A file could not be read or written, or the build failed."),
  UNREACHABLE(4, "A service could not be reached."),
  STORE_DAMAGED(
      5, "serve: the store file is damaged or holds no krr-local store (restore or move it)."),
  PORT_IN_USE(6, "serve: the port is taken (another krr serve?); choose one with --port."),
  INTERRUPTED(
      130, "Interrupted (Ctrl-C); lookup --in saved its rows and printed the command to resume.");

  final int code;
  final String description;

  ExitCode(int code, String description) {
    this.code = code;
    this.description = description;
  }
}
