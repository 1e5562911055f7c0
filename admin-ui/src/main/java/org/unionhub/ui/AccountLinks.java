package org.unionhub.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Where people manage their own account: Keycloak's account console of UnionHub's realm (password,
 * name, mobile number, language, sessions).
 */
@Named
@ApplicationScoped
public class AccountLinks {

  /**
   * @return the account console's address
   */
  public String getAccountConsole() {
    return System.getProperty("unionhub.oidc.provider-url", "http://localhost:8180/realms/unionhub")
            .replaceAll("/+$", "")
        + "/account";
  }
}
