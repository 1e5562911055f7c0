package ${package};

/**
 * The rule fact for a suggestion.
 *
 * <p>Rules match on its getters, for example {@code Suggestion( detailLength < 20 )}.
 */
public final class Suggestion {

  private final String category;
  private final int detailLength;

  /**
   * Creates the fact.
   *
   * @param category the category chosen in the form
   * @param detailLength how many characters the suggestion itself has
   */
  public Suggestion(String category, int detailLength) {
    this.category = category;
    this.detailLength = detailLength;
  }

  public String getCategory() {
    return category;
  }

  public int getDetailLength() {
    return detailLength;
  }
}
