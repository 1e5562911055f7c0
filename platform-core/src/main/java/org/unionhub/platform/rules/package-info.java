/**
 * The rule runtime on Drools: compiles rule text into KieBases shared by hash of the text, and
 * evaluates them in bounded sessions against a module's facts and action API.
 */
package org.unionhub.platform.rules;
