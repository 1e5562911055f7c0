/** Discovery and validation of service modules found on the class path. */
package org.unionhub.platform.module;
