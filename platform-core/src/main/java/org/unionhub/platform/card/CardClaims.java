package org.unionhub.platform.card;

import java.time.Instant;

/**
 * What a card token says.
 *
 * @param cardId the card's id, what a revocation names
 * @param memberNumber the member number
 * @param maskedName the member's name, masked
 * @param union the union's name
 * @param expiresAt when the token stops being valid
 */
public record CardClaims(
    String cardId, String memberNumber, String maskedName, String union, Instant expiresAt) {}
