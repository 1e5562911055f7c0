/**
 * Form fields a module declares; the platform validates submissions against them and renders them
 * in the portal and admin UI. Audience: module developers.
 */
package org.unionhub.sdk.form;
