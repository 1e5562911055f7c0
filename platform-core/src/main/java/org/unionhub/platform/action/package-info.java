/**
 * Actions people take on items or requests without moving a workflow (answer, vote, support): who
 * may act, the window, at most once per member, the payload's form, and what is stored for an
 * anonymous item — decisions with no storage, shared by the server and the module test kit.
 */
package org.unionhub.platform.action;
