package org.unionhub.ui;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.unionhub.platform.card.QrCodes;
import org.unionhub.platform.membership.MemberCardService;
import org.unionhub.platform.membership.MembershipService;
import org.unionhub.platform.security.Caller;

/**
 * The member's card on their phone: a QR code carrying a token valid for a few minutes, renewed by
 * the page before it expires.
 */
@Named
@RequestScoped
public class CardBean {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject Caller caller;
  @Inject MemberCardService cards;
  @Inject MembershipService memberships;

  private MemberCardService.IssuedCard card;
  private String joinedOn;

  @PostConstruct
  void load() {
    memberships
        .mine(caller)
        .ifPresent(
            m -> {
              joinedOn = m.getJoinedOn().toString();
              card = cards.issue(caller);
            });
  }

  public boolean isMember() {
    return card != null;
  }

  public String getUnion() {
    return card == null ? null : card.union();
  }

  public String getName() {
    return card == null ? null : card.name();
  }

  public String getMemberNumber() {
    return card == null ? null : card.memberNumber();
  }

  public String getJoinedOn() {
    return joinedOn;
  }

  public String getExpiresAt() {
    return card == null ? null : TIME.format(card.expiresAt());
  }

  /**
   * @return the QR code as a data URI, so the image needs no second authenticated request
   */
  public String getQr() {
    return card == null
        ? null
        : "data:image/png;base64,"
            + Base64.getEncoder().encodeToString(QrCodes.png(card.token(), 360));
  }

  /**
   * @return the token, for a test or an app that reads the page
   */
  public String getToken() {
    return card == null ? null : card.token();
  }

  /** A lost phone: the old card stops at once, a new one is shown. */
  public void replace() {
    memberships.replaceCard(caller);
    card = cards.issue(caller);
    Messages.info("card.replaced");
  }
}
