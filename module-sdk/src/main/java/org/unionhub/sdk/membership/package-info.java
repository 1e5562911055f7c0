/**
 * How a module says that one of its requests makes the submitter a union member.
 *
 * @since 1.0
 */
package org.unionhub.sdk.membership;
