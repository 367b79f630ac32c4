package org.stele.p2p.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.PublicKey;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * A self-signed X.509 certificate for an ephemeral session key, bound to a node key by the node-identity extension
 * (OID {@value #EXTENSION_OID}). The extension's value is an OCTET STRING holding the RLP list
 * {@code [nodePublicKey, r, s, recoveryId, signaturePublicKey]}: the node's 64-byte public key and its signature,
 * under the chain's crypto suite, over {@code hash("stele-tls-handshake:" || SubjectPublicKeyInfo)} of the
 * certificate's own key ({@code signaturePublicKey} is empty for secp256k1 and carries the signer for SM2).
 */
public final class IdentityCertificate {
    /** A UUID-derived OID (ITU-T X.667, arc 2.25), so that it needs no registration and clashes with nothing. */
    public static final String EXTENSION_OID = "2.25.315066012695267365081519807453062575539";
    /** Domain separation: this signature can never be mistaken for a transaction, block seal or QBFT vote. */
    public static final String SIGNATURE_PREFIX = "stele-tls-handshake:";

    private static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier(EXTENSION_OID);
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(
            X9ObjectIdentifiers.ecdsa_with_SHA256);
    private static final X500Name SUBJECT = new X500Name("CN=stele-node");
    /** RFC 5280's "no well-defined expiration": session keys live as long as the process, not a calendar period. */
    private static final Instant NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");
    private static final int MAX_EXTENSION = 512;

    private IdentityCertificate() {
    }

    /** A session key and its certificate: what a node presents in every handshake. */
    public record Session(PrivateKey privateKey, X509Certificate certificate) {}

    /** A fresh P-256 session key with a certificate binding it to {@code nodeKey}. */
    public static Session issue(KeyPair nodeKey, CryptoSuite suite, Instant now, SecureRandom random) {
        java.security.KeyPair session = newSessionKey(random);
        byte[] spki = session.getPublic().getEncoded();
        Signature binding = suite.sign(bindingHash(suite, spki), nodeKey);
        byte[] extension = encodeBinding(nodeKey.publicKey(), binding);
        return new Session(session.getPrivate(), selfSigned(session, extension, now.minusSeconds(3600), NOT_AFTER,
                random));
    }

    /**
     * A self-signed certificate for {@code session} with {@code extension} as the identity extension's value (the RLP
     * list), or with no extension when it is null. {@link #issue} is the normal way; this lets tools and tests build
     * certificates with the binding they choose.
     */
    public static X509Certificate selfSigned(java.security.KeyPair session, byte[] extension, Instant notBefore,
            Instant notAfter, SecureRandom random) {
        try {
            var tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(63, random)));
            tbs.setSignature(ECDSA_SHA256);
            tbs.setIssuer(SUBJECT);
            tbs.setSubject(SUBJECT);
            tbs.setStartDate(new Time(Date.from(notBefore)));
            tbs.setEndDate(new Time(Date.from(notAfter)));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(session.getPublic().getEncoded()));
            if (extension != null) {
                var extensions = new ExtensionsGenerator();
                extensions.addExtension(OID, false, new DEROctetString(extension));
                tbs.setExtensions(extensions.generate());
            }
            TBSCertificate certificate = tbs.generateTBSCertificate();
            var signer = java.security.Signature.getInstance("SHA256withECDSA");
            signer.initSign(session.getPrivate(), random);
            signer.update(certificate.getEncoded(ASN1Encoding.DER));
            var v = new ASN1EncodableVector();
            v.add(certificate);
            v.add(ECDSA_SHA256);
            v.add(new DERBitString(signer.sign()));
            byte[] der = new DERSequence(v).getEncoded(ASN1Encoding.DER);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a session certificate", e);
        }
    }

    /** A P-256 key pair, the session key every JDK can use in TLS 1.3. */
    public static java.security.KeyPair newSessionKey(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /** The hash the node key signs: the suite's hash of the prefix and the session key's SubjectPublicKeyInfo. */
    public static byte[] bindingHash(CryptoSuite suite, byte[] subjectPublicKeyInfo) {
        byte[] prefix = SIGNATURE_PREFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[prefix.length + subjectPublicKeyInfo.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(subjectPublicKeyInfo, 0, message, prefix.length, subjectPublicKeyInfo.length);
        return suite.hash(message);
    }

    /** The identity extension's RLP list for a node public key and its binding signature. */
    public static byte[] encodeBinding(PublicKey nodePublicKey, Signature signature) {
        return new RlpWriter().startList().writeBytes(nodePublicKey.xy()).writeBytes(signature.r())
                .writeBytes(signature.s()).writeLong(signature.recoveryId()).writeBytes(signature.publicKey())
                .endList().toByteArray();
    }

    /**
     * The address of the node that {@code certificate} speaks for, after checking its validity period at {@code now},
     * its self-signature and the binding; a {@link CertificateException} says which check failed.
     */
    public static Address verify(X509Certificate certificate, CryptoSuite suite, Instant now)
            throws CertificateException {
        try {
            certificate.checkValidity(Date.from(now));
            certificate.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("peer certificate is not a valid self-signed certificate: "
                    + e.getMessage());
        }
        byte[] wrapped = certificate.getExtensionValue(EXTENSION_OID);
        if (wrapped == null)
            throw new CertificateException("peer certificate has no node-identity extension");
        byte[] rlp;
        try {
            var outer = ASN1OctetString.getInstance(wrapped).getOctets();
            rlp = ASN1OctetString.getInstance(outer).getOctets();
        } catch (IllegalArgumentException e) {
            throw new CertificateException("node-identity extension is not an OCTET STRING");
        }
        if (rlp.length > MAX_EXTENSION)
            throw new CertificateException("node-identity extension is too large");
        PublicKey nodeKey;
        Signature signature;
        try {
            RlpReader r = RlpReader.list(rlp);
            nodeKey = new PublicKey(r.readBytesValue());
            Bytes32 sr = r.readBytes32(), ss = r.readBytes32();
            long recoveryId = r.readLong();
            Bytes signer = r.readBytesValue();
            r.requireEnd();
            if (recoveryId > 3)
                throw new IllegalArgumentException("recovery id " + recoveryId);
            signature = new Signature(sr, ss, (int) recoveryId, signer);
        } catch (RlpException | IllegalArgumentException e) {
            throw new CertificateException("node-identity extension is malformed: " + e.getMessage());
        }
        byte[] hash = bindingHash(suite, certificate.getPublicKey().getEncoded());
        boolean valid;
        try {
            valid = suite.verify(hash, signature, nodeKey);
        } catch (RuntimeException e) {
            valid = false;
        }
        if (!valid)
            throw new CertificateException("node-identity signature does not bind the session key to the node key");
        return suite.address(nodeKey);
    }
}
