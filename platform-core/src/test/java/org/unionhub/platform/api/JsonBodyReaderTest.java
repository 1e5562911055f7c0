package org.unionhub.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the API's JSON reader refuses, and how it names the problem. */
class JsonBodyReaderTest {

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  private static JsonObject read(MediaType type, byte[] body) throws IOException {
    return new JsonBodyReader()
        .readFrom(JsonObject.class, JsonObject.class, null, type, null, stream(body));
  }

  private static InputStream stream(byte[] body) {
    return new ByteArrayInputStream(body);
  }

  private static ApiRefusal refusal(MediaType type, String body) {
    return refusal(type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static ApiRefusal refusal(MediaType type, byte[] body) {
    ApiRefusal refused = catchThrowableOfType(ApiRefusal.class, () -> read(type, body));
    assertThat(refused).as(new String(body, StandardCharsets.UTF_8)).isNotNull();
    return refused;
  }

  private static String code(ApiRefusal r) {
    return r.status()
        + ":"
        + r.body().errors().get(0).field()
        + ":"
        + r.body().errors().get(0).code();
  }

  @Test
  void aShortBodyWithoutACharsetIsUtf8NotAGuess() throws IOException {
    assertThat(code(refusal(JSON, "{"))).isEqualTo("400:null:INVALID_JSON");
    assertThat(read(JSON, "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(read(JSON, "{\"名\":\"张三\"}".getBytes(StandardCharsets.UTF_8)).getString("名"))
        .isEqualTo("张三");
  }

  @Test
  void aDeclaredCharsetIsHonouredAndAnUnknownOneRefused() throws IOException {
    var utf16 = JSON.withCharset("UTF-16");
    assertThat(read(utf16, "{\"a\":\"工会\"}".getBytes(StandardCharsets.UTF_16)).getString("a"))
        .isEqualTo("工会");
    assertThat(code(refusal(JSON.withCharset("klingon"), "{}")))
        .isEqualTo("415:Content-Type:UNSUPPORTED_CHARSET");
  }

  @Test
  void malformedTruncatedAndInvalidBytesAreBadRequestsWithAPosition() {
    ApiRefusal truncated = refusal(JSON, "{\"a\":\n  [1, 2");
    assertThat(code(truncated)).isEqualTo("400:null:INVALID_JSON");
    assertThat(truncated.body().errors().get(0).line()).isEqualTo(2);
    assertThat(
            code(
                refusal(JSON, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})))
        .isEqualTo("400:null:INVALID_ENCODING");
    assertThat(code(refusal(JSON, "{\"a\":1,\"a\":2}"))).isEqualTo("400:null:INVALID_JSON");
  }

  @Test
  void onlyObjectsAreBodies() {
    assertThat(code(refusal(JSON, "[]"))).isEqualTo("400:null:NOT_AN_OBJECT");
    assertThat(code(refusal(JSON, "42"))).isEqualTo("400:null:NOT_AN_OBJECT");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() throws IOException {
    int ok = JsonBodyReader.MAX_DEPTH - 1;
    assertThat(read(JSON, ("{\"a\":" + "[".repeat(ok) + "]".repeat(ok) + "}").getBytes()))
        .containsKey("a");
    int tooDeep = JsonBodyReader.MAX_DEPTH;
    assertThat(code(refusal(JSON, "{\"a\":" + "[".repeat(tooDeep) + "]".repeat(tooDeep) + "}")))
        .isEqualTo("400:null:TOO_DEEP");
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThat(code(refusal(JSON, deep))).isEqualTo("400:null:TOO_DEEP");
  }

  @Test
  void nulAndUnpairedSurrogatesAreRefusedNamingTheirPath() {
    assertThat(code(refusal(JSON, "{\"data\":{\"name\":\"a\\u0000b\"}}")))
        .isEqualTo("422:data.name:NUL_CHARACTER");
    assertThat(code(refusal(JSON, "{\"list\":[\"ok\",\"\\ud800x\"]}")))
        .isEqualTo("422:list[1]:UNPAIRED_SURROGATE");
    assertThat(code(refusal(JSON, "{\"\\udc00\":1}"))).isEqualTo("422:\udc00:UNPAIRED_SURROGATE");
  }

  @Test
  void rightToLeftMarksAndPairedSurrogatesAreText() throws IOException {
    String text = "{\"name\":\"\\u202Eabc\\u200F 😀 ئۇيغۇر\"}";
    assertThat(read(JSON, text.getBytes(StandardCharsets.UTF_8)).getString("name"))
        .isEqualTo("\u202Eabc\u200F 😀 ئۇيغۇر");
  }

  @Test
  void anEmptyBodyIsNoBody() throws IOException {
    assertThat(read(JSON, new byte[0])).isNull();
  }

  @Test
  void aBodyOverTheLimitIsRefusedWhileItIsRead() {
    byte[] big = new byte[BodyLimit.maxBytes() + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThat(code(refusal(JSON, big))).isEqualTo("413:null:BODY_TOO_LARGE");
  }

  @Test
  void smallBodiesRefuseUnknownFieldsWrongTypesAndLongTexts() {
    var fields = Map.of("note", Bodies.text(5), "lock", Bodies.bool());
    ApiRefusal refused =
        catchThrowableOfType(
            ApiRefusal.class,
            () ->
                Bodies.check(
                    jakarta.json.Json.createObjectBuilder()
                        .add("note", "123456")
                        .add("lock", "yes")
                        .add("other", 1)
                        .build(),
                    fields));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().errors())
        .extracting(e -> e.field() + ":" + e.code())
        .containsExactlyInAnyOrder("note:TOO_LONG", "lock:NOT_BOOLEAN", "other:UNKNOWN_FIELD");
    Bodies.check(null, fields);
    Bodies.check(
        jakarta.json.Json.createObjectBuilder().add("note", "ok").addNull("lock").build(), fields);
  }
}
