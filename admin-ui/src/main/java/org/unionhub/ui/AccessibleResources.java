package org.unionhub.ui;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Faces resources as members and staff should get them (ADR 15).
 *
 * <ul>
 *   <li>Every resource URL carries a version ({@code v=}), so that the server can let browsers keep
 *       it for a year: PrimeFaces' own resources carry PrimeFaces' version; the application's (and
 *       Faces' script) get a hash of their content, which changes exactly when they do.
 *   <li>PrimeFaces' Saga theme is served with the colours that fail WCAG's 4.5:1 contrast against
 *       white (its blue, green, cyan and grey buttons, tags and links) replaced by darker shades of
 *       the same hues, so that every page keeps the look and passes axe-core.
 * </ul>
 */
public class AccessibleResources extends ResourceHandlerWrapper {

  static final String THEME_LIBRARY = "primefaces-saga-blue";
  static final String THEME = "theme.css";

  /** Saga's colour → the replacement, each at least 4.5:1 against white (text) or with white. */
  static final Map<String, String> PALETTE = palette();

  /**
   * A colour as Saga writes it: {@code #rrggbb}, or {@code rgb(r,g,b)} with fractional components,
   * which is how its Sass wrote the darkened hover and active shades (the primary button's hover is
   * {@code rgb(12.74,136.94,235.66)}, that is {@code #0d89ec}).
   */
  private static final Pattern COLOUR =
      Pattern.compile(
          "#[0-9a-fA-F]{6}(?![0-9a-fA-F])"
              + "|rgb\\(\\s*([0-9.]+)\\s*,\\s*([0-9.]+)\\s*,\\s*([0-9.]+)\\s*\\)");

  // Names the palette and the way it is applied (hex and, since session 7, rgb() colours), so that
  // browsers holding the year-long cached theme fetch the new one.
  private static final String PALETTE_VERSION =
      Long.toHexString(crc((PALETTE + " hex+rgb").getBytes()));

  private final Map<String, String> versions = new ConcurrentHashMap<>();

  /** The recoloured theme, worked out once: it is the same for every request. */
  private static volatile byte[] recolouredTheme;

  public AccessibleResources(ResourceHandler wrapped) {
    super(wrapped);
  }

  private static Map<String, String> palette() {
    var colours = new LinkedHashMap<String, String>();
    // primary blue (buttons, links, default tags, focus) and its hover/active shades
    colours.put("#2196f3", "#1565c0");
    colours.put("#0d89ec", "#0f4c97");
    colours.put("#0b7ad1", "#0d3e7b");
    // secondary text (placeholders, table captions, muted labels)
    colours.put("#6c757d", "#545b62");
    // success green
    colours.put("#689f38", "#2e7d32");
    colours.put("#5e8f32", "#276b2b");
    colours.put("#537f2d", "#1f5a23");
    // info cyan
    colours.put("#0288d1", "#01699f");
    colours.put("#027abc", "#015a89");
    colours.put("#026da7", "#014d75");
    // secondary blue-grey
    colours.put("#607d8b", "#4f6672");
    colours.put("#56717d", "#445862");
    colours.put("#4d646f", "#3a4c55");
    // error red used as text
    colours.put("#f44336", "#c62828");
    // input and checkbox borders: 3:1 against white (WCAG 1.4.11)
    colours.put("#ced4da", "#868e96");
    return Collections.unmodifiableMap(new TreeMap<>(colours));
  }

  /** The theme's text with the palette applied. */
  private static int channel(String value) {
    return (int) Math.max(0, Math.min(255, Math.round(Double.parseDouble(value))));
  }

  static String recolour(String css) {
    Matcher matcher = COLOUR.matcher(css);
    var out = new StringBuilder(css.length());
    while (matcher.find()) {
      String colour = matcher.group();
      String key =
          matcher.group(1) == null
              ? colour.toLowerCase()
              : String.format(
                  "#%02x%02x%02x",
                  channel(matcher.group(1)), channel(matcher.group(2)), channel(matcher.group(3)));
      matcher.appendReplacement(out, Matcher.quoteReplacement(PALETTE.getOrDefault(key, colour)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  @Override
  public Resource createResource(String resourceName) {
    return adapt(super.createResource(resourceName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName) {
    return adapt(super.createResource(resourceName, libraryName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName, String contentType) {
    return adapt(super.createResource(resourceName, libraryName, contentType));
  }

  private Resource adapt(Resource resource) {
    if (resource == null) {
      return null;
    }
    if (THEME_LIBRARY.equals(resource.getLibraryName())
        && THEME.equals(resource.getResourceName())) {
      return new Recoloured(resource);
    }
    String path = resource.getRequestPath();
    if (path == null || path.contains("v=")) {
      return resource;
    }
    return new Versioned(resource, versions.computeIfAbsent(key(resource), k -> hash(resource)));
  }

  private static String key(Resource resource) {
    return resource.getLibraryName() + "/" + resource.getResourceName();
  }

  private static String hash(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return Long.toHexString(crc(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long crc(byte[] bytes) {
    var crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  private static String withParameter(String path, String parameter) {
    return path + (path.contains("?") ? "&" : "?") + parameter;
  }

  /** A resource whose URL carries the hash of its content. */
  static final class Versioned extends ResourceWrapper {
    private final String version;

    Versioned(Resource wrapped, String version) {
      super(wrapped);
      this.version = version;
    }

    @Override
    public String getRequestPath() {
      return withParameter(super.getRequestPath(), "v=" + version);
    }
  }

  /** Saga's theme with the accessible palette; its URL names the palette too. */
  static final class Recoloured extends ResourceWrapper {

    Recoloured(Resource wrapped) {
      super(wrapped);
    }

    @Override
    public String getRequestPath() {
      return withParameter(super.getRequestPath(), "palette=" + PALETTE_VERSION);
    }

    @Override
    public InputStream getInputStream() throws IOException {
      byte[] theme = recolouredTheme;
      if (theme == null) {
        try (InputStream in = super.getInputStream()) {
          String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          theme = recolour(css).getBytes(StandardCharsets.UTF_8);
        }
        recolouredTheme = theme;
      }
      return new ByteArrayInputStream(theme);
    }
  }
}
