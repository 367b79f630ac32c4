/**
 * The compiled contracts of an application's SDK: {@link org.stele.sdk.contracts.ContractArtifact} (the ABI and
 * creation bytecode that tools/solc built, read from the JSON committed next to the application's classes, so an SDK
 * deploys exactly what the sources say) and {@link org.stele.sdk.contracts.ContractErrors} (a revert's data named by
 * the custom errors those ABIs declare). Shared by the charity, notary and points applications.
 */
package org.stele.sdk.contracts;
