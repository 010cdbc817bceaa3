package io.krrkit.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file written from a known offset, buffered, that can be made durable: {@link #sync()} returns
 * an offset up to which every byte is on disk, for a checkpoint to record.
 */
final class SyncedFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final OutputStream out;
  private long written;

  private SyncedFile(Path path, FileChannel channel, long offset) {
    this.path = path;
    this.channel = channel;
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    this.written = offset;
  }

  /**
   * Opens {@code path} for writing after its first {@code offset} bytes; anything beyond them (left
   * by a crash after the last checkpoint) is cut off.
   */
  static SyncedFile openAt(Path path, long offset) throws IOException {
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (channel.size() < offset) {
      long size = channel.size();
      channel.close();
      throw new CliErrors.Failure(
          ExitCode.IO_ERROR,
          path
              + " is shorter ("
              + size
              + " bytes) than its checkpoint says ("
              + offset
              + " bytes); it was changed since. Remove the output and its checkpoint and start"
              + " again.");
    }
    channel.truncate(offset);
    channel.position(offset);
    return new SyncedFile(path, channel, offset);
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    written += bytes.length;
  }

  /** Flushes and forces everything written to disk; returns the file's length. */
  long sync() throws IOException {
    out.flush();
    channel.force(false);
    return written;
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
