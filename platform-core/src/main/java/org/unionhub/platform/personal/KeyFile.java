package org.unionhub.platform.personal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * The key file of this node: {@code unionhub.keys.file} (a system property; {@code ./unionhub
 * start} sets it to {@code data/unionhub-keys.properties}), by default {@code
 * unionhub-keys.properties} in WildFly's data directory. Created with fresh keys, readable by its
 * owner only, when it does not exist; nodes of one cluster are given one file. Re-read when it
 * changes — at most every few seconds — so that {@code ./unionhub keys rotate} takes effect without
 * a restart.
 */
@ApplicationScoped
public class KeyFile {

  private static final Logger LOG = Logger.getLogger(KeyFile.class.getName());
  private static final long RECHECK_NANOS = 3_000_000_000L;

  private volatile KeyRing ring;
  private volatile FileTime loadedAt;
  private volatile long checkedAt;

  /**
   * @return the current keys
   */
  public KeyRing ring() {
    KeyRing current = ring;
    long now = System.nanoTime();
    if (current == null || now - checkedAt > RECHECK_NANOS) {
      synchronized (this) {
        if (ring == null || now - checkedAt > RECHECK_NANOS) {
          reloadIfChanged();
          checkedAt = now;
        }
        current = ring;
      }
    }
    return current;
  }

  /**
   * @return where the keys are
   */
  public static Path location() {
    String configured = System.getProperty("unionhub.keys.file");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String data = System.getProperty("jboss.server.data.dir", ".");
    return Path.of(data, "unionhub-keys.properties");
  }

  private void reloadIfChanged() {
    Path file = location();
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      FileTime modified = Files.getLastModifiedTime(file);
      if (ring == null || !modified.equals(loadedAt)) {
        KeyRing read = KeyRing.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (ring != null) {
          LOG.info(
              "Key file "
                  + file
                  + " re-read: data key "
                  + read.activeDataKeyId()
                  + ", card key "
                  + read.activeCardKey().id());
        }
        ring = read;
        loadedAt = modified;
      }
    } catch (IOException e) {
      if (ring == null) {
        throw new UncheckedIOException("cannot read the key file " + file, e);
      }
      LOG.warning("Key file " + file + " unreadable, keeping the keys read before: " + e);
    }
  }

  /**
   * Writes a new key file. A hard link publishes it atomically, so that two nodes starting at once
   * on a shared directory end up with one file.
   */
  static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".keys", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.warning("cannot restrict the key file's permissions on this file system");
      }
      Files.writeString(temp, KeyRing.generate().format(), StandardCharsets.UTF_8);
      Files.createLink(file, temp);
      LOG.info("Created the key file " + file + " — back it up; never commit it");
    } catch (FileAlreadyExistsException e) {
      LOG.fine("another node created the key file first");
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
