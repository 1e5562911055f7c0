/** What the {@code ./unionhub} launcher runs in Java: the embedded PostgreSQL's set-up steps. */
package org.unionhub.launcher;
