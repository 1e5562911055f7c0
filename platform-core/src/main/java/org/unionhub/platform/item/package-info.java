/**
 * Items a union owns (surveys, votes): the decisions of their life with no storage — what a draft
 * must satisfy, who manages them, publishing and closing, when questions may still change — shared
 * by the server's item storage and the module test kit.
 */
package org.unionhub.platform.item;
