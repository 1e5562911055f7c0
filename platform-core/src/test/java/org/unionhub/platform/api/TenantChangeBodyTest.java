package org.unionhub.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.tenancy.TenantAdministration.TenantChange;
import org.unionhub.platform.tenancy.TenantChangeRefusedException;

/** What a PATCH body may say about a tenant, before the tree rules look at it. */
class TenantChangeBodyTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static List<String> refusals(String body) {
    var refused =
        catchThrowableOfType(
            TenantChangeRefusedException.class, () -> TenantResource.change(json(body)));
    assertThat(refused).as(body).isNotNull();
    return refused.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void namesParentsAndActiveAreReadAndAbsentOnesLeftAlone() {
    assertThat(TenantResource.change(json("{\"name\":\"新名称\",\"active\":false}")))
        .isEqualTo(new TenantChange("新名称", null, false));
    assertThat(TenantResource.change(json("{\"parent\":\"gd-sz-ft\",\"name\":null}")))
        .isEqualTo(new TenantChange(null, "gd-sz-ft", null));
    assertThat(TenantResource.change(null)).isEqualTo(new TenantChange(null, null, null));
  }

  @Test
  void codesAndLevelsNeverChangeAndUnknownFieldsAreNamed() {
    assertThat(refusals("{\"code\":\"x-1\",\"level\":\"district\",\"colour\":\"red\"}"))
        .containsExactly("code:IMMUTABLE", "level:IMMUTABLE", "colour:UNKNOWN_FIELD");
  }

  @Test
  void valuesOfTheWrongTypeAreRefusedTogether() {
    assertThat(refusals("{\"name\":42,\"parent\":[\"gd\"],\"active\":\"no\"}"))
        .containsExactlyInAnyOrder("name:NOT_TEXT", "parent:NOT_TEXT", "active:NOT_BOOLEAN");
    var refused =
        catchThrowableOfType(
            TenantChangeRefusedException.class,
            () -> TenantResource.change(json("{\"active\":1}")));
    assertThat(refused.errors()).extracting(FieldError::message).allMatch(m -> !m.isBlank());
  }
}
