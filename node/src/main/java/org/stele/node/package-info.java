/**
 * The node: wiring of every module, configuration and lifecycle. Nothing depends on this module; it depends on all
 * of them.
 */
package org.stele.node;
