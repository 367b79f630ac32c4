/**
 * A seeded, deterministic simulation of a QBFT network: real engines, real signatures and real WALs on a simulated
 * network with latency, drops, duplicates, partitions, crashes and Byzantine validators, checking agreement,
 * validity and progress after every step. A run is a pure function of its configuration and seed.
 */
package org.stele.simulation;
