package org.csotracker.documents;

/** What checking a PDF's signature found. */
public record SignatureCheck(boolean signed, boolean intact, boolean signedByThisSystem, String signer, String reason) {
    public boolean genuine() {
        return signed && intact && signedByThisSystem;
    }
}
