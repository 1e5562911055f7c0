/**
 * Service requests: submission through a module's form and rules, worklists, and transitions of a
 * module's state machine with optimistic locking and idempotent submission.
 */
package org.unionhub.platform.request;
