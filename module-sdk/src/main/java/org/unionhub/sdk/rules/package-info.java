/**
 * The action API that module rules (default and tenant-authored) may call, bound in every rule
 * session as the global {@code actions}. Audience: module developers and rule authors.
 */
package org.unionhub.sdk.rules;
