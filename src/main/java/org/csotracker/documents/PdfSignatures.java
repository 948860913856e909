package org.csotracker.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * PDF signatures: an invisible approval signature added as an incremental update, its value a detached CMS
 * (PKCS#7) SignedData over the signed byte ranges, SHA-256 with RSA, carrying the signer's certificate chain
 * ({@code adbe.pkcs7.detached}, which PDF/A-2 accepts); and checking such signatures.
 */
final class PdfSignatures {

    private static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PdfSignatures() {
    }

    /**
     * Signs a complete PDF.
     *
     * @param pdf the unsigned document as saved
     * @return the document with the signature appended as an incremental update
     */
    static byte[] sign(byte[] pdf, CertificateSigningKey.Material key, String signerName, String reason,
            Calendar signedAt) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(signerName);
            signature.setReason(reason);
            signature.setSignDate(signedAt);
            options.setPreferredSignatureSize(reservedSize(key));
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reservedSize(key) + 2048);
            ExternalSigningSupport signing = document.saveIncrementalForExternalSigning(out);
            signing.setSignature(cms(signing.getContent(), key, signedAt.getTime()));
            return out.toByteArray();
        }
    }

    /** Room for the CMS: the certificates, the signature value, signed attributes and some slack. */
    private static int reservedSize(CertificateSigningKey.Material key) {
        int size = 2048;
        for (X509Certificate certificate : key.chain()) {
            try {
                size += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                size += 4096;
            }
        }
        return size;
    }

    private static byte[] cms(InputStream content, CertificateSigningKey.Material key, Date signedAt)
            throws IOException {
        try {
            // the signing-time attribute says the same time as the signature dictionary's /M
            Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
            attributes.put(CMSAttributes.signingTime,
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(signedAt))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(DIGESTS)
                    .setSignedAttributeGenerator(
                            new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSTypedData data = new CMSProcessableByteArray(content.readAllBytes());
            return generator.generate(data, false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException e) {
            throw new IOException("Cannot sign the certificate PDF: " + e.getMessage(), e);
        }
    }

    // --- verifying ------------------------------------------------------------------------------------------

    /**
     * Checks the last signature of a PDF. Never throws for bad input.
     *
     * @param ourKey this system's public key, asked for only when a signature was found
     */
    static SignatureCheck verify(byte[] pdf, Supplier<java.security.PublicKey> ourKey) {
        if (pdf == null || pdf.length < 8 || !startsWithPdfHeader(pdf)) {
            return new SignatureCheck(false, false, false, null, "The file is not a PDF document.");
        }
        PDSignature signature;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new SignatureCheck(false, false, false, null, "The PDF carries no digital signature.");
            }
            signature = signatures.get(signatures.size() - 1);
            // read what is needed while the document is open
            signature.getCOSObject().getItem(COSName.CONTENTS);
            return check(pdf, signature, ourKey);
        } catch (IOException | RuntimeException e) {
            return new SignatureCheck(false, false, false, null, "The file is not a readable PDF document.");
        }
    }

    private static SignatureCheck check(byte[] pdf, PDSignature signature, Supplier<java.security.PublicKey> ourKey) {
        String subFilter = signature.getSubFilter();
        if (!PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName().equals(subFilter)
                && !PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)) {
            return new SignatureCheck(true, false, false, signature.getName(),
                    "The PDF is signed in a format this system does not check (" + subFilter + ").");
        }
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
                || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
            return new SignatureCheck(true, false, false, signature.getName(),
                    "The signature's byte range is damaged.");
        }
        byte[] contents = hexContents(pdf, range[1], range[2]);
        if (contents == null) {
            return new SignatureCheck(true, false, false, signature.getName(),
                    "The signature value is damaged.");
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);

        X509CertificateHolder signerCertificate;
        boolean valid;
        String problem = null;
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new SignatureCheck(true, false, false, signature.getName(),
                        "The signature does not have exactly one signer.");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certificates = cms.getCertificates();
            Collection<X509CertificateHolder> matches = certificates.getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new SignatureCheck(true, false, false, signature.getName(),
                        "The signature does not include the signer's certificate.");
            }
            signerCertificate = matches.iterator().next();
            try {
                // checked with the certificate's public key alone: trust comes from the key being ours, and the
                // certificate's validity period must not matter (tests sign with clocks set in other years)
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                        .build(new JcaX509CertificateConverter().getCertificate(signerCertificate).getPublicKey()));
                if (!valid) {
                    problem = "The signature value does not match the document.";
                }
            } catch (CMSSignerDigestMismatchException e) {
                valid = false;
                problem = "The document was changed after it was signed.";
            }
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException
                | RuntimeException e) {
            return new SignatureCheck(true, false, false, signature.getName(),
                    "The signature cannot be read: " + e.getMessage());
        }

        String signerName = commonName(signerCertificate, signature.getName());
        boolean ours;
        try {
            ours = Arrays.equals(signerCertificate.getSubjectPublicKeyInfo().getEncoded(),
                    ourKey.get().getEncoded());
        } catch (IOException | RuntimeException e) {
            ours = false; // no usable key of our own: then nothing was signed by this system
        }
        boolean coversWholeFile = (long) range[2] + range[3] == pdf.length;
        if (valid && !coversWholeFile) {
            problem = "The document was changed after it was signed (content was appended).";
        }
        boolean intact = valid && coversWholeFile;
        String reason;
        if (!intact) {
            reason = problem + (ours ? " It was signed by this system." : "");
        } else if (ours) {
            reason = "Signed by " + signerName + " with this system's key; unchanged since signing.";
        } else {
            reason = "Signed by " + signerName + ", but not with this system's key.";
        }
        return new SignatureCheck(true, intact, ours, signerName, reason);
    }

    private static boolean startsWithPdfHeader(byte[] pdf) {
        // PDF readers accept the header within the first 1024 bytes
        byte[] header = {'%', 'P', 'D', 'F', '-'};
        int limit = Math.min(pdf.length - header.length, 1024);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < header.length; j++) {
                if (pdf[i + j] != header[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The hex string {@code <...>} exactly filling the gap between the byte ranges, decoded; null if not. */
    private static byte[] hexContents(byte[] pdf, int start, int end) {
        if (end - start < 2 || pdf[start] != '<' || pdf[end - 1] != '>') {
            return null;
        }
        int digits = end - start - 2;
        if (digits % 2 != 0) {
            return null;
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(pdf[start + 1 + 2 * i], 16);
            int low = Character.digit(pdf[start + 2 + 2 * i], 16);
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }

    private static String commonName(X509CertificateHolder certificate, String fallback) {
        try {
            X509Certificate x509 = new JcaX509CertificateConverter().getCertificate(certificate);
            return CertificateSigningKey.commonName(x509);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            return fallback;
        }
    }
}
