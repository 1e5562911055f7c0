/**
 * Read models a module declares: counts and sums kept current as actions arrive (votes per choice,
 * answers per question, supports per suggestion), with who may read them. Audience: module
 * developers.
 *
 * @since 1.0
 */
package org.unionhub.sdk.tally;
