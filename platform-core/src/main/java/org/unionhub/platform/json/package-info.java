/**
 * JSON-P for platform code: {@link org.unionhub.platform.json.Json}, the factory methods of {@code
 * jakarta.json.Json} on one provider looked up once.
 */
package org.unionhub.platform.json;
