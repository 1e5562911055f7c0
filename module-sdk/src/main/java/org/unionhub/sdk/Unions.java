package org.unionhub.sdk;

import java.util.Optional;

/**
 * What a module may ask about the union tree when it makes its rule facts: which grassroots union
 * an employer has, and what level a union is. Answers name active unions only. Enrollment uses it
 * so that its default rules route an application to the employer's union, or to a district union
 * when the employer has none.
 *
 * @since 1.1
 */
public interface Unions {

  /**
   * Knows no unions: what a module sees where the platform gives it no tree (a unit test that hands
   * in its own context).
   *
   * @since 1.1
   */
  Unions NONE =
      new Unions() {
        @Override
        public Optional<String> ofEmployer(String creditCode) {
          return Optional.empty();
        }

        @Override
        public Optional<String> level(String unionCode) {
          return Optional.empty();
        }
      };

  /**
   * The grassroots union that records this employer's unified social credit code.
   *
   * @param creditCode the employer's unified social credit code, or null
   * @return the union's code, empty when the employer has no active union (or the code is null)
   * @since 1.1
   */
  Optional<String> ofEmployer(String creditCode);

  /**
   * A union's level, lower case: {@code national}, {@code provincial}, {@code municipal}, {@code
   * district}, {@code grassroots} or {@code industry}.
   *
   * @param unionCode the union's code, or null
   * @return its level, empty when no active union has that code
   * @since 1.1
   */
  Optional<String> level(String unionCode);
}
