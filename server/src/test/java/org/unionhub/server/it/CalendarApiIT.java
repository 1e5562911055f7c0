package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/v1/calendar/due-date} on China's official calendar. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void dueDateSkipsNationalDayAndCountsTheMakeUpSaturday() {
    var answer =
        Api.get(
            "/api/v1/calendar/due-date?tenant=gd-sz-ft&start=2026-09-29&workingDays=4", "ft-staff");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getString("dueDate")).isEqualTo("2026-10-10");
  }

  @Test
  void badParametersAreNamedAndUnknownTenantsAreNotFound() {
    var answer =
        Api.get(
            "/api/v1/calendar/due-date?tenant=gd-sz-ft&start=2026-13-01&workingDays=0", "ft-staff");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.raw()).contains("\"field\":\"start\"").contains("\"field\":\"workingDays\"");
    assertThat(
            Api.get(
                    "/api/v1/calendar/due-date?tenant=nope&start=2026-09-29&workingDays=1",
                    "ft-staff")
                .status())
        .isEqualTo(404);
  }
}
