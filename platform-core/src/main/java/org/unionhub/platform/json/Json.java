package org.unionhub.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The factory methods of {@link jakarta.json.Json}, served by one JSON-P provider looked up once.
 *
 * <p>Every call of {@code jakarta.json.Json.createXxx} looks the provider up again through the
 * service loader; inside WildFly's modular class loading that costs more than the JSON work itself
 * (JFR, 2026-12-07: 91 % of reading a survey's results with 100,000 answers, which parses up to
 * 2,000 stored answers; the submission path had the same finding in ADR 18). Platform code imports
 * this class instead of {@code jakarta.json.Json}; {@code JsonFactoryTest} refuses the other one in
 * {@code src/main}.
 *
 * @since 1.0
 */
public final class Json {

  /** The provider, looked up once when this class is first used. */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Json() {}

  /**
   * @see jakarta.json.Json#createObjectBuilder()
   */
  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  /**
   * @see jakarta.json.Json#createObjectBuilder(Map)
   */
  public static JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
    return PROVIDER.createObjectBuilder(map);
  }

  /**
   * @see jakarta.json.Json#createObjectBuilder(JsonObject)
   */
  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  /**
   * @see jakarta.json.Json#createArrayBuilder()
   */
  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  /**
   * @see jakarta.json.Json#createArrayBuilder(Collection)
   */
  public static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
    return PROVIDER.createArrayBuilder(collection);
  }

  /**
   * @see jakarta.json.Json#createArrayBuilder(JsonArray)
   */
  public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
    return PROVIDER.createArrayBuilder(array);
  }

  /**
   * @see jakarta.json.Json#createReader(Reader)
   */
  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  /**
   * @see jakarta.json.Json#createReader(InputStream)
   */
  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  /**
   * @see jakarta.json.Json#createReaderFactory(Map)
   */
  public static JsonReaderFactory createReaderFactory(Map<String, ?> config) {
    return PROVIDER.createReaderFactory(config);
  }

  /**
   * @see jakarta.json.Json#createWriter(Writer)
   */
  public static JsonWriter createWriter(Writer writer) {
    return PROVIDER.createWriter(writer);
  }

  /**
   * @see jakarta.json.Json#createWriter(OutputStream)
   */
  public static JsonWriter createWriter(OutputStream out) {
    return PROVIDER.createWriter(out);
  }

  /**
   * @see jakarta.json.Json#createValue(String)
   */
  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  /**
   * @see jakarta.json.Json#createValue(int)
   */
  public static JsonNumber createValue(int value) {
    return PROVIDER.createValue(value);
  }

  /**
   * @see jakarta.json.Json#createValue(long)
   */
  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  /**
   * @see jakarta.json.Json#createValue(double)
   */
  public static JsonNumber createValue(double value) {
    return PROVIDER.createValue(value);
  }

  /**
   * @see jakarta.json.Json#createValue(BigDecimal)
   */
  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }

  /**
   * @see jakarta.json.Json#createValue(BigInteger)
   */
  public static JsonNumber createValue(BigInteger value) {
    return PROVIDER.createValue(value);
  }
}
