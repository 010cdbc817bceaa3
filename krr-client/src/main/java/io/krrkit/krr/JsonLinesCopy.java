package io.krrkit.krr;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.core.krr.Person;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A {@link LocalCopy} kept as a JSON Lines snapshot (one person per line in KRR's JSON, sorted by
 * identity number) and a sidecar file {@code <snapshot>.change-id} holding the change id it is up
 * to date with. Held in memory while open; {@link #save()} (and {@link #close()}) write both files
 * atomically, snapshot first, so a crash at worst makes the next sync repeat pages it had applied.
 *
 * <pre>{@code
 * try (JsonLinesCopy copy = JsonLinesCopy.open(Path.of("krr-copy.jsonl"))) {
 *   feed.sync(copy);
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class JsonLinesCopy implements LocalCopy, AutoCloseable {
  private static final ObjectMapper JSON = KrrJson.newObjectMapper();

  private final Path snapshot;
  private final Path changeIdFile;
  private final NavigableMap<String, Person> persons = new TreeMap<>();
  // Suppliers share one certificate among many persons: keep one instance of each.
  private final Map<String, String> certificates = new HashMap<>();
  private long lastChangeId;

  private JsonLinesCopy(Path snapshot) {
    this.snapshot = snapshot;
    this.changeIdFile = snapshot.resolveSibling(snapshot.getFileName() + ".change-id");
  }

  /** Opens the copy at {@code snapshot}, or an empty one when the file does not exist yet. */
  public static JsonLinesCopy open(Path snapshot) {
    JsonLinesCopy copy = new JsonLinesCopy(snapshot.toAbsolutePath());
    copy.load();
    return copy;
  }

  @Override
  public long lastChangeId() {
    return lastChangeId;
  }

  @Override
  public void apply(List<Person> changed, long tilEndringsId) {
    for (Person p : changed) {
      persons.put(p.personidentifikator(), shareCertificate(p));
    }
    lastChangeId = Math.max(lastChangeId, tilEndringsId);
  }

  /** The persons of the copy, by identity number. */
  public Map<String, Person> persons() {
    return Collections.unmodifiableMap(persons);
  }

  /** Writes the snapshot and then the change id, each atomically. */
  public void save() {
    try {
      Files.createDirectories(snapshot.getParent());
      Path temp = Files.createTempFile(snapshot.getParent(), ".krr-copy", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp);
          SequenceWriter lines = JSON.writer().withRootValueSeparator("\n").writeValues(out)) {
        lines.writeAll(persons.values());
        lines.flush();
        out.write('\n');
      }
      Files.move(
          temp, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path idTemp = Files.createTempFile(snapshot.getParent(), ".krr-copy", ".tmp");
      Files.writeString(idTemp, lastChangeId + "\n", StandardCharsets.US_ASCII);
      Files.move(
          idTemp,
          changeIdFile,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the KRR copy to " + snapshot, e);
    }
  }

  /** Saves. */
  @Override
  public void close() {
    save();
  }

  private void load() {
    try {
      if (Files.exists(changeIdFile)) {
        lastChangeId = Long.parseLong(Files.readString(changeIdFile).trim());
      }
      if (Files.exists(snapshot)) {
        try (MappingIterator<Person> it =
            JSON.readerFor(Person.class).readValues(snapshot.toFile())) {
          while (it.hasNext()) {
            Person p = it.next();
            persons.put(p.personidentifikator(), shareCertificate(p));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException(
          "cannot read the KRR copy at "
              + snapshot
              + " (delete it and its .change-id file to sync from scratch)",
          e);
    }
  }

  private Person shareCertificate(Person p) {
    if (p.sertifikat() == null) {
      return p;
    }
    String shared = certificates.computeIfAbsent(p.sertifikat(), c -> c);
    if (shared == p.sertifikat()) {
      return p;
    }
    return new Person(
        p.personidentifikator(),
        p.reservasjon(),
        p.status(),
        p.varslingsstatus(),
        p.reservasjonstidspunkt(),
        p.reservasjonOppdatert(),
        p.kontaktinformasjon(),
        p.digitalPost(),
        shared,
        p.spraak(),
        p.spraakOppdatert());
  }
}
