/**
 * The rule runtime on Drools: compiles rule text into KieBases shared by hash of the text, and
 * evaluates them in bounded sessions against a module's facts and action API. {@link
 * org.unionhub.platform.rules.RuleSandbox} decides which tenant-written rule layers may run at all.
 */
package org.unionhub.platform.rules;
