/** Tests of the points application's SDK and relayer against a dev node in this process. */
package org.stele.node.points;
