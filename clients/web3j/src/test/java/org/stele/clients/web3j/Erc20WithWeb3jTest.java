package org.stele.clients.web3j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.Contract;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/** web3j deploys the suite's OpenZeppelin 5 ERC-20, transfers, reads Transfer events and decodes reverts. */
class Erc20WithWeb3jTest {

    private static final BigInteger SUPPLY = BigInteger.TEN.pow(24);
    private static final BigInteger CAP = SUPPLY.shiftLeft(1);
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(3_000_000);
    private static final Event TRANSFER = new Event("Transfer", List.of(new TypeReference<Address>(true) {
    }, new TypeReference<Address>(true) {
    }, new TypeReference<Uint256>() {
    }));

    private static DevNode node;
    private static Web3j web3;
    private static long chainId;
    private static Credentials alice;
    private static Credentials bob;
    private static RawTransactionManager aliceTx;
    private static PollingTransactionReceiptProcessor receipts;
    private static String token;

    @BeforeAll
    static void deployToken() throws Exception {
        ContractArtifacts artifacts = ContractArtifacts.load();
        node = DevNode.start();
        web3 = Web3j.build(new HttpService(node.rpcUrl()));
        chainId = web3.ethChainId().send().getChainId().longValueExact();
        alice = DevAccounts.account(6);
        bob = DevAccounts.account(7);
        receipts = new PollingTransactionReceiptProcessor(web3, 100, 300);
        aliceTx = new RawTransactionManager(web3, alice, chainId, receipts);

        String constructorArgs = FunctionEncoder.encodeConstructor(List.of(new Uint256(SUPPLY), new Uint256(CAP)));
        TransactionReceipt deployed = mined(aliceTx.sendTransaction(gasPrice(), GAS_LIMIT, null,
                artifacts.bytecode("SteleToken") + constructorArgs, BigInteger.ZERO));
        assertThat(deployed.isStatusOK()).isTrue();
        token = deployed.getContractAddress();
    }

    @AfterAll
    static void stopNode() {
        if (web3 != null) {
            web3.shutdown();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void derivesTheWellKnownDevAccountsAndSeesTheirFunds() throws IOException {
        assertThat(DevAccounts.account(0).getAddress()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(web3.ethGetBalance(alice.getAddress(), DefaultBlockParameterName.LATEST).send().getBalance())
                .isGreaterThan(BigInteger.TEN.pow(21));
        assertThat(web3.ethBlockNumber().send().getBlockNumber()).isPositive();
    }

    @Test
    void deployedTokenHasCodeAndAnswersViews() throws IOException {
        assertThat(web3.ethGetCode(token, DefaultBlockParameterName.LATEST).send().getCode()).hasSizeGreaterThan(2);
        assertThat(call(alice, new Function("name", List.of(), List.of(new TypeReference<Utf8String>() {
        }))).getFirst().getValue()).isEqualTo("Stele Token");
        assertThat(call(alice, new Function("totalSupply", List.of(), List.of(new TypeReference<Uint256>() {
        }))).getFirst().getValue()).isEqualTo(SUPPLY);
    }

    @Test
    void transfersAndReadsTheTransferEventFromTheReceiptAndFromGetLogs() throws Exception {
        BigInteger amount = BigInteger.valueOf(31_337);
        BigInteger before = balanceOf(bob.getAddress());
        TransactionReceipt receipt = mined(aliceTx.sendTransaction(gasPrice(), GAS_LIMIT, token,
                FunctionEncoder.encode(transfer(bob.getAddress(), amount)), BigInteger.ZERO));
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(balanceOf(bob.getAddress())).isEqualTo(before.add(amount));

        assertThat(receipt.getLogs()).hasSize(1);
        assertTransferEvent(receipt.getLogs().getFirst(), amount);

        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(receipt.getBlockNumber()),
                DefaultBlockParameter.valueOf(receipt.getBlockNumber()), token);
        filter.addSingleTopic(EventEncoder.encode(TRANSFER));
        filter.addNullTopic();
        filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(bob.getAddress()), 64));
        EthLog logs = web3.ethGetLogs(filter).send();
        assertThat(logs.hasError()).as("eth_getLogs error").isFalse();
        assertThat(logs.getLogs()).hasSize(1);
        Log log = (Log) logs.getLogs().getFirst().get();
        assertThat(log.getTransactionHash()).isEqualTo(receipt.getTransactionHash());
        assertTransferEvent(log, amount);
    }

    @Test
    void sendsAnEip1559TokenTransfer() throws Exception {
        BigInteger priority = web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
        BigInteger baseFee = web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getBaseFeePerGas();
        BigInteger maxFee = baseFee.shiftLeft(1).add(priority);
        TransactionReceipt receipt = mined(aliceTx.sendEIP1559Transaction(chainId, priority, maxFee, GAS_LIMIT, token,
                FunctionEncoder.encode(transfer(bob.getAddress(), BigInteger.ONE)), BigInteger.ZERO, false));
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(receipt.getType()).isEqualTo("0x2");
        assertThat(receipt.getEffectiveGasPrice()).isNotNull();
    }

