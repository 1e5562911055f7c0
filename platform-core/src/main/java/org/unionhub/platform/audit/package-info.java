/** Audit of administrative changes: the port platform services write to. */
package org.unionhub.platform.audit;
