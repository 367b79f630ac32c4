/**
 * What the application and tool commands ({@code stele charity}, {@code notary}, {@code points}, {@code vc},
 * {@code did}, {@code gov}) share: the {@code --rpc} option, the signer options of the applications, and the one way
 * a command says what went wrong (one line on standard error, an exit status, never a stack trace).
 */
package org.stele.node.cli.common;
