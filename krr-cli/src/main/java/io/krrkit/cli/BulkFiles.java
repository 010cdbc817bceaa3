package io.krrkit.cli;

import java.nio.file.Path;

/** The files of one {@code krr lookup --in} run. */
record BulkFiles(Path input, Path output, Path rejects, Path checkpoint) {}
