/**
 * The REST API under {@code /api/v1}: JSON in and out, errors as {@code {"errors":[...]}}, bearer
 * tokens from Keycloak. Audience: apps, mini-programs and scripts.
 */
package org.unionhub.platform.api;
