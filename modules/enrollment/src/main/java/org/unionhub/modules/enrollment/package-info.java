/**
 * The enrollment module (入会申请): a worker applies to join a grassroots union. Depends on the module
 * SDK only.
 */
package org.unionhub.modules.enrollment;
