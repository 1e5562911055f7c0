package org.unionhub.platform.personal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code ./unionhub keys rotate|rotate-card|status}: changes the key file while servers run. The
 * new file replaces the old one atomically; every node re-reads it within seconds, seals new data
 * under the new key, and re-seals old data in the background ({@link ResealJob}); old keys stay in
 * the file so that nothing becomes unreadable meanwhile.
 */
public final class KeyTool {

  private KeyTool() {}

  /**
   * @param args the command and the key file
   * @throws IOException when the file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: KeyTool rotate|rotate-card|status <key file>");
      System.exit(2);
    }
    Path file = Path.of(args[1]);
    if (!Files.exists(file)) {
      KeyFile.create(file);
    }
    KeyRing ring = KeyRing.parse(Files.readString(file, StandardCharsets.UTF_8));
    switch (args[0]) {
      case "rotate" -> write(file, ring = ring.rotateDataKey());
      case "rotate-card" -> write(file, ring = ring.rotateCardKey());
      case "status" -> {}
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
    System.out.println(
        "key file "
            + file
            + ": personal data sealed with "
            + ring.activeDataKeyId()
            + ", member cards signed with "
            + ring.activeCardKey().id()
            + " (published: "
            + String.join(", ", ring.cardKeys().keySet())
            + ")");
  }

  private static void write(Path file, KeyRing ring) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keys", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions protect it
      }
      Files.writeString(temp, ring.format(), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
