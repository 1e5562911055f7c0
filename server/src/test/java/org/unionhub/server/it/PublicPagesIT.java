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
    assertThat(page.body()).contains("UnionHub 工会服务平台").contains("/portal/hall.xhtml");
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
  void pagesCarryTheSecurityHeadersAndNoServerVersion() throws Exception {
    var page = get("/", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    var headers = page.headers();
    assertThat(headers.allValues("Content-Security-Policy"))
        .singleElement()
        .satisfies(
            csp ->
                assertThat(csp)
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'")
                    .containsPattern("script-src 'self' 'nonce-[^']+'")
                    .doesNotContain("unsafe-eval"));
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("X-Powered-By")).isEmpty();
    assertThat(headers.firstValue("Server").orElse("")).doesNotContainPattern("[0-9]");

    assertThat(page.body()).as("PrimeFaces renders its scripts with the nonce").contains("nonce=");

    var api = get("/api/v1/tenants", "application/json");
    assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(api.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
  }

  @Test
  void cookiesAreHttpOnlyAndSameSite() throws Exception {
    var page = get("/staff/worklist.xhtml", "text/html");
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).isNotEmpty();
    assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
    assertThat(cookies)
        .filteredOn(c -> c.startsWith("JSESSIONID"))
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly"));
  }

  @Test
  void anApiCallWithoutATokenAnswers401JsonNotTheLoginPage() throws Exception {
    var api = get("/api/v1/tenants", "*/*");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(api.body()).startsWith("{\"errors\":[").contains("UNAUTHENTICATED");
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
