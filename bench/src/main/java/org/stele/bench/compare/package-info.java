/**
 * Side-by-side comparisons with other Ethereum implementations run on the same machine in the same run, so that
 * a figure in docs/performance.md is a ratio against a known reference rather than a number alone.
 */
package org.stele.bench.compare;
