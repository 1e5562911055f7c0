/**
 * The member card: a short-lived ES256-signed token (JWS, nimbus-jose-jwt) in a QR code, verified
 * by anyone online or offline against the published JWKS, revoked through a table that holds no
 * personal data. See docs/adr/0023.
 */
package org.unionhub.platform.card;
