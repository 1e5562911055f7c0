package org.unionhub.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers {@code /realms/{realm}/unionhub}: UnionHub's own endpoints in each realm. */
public class SetupLinkResourceFactory implements RealmResourceProviderFactory {

  /** The path segment under the realm. */
  public static final String ID = "unionhub";

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new SetupLinkResource(session);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
