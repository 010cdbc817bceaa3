package io.krrkit.local.internal.state;

import io.krrkit.local.internal.state.StateImportException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The emulator's state as files, one JSON file per kind (docs/testing.md#state-seed-export-import):
 * read from and written to a directory ({@code krr serve --init DIR}, {@code krr admin export DIR})
 * or a zip archive ({@code GET|POST /admin/state}). Holds the files' bytes unparsed, so problems
 * are reported by their lines in the files as written.
 */
public final class StateFiles {
  /** Registered clients with their on-behalf-of registrations. */
  public static final String CLIENTS = "clients.json";

  /** The clients' public keys. */
  public static final String KEYS = "keys.json";

  /** Registered scopes (the built-in ones included). */
  public static final String SCOPES = "scopes.json";

  /** Organisations' access to scopes. */
  public static final String ACCESS = "access.json";

  /** Delegations of scopes from consumers to suppliers. */
  public static final String DELEGATIONS = "delegations.json";

  /** Altinn's system users (behind Maskinporten's authorization_details). */
  public static final String SYSTEM_USERS = "altinn-system-users.json";

  /** Altinn's consents (behind Maskinporten's authorization_details). */
  public static final String CONSENTS = "altinn-consents.json";

  /** The register's persons. */
  public static final String PERSONS = "persons.json";

  /**
   * Persons of the computed population purged from the register, identity numbers only: without
   * them an import would show those persons again.
   */
  public static final String FORGOTTEN = "persons-forgotten.json";

  /** The emulator's private signing keys: exported only when asked, never imported. */
  public static final String SIGNING_KEYS = "signing-keys.json";

  /** Every file name, in the order an import reads them. */
  public static final List<String> NAMES =
      List.of(
          SCOPES,
          ACCESS,
          CLIENTS,
          KEYS,
          DELEGATIONS,
          SYSTEM_USERS,
          CONSENTS,
          PERSONS,
          FORGOTTEN,
          SIGNING_KEYS);

  /** The most bytes the files of one import may hold together, unpacked. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private final Map<String, byte[]> files;

  private StateFiles(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /**
   * The files {@code files} holds, by name.
   *
   * @throws StateImportException when a name is not one of {@link #NAMES}
   */
  public static StateFiles of(Map<String, byte[]> files) {
    List<Problem> problems = new ArrayList<>();
    Map<String, byte[]> known = new LinkedHashMap<>();
    for (String name : NAMES) {
      if (files.containsKey(name)) {
        known.put(name, files.get(name).clone());
      }
    }
    files.keySet().stream()
        .filter(name -> !NAMES.contains(name))
        .sorted()
        .forEach(name -> problems.add(unknown(name)));
    if (!problems.isEmpty()) {
      throw new StateImportException(problems);
    }
    return new StateFiles(known);
  }

  /**
   * The state files in {@code dir}: every {@code *.json} file there must be one of {@link #NAMES};
   * other files (a README) are left alone.
   *
   * @throws StateImportException when the directory cannot be read or holds an unknown JSON file
   */
  public static StateFiles read(Path dir) {
    String where = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    if (!Files.isDirectory(dir)) {
      throw new StateImportException(
          List.of(new Problem(where, 0, "is not a directory of state files (" + allNames() + ")")));
    }
    Map<String, byte[]> found = new LinkedHashMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path file : entries.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") && Files.isRegularFile(file)) {
          found.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new StateImportException(
          List.of(new Problem(where, 0, "cannot be read (" + e.getClass().getSimpleName() + ")")));
    }
    return of(found);
  }

  /**
   * The files of a zip archive, each at its top level or in one folder ({@code
   * state/clients.json}).
   *
   * @throws StateImportException when it is not a zip archive, holds an unknown or repeated file,
   *     or unpacks to more than {@link #MAX_BYTES}
   */
  public static StateFiles unzip(InputStream zip) {
    Map<String, byte[]> found = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(zip)) {
      ZipEntry entry;
      byte[] buffer = new byte[8192];
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (found.containsKey(name)) {
          throw new StateImportException(List.of(new Problem(name, 0, "is in the archive twice")));
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > MAX_BYTES) {
            throw new StateImportException(
                List.of(
                    new Problem(
                        name, 0, "the archive unpacks to more than " + MAX_BYTES + " bytes")));
          }
          content.write(buffer, 0, n);
        }
        found.put(name, content.toByteArray());
      }
    } catch (ZipException e) {
      throw notZip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the state archive", e);
    }
    if (found.isEmpty()) {
      throw notZip();
    }
    return of(found);
  }

  /** The files as a zip archive, in the order of {@link #NAMES}. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the state archive", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the files into {@code dir} (created when missing), each replaced whole; a state file
   * there that this state lacks (an old {@code signing-keys.json}) is removed, so the directory
   * holds this state only. Other files are left alone.
   */
  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String name : NAMES) {
        Path target = dir.resolve(name);
        byte[] content = files.get(name);
        if (content == null) {
          Files.deleteIfExists(target);
          continue;
        }
        Path temporary = dir.resolve("." + name + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the state files to " + dir, e);
    }
  }

  /** The content of file {@code name}, when present. */
  public Optional<byte[]> get(String name) {
    return Optional.ofNullable(files.get(name)).map(byte[]::clone);
  }

  /** The names of the files present, in the order of {@link #NAMES}. */
  public List<String> names() {
    return List.copyOf(files.keySet());
  }

  private static Problem unknown(String name) {
    return new Problem(
        name.length() > 80 ? name.substring(0, 80) + "…" : name,
        0,
        "is not a state file; the files are " + allNames());
  }

  private static String allNames() {
    return String.join(", ", NAMES);
  }

  private static StateImportException notZip() {
    return new StateImportException(
        List.of(
            new Problem(
                "the body",
                0,
                "is not a zip archive of state files ("
                    + allNames()
                    + "); 'krr admin import DIR' makes one")));
  }
}
