/**
 * Jakarta Faces backing beans of the admin console, staff worklists and member portal. Pages live
 * in {@code META-INF/resources}; texts in the {@code messages} bundles (zh-CN default, en).
 */
package org.unionhub.ui;
