/**
 * Value types shared by every module: byte strings, 32-byte words, addresses and 256-bit integers. Hex appears only
 * at the edges (JSON, CLI, fixtures); inside, everything is bytes or limbs.
 */
package org.stele.common;
