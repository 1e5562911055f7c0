/**
 * Message channels: how UnionHub reaches a person by text message, e-mail or another channel.
 * Channels are found with {@link java.util.ServiceLoader}, like modules; Keycloak's one-time codes
 * use them now, notifications will. A deployment adds a channel (an SMS gateway, say) as a JAR.
 *
 * @since 0.4
 */
package org.unionhub.sdk.message;
