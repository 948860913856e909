package org.csotracker.documents;

/**
 * The result of {@link CertificatePdf#verify(byte[])}.
 *
 * @param signed             the file is a PDF carrying a digital signature
 * @param intact             the signature is valid and covers the whole file: nothing changed or was appended
 *                           after signing
 * @param signedByThisSystem the signer's certificate holds this system's public key
 * @param signer             the signer's name (common name of the signing certificate), or {@code null}
 * @param reason             a sentence explaining the result, for people
 */
public record SignatureCheck(boolean signed, boolean intact, boolean signedByThisSystem, String signer, String reason) {

    /** Signed by this system and unchanged since. */
    public boolean genuine() {
        return signed && intact && signedByThisSystem;
    }
}
