/**
 * The charity application's Java SDK: the compiled contracts ({@link org.stele.apps.charity.CharityContracts}), their
 * calls and refusals encoded and decoded through web3j's ABI codec ({@link org.stele.apps.charity.CharityCalls},
 * {@link org.stele.apps.charity.CharityContracts}), their events as records ({@link
 * org.stele.apps.charity.CharityEvent}), the first-in first-out attribution of disbursements to donations computed
 * from those events alone ({@link org.stele.apps.charity.FifoTrace}), and a client for any node over JSON-RPC
 * ({@link org.stele.apps.charity.CharityClient}). The contracts are the only record: nothing here keeps state of its
 * own.
 */
package org.stele.apps.charity;