    @Test
    void readsTheRequireReasonOfARevertingCall() throws IOException {
        Function tooMuch = new Function("strictTransfer", List.of(new Address(alice.getAddress()), new Uint256(CAP)),
                List.of(new TypeReference<Bool>() {
                }));
        EthCall result = web3.ethCall(Transaction.createEthCallTransaction(bob.getAddress(), token,
                FunctionEncoder.encode(tooMuch)), DefaultBlockParameterName.LATEST).send();
        assertThat(result.isReverted()).isTrue();
        assertThat(result.getRevertReason()).contains("SteleToken: balance too low");

        RawTransactionManager bobTx = new RawTransactionManager(web3, bob, chainId, receipts);
        assertThatThrownBy(
                () -> bobTx.sendCall(token, FunctionEncoder.encode(tooMuch), DefaultBlockParameterName.LATEST))
                .isInstanceOf(ContractCallException.class).hasMessageContaining("SteleToken: balance too low");
    }

    @Test
    void decodesACustomErrorFromTheRevertData() throws IOException {
        Function overCap = new Function("mint", List.of(new Address(bob.getAddress()), new Uint256(CAP)), List.of());
        EthCall result = web3.ethCall(Transaction.createEthCallTransaction(alice.getAddress(), token,
                FunctionEncoder.encode(overCap)), DefaultBlockParameterName.LATEST).send();
        assertThat(result.isReverted()).isTrue();
        assertThat(result.getError().getCode()).isEqualTo(3);
        // web3j keeps error.data as the raw JSON value, quotes included.
        String data = result.getError().getData().replace("\"", "");
        String selector = Hash.sha3String("CapExceeded(uint256,uint256)").substring(0, 10);
        assertThat(data).startsWith(selector);
        // The error's arguments are ABI-encoded like a function's return values.
        Function capExceeded = new Function("CapExceeded", List.of(), List.of(new TypeReference<Uint256>() {
        }, new TypeReference<Uint256>() {
        }));
        List<Type> args = FunctionReturnDecoder.decode(data.substring(10), capExceeded.getOutputParameters());
        assertThat(args).extracting(Type::getValue).containsExactly(SUPPLY.add(CAP), CAP);
    }

    @Test
    void minesARevertingTransactionAsAFailedReceipt() throws Exception {
        RawTransactionManager bobTx = new RawTransactionManager(web3, bob, chainId, receipts);
        Function tooMuch = new Function("strictTransfer", List.of(new Address(alice.getAddress()), new Uint256(CAP)),
                List.of());
        EthSendTransaction sent = bobTx.sendTransaction(gasPrice(), BigInteger.valueOf(200_000), token,
                FunctionEncoder.encode(tooMuch), BigInteger.ZERO);
        assertThat(sent.hasError()).as("send error %s", sent.getError() == null ? "" : sent.getError().getMessage())
                .isFalse();
        TransactionReceipt receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
        assertThat(receipt.isStatusOK()).isFalse();
        assertThat(receipt.getLogs()).isEmpty();
    }

    private static void assertTransferEvent(Log log, BigInteger amount) {
        assertThat(log.getTopics().getFirst()).isEqualTo(EventEncoder.encode(TRANSFER));
        var values = Contract.staticExtractEventParameters(TRANSFER, log);
        assertThat(values.getIndexedValues()).extracting(Type::getValue).containsExactly(alice.getAddress(),
                bob.getAddress());
        assertThat(values.getNonIndexedValues().getFirst().getValue()).isEqualTo(amount);
    }

    private static Function transfer(String to, BigInteger amount) {
        return new Function("transfer", List.of(new Address(to), new Uint256(amount)),
                List.of(new TypeReference<Bool>() {
        }));
    }

    private static BigInteger balanceOf(String owner) throws IOException {
        return (BigInteger) call(alice, new Function("balanceOf", List.of(new Address(owner)),
                List.of(new TypeReference<Uint256>() {
                }))).getFirst().getValue();
    }

    @SuppressWarnings("rawtypes")
    private static List<Type> call(Credentials from, Function function) throws IOException {
        EthCall result = web3.ethCall(Transaction.createEthCallTransaction(from.getAddress(), token,
                FunctionEncoder.encode(function)), DefaultBlockParameterName.LATEST).send();
        assertThat(result.hasError()).as("eth_call error").isFalse();
        return FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters());
    }

    private static BigInteger gasPrice() throws IOException {
        return web3.ethGasPrice().send().getGasPrice();
    }

    private static TransactionReceipt mined(EthSendTransaction sent) throws IOException, TransactionException {
        assertThat(sent.hasError()).as("eth_sendRawTransaction error: %s",
                sent.getError() == null ? "" : sent.getError().getMessage()).isFalse();
        return receipts.waitForTransactionReceipt(sent.getTransactionHash());
    }
}
