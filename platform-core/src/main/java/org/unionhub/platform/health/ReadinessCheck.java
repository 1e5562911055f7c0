package org.unionhub.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reported on WildFly's management port at {@code /health/ready}. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject PlatformReadiness readiness;

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("unionhub-database").status(readiness.isReady());
    if (readiness.failure() != null) {
      builder.withData("failure", readiness.failure());
    }
    return builder.build();
  }
}
