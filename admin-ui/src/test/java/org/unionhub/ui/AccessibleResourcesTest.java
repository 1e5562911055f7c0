package org.unionhub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The accessible palette applied to PrimeFaces' Saga theme. */
class AccessibleResourcesTest {

  /** WCAG 2.1 contrast ratio of two sRGB colours written #rrggbb. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  @Test
  void replacesSagasFailingColoursWhateverTheirCaseAndLeavesOthers() {
    String css =
        ":root{--primary-color:#2196F3}.ui-button{background:#2196f3;color:#ffffff}"
            + ".ui-tag.ui-tag-success{background-color:#689F38}.x{color:#2196f3aa;border:#ced4da}";
    assertThat(AccessibleResources.recolour(css))
        .isEqualTo(
            ":root{--primary-color:#1565c0}.ui-button{background:#1565c0;color:#ffffff}"
                + ".ui-tag.ui-tag-success{background-color:#2e7d32}.x{color:#2196f3aa;border:#868e96}");
  }

  @Test
  void replacesTheHoverShadesSagaWritesAsFractionalRgb() {
    // Saga's primary button hover (#0d89ec, 3.7:1 with white) and active (#0b7ad1) shades, as its
    // theme.css writes them; an rgb() colour outside the palette stays as it is.
    String css =
        ".ui-button.ui-state-hover{background:rgb(12.7384615385,136.9384615385,235.6615384615)}"
            + ".ui-button:active{border-color:rgb(11.3230769231, 121.7230769231, 209.4769230769)}"
            + ".y{background:rgb(166.2,213,250.2)}";
    assertThat(AccessibleResources.recolour(css))
        .isEqualTo(
            ".ui-button.ui-state-hover{background:#0f4c97}"
                + ".ui-button:active{border-color:#0d3e7b}"
                + ".y{background:rgb(166.2,213,250.2)}");
  }

  @Test
  void everyReplacementReadsAt4point5To1AgainstWhiteAndBordersAt3To1() {
    AccessibleResources.PALETTE.forEach(
        (from, to) -> {
          double needed = from.equals("#ced4da") ? 3.0 : 4.5;
          assertThat(contrast(to, "#ffffff"))
              .as("%s → %s", from, to)
              .isGreaterThanOrEqualTo(needed);
        });
  }
}
