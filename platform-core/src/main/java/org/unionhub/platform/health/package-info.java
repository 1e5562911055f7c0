/** Readiness: UnionHub reports ready only once its schema is migrated and its data loaded. */
package org.unionhub.platform.health;
