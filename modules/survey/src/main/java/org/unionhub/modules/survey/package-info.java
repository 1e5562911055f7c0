/**
 * The survey and voting module (调查投票): union-owned surveys answered once per member and counted as
 * answers arrive. Depends on the module SDK only.
 */
package org.unionhub.modules.survey;
