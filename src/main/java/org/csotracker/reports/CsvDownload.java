package org.csotracker.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A CSV file written straight to the response as rows arrive: UTF-8 with a byte-order mark (so
 * Excel reads accents), RFC 4180 quoting and line ends, a date-stamped file name, and text cells
 * that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
 * prefixed with an apostrophe.
 */
final class CsvDownload implements AutoCloseable {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CSVPrinter printer;
    private final ZoneId zone;
    private long rows;

    private CsvDownload(CSVPrinter printer, ZoneId zone) {
        this.printer = printer;
        this.zone = zone;
    }

    static CsvDownload start(HttpServletResponse response, String name, LocalDate today, ZoneId zone, List<String> headers) {
        response.setContentType(MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-" + today + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            CSVPrinter printer = CSVFormat.RFC4180.builder().get().print(writer);
            printer.printRecord(headers);
            return new CsvDownload(printer, zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void row(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(cell(value));
        }
        try {
            printer.printRecord(cells);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows() {
        return rows;
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(zone));
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof LocalDate) {
            return value.toString();
        }
        return guard(value.toString());
    }

    /** OWASP CSV injection: a text cell a spreadsheet would evaluate is made plain text. */
    static String guard(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
