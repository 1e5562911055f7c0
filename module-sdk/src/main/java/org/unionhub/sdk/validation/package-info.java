/** Validators for Chinese identifiers that union forms collect. Audience: module developers. */
package org.unionhub.sdk.validation;
