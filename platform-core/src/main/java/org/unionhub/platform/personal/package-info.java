/**
 * Personal data at rest: resident ID and mobile numbers sealed with AES-GCM under keys kept in a
 * file outside the database ({@link org.unionhub.platform.personal.KeyRing}), a keyed hash (blind
 * index) for uniqueness, and masks for everyone without a need to see them. See docs/adr/0022.
 */
package org.unionhub.platform.personal;
