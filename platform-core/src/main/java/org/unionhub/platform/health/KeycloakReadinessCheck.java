package org.unionhub.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when Keycloak answers: without it nobody can log in or call the API. Reads the same
 * provider URL that the elytron-oidc-client configuration uses.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public HealthCheckResponse call() {
    String provider =
        System.getProperty("unionhub.oidc.provider-url", "http://localhost:8180/realms/unionhub");
    boolean up;
    try {
      var request =
          HttpRequest.newBuilder(URI.create(provider + "/.well-known/openid-configuration"))
              .timeout(Duration.ofSeconds(3))
              .build();
      up = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      up = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      up = false;
    }
    return HealthCheckResponse.named("unionhub-keycloak")
        .status(up)
        .withData("provider", provider)
        .build();
  }
}
