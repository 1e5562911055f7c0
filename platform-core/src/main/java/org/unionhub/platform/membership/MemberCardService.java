package org.unionhub.platform.membership;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.unionhub.platform.card.CardClaims;
import org.unionhub.platform.card.CardTokens;
import org.unionhub.platform.card.RateLimiter;
import org.unionhub.platform.card.Verdict;
import org.unionhub.platform.personal.KeyFile;
import org.unionhub.platform.personal.Masks;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/**
 * Issues the member's card token and verifies anyone's. A token lives {@link #LIFETIME}; the card's
 * revocation is read from the database on every verification, so a revoked card fails at once on
 * every node.
 */
@ApplicationScoped
public class MemberCardService {

  /** How long a card token is valid: a screenshot soon stops working. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  /**
   * The revocation read: one primary-key select on the application's pool, outside any JTA
   * transaction (autocommit). {@code member_card} holds no tenant data and has no row-level
   * security, so it needs neither the Hibernate session nor the tenant scope a transaction sets up.
   */
  @Resource(lookup = "java:jboss/datasources/UnionHubDS")
  DataSource db;

  @Inject MembershipService memberships;
  @Inject TenantDirectory tenants;
  @Inject KeyFile keys;
  @Inject Clock clock;

  private final CardTokens tokens = new CardTokens();
  private final RateLimiter limiter =
      new RateLimiter(Integer.getInteger("unionhub.cards.verify-per-second", 20));

  /**
   * A card as the member's phone shows it.
   *
   * @param token the signed token the QR code carries
   * @param memberNumber the member number
   * @param name the masked name
   * @param union the union's name
   * @param expiresAt when the token expires
   */
  public record IssuedCard(
      String token, String memberNumber, String name, String union, Instant expiresAt) {}

  /**
   * @param caller a member
   * @return a fresh token for their current card
   */
  public IssuedCard issue(Caller caller) {
    Membership m = memberships.mine(caller).orElseThrow(() -> new NotVisibleException("member"));
    String union = tenants.find(m.getTenantId()).map(TenantView::name).orElse(m.getTenantId());
    Instant now = clock.instant();
    var claims =
        new CardClaims(
            m.getCardId().toString(),
            m.getMemberNumber(),
            Masks.name(m.getName()),
            union,
            now.plus(LIFETIME));
    return new IssuedCard(
        tokens.sign(keys.ring(), claims, now),
        claims.memberNumber(),
        claims.maskedName(),
        union,
        claims.expiresAt());
  }

  /**
   * @param token a card token
   * @param clientAddress who asks, for the rate limit
   * @return the verdict
   */
  public Verdict verify(String token, String clientAddress) {
    if (!limiter.allow(clientAddress, System.currentTimeMillis())) {
      return Verdict.invalid(Verdict.Reason.RATE_LIMITED);
    }
    return tokens.verify(keys.ring(), token, clock.instant(), this::active);
  }

  private boolean active(String cardId) {
    UUID id;
    try {
      id = UUID.fromString(cardId);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try (Connection c = db.getConnection();
        PreparedStatement read =
            c.prepareStatement("select revoked_at is null from member_card where card_id = ?")) {
      read.setObject(1, id);
      try (ResultSet rs = read.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      // Fails closed: the resource answers a card it cannot check as not valid.
      throw new IllegalStateException("cannot read the card's revocation", e);
    }
  }

  /**
   * @return the public card keys (JWKS)
   */
  public String jwks() {
    return CardTokens.jwks(keys.ring());
  }
}
