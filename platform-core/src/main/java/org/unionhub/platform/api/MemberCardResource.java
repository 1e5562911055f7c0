package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.card.Verdict;
import org.unionhub.platform.membership.MemberCardService;

/**
 * Public: anyone verifies a member card without logging in (web.xml leaves this path open), and
 * merchants fetch the public keys to verify offline.
 */
@Path("/member-cards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MemberCardResource {

  private static final Logger LOG = Logger.getLogger(MemberCardResource.class.getName());

  /** The platform's one JSON-P provider ({@link org.unionhub.platform.json.Json}; ADR 0025). */
  private static final jakarta.json.spi.JsonProvider JSON =
      org.unionhub.platform.json.Json.PROVIDER;

  @Inject MemberCardService cards;
  @Context HttpServletRequest http;

  @GET
  @Path("verify")
  @Operation(
      summary = "Verify a member card (no login)",
      description =
          "Always {valid, reason, name, union}: reason EXPIRED, REVOKED, BAD_SIGNATURE, MALFORMED"
              + " or RATE_LIMITED (429) when not valid; only the masked name and the union when"
              + " valid.")
  public Response verify(@QueryParam("token") String token) {
    Verdict v;
    try {
      v = cards.verify(token, http.getRemoteAddr());
    } catch (RuntimeException e) {
      // Never a stack trace to a stranger: the shape stays, the reason is that of a bad card.
      LOG.log(Level.WARNING, "card verification failed", e);
      v = Verdict.invalid(Verdict.Reason.MALFORMED);
    }
    int status = Verdict.Reason.RATE_LIMITED.name().equals(v.reason()) ? 429 : 200;
    var cache = new CacheControl();
    cache.setNoStore(true);
    var out = JSON.createObjectBuilder().add("valid", v.valid());
    add(out, "reason", v.reason());
    add(out, "name", v.name());
    add(out, "union", v.union());
    // Written as text: the JSON-P/JSON-B entity writers cost more than the answer.
    return Response.status(status)
        .cacheControl(cache)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(out.build().toString())
        .build();
  }

  private static void add(jakarta.json.JsonObjectBuilder b, String key, String value) {
    if (value == null) {
      b.addNull(key);
    } else {
      b.add(key, value);
    }
  }

  @GET
  @Path("jwks.json")
  @Produces("application/jwk-set+json")
  @Operation(summary = "The public keys that sign member cards (JWKS), for offline verification")
  public Response jwks() {
    var cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(cards.jwks()).cacheControl(cache).build();
  }
}
