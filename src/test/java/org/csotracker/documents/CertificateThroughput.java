package org.csotracker.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Certificates per second on two threads: the signed PDF/A certificate and the plain PDFBox page (baseline c). */
public final class CertificateThroughput {

    public record Result(double signedPerSecond, double plainPerSecond, long signedKilobytes) {
    }

    private CertificateThroughput() {
    }

    public static Result measure(int count) throws Exception {
        CertificatePdf pdf = new CertificatePdf(CertificateSigningKey.inMemory("Seattle Police Department"), Clock.systemUTC());
        CertificateContent sample = sample(0);
        long size = pdf.render(sample).length;
        for (int i = 0; i < 50; i++) { // warm up both paths
            pdf.render(sample(i));
            pdf.renderPlain(sample(i));
        }
        double plain = perSecond(count, pdf::renderPlain);
        double signed = perSecond(count, pdf::render);
        return new Result(signed, plain, Math.round(size / 1024.0));
    }

    private static double perSecond(int count, Function<CertificateContent, byte[]> render) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                for (int i = offset; i < count; i += 2) {
                    render.apply(sample(i));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static CertificateContent sample(int i) {
        return new CertificateContent("CSO-2026-" + String.format("%06d", i) + "-4", "Nguyễn Thị Ánh " + i,
                CertificateContent.Kind.ACADEMY_COMPLETION, "Community Service Officer Academy", "Seattle Police Department",
                "Collaborative Policing Bureau", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23), LocalDate.of(2028, 11, 23),
                List.of(new CertificateContent.ModuleLine("Police operations", 40), new CertificateContent.ModuleLine("De-escalation", 32),
                        new CertificateContent.ModuleLine("Conflict resolution & mediation", 32),
                        new CertificateContent.ModuleLine("Crisis intervention", 40),
                        new CertificateContent.ModuleLine("Institutional racism & cultural competency", 24),
                        new CertificateContent.ModuleLine("Social work & system navigation", 24),
                        new CertificateContent.ModuleLine("Self-defense", 16)),
                List.of(new CertificateContent.Signatory("Adrian Diaz", "Chief of Police"),
                        new CertificateContent.Signatory("Sgt. Dana Whitfield", "CSO Program Supervisor")),
                "https://cso.example.org/verify/CSO-2026-" + String.format("%06d", i) + "-4");
    }
}
