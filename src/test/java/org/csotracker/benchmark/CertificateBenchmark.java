package org.csotracker.benchmark;

/** Baseline (c) and the certificate figure; filled in once the signed PDF/A renderer is in place. */
final class CertificateBenchmark {

    record Result(double signedPerSecond, double plainPerSecond, long signedKilobytes) {
    }

    private CertificateBenchmark() {
    }

    static Result run(int rounds) {
        return null;
    }
}
