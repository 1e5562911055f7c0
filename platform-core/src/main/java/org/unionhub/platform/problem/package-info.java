/**
 * What every use case says when it refuses: field errors with a code, refusals of a submission or
 * an attempt with every problem at once, "not allowed" (403) and "not visible" (404), and the form
 * check every shape shares. Used by every package; depends on none of them.
 */
package org.unionhub.platform.problem;
