/** The request state machine a module defines. Audience: module developers. */
package org.unionhub.sdk.workflow;
