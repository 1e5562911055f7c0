package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What anyone reaches without logging in: the home page, the API's OpenAPI document, the login. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicPagesIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(Api.APP + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theHomePageIsInChineseAndLinksToThePortal() throws Exception {
    var page = get("/", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("UnionHub 工会服务平台").contains("/portal/apply/enrollment");
  }

  @Test
  void theOpenApiDocumentDescribesTheRestApi() throws Exception {
    var doc = get("/openapi", "application/yaml");
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.body())
        .contains("/api/v1/tenants:")
        .contains("/api/v1/tenants/{tenant}/modules/{module}/requests:")
        .contains("/api/v1/tenants/{tenant}/requests:")
        .contains("/api/v1/requests/{id}:")
        .contains("/api/v1/requests/{id}/transitions:")
        .contains("/api/v1/calendar/due-date:")
        .contains("/api/v1/calendar/years:")
        .contains("/api/v1/calendar/years/{year}:")
        .contains("/api/v1/tenants/{tenant}/holidays:")
        .contains("/api/v1/tenants/{tenant}/holidays/{date}:")
        .contains("/api/v1/tenants/{tenant}:")
        .contains("/api/v1/audit:")
        .doesNotContain("/admin/realms");
  }

  @Test
  void modulesAreDiscoveredWhileTheApplicationStartsNotOnFirstUse() throws Exception {
    Path log =
        Path.of(
            System.getProperty("unionhub.it.wildfly.home", "target/wildfly"),
            "standalone/log/server.log");
    // ISO-8859-1 reads any byte; the lines looked for are ASCII.
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    int deployed = lastIndex(lines, lines.size(), l -> l.contains("WFLYSRV0010"));
    int starting = lastIndex(lines, deployed, l -> l.contains("WFLYSRV0027"));
    assertThat(deployed).as("the deployment of this test class in %s", log).isPositive();
    assertThat(lines.subList(starting, deployed))
        .as("log lines between the start of the deployment and its end")
        .anyMatch(l -> l.contains("UnionHub modules loaded: [enrollment"));
  }

  private static int lastIndex(List<String> lines, int before, Predicate<String> match) {
    for (int i = before - 1; i >= 0; i--) {
      if (match.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aStaffPageSendsABrowserToKeycloakToLogIn() throws Exception {
    var page = get("/staff/worklist.xhtml", "text/html");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(
            l ->
                assertThat(l)
                    .startsWith(
                        KeycloakServer.url() + "/realms/unionhub/protocol/openid-connect/auth"));
  }
}
