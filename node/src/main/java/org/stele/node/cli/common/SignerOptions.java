package org.stele.node.cli.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ClientTransactionManager;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import picocli.CommandLine.Option;

/**
 * Who signs an application's transactions: the node for {@code --from} (eth_sendTransaction, a dev chain's accounts)
 * or this process with the hex private key in {@code --key-file}.
 */
public final class SignerOptions {
    @Option(names = "--from", description = "Sign as this account of the node (eth_sendTransaction: a dev chain's accounts).")
    String from;

    @Option(names = "--key-file", description = "Sign here with the hex private key in this file.")
    Path keyFile;

    /** The account given with --from, or null. */
    public String from() {
        return from;
    }

    public boolean hasKeyFile() {
        return keyFile != null;
    }

    /** Whether a signer is given at all. */
    public boolean given() {
        return keyFile != null || from != null;
    }

    /** Refuses, as a bad argument, when neither --from nor --key-file is given. */
    public void require() {
        if (!given()) throw new IllegalArgumentException("give --from ADDRESS or --key-file FILE to sign");
    }

    /** The key of --key-file: 64 hex digits, 0x optional. */
    public Credentials key() throws IOException {
        if (keyFile == null) throw new IllegalArgumentException("give --key-file FILE");
        String hex = Files.readString(keyFile).strip();
        if (!hex.matches("(0x)?[0-9a-fA-F]{64}"))
            throw new IllegalArgumentException(keyFile + " does not hold a hex private key (64 hex digits)");
        return Credentials.create(hex);
    }

    /** Signs here with --key-file (for the node's chain id), or has the node sign for --from. */
    public TransactionManager transactionManager(Web3j web3j) throws IOException {
        if (keyFile != null)
            return new RawTransactionManager(web3j, key(), web3j.ethChainId().send().getChainId().longValueExact());
        require();
        return new ClientTransactionManager(web3j, from);
    }
}
