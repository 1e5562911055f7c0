/**
 * UnionHub's runtime: modules, rules, tenancy context, requests, REST API and health. Internal to
 * the platform; module authors use {@code org.unionhub.sdk} instead.
 */
package org.unionhub.platform;
