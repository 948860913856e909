package org.csotracker.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.csotracker.documents.CertificateThroughput;

/** Baseline (c) and the certificate figure: medians over the rounds. */
final class CertificateBenchmark {

    record Result(double signedPerSecond, double plainPerSecond, long signedKilobytes) {
    }

    private CertificateBenchmark() {
    }

    static Result run(int rounds) throws Exception {
        List<Double> signed = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < rounds; i++) {
            CertificateThroughput.Result r = CertificateThroughput.measure(600);
            signed.add(r.signedPerSecond());
            plain.add(r.plainPerSecond());
            size = r.signedKilobytes();
        }
        return new Result(Load.median(signed), Load.median(plain), size);
    }
}
