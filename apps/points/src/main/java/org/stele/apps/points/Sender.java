package org.stele.apps.points;

import org.web3j.crypto.Credentials;

/** Who signs the transactions a {@link PointsClient} sends. */
public sealed interface Sender {
    String address();

    /** The node signs for one of its own accounts ({@code eth_sendTransaction}: a dev chain's accounts). */
    record NodeAccount(String address) implements Sender {}

    /** Signed here with a private key that never leaves this process. */
    record Key(Credentials credentials) implements Sender {
        @Override
        public String address() {
            return credentials.getAddress();
        }
    }
}
