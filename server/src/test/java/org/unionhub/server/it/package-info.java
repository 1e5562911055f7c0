/**
 * End-to-end tests on the real stack: WildFly (Arquillian, managed), Keycloak, PostgreSQL and
 * headless Chromium. {@link org.unionhub.server.it.TestStack} brings up what Arquillian does not.
 */
package org.unionhub.server.it;
