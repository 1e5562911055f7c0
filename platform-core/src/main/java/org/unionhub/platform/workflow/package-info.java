/**
 * The workflow engine: the decisions of a request's life with no storage — form and rules at
 * submission, where it starts and when it is due, whether an action may move it, guard rules, rule
 * scenarios — shared by the request service and the module test kit.
 */
package org.unionhub.platform.workflow;
