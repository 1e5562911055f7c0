package org.unionhub.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.unionhub.platform.people.AccountErasure;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.security.Caller;

/**
 * The member's own account: the way to Keycloak's account console, and erasing the account and
 * personal data (PIPL Art. 47), after which the session ends.
 */
@Named
@RequestScoped
public class AccountBean {

  @Inject Caller caller;
  @Inject AccountErasure erasure;
  @Inject SessionBean session;

  private boolean confirmed;

  /**
   * @return whether the caller may erase the account here (union officers' accounts are closed by
   *     their union's admin)
   */
  public boolean isErasable() {
    return !caller.isUnionOfficer();
  }

  /**
   * Erases the account and logs out.
   *
   * @throws IOException when the redirect fails
   * @throws ServletException when the container cannot log out
   */
  public void erase() throws IOException, ServletException {
    if (!confirmed) {
      Messages.error("account.erase.confirmFirst");
      return;
    }
    try {
      erasure.erase(caller);
    } catch (NotAllowedException e) {
      Messages.error("account.erase.officer");
      return;
    }
    session.logout();
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }
}
