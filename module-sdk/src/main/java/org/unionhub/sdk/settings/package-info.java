/**
 * Settings a module declares and tenants adapt within bounds. Audience: module developers.
 *
 * @since 0.2
 */
package org.unionhub.sdk.settings;
