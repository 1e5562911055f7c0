package org.unionhub.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

  @TempDir Path dir;

  @Test
  void aMissingKeyFileIsCreatedForItsOwnerOnlyAndNeverReplaced() throws Exception {
    Path file = dir.resolve("keys/unionhub-keys.properties");
    KeyFile.create(file);
    String first = Files.readString(file);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    KeyFile.create(file);
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(KeyRing.parse(first).activeDataKeyId()).isEqualTo("d1");
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }
}
