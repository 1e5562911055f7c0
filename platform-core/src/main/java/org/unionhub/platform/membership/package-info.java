/**
 * Union membership: admission when a module's request enters its admitting state, the nationwide
 * registry that keeps one membership per person (keyed hashes only), member numbers, the register,
 * leaving, and the member card. See docs/adr/0023.
 */
package org.unionhub.platform.membership;
