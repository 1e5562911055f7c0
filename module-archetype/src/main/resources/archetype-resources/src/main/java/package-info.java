/** A UnionHub service module. Depends on the module SDK only. */
package ${package};
