/**
 * Tallies, the read models modules declare: the increments an action makes, who may read a tally
 * and when, and which cells an anonymous item hides (fewer than k respondents) — decisions with no
 * storage, shared by the server and the module test kit.
 */
package org.unionhub.platform.tally;
