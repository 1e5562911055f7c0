package org.unionhub.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnrollmentTest {

  @Test
  void idNumbersCarryTheCheckCharacterOfGb11643() {
    // The README's example number, and one whose check character is a digit.
    assertThat(Enrollment.idNumber("110105", LocalDate.of(1949, 12, 31), 2))
        .isEqualTo("11010519491231002X");
    assertThat(Enrollment.idNumber("440305", LocalDate.of(1990, 5, 1), 123))
        .isEqualTo("440305199005011237");
  }

  @Test
  void aSubmissionBodyIsJsonWithEveryRequiredFieldAsText() {
    var data =
        Json.createReader(new StringReader(Enrollment.body())).readObject().getJsonObject("data");
    assertThat(data.keySet())
        .contains(
            "name",
            "gender",
            "idNumber",
            "mobile",
            "employerName",
            "employerCreditCode",
            "employmentType",
            "district");
    assertThat(data.getString("idNumber")).matches("440304(19[7-9]\\d)\\d{7}[0-9X]");
  }
}
